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

  /** One line of a resource: its number (from 1) and its tab-separated cells. */
  record Row(int line, String[] cells) {}

  /**
   * Lines of a resource split at tabs, without blank lines and comments ("#" alone, or "# " and a
   * text: a "#" followed by anything else is data, like VADER's "#-)" emoticon). A missing resource
   * is an error.
   */
  static List<Row> rows(String name) {
    List<Row> rows = new ArrayList<>();
    try (InputStream in = Resources.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("sentiment resource missing from the class path: " + name);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      int lineNo = 0;
      while ((line = reader.readLine()) != null) {
        lineNo++;
        if (!line.isBlank() && !line.equals("#") && !line.startsWith("# ")) {
          rows.add(new Row(lineNo, line.split("\t", -1)));
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
    for (Row row : rows(name)) {
      String[] cells = row.cells();
      if (cells.length < 2) {
        throw new IllegalStateException(name + " line " + row.line() + ": expected key<TAB>number");
      }
      try {
        map.put(cells[0], Double.parseDouble(cells[1]));
      } catch (NumberFormatException e) {
        throw new IllegalStateException(
            name + " line " + row.line() + ": not a number: " + cells[1], e);
      }
    }
    return Collections.unmodifiableMap(map);
  }

  /** The lists of {@code word_lists.tsv}, by name ({@code CLASS.LIST}), read once. */
  private static final class WordLists {
    static final Map<String, java.util.Set<String>> LISTS = read();

    private static Map<String, java.util.Set<String>> read() {
      Map<String, java.util.Set<String>> lists = new LinkedHashMap<>();
      for (Row row : rows("word_lists.tsv")) {
        if (row.cells().length != 2) {
          throw new IllegalStateException(
              "word_lists.tsv line " + row.line() + ": expected CLASS.LIST<TAB>word");
        }
        lists
            .computeIfAbsent(row.cells()[0], k -> new java.util.LinkedHashSet<>())
            .add(row.cells()[1]);
      }
      Map<String, java.util.Set<String>> out = new LinkedHashMap<>();
      lists.forEach((k, v) -> out.put(k, lookupSet(v)));
      return Collections.unmodifiableMap(out);
    }
  }

  /** One list of {@code word_lists.tsv}; a missing list is an error. */
  static java.util.Set<String> list(String name) {
    java.util.Set<String> words = WordLists.LISTS.get(name);
    if (words == null) {
      throw new IllegalStateException("word_lists.tsv has no list " + name);
    }
    return words;
  }

  /** A resource of one word a line (what follows a tab is a note), as an immutable set. */
  static java.util.Set<String> words(String name) {
    java.util.Set<String> out = new java.util.LinkedHashSet<>();
    for (Row row : rows(name)) {
      out.add(row.cells()[0]);
    }
    return lookupSet(out);
  }

  /**
   * An unmodifiable copy for {@code contains}, a hash table by {@link java.util.HashSet}: scoring
   * asks the word lists about every token, nearly always for a word they lack, and a miss there
   * mostly finds an empty bucket or a different stored hash, where {@code Set.copyOf}'s table
   * divides for its slot and compares strings along its probe. No code reads these sets in order.
   */
  static <T> java.util.Set<T> lookupSet(java.util.Collection<? extends T> elements) {
    return Collections.unmodifiableSet(new java.util.HashSet<>(elements));
  }

  /** As {@link #lookupSet}, for a map. */
  static <K, V> Map<K, V> lookupMap(Map<? extends K, ? extends V> entries) {
    return Collections.unmodifiableMap(new java.util.HashMap<>(entries));
  }

  /** A resource of {@code key<TAB>text} lines. */
  static Map<String, String> strings(String name) {
    Map<String, String> map = new LinkedHashMap<>();
    for (Row row : rows(name)) {
      if (row.cells().length >= 2) {
        map.putIfAbsent(row.cells()[0], row.cells()[1]);
      }
    }
    return Collections.unmodifiableMap(map);
  }
}
