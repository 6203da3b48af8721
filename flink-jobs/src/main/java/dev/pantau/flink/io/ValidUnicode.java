package dev.pantau.flink.io;

/**
 * Makes a decoded JSON string valid Unicode. JSON allows escapes of lone UTF-16 surrogates ({@code
 * "\ud800"}) and Jackson decodes them as they are, but no UTF-8 writer can encode them: left in,
 * one such mention would break every output that carries its text. Each unpaired surrogate becomes
 * U+FFFD, the replacement character, and the mention is kept.
 */
public final class ValidUnicode {
  public static final char REPLACEMENT = '\uFFFD';

  private ValidUnicode() {}

  /**
   * {@code s} itself when it is valid (the common case allocates nothing), else a repaired copy.
   */
  public static String of(String s) {
    int bad = firstUnpaired(s, 0);
    if (bad < 0) {
      return s;
    }
    StringBuilder b = new StringBuilder(s.length());
    int from = 0;
    while (bad >= 0) {
      b.append(s, from, bad).append(REPLACEMENT);
      from = bad + 1;
      bad = firstUnpaired(s, from);
    }
    return b.append(s, from, s.length()).toString();
  }

  public static boolean isValid(String s) {
    return firstUnpaired(s, 0) < 0;
  }

  private static int firstUnpaired(String s, int from) {
    for (int i = from; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++;
        } else {
          return i;
        }
      } else if (Character.isLowSurrogate(c)) {
        return i;
      }
    }
    return -1;
  }
}
