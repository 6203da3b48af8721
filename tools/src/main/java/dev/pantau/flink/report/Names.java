package dev.pantau.flink.report;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;

/**
 * One string per distinct brand, group, window and source name, found from the parser's own
 * characters: a million KPI records hold a few tens of names, and a new string per record and
 * field, interned afterwards, was a tenth of reading them. Safe on several threads: lookups read an
 * immutable table; a new name copies it.
 */
final class Names {
  private volatile String[] table = new String[64];

  /** The current string value of {@code p}, as the one instance kept for it. */
  String of(JsonParser p) throws IOException {
    char[] c = p.getTextCharacters();
    int off = p.getTextOffset();
    int len = p.getTextLength();
    int h = 0;
    for (int i = off; i < off + len; i++) {
      h = 31 * h + c[i];
    }
    String[] t = table;
    int mask = t.length - 1;
    for (int i = h & mask; t[i] != null; i = (i + 1) & mask) {
      String s = t[i];
      if (s.hashCode() == h && same(s, c, off, len)) {
        return s;
      }
    }
    return add(new String(c, off, len));
  }

  private static boolean same(String s, char[] c, int off, int len) {
    if (s.length() != len) {
      return false;
    }
    for (int i = 0; i < len; i++) {
      if (s.charAt(i) != c[off + i]) {
        return false;
      }
    }
    return true;
  }

  private synchronized String add(String s) {
    String[] t = table;
    int size = 0;
    for (String e : t) {
      if (e != null) {
        if (e.equals(s)) {
          return e;
        }
        size++;
      }
    }
    String[] bigger = new String[2 * (size + 1) > t.length ? t.length * 2 : t.length];
    for (String e : t) {
      if (e != null) {
        insert(bigger, e);
      }
    }
    insert(bigger, s);
    table = bigger;
    return s;
  }

  private static void insert(String[] t, String s) {
    int mask = t.length - 1;
    int i = s.hashCode() & mask;
    while (t[i] != null) {
      i = (i + 1) & mask;
    }
    t[i] = s;
  }
}
