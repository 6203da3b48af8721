package dev.pantau.flink.job.advocacy;

import java.util.HashMap;
import java.util.Map;

/** One brand's leaderboard of one period: the employees' scores by handle. */
public class AdvocacyBoard {
  public String period;
  public long start;
  public long end;
  public Map<String, AdvocacyScore> employees = new HashMap<>();

  public AdvocacyBoard() {}
}
