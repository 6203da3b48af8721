package dev.pantau.keywords.analysis;

import static dev.pantau.keywords.analysis.MentionFieldNames.*;

import dev.pantau.keywords.MentionFields;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexOptions;

/**
 * A mention analysed once: its language, the terms of every field and the surface word at every
 * position (to turn highlight positions back into words).
 */
public final class AnalyzedMention {

  private static final FieldType PREFIX_TYPE = new FieldType();

  /** Positions for phrases and NEAR; no norms, since matching never scores. */
  private static final FieldType TEXT_TYPE = new FieldType();

  static {
    TEXT_TYPE.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
    TEXT_TYPE.setTokenized(true);
    TEXT_TYPE.setOmitNorms(true);
    TEXT_TYPE.freeze();
    PREFIX_TYPE.setIndexOptions(IndexOptions.DOCS);
    PREFIX_TYPE.setTokenized(true);
    PREFIX_TYPE.setOmitNorms(true);
    PREFIX_TYPE.freeze();
  }

  private final MentionFields mention;
  private final String lang;
  private final PreAnalyzedTokenStream.TermList body;
  private final PreAnalyzedTokenStream.TermList title;
  private final PreAnalyzedTokenStream.TermList raw;
  private final PreAnalyzedTokenStream.TermList prefixes;
  private final List<String> authors;
  private final List<String> sites;
  private final String source;
  private final String[] titleSurfaces;
  private final String[] textSurfaces;
  private final int textBase;

  AnalyzedMention(
      MentionFields mention,
      String lang,
      PreAnalyzedTokenStream.TermList body,
      PreAnalyzedTokenStream.TermList title,
      PreAnalyzedTokenStream.TermList raw,
      Set<String> prefixes,
      List<String> authors,
      List<String> sites,
      String source,
      String[] titleSurfaces,
      String[] textSurfaces,
      int textBase) {
    this.mention = mention;
    this.lang = lang;
    this.body = body;
    this.title = title;
    this.raw = raw;
    this.prefixes = new PreAnalyzedTokenStream.TermList();
    int p = 0;
    for (String s : prefixes) {
      this.prefixes.add(s, p++, 0, 0);
    }
    this.authors = authors;
    this.sites = sites;
    this.source = source;
    this.titleSurfaces = titleSurfaces;
    this.textSurfaces = textSurfaces;
    this.textBase = textBase;
  }

  public MentionFields mention() {
    return mention;
  }

  /** The language the mention was analysed in: as given, else detected. */
  public String lang() {
    return lang;
  }

  /** The source, {@code web} when absent (SPEC §1). */
  public String source() {
    return source;
  }

  /** Normalised author handle and id (lowercase, no {@code @}). */
  public List<String> authors() {
    return authors;
  }

  /** The host of the url and its parent domains, most specific first. */
  public List<String> sites() {
    return sites;
  }

  /**
   * A fresh indexable field of one text field ({@code body}, {@code title}, {@code raw}) with its
   * positions, or null when the mention has no term there: for running a positional query on a
   * one-field index.
   */
  public Field textField(String field) {
    PreAnalyzedTokenStream.TermList list =
        switch (field) {
          case BODY -> body;
          case TITLE -> title;
          case RAW -> raw;
          default -> throw new IllegalArgumentException("not a text field: " + field);
        };
    return list.size == 0 ? null : new Field(field, new PreAnalyzedTokenStream(list), TEXT_TYPE);
  }

  /** A fresh Lucene document (token streams are single-use, so each call builds new fields). */
  public Document document() {
    Document doc = new Document();
    doc.add(new Field(BODY, new PreAnalyzedTokenStream(body), TEXT_TYPE));
    if (title.size > 0) {
      doc.add(new Field(TITLE, new PreAnalyzedTokenStream(title), TEXT_TYPE));
    }
    if (raw.size > 0) {
      doc.add(new Field(RAW, new PreAnalyzedTokenStream(raw), TEXT_TYPE));
    }
    if (prefixes.size > 0) {
      doc.add(new Field(PREFIX, new PreAnalyzedTokenStream(prefixes), PREFIX_TYPE));
    }
    for (String a : authors) {
      doc.add(new StringField(AUTHOR, a, Field.Store.NO));
    }
    for (String s : sites) {
      doc.add(new StringField(SITE, s, Field.Store.NO));
    }
    doc.add(new StringField(LANG, lang, Field.Store.NO));
    doc.add(new StringField(SOURCE, source, Field.Store.NO));
    String country = country();
    if (country != null) {
      doc.add(new StringField(COUNTRY, country, Field.Store.NO));
    }
    return doc;
  }

  /**
   * Calls {@code consumer} with every term that {@link #document()} indexes in {@code field}, once
   * per occurrence: what the matcher looks up and checks queries against without building an index.
   */
  public void forEachIndexedTerm(String field, java.util.function.Consumer<String> consumer) {
    switch (field) {
      case BODY -> forEach(body, consumer);
      case TITLE -> forEach(title, consumer);
      case RAW -> forEach(raw, consumer);
      case PREFIX -> forEach(prefixes, consumer);
      case AUTHOR -> authors.forEach(consumer);
      case SITE -> sites.forEach(consumer);
      case LANG -> consumer.accept(lang);
      case SOURCE -> consumer.accept(source);
      case COUNTRY -> {
        String country = country();
        if (country != null) {
          consumer.accept(country);
        }
      }
      default -> {}
    }
  }

  private static void forEach(
      PreAnalyzedTokenStream.TermList list, java.util.function.Consumer<String> consumer) {
    for (int i = 0; i < list.size; i++) {
      consumer.accept(list.terms[i]);
    }
  }

  private String country() {
    String c = mention.country();
    return c == null || c.isBlank() ? null : c.strip().toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * Calls {@code consumer} with every term of a text field ({@code body}, {@code title}, {@code
   * raw}) and its position.
   */
  public void forEachTerm(String field, java.util.function.ObjIntConsumer<String> consumer) {
    PreAnalyzedTokenStream.TermList list =
        switch (field) {
          case BODY -> body;
          case TITLE -> title;
          case RAW -> raw;
          default -> null;
        };
    if (list == null) {
      return;
    }
    int pos = -1;
    for (int i = 0; i < list.size; i++) {
      pos += list.posIncs[i];
      consumer.accept(list.terms[i], pos);
    }
  }

  /** The word written at a body/raw position, or null. */
  public String surfaceAt(int position) {
    if (position < 0) {
      return null;
    }
    if (position < titleSurfaces.length) {
      return titleSurfaces[position];
    }
    int p = position - textBase;
    return p >= 0 && p < textSurfaces.length ? textSurfaces[p] : null;
  }
}
