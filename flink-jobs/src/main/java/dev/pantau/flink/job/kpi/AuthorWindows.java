package dev.pantau.flink.job.kpi;

import java.util.Arrays;

/**
 * One author's largest potential audience in each window of one brand and source that is still open
 * for changes: what lets a window count its unique authors and reach without holding every author
 * of the window in one value. A Flink POJO of parallel arrays, one entry per (window size, window
 * start); an author posts in few windows at once, so the arrays stay short.
 */
public class AuthorWindows {
  /** Index of the window size (in the job's window list), per entry. */
  public int[] window = new int[0];

  public long[] start = new long[0];
  public long[] reach = new long[0];

  /** The largest reach among the author's mentions as an employee, or -1 when none was. */
  public long[] employeeReach = new long[0];

  /** Whether the author was seen as a listed employee in the entry's window. */
  public boolean[] listed = new boolean[0];

  /** The event time of the cleanup timer registered for this author, or Long.MIN_VALUE. */
  public long cleanupAt = Long.MIN_VALUE;

  public AuthorWindows() {}

  /** What one mention changes in one window: new authors and reach added, plain and as employee. */
  public record Delta(
      long authors, long reach, long employeeAuthors, long employeeReach, long listedAuthors) {
    static final Delta NONE = new Delta(0, 0, 0, 0, 0);

    Delta(long authors, long reach, long employeeAuthors, long employeeReach) {
      this(authors, reach, employeeAuthors, employeeReach, 0);
    }

    Delta withListed(long n) {
      return n == 0 ? this : new Delta(authors, reach, employeeAuthors, employeeReach, n);
    }
  }

  /** Records a mention of this author in window (w, s) with potential audience r. */
  public Delta observe(int w, long s, long r, boolean employee) {
    return observe(w, s, r, employee, false);
  }

  /**
   * As {@link #observe(int, long, long, boolean)}, also counting the author once as a listed
   * employee.
   */
  public Delta observe(int w, long s, long r, boolean employee, boolean listedEmployee) {
    if (listed.length != window.length) {
      listed = Arrays.copyOf(listed, window.length); // state written before the field existed
    }
    int at = indexOf(w, s);
    long newListed = listedEmployee && (at < 0 || !listed[at]) ? 1 : 0;
    Delta d = observeReach(w, s, r, employee);
    if (listedEmployee) {
      listed[indexOf(w, s)] = true;
    }
    return d.withListed(newListed);
  }

  private Delta observeReach(int w, long s, long r, boolean employee) {
    int i = indexOf(w, s);
    if (i < 0) {
      i = append(w, s);
      reach[i] = r;
      employeeReach[i] = employee ? r : -1;
      return new Delta(1, r, employee ? 1 : 0, employee ? r : 0);
    }
    long reachGrowth = Math.max(0, r - reach[i]);
    reach[i] = Math.max(reach[i], r);
    if (!employee) {
      return reachGrowth == 0 ? Delta.NONE : new Delta(0, reachGrowth, 0, 0);
    }
    if (employeeReach[i] < 0) {
      employeeReach[i] = r;
      return new Delta(0, reachGrowth, 1, r);
    }
    long employeeGrowth = Math.max(0, r - employeeReach[i]);
    employeeReach[i] = Math.max(employeeReach[i], r);
    return new Delta(0, reachGrowth, 0, employeeGrowth);
  }

  /** Drops the entries whose window can no longer change: {@code closedAt(entry) <= watermark}. */
  public void expire(long watermark, java.util.function.LongBinaryOperator closedAt) {
    if (listed.length != window.length) {
      listed = Arrays.copyOf(listed, window.length);
    }
    int kept = 0;
    for (int i = 0; i < window.length; i++) {
      if (closedAt.applyAsLong(window[i], start[i]) > watermark) {
        window[kept] = window[i];
        start[kept] = start[i];
        reach[kept] = reach[i];
        employeeReach[kept] = employeeReach[i];
        listed[kept] = i < listed.length && listed[i];
        kept++;
      }
    }
    if (kept < window.length) {
      window = Arrays.copyOf(window, kept);
      start = Arrays.copyOf(start, kept);
      reach = Arrays.copyOf(reach, kept);
      employeeReach = Arrays.copyOf(employeeReach, kept);
      listed = Arrays.copyOf(listed, kept);
    }
  }

  public boolean isEmpty() {
    return window.length == 0;
  }

  private int indexOf(int w, long s) {
    for (int i = 0; i < window.length; i++) {
      if (window[i] == w && start[i] == s) {
        return i;
      }
    }
    return -1;
  }

  private int append(int w, long s) {
    int n = window.length;
    window = Arrays.copyOf(window, n + 1);
    start = Arrays.copyOf(start, n + 1);
    reach = Arrays.copyOf(reach, n + 1);
    employeeReach = Arrays.copyOf(employeeReach, n + 1);
    listed = Arrays.copyOf(listed, n + 1);
    window[n] = w;
    start[n] = s;
    return n;
  }
}
