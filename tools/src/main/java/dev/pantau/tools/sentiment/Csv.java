package dev.pantau.tools.sentiment;

import java.util.ArrayList;
import java.util.List;

/** RFC 4180 CSV: quoted fields with doubled quotes and line breaks inside. */
final class Csv {

  private Csv() {}

  static List<List<String>> parse(String s) {
    List<List<String>> records = new ArrayList<>();
    List<String> record = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    int i = 0;
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < n && s.charAt(i + 1) == '"') {
            field.append('"');
            i += 2;
            continue;
          }
          quoted = false;
        } else {
          field.append(c);
        }
        i++;
        continue;
      }
      if (c == '"' && field.length() == 0) {
        quoted = true;
      } else if (c == ',') {
        record.add(field.toString());
        field.setLength(0);
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < n && s.charAt(i + 1) == '\n') {
          i++;
        }
        record.add(field.toString());
        field.setLength(0);
        if (!(record.size() == 1 && record.get(0).isEmpty())) {
          records.add(record);
        }
        record = new ArrayList<>();
      } else {
        field.append(c);
      }
      i++;
    }
    if (field.length() > 0 || !record.isEmpty()) {
      record.add(field.toString());
      records.add(record);
    }
    return records;
  }
}
