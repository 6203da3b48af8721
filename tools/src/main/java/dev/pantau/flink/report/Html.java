package dev.pantau.flink.report;

import java.util.Locale;

/** Escaping and number formats shared by the HTML report and its charts. */
final class Html {
  private Html() {}

  static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /** Whole numbers grouped in thousands, as a reader expects them in a headline. */
  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  static String percent(Double ratio) {
    return ratio == null ? "–" : String.format(Locale.ROOT, "%.1f%%", ratio * 100);
  }

  static String signedPercent(Double ratio) {
    return ratio == null ? "–" : String.format(Locale.ROOT, "%+.1f%%", ratio * 100);
  }

  static String net(Double v) {
    return v == null ? "–" : String.format(Locale.ROOT, "%+.3f", v);
  }

  /** A number for an attribute a machine reads back: plain, no grouping. */
  static String raw(Number n) {
    return n == null
        ? ""
        : n instanceof Double d ? String.format(Locale.ROOT, "%.6f", d) : n.toString();
  }
}
