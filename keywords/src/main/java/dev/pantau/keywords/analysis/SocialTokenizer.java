package dev.pantau.keywords.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts social text into words, hashtags, handles, URLs, e-mail addresses and emoji.
 *
 * <p>Hand-written rather than Lucene's {@code StandardTokenizer} or {@code UAX29URLEmailTokenizer}
 * because those drop the {@code #} and {@code @} signs and do not follow SPEC §2's handle boundary:
 * a handle is {@code @} followed by {@code [A-Za-z0-9_]+}, not preceded by a letter, digit, {@code
 * _} or {@code @}, ending at the first other character ({@code @acme's}, {@code @acme:} and
 * {@code @acme#x} hold {@code @acme}; {@code x@acme.com} holds none). Hashtags follow the same rule
 * with {@code #}.
 *
 * <p>Words are runs of letters, marks and digits; a hyphen or any other punctuation separates words
 * (so {@code coca-cola} gives {@code coca}, {@code cola} at consecutive positions, which the query
 * side matches as a phrase). A possessive {@code 's} is dropped, other inner apostrophes are
 * removed ({@code don't} is {@code dont}). Emoji are one token each, also when glued to a word.
 * URLs ({@code http://}, {@code https://}, {@code www.}) and e-mail addresses are one token each,
 * so the words inside them do not count as mentions.
 */
public final class SocialTokenizer {

  private SocialTokenizer() {}

  public static List<SocialToken> tokenize(String text) {
    List<SocialToken> out = new ArrayList<>(Math.max(8, text.length() / 5));
    tokenize(text, out);
    return out;
  }

  public static void tokenize(String text, List<SocialToken> out) {
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (c <= ' ' || Character.isWhitespace(c)) {
        i++;
        continue;
      }
      if ((c == 'h' || c == 'H' || c == 'w' || c == 'W') && !wordCharBefore(text, i)) {
        int urlEnd = urlEnd(text, i);
        if (urlEnd > 0) {
          out.add(new SocialToken(SocialToken.Kind.URL, text.substring(i, urlEnd), i, urlEnd));
          i = urlEnd;
          continue;
        }
      }
      if (c == '@' || c == '#') {
        int end = i + 1;
        while (end < n && isTagChar(text.charAt(end))) {
          end++;
        }
        if (end > i + 1 && !tagBlockedBefore(text, i)) {
          SocialToken.Kind kind = c == '@' ? SocialToken.Kind.HANDLE : SocialToken.Kind.HASHTAG;
          out.add(new SocialToken(kind, text.substring(i + 1, end), i, end));
          i = end;
          continue;
        }
        i++;
        continue;
      }
      int cp = text.codePointAt(i);
      if (isWordCodePoint(cp)) {
        int emailEnd = emailEnd(text, i);
        if (emailEnd > 0) {
          out.add(
              new SocialToken(SocialToken.Kind.EMAIL, text.substring(i, emailEnd), i, emailEnd));
          i = emailEnd;
          continue;
        }
        i = word(text, i, out);
        continue;
      }
      int len = Character.charCount(cp);
      if (isEmoji(cp)) {
        out.add(new SocialToken(SocialToken.Kind.EMOJI, text.substring(i, i + len), i, i + len));
      }
      i += len;
    }
  }

  /** Reads a word from {@code start}; returns the offset after it. */
  private static int word(String text, int start, List<SocialToken> out) {
    int n = text.length();
    int i = start;
    StringBuilder sb = null;
    int segStart = start;
    while (i < n) {
      int cp = text.codePointAt(i);
      if (isWordCodePoint(cp)) {
        i += Character.charCount(cp);
        continue;
      }
      if ((cp == '\'' || cp == '\u2019') && i + 1 < n && isWordCodePoint(text.codePointAt(i + 1))) {
        int next = i + 1;
        int after = next;
        while (after < n && isWordCodePoint(text.codePointAt(after))) {
          after += Character.charCount(text.codePointAt(after));
        }
        String suffix = text.substring(next, after);
        if (sb == null) {
          sb = new StringBuilder();
        }
        sb.append(text, segStart, i);
        if (!suffix.equalsIgnoreCase("s")) {
          sb.append(suffix);
        }
        i = after;
        segStart = after;
        continue;
      }
      break;
    }
    String raw;
    if (sb == null) {
      raw = text.substring(start, i);
    } else {
      sb.append(text, segStart, i);
      raw = sb.toString();
    }
    out.add(new SocialToken(SocialToken.Kind.WORD, raw, start, i));
    return i;
  }

  static boolean isTagChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }

  private static boolean tagBlockedBefore(String text, int i) {
    if (i == 0) {
      return false;
    }
    int cp = text.codePointBefore(i);
    return Character.isLetterOrDigit(cp) || cp == '_' || cp == '@' || cp == '#';
  }

  private static boolean wordCharBefore(String text, int i) {
    return i > 0 && isWordCodePoint(text.codePointBefore(i));
  }

  static boolean isWordCodePoint(int cp) {
    if (Character.isLetterOrDigit(cp)) {
      return true;
    }
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK
        || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK;
  }

  static boolean isEmoji(int cp) {
    int type = Character.getType(cp);
    return type == Character.OTHER_SYMBOL;
  }

  private static int urlEnd(String text, int i) {
    int body;
    if (text.regionMatches(true, i, "https://", 0, 8)) {
      body = i + 8;
    } else if (text.regionMatches(true, i, "http://", 0, 7)) {
      body = i + 7;
    } else if (text.regionMatches(true, i, "www.", 0, 4)) {
      body = i + 4;
    } else {
      return -1;
    }
    int n = text.length();
    int end = body;
    while (end < n
        && !Character.isWhitespace(text.charAt(end))
        && text.charAt(end) != '"'
        && text.charAt(end) != '<'
        && text.charAt(end) != '>') {
      end++;
    }
    while (end > body && ".,;:!?)]}'".indexOf(text.charAt(end - 1)) >= 0) {
      end--;
    }
    return end > body ? end : -1;
  }

  /** An address like {@code x@acme.com} starting at {@code i}, or -1. */
  private static int emailEnd(String text, int i) {
    int n = text.length();
    int j = i;
    while (j < n && (isLocalPartChar(text.charAt(j)))) {
      j++;
    }
    if (j >= n || text.charAt(j) != '@' || j == i) {
      return -1;
    }
    int k = j + 1;
    int dots = 0;
    int labelStart = k;
    while (k < n) {
      char c = text.charAt(k);
      if (Character.isLetterOrDigit(c) || c == '-') {
        k++;
      } else if (c == '.'
          && k > labelStart
          && k + 1 < n
          && Character.isLetterOrDigit(text.charAt(k + 1))) {
        dots++;
        k++;
        labelStart = k;
      } else {
        break;
      }
    }
    return dots > 0 && k > labelStart ? k : -1;
  }

  private static boolean isLocalPartChar(char c) {
    return Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
  }
}
