package dev.pantau.keywords.sentiment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the tab-separated resources shipped beside this package on the class path. */
final class Resources {

  private Resources() {}

  /** Non-empty lines of a resource, each split at tabs; a missing resource is an error. */
  static List<String[]> rows(String name) {
    List<String[]> rows = new ArrayList<>();
    try (InputStream in = Resources.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("sentiment resource missing from the class path: " + name);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = reader.readLine()) != null) {
        if (!line.isBlank() && !line.startsWith("# ")) {
          rows.add(line.split("\t", -1));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read sentiment resource " + name, e);
    }
    return rows;
  }

  /** A resource of {@code key<TAB>number} lines; the last occurrence of a key wins, as in VADER. */
  static Map<String, Double> numbers(String name) {
    Map<String, Double> map = new LinkedHashMap<>();
    int lineNo = 0;
    for (String[] row : rows(name)) {
      lineNo++;
      if (row.length < 2) {
        throw new IllegalStateException(name + " row " + lineNo + ": expected key<TAB>number");
      }
      try {
        map.put(row[0], Double.parseDouble(row[1]));
      } catch (NumberFormatException e) {
        throw new IllegalStateException(name + " row " + lineNo + ": not a number: " + row[1], e);
      }
    }
    return Collections.unmodifiableMap(map);
  }

  /** A resource of {@code key<TAB>text} lines. */
  static Map<String, String> strings(String name) {
    Map<String, String> map = new LinkedHashMap<>();
    for (String[] row : rows(name)) {
      if (row.length >= 2) {
        map.putIfAbsent(row[0], row[1]);
      }
    }
    return Collections.unmodifiableMap(map);
  }
}
