package dev.pantau.flink.cli;

import dev.pantau.flink.job.kpi.KpiFields;
import dev.pantau.flink.launch.UserException;
import dev.pantau.flink.report.AlertRow;
import dev.pantau.flink.report.CsvLocale;
import dev.pantau.flink.report.HtmlReportWriter;
import dev.pantau.flink.report.KpiColumns;
import dev.pantau.flink.report.KpiCsvWriter;
import dev.pantau.flink.report.KpiRow;
import dev.pantau.flink.report.ReplayFolder;
import dev.pantau.flink.report.ReportInputException;
import dev.pantau.flink.report.ReportPeriod;
import dev.pantau.flink.report.ReportRequest;
import dev.pantau.flink.report.TopMentionsReader;
import dev.pantau.flink.report.XlsxReportWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "A KPI report for a period from a replay's output folder (SPEC §7).",
      "The output's extension picks the format: .csv, one row per brand, window, start and source,",
      "ready for a spreadsheet; .xlsx, a KPI sheet and an alert sheet; .html, one self-contained page",
      "with headline numbers against the previous period, charts, share of voice, alerts and top mentions."
    })
final class ReportCommand extends PantauCommand {
  @Option(
      names = "--input",
      required = true,
      paramLabel = "DIR",
      description = "A replay's output folder (kpi-series.jsonl, alerts.jsonl).")
  Path input;

  @Option(
      names = "--from",
      required = true,
      paramLabel = "DATE",
      description = "First day, yyyy-MM-dd, in --time-zone.")
  LocalDate from;

  @Option(
      names = "--to",
      required = true,
      paramLabel = "DATE",
      description = "Last day (inclusive), yyyy-MM-dd, in --time-zone.")
  LocalDate to;

  @Option(names = "--brand", paramLabel = "ID", description = "One brand; default all.")
  String brand;

  @Option(
      names = "--window",
      paramLabel = "W",
      split = ",",
      description = "Only these windows (e.g. 1h,1d); default all.")
  List<String> windows = List.of();

  @Option(
      names = "--time-zone",
      paramLabel = "ZONE",
      defaultValue = "UTC",
      description = "Zone of the dates and of start_local (default: ${DEFAULT-VALUE}).")
  ZoneId zone;

  @Option(
      names = "--csv-locale",
      paramLabel = "en|id",
      defaultValue = "en",
      description =
          "en: ',' and decimal points; id: ';' and decimal commas, for a spreadsheet set to Indonesian (default: ${DEFAULT-VALUE}).")
  CsvLocale csvLocale;

  @Option(
      names = "--no-bom",
      negatable = false,
      description = "Write the CSV without a UTF-8 byte-order mark.")
  boolean noBom;

  @Option(
      names = "--output",
      required = true,
      paramLabel = "FILE.csv|.xlsx|.html",
      description = "The report file; its extension is the format.")
  Path output;

  private static final int TOP_MENTIONS = 10;
  private static final List<String> FORMATS = List.of("csv", "xlsx", "html");

  @Override
  protected int execute() throws Exception {
    String format = extension(output);
    if (!FORMATS.contains(format)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "--output must end in "
              + String.join(", ", FORMATS.stream().map(f -> "." + f).toList())
              + ", not "
              + output.getFileName());
    }
    if (to.isBefore(from)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--to " + to + " is before --from " + from);
    }
    ReportRequest request =
        new ReportRequest(new ReportPeriod(from, to, zone), brand, new LinkedHashSet<>(windows));
    ReplayFolder folder;
    List<KpiRow> rows;
    List<AlertRow> alerts;
    TopMentionsReader.Tops tops;
    try {
      folder = new ReplayFolder(input);
      // the HTML report compares with the previous period, and share of voice needs the whole group
      ReportRequest read =
          format.equals("html")
              ? new ReportRequest(
                  new ReportPeriod(request.period().previous().from(), to, zone),
                  null,
                  request.windows())
              : request;
      rows = folder.kpis(KpiFields.STANDARD, read);
      alerts = format.equals("csv") ? List.of() : folder.alerts(request);
      tops = format.equals("html") ? folder.topMentions(request, TOP_MENTIONS) : null;
    } catch (ReportInputException e) {
      throw new UserException(e.getMessage());
    }
    KpiColumns columns = KpiColumns.of(KpiFields.STANDARD, rows, zone);
    Path parent = output.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (OutputStream out = Files.newOutputStream(output)) {
      switch (format) {
        case "csv" -> new KpiCsvWriter(csvLocale, !noBom).write(columns, rows, out);
        case "xlsx" -> new XlsxReportWriter(zone).write(columns, rows, alerts, out);
        case "html" ->
            new HtmlReportWriter(request).write(rows, alerts, tops, input.toString(), out);
        default -> throw new IllegalStateException(format);
      }
    } catch (IOException e) {
      throw new UserException("cannot write " + output + ": " + e.getMessage());
    }
    out()
        .println(
            "Wrote "
                + output
                + ": "
                + rows.size()
                + " KPI rows, "
                + (format.equals("csv") ? "" : alerts.size() + " alerts, ")
                + from
                + " to "
                + to
                + " ("
                + zone
                + ")");
    return 0;
  }

  private static String extension(Path p) {
    String name = p.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }
}
