package dev.pantau.flink.report;

import dev.pantau.flink.job.kpi.KpiFields;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A replay's output folder (SPEC §7) as the source of a report. */
public final class ReplayFolder {
  public static final String KPI_SERIES = "kpi-series.jsonl";
  public static final String ALERTS = "alerts.jsonl";
  public static final String ENRICHED = "mentions-enriched.jsonl";

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

  /**
   * The KPI rows the request covers; the KPI series must exist, it is what every report is made of.
   */
  public List<KpiRow> kpis(KpiFields fields, ReportRequest request)
      throws IOException, ReportInputException {
    Path file = dir.resolve(KPI_SERIES);
    if (!Files.isReadable(file)) {
      throw new ReportInputException(
          "cannot read " + file + ": no such file (is " + dir + " a replay's output folder?)");
    }
    return new KpiSeriesReader(fields).read(file, request::covers);
  }

  /**
   * The alerts the request covers; none when the folder has no alerts file (a replay without
   * rules).
   */
  public List<AlertRow> alerts(ReportRequest request) throws IOException, ReportInputException {
    Path file = dir.resolve(ALERTS);
    return Files.exists(file) ? new AlertsReader().read(file, request) : List.of();
  }

  /** The period's top {@code n} mentions, or null when the folder has no enriched mentions. */
  public TopMentionsReader.Tops topMentions(ReportRequest request, int n)
      throws IOException, ReportInputException {
    Path file = dir.resolve(ENRICHED);
    return Files.exists(file) ? new TopMentionsReader().read(file, request, n) : null;
  }
}
