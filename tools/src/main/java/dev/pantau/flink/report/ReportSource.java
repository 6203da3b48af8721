package dev.pantau.flink.report;

import dev.pantau.flink.job.kpi.KpiFields;
import java.io.IOException;
import java.util.List;

/**
 * Where a report's data comes from: a replay's output folder, the PostgreSQL tables of SPEC §8 or
 * the output topics. Each call returns what the request covers, the latest revision of each key, so
 * the writers never know which source it was.
 */
public interface ReportSource extends AutoCloseable {
  /** For the report's header: the folder, database or broker, without credentials. */
  String name();

  /** The KPI rows the request covers, sorted by brand, window, source and start. */
  List<KpiRow> kpis(KpiFields fields, ReportRequest request)
      throws IOException, ReportInputException;

  /** The latest status of each alert whose window starts in the period. */
  List<AlertRow> alerts(ReportRequest request) throws IOException, ReportInputException;

  /** The top {@code n} mentions and copy bursts, or null when the source has no mentions. */
  TopMentionsReader.Tops topMentions(ReportRequest request, int n)
      throws IOException, ReportInputException;

  List<LeadRow> leads(ReportRequest request) throws IOException, ReportInputException;

  List<LeaderRow> leaderboard(ReportRequest request) throws IOException, ReportInputException;

  List<TargetRow> targets(ReportRequest request) throws IOException, ReportInputException;

  @Override
  default void close() throws ReportInputException {}
}
