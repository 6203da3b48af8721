package dev.pantau.flink.job.kpi;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * One brand's owned-account readings (SPEC §1b) within a KPI key, and the {@code followers} figure
 * of a window computed from them (SPEC §4):
 *
 * <ul>
 *   <li>{@code end}: the sum over the brand's accounts of each one's last reading before the
 *       window's end. An account without a reading in the window keeps its last one (the account
 *       still has those followers), so quiet windows and charts carry the level instead of dropping
 *       to nothing;
 *   <li>{@code growth}: the sum over those accounts of that reading less the last reading before
 *       the window's start, or less the account's first reading in the window when it had none
 *       before (a newly tracked account adds its growth, not its whole audience). Consecutive
 *       windows' growths add up to the growth over their span, so a month's growth is the sum of
 *       its days'.
 * </ul>
 *
 * A Flink POJO: per account, its readings as {@code [at0, followers0, at1, followers1, ...]} sorted
 * by time. Only readings still needed are kept ({@link #prune}).
 */
public class FollowerLedger {
  /**
   * Account ({@code source:handle}) to its readings, interleaved time and followers, sorted by
   * time.
   */
  public Map<String, long[]> accounts = new HashMap<>();

  public FollowerLedger() {}

  /** Records a reading; a second reading of an account at the same time replaces the first. */
  public void add(String account, long at, long followers) {
    long[] r = accounts.get(account);
    if (r == null) {
      accounts.put(account, new long[] {at, followers});
      return;
    }
    int n = r.length / 2;
    int i = n;
    while (i > 0 && r[2 * (i - 1)] > at) {
      i--;
    }
    if (i > 0 && r[2 * (i - 1)] == at) {
      r[2 * (i - 1) + 1] = followers;
      return;
    }
    long[] out = new long[r.length + 2];
    System.arraycopy(r, 0, out, 0, 2 * i);
    out[2 * i] = at;
    out[2 * i + 1] = followers;
    System.arraycopy(r, 2 * i, out, 2 * i + 2, r.length - 2 * i);
    accounts.put(account, out);
  }

  /**
   * The figure of the window {@code [start, end)}: {@code {end, growth}}, or null when no account
   * had a reading by its end.
   */
  public long[] figure(long start, long end) {
    boolean any = false;
    long total = 0;
    long growth = 0;
    for (long[] r : accounts.values()) {
      int atEnd = lastBefore(r, end);
      if (atEnd < 0) {
        continue;
      }
      int atStart = lastBefore(r, start);
      long baseline = atStart >= 0 ? r[2 * atStart + 1] : r[2 * (atStart + 1) + 1];
      any = true;
      total = KpiMath.add(total, r[2 * atEnd + 1]);
      growth += r[2 * atEnd + 1] - baseline;
    }
    return any ? new long[] {total, growth} : null;
  }

  /** Index of the last reading with a time before {@code t}, or -1. */
  private static int lastBefore(long[] r, long t) {
    int found = -1;
    for (int i = 0; i < r.length / 2 && r[2 * i] < t; i++) {
      found = i;
    }
    return found;
  }

  /**
   * Drops what no window can ask for any more: readings before {@code horizon} except each
   * account's last one before it (a window starting at the horizon needs it), and accounts whose
   * newest reading is before {@code forgetBefore} (they stopped reporting: they leave the figure).
   */
  public void prune(long horizon, long forgetBefore) {
    for (Iterator<Map.Entry<String, long[]>> it = accounts.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<String, long[]> e = it.next();
      long[] r = e.getValue();
      if (r[r.length - 2] < forgetBefore) {
        it.remove();
        continue;
      }
      int keepFrom = Math.max(0, lastBefore(r, horizon));
      if (keepFrom > 0) {
        e.setValue(Arrays.copyOfRange(r, 2 * keepFrom, r.length));
      }
    }
  }

  public boolean isEmpty() {
    return accounts.isEmpty();
  }

  /** Readings held, for tests and state-size checks. */
  public int readings() {
    return accounts.values().stream().mapToInt(r -> r.length / 2).sum();
  }
}
