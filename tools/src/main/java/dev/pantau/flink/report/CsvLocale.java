package dev.pantau.flink.report;

import java.math.BigDecimal;

/**
 * How a CSV's numbers and cells are separated, per the locale of the spreadsheet that opens it. A
 * spreadsheet set to a decimal-comma locale such as Indonesian splits cells on {@code ;} and reads
 * {@code 0,25} as a number, but reads {@code 0.25} as text (or a date): hence {@code id}.
 */
public enum CsvLocale {
  EN(',', '.'),
  ID(';', ',');

  private final char separator;
  private final char decimal;

  CsvLocale(char separator, char decimal) {
    this.separator = separator;
    this.decimal = decimal;
  }

  public char separator() {
    return separator;
  }

  /** A number as the locale writes it: no grouping, no exponent, its decimal mark. */
  public String number(Number n) {
    if (n == null) {
      return "";
    }
    if (n instanceof Long || n instanceof Integer) {
      return n.toString();
    }
    String plain = BigDecimal.valueOf(n.doubleValue()).stripTrailingZeros().toPlainString();
    return decimal == '.' ? plain : plain.replace('.', decimal);
  }

  /**
   * Appends a decimal as {@link #number} writes it: the shortest form that reads back as the same
   * double, without an exponent. BigDecimal only for the rare value Java writes with one.
   */
  public void appendDecimal(StringBuilder b, double v) {
    String s = Double.toString(v);
    if (s.indexOf('E') >= 0) {
      b.append(number(v));
      return;
    }
    int end = s.endsWith(".0") ? s.length() - 2 : s.length();
    if (end == 2 && s.startsWith("-0")) {
      b.append('0');
      return;
    }
    for (int i = 0; i < end; i++) {
      char c = s.charAt(i);
      b.append(c == '.' ? decimal : c);
    }
  }

  /**
   * A text cell, quoted when it holds the separator, a quote or a line break. A cell starting with
   * {@code = + - @} is prefixed with {@code '} so a spreadsheet never runs it as a formula (brand
   * and group names come from configuration files anyone may edit).
   */
  public String text(String s) {
    String t = s;
    if (!t.isEmpty() && "=+-@".indexOf(t.charAt(0)) >= 0) {
      t = "'" + t;
    }
    if (t.indexOf(separator) >= 0
        || t.indexOf('"') >= 0
        || t.indexOf('\n') >= 0
        || t.indexOf('\r') >= 0) {
      return '"' + t.replace("\"", "\"\"") + '"';
    }
    return t;
  }
}
