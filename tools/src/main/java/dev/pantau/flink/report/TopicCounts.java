package dev.pantau.flink.report;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A KPI row's topic counts, by topic id in sorted order: two arrays instead of a tree of boxed
 * entries, because a month's report holds a million rows and each row's map was a third of its
 * memory. Immutable.
 */
final class TopicCounts extends AbstractMap<String, Long> {
  static final TopicCounts NONE = new TopicCounts(new String[0], new long[0], 0);

  private final String[] ids;
  private final long[] counts;

  private TopicCounts(String[] ids, long[] counts, int size) {
    this.ids = ids.length == size ? ids : Arrays.copyOf(ids, size);
    this.counts = counts.length == size ? counts : Arrays.copyOf(counts, size);
  }

  /**
   * Counts whose ids are sorted and distinct already, as another {@code TopicCounts} holds them.
   */
  static TopicCounts sorted(String[] ids, long[] counts) {
    return new TopicCounts(ids, counts, ids.length);
  }

  /** Collects counts in any order; a later count of the same id replaces the earlier. */
  static final class Builder {
    private String[] ids = new String[4];
    private long[] counts = new long[4];
    private int size;

    Builder put(String id, long count) {
      int at = Arrays.binarySearch(ids, 0, size, id);
      if (at >= 0) {
        counts[at] = count;
        return this;
      }
      int insert = -at - 1;
      if (size == ids.length) {
        ids = Arrays.copyOf(ids, size * 2);
        counts = Arrays.copyOf(counts, size * 2);
      }
      System.arraycopy(ids, insert, ids, insert + 1, size - insert);
      System.arraycopy(counts, insert, counts, insert + 1, size - insert);
      ids[insert] = id;
      counts[insert] = count;
      size++;
      return this;
    }

    TopicCounts build() {
      return size == 0 ? NONE : new TopicCounts(ids, counts, size);
    }
  }

  /** The count of a topic, 0 when the row has none. */
  long count(String id) {
    int at = Arrays.binarySearch(ids, id);
    return at >= 0 ? counts[at] : 0;
  }

  @Override
  public Long get(Object key) {
    int at = key instanceof String s ? Arrays.binarySearch(ids, s) : -1;
    return at >= 0 ? counts[at] : null;
  }

  @Override
  public boolean containsKey(Object key) {
    return key instanceof String s && Arrays.binarySearch(ids, s) >= 0;
  }

  @Override
  public int size() {
    return ids.length;
  }

  @Override
  public Set<Entry<String, Long>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public int size() {
        return ids.length;
      }

      @Override
      public Iterator<Entry<String, Long>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < ids.length;
          }

          @Override
          public Entry<String, Long> next() {
            if (next >= ids.length) {
              throw new NoSuchElementException();
            }
            int i = next++;
            return new SimpleImmutableEntry<>(ids[i], counts[i]);
          }
        };
      }
    };
  }
}
