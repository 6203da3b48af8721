package dev.pantau.flink.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads leads, the advocacy leaderboard and target progress (SPEC §4b-4d) for a report, keeping of
 * each key what a consumer's upsert keeps, and orders them as the report lists them. The filters
 * here are the only ones: a database source hands over its rows unfiltered by period, so both
 * sources select the same rows.
 */
public final class ReportTables {
  private ReportTables() {}

  /** The leads created in the period, one per source, id and brand, oldest first. */
  public static List<LeadRow> leads(JsonRecords in, ReportRequest request)
      throws IOException, ReportInputException {
    Map<String, LeadRow> latest = new HashMap<>();
    in.forEachParsed("a lead", trees(LeadRow::parse), l -> leads(l, request, latest));
    return sortedLeads(latest.values());
  }

  static void leads(LeadRow l, ReportRequest request, Map<String, LeadRow> latest) {
    if (request.period().contains(l.createdAt()) && brand(request, l.brand())) {
      latest.put(l.key(), l);
    }
  }

  public static List<LeadRow> sortedLeads(Collection<LeadRow> all) {
    List<LeadRow> rows = new ArrayList<>(all);
    rows.sort(
        Comparator.comparing(LeadRow::createdAt)
            .thenComparing(LeadRow::brand)
            .thenComparing(LeadRow::source)
            .thenComparing(LeadRow::id));
    return rows;
  }

  /**
   * The leaderboard rows of every week and month that overlaps the period, highest revision per
   * key, by brand, period, start and rank.
   */
  public static List<LeaderRow> leaderboard(JsonRecords in, ReportRequest request)
      throws IOException, ReportInputException {
    Map<String, LeaderRow> latest = new HashMap<>();
    in.forEachParsed(
        "an advocacy record", trees(LeaderRow::parse), r -> leaderboard(r, request, latest));
    return sortedLeaders(latest.values());
  }

  static void leaderboard(LeaderRow r, ReportRequest request, Map<String, LeaderRow> latest) {
    if (overlaps(request, r.start(), r.end()) && brand(request, r.brand())) {
      latest.merge(r.key(), r, (old, neu) -> neu.revision() >= old.revision() ? neu : old);
    }
  }

  public static List<LeaderRow> sortedLeaders(Collection<LeaderRow> all) {
    List<LeaderRow> rows = new ArrayList<>(all);
    rows.sort(
        Comparator.comparing(LeaderRow::brand)
            .thenComparing(LeaderRow::period)
            .thenComparing(LeaderRow::start)
            .thenComparingInt(LeaderRow::rank)
            .thenComparing(LeaderRow::employee));
    return rows;
  }

  /**
   * Each target whose period overlaps the report's, as it stood at the report's end: the highest
   * revision figured as of then, so a report on the first half of a month shows the pace of that
   * half, not of data that came after.
   */
  public static List<TargetRow> targets(JsonRecords in, ReportRequest request)
      throws IOException, ReportInputException {
    Map<String, TargetRow> latest = new HashMap<>();
    in.forEachParsed(
        "a target record", trees(TargetRow::parse), t -> targets(t, request, true, latest));
    return sortedTargets(latest.values());
  }

  /**
   * @param asOfEnd whether to leave out figures newer than the report's end (a source that keeps
   *     only the newest figures cannot)
   */
  static void targets(
      TargetRow t, ReportRequest request, boolean asOfEnd, Map<String, TargetRow> latest) {
    if (overlaps(request, t.start(), t.end())
        && brand(request, t.brand())
        && (!asOfEnd || !t.asOf().isAfter(request.period().end()))) {
      latest.merge(t.key(), t, (old, neu) -> neu.revision() >= old.revision() ? neu : old);
    }
  }

  public static List<TargetRow> sortedTargets(Collection<TargetRow> all) {
    List<TargetRow> rows = new ArrayList<>(all);
    rows.sort(
        Comparator.comparing(TargetRow::brand)
            .thenComparing(TargetRow::metric)
            .thenComparing(TargetRow::period)
            .thenComparing(TargetRow::start));
    return rows;
  }

  /** Records read as trees, from a file's bytes without decoding them into a string first. */
  private static <T> JsonRecords.Parser<T> trees(Function<JsonNode, T> row) {
    return new JsonRecords.Parser<>() {
      @Override
      public T parse(String json) throws IOException {
        return row.apply(JsonLinesReader.JSON.readTree(json));
      }

      @Override
      public T parse(byte[] utf8, int offset, int length) throws IOException {
        return row.apply(JsonLinesReader.JSON.readTree(utf8, offset, length));
      }
    };
  }

  private static boolean overlaps(ReportRequest request, Instant start, Instant end) {
    return start.isBefore(request.period().end()) && end.isAfter(request.period().start());
  }

  private static boolean brand(ReportRequest request, String brand) {
    return request.brand() == null || request.brand().equals(brand);
  }
}
