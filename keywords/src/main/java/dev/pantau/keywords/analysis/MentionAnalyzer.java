package dev.pantau.keywords.analysis;

import static dev.pantau.keywords.analysis.MentionFieldNames.LONG_PREFIX_LENGTH;
import static dev.pantau.keywords.analysis.MentionFieldNames.PREFIX_LENGTH;
import static dev.pantau.keywords.analysis.MentionFieldNames.TITLE_TEXT_GAP;

import dev.pantau.keywords.MentionFields;
import dev.pantau.keywords.lang.LanguageDetector;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Analyses a mention for matching: tokenises title and text with {@link SocialTokenizer}, detects
 * the language when the mention has none, and produces each field's terms with {@link WordForms}.
 *
 * <p>At every word position the body holds the folded word, its repeated-letter variants, its stem
 * for the mention's language (English or Indonesian; other languages get none) and, for a hashtag
 * or handle, the signed form ({@code #acme}, {@code @acme}) next to the bare word ({@code acme}).
 * No stop words are removed: positions stay those of the written text, which NEAR/n counts.
 *
 * <p>Stateless and thread-safe.
 */
public final class MentionAnalyzer {

  public static final String DEFAULT_SOURCE = "web";

  public AnalyzedMention analyze(MentionFields m) {
    return analyze(m, true, true);
  }

  /**
   * Analyses a mention; {@code raw} and {@code prefixes} say whether the {@code raw} and {@code
   * pfx} fields are wanted (they are only when some query uses {@code raw:} or a wildcard: skipping
   * them saves a third of the terms looked up and indexed per mention).
   */
  public AnalyzedMention analyze(MentionFields m, boolean rawField, boolean prefixField) {
    String titleText = m.title() == null ? "" : m.title();
    List<SocialToken> titleTokens = SocialTokenizer.tokenize(titleText);
    List<SocialToken> textTokens = SocialTokenizer.tokenize(m.text());

    String lang =
        m.lang() == null || m.lang().isBlank()
            ? LanguageDetector.detect(titleTokens, textTokens)
            : m.lang().strip().toLowerCase(Locale.ROOT);

    PreAnalyzedTokenStream.TermList body = new PreAnalyzedTokenStream.TermList();
    PreAnalyzedTokenStream.TermList title = new PreAnalyzedTokenStream.TermList();
    PreAnalyzedTokenStream.TermList raw = new PreAnalyzedTokenStream.TermList();
    Set<String> prefixes = prefixField ? new LinkedHashSet<>() : null;

    String[] titleSurfaces = new String[titleTokens.size()];
    for (int i = 0; i < titleTokens.size(); i++) {
      SocialToken t = titleTokens.get(i);
      titleSurfaces[i] = emit(t, i, 0, lang, body, prefixes);
      emit(t, i, 0, lang, title, null);
      if (rawField) {
        emitRaw(t, i, 0, raw);
      }
    }
    int textBase = titleTokens.isEmpty() ? 0 : titleTokens.size() + TITLE_TEXT_GAP;
    int offsetBase = titleText.length() + 1;
    String[] textSurfaces = new String[textTokens.size()];
    for (int i = 0; i < textTokens.size(); i++) {
      SocialToken t = textTokens.get(i);
      textSurfaces[i] = emit(t, textBase + i, offsetBase, lang, body, prefixes);
      if (rawField) {
        emitRaw(t, textBase + i, offsetBase, raw);
      }
    }

    List<String> authors = new ArrayList<>(2);
    if (m.authorHandle() != null && !m.authorHandle().isBlank()) {
      authors.add(normaliseHandle(m.authorHandle()));
    }
    if (m.authorId() != null && !m.authorId().isBlank()) {
      String id = m.authorId().strip().toLowerCase(Locale.ROOT);
      if (!authors.contains(id)) {
        authors.add(id);
      }
    }
    String source =
        m.source() == null || m.source().isBlank()
            ? DEFAULT_SOURCE
            : m.source().strip().toLowerCase(Locale.ROOT);
    return new AnalyzedMention(
        m,
        lang,
        body,
        title,
        raw,
        prefixes == null ? Set.of() : prefixes,
        authors,
        sites(m.url()),
        source,
        titleSurfaces,
        textSurfaces,
        textBase);
  }

  /** Adds a token's analysed forms at {@code pos}; returns its surface (lowercase) form. */
  private static String emit(
      SocialToken t,
      int pos,
      int offsetBase,
      String lang,
      PreAnalyzedTokenStream.TermList out,
      Set<String> prefixes) {
    int s = t.start() + offsetBase;
    int e = t.end() + offsetBase;
    switch (t.kind()) {
      case WORD -> {
        String f = WordForms.fold(t.raw());
        wordForms(f, pos, s, e, lang, out, prefixes);
        return t.raw().toLowerCase(Locale.ROOT);
      }
      case HASHTAG, HANDLE -> {
        char sign = t.kind() == SocialToken.Kind.HASHTAG ? '#' : '@';
        String f = WordForms.fold(t.raw());
        String signed = sign + f;
        out.add(signed, pos, s, e);
        addPrefix(prefixes, signed);
        wordForms(f, pos, s, e, lang, out, prefixes);
        return sign + t.raw().toLowerCase(Locale.ROOT);
      }
      case URL, EMAIL -> {
        String f = t.raw().toLowerCase(Locale.ROOT);
        out.add(f, pos, s, e);
        return f;
      }
      default -> {
        out.add(t.raw(), pos, s, e);
        return t.raw();
      }
    }
  }

  private static void wordForms(
      String folded,
      int pos,
      int s,
      int e,
      String lang,
      PreAnalyzedTokenStream.TermList out,
      Set<String> prefixes) {
    for (String v : WordForms.variants(folded)) {
      out.add(v, pos, s, e);
      addPrefix(prefixes, v);
    }
    if (WordForms.stems(lang)) {
      String stem = WordForms.stem(WordForms.stemInput(folded), lang);
      if (!stem.equals(folded) && !WordForms.variants(folded).contains(stem)) {
        out.add(stem, pos, s, e);
      }
    }
  }

  private static void addPrefix(Set<String> prefixes, String term) {
    if (prefixes != null && term.length() >= PREFIX_LENGTH) {
      prefixes.add(term.substring(0, PREFIX_LENGTH));
      if (term.length() >= LONG_PREFIX_LENGTH) {
        prefixes.add(term.substring(0, LONG_PREFIX_LENGTH));
      }
    }
  }

  private static void emitRaw(
      SocialToken t, int pos, int offsetBase, PreAnalyzedTokenStream.TermList raw) {
    int s = t.start() + offsetBase;
    int e = t.end() + offsetBase;
    switch (t.kind()) {
      case HASHTAG -> {
        raw.add("#" + t.raw(), pos, s, e);
        raw.add(t.raw(), pos, s, e);
      }
      case HANDLE -> {
        raw.add("@" + t.raw(), pos, s, e);
        raw.add(t.raw(), pos, s, e);
      }
      default -> raw.add(t.raw(), pos, s, e);
    }
  }

  /** Lowercase, without a leading {@code @}. */
  public static String normaliseHandle(String handle) {
    String h = handle.strip().toLowerCase(Locale.ROOT);
    return h.startsWith("@") ? h.substring(1) : h;
  }

  /**
   * The host of a URL and its parent domains ({@code m.detik.com}, {@code detik.com}, {@code com}).
   */
  public static List<String> sites(String url) {
    String host = host(url);
    if (host == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>(4);
    String h = host;
    while (true) {
      out.add(h);
      int dot = h.indexOf('.');
      if (dot < 0 || dot == h.length() - 1) {
        break;
      }
      h = h.substring(dot + 1);
    }
    return out;
  }

  /** The lowercase host of a URL (with or without scheme), or null. */
  public static String host(String url) {
    if (url == null || url.isBlank()) {
      return null;
    }
    String u = url.strip();
    int scheme = u.indexOf("://");
    if (scheme >= 0) {
      u = u.substring(scheme + 3);
    }
    int end = u.length();
    for (int i = 0; i < u.length(); i++) {
      char c = u.charAt(i);
      if (c == '/' || c == '?' || c == '#') {
        end = i;
        break;
      }
    }
    u = u.substring(0, end);
    int at = u.lastIndexOf('@');
    if (at >= 0) {
      u = u.substring(at + 1);
    }
    int colon = u.indexOf(':');
    if (colon >= 0) {
      u = u.substring(0, colon);
    }
    u = u.toLowerCase(Locale.ROOT);
    while (u.endsWith(".")) {
      u = u.substring(0, u.length() - 1);
    }
    return u.isEmpty() ? null : u;
  }
}
