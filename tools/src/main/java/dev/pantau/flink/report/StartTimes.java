package dev.pantau.flink.report;

import dev.pantau.flink.io.OutputJson;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;

/**
 * The UTC and local text of the window starts of a report's rows, each formatted once: a month's
 * million rows share some tens of thousands of starts, formatting a time is most of the cost of a
 * row's key, and rows are written on several threads. Immutable once built; a start it was not
 * added is formatted on the spot. Open addressing on the epoch second, because a map of boxed longs
 * cost more than the formatting it saved.
 */
final class StartTimes {
  private static final long EMPTY = Long.MIN_VALUE;

  private final ZoneId zone;
  private final DateTimeFormatter local;
  private long[] keys = new long[1024];
  private String[][] values = new String[1024][];
  private int size;

  /** Empty: {@link #add} the starts before the table is read from several threads. */
  StartTimes(ZoneId zone, DateTimeFormatter local) {
    this.zone = zone;
    this.local = local;
    Arrays.fill(keys, EMPTY);
  }

  /** Formats a start (epoch seconds) unless it is in already. */
  void add(long second) {
    if (second != last && slot(second) < 0) {
      put(second, format(Instant.ofEpochSecond(second)));
    }
    last = second;
  }

  private long last = EMPTY;

  /** {@code [utc, local]} for a start. */
  String[] of(Instant start) {
    int i = slot(start.getEpochSecond());
    return i >= 0 ? values[i] : format(start);
  }

  private String[] format(Instant start) {
    return new String[] {OutputJson.UTC_SECONDS.format(start), local.format(start.atZone(zone))};
  }

  /** The slot holding {@code key}, or -1. */
  private int slot(long key) {
    int mask = keys.length - 1;
    for (int i = hash(key) & mask; ; i = (i + 1) & mask) {
      if (keys[i] == key) {
        return i;
      }
      if (keys[i] == EMPTY) {
        return -1;
      }
    }
  }

  private void put(long key, String[] value) {
    if (2 * (size + 1) > keys.length) {
      grow();
    }
    int mask = keys.length - 1;
    int i = hash(key) & mask;
    while (keys[i] != EMPTY) {
      i = (i + 1) & mask;
    }
    keys[i] = key;
    values[i] = value;
    size++;
  }

  private void grow() {
    long[] oldKeys = keys;
    String[][] oldValues = values;
    keys = new long[oldKeys.length * 2];
    values = new String[oldKeys.length * 2][];
    Arrays.fill(keys, EMPTY);
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != EMPTY) {
        put(oldKeys[i], oldValues[i]);
      }
    }
  }

  private static int hash(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }
}
