package dev.pantau.flink.report;

import dev.pantau.flink.job.kpi.KpiFields;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A replay's output folder (SPEC §7) as the source of a report. */
public final class ReplayFolder implements ReportSource {
  public static final String KPI_SERIES = "kpi-series.jsonl";
  public static final String ALERTS = "alerts.jsonl";
  public static final String ENRICHED = "mentions-enriched.jsonl";
  public static final String LEADS = "leads.jsonl";
  public static final String ADVOCACY = "advocacy.jsonl";
  public static final String TARGETS = "targets.jsonl";

  private final Path dir;

  public ReplayFolder(Path dir) throws ReportInputException {
    if (!Files.isDirectory(dir)) {
      throw new ReportInputException("cannot read input folder " + dir + ": no such folder");
    }
    this.dir = dir;
  }

  public Path dir() {
    return dir;
  }

  @Override
  public String name() {
    return dir.toString();
  }

  /**
   * The KPI rows the request covers; the KPI series must exist, it is what every report is made of.
   */
  @Override
  public List<KpiRow> kpis(KpiFields fields, ReportRequest request)
      throws IOException, ReportInputException {
    Path file = dir.resolve(KPI_SERIES);
    if (!Files.isReadable(file)) {
      throw new ReportInputException(
          "cannot read " + file + ": no such file (is " + dir + " a replay's output folder?)");
    }
    return new KpiSeriesReader(fields).read(lines(file), request);
  }

  /** None when the folder has no alerts file (a replay without rules). */
  @Override
  public List<AlertRow> alerts(ReportRequest request) throws IOException, ReportInputException {
    return new AlertsReader().read(optional(ALERTS), request);
  }

  @Override
  public TopMentionsReader.Tops topMentions(ReportRequest request, int n)
      throws IOException, ReportInputException {
    Path file = dir.resolve(ENRICHED);
    return Files.exists(file) ? new TopMentionsReader().read(lines(file), request, n) : null;
  }

  @Override
  public List<LeadRow> leads(ReportRequest request) throws IOException, ReportInputException {
    return ReportTables.leads(optional(LEADS), request);
  }

  @Override
  public List<LeaderRow> leaderboard(ReportRequest request)
      throws IOException, ReportInputException {
    return ReportTables.leaderboard(optional(ADVOCACY), request);
  }

  @Override
  public List<TargetRow> targets(ReportRequest request) throws IOException, ReportInputException {
    return ReportTables.targets(optional(TARGETS), request);
  }

  /** A folder of an older replay lacks the newer outputs: they read as empty. */
  private JsonRecords optional(String name) {
    Path file = dir.resolve(name);
    return Files.exists(file) ? lines(file) : JsonRecords.NONE;
  }

  private static JsonRecords lines(Path file) {
    return JsonLinesReader.of(file);
  }
}
