package dev.pantau.flink.cli;

import dev.pantau.flink.job.kpi.KpiFields;
import dev.pantau.flink.launch.UserException;
import dev.pantau.flink.report.CsvLocale;
import dev.pantau.flink.report.HtmlReportWriter;
import dev.pantau.flink.report.JdbcReportSource;
import dev.pantau.flink.report.KafkaReportSource;
import dev.pantau.flink.report.KpiColumns;
import dev.pantau.flink.report.KpiCsvWriter;
import dev.pantau.flink.report.KpiRow;
import dev.pantau.flink.report.ReplayFolder;
import dev.pantau.flink.report.ReportData;
import dev.pantau.flink.report.ReportInputException;
import dev.pantau.flink.report.ReportPeriod;
import dev.pantau.flink.report.ReportRequest;
import dev.pantau.flink.report.ReportSource;
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
      "A KPI report for a period from a replay's output folder, the PostgreSQL tables or the topics (SPEC §7).",
      "The output's extension picks the format: .csv, one row per brand, window, start and source,",
      "ready for a spreadsheet; .xlsx, sheets of KPIs, leads, leaderboard, targets and alerts;",
      ".html, one self-contained page with headline numbers against the previous period, charts,",
      "share of voice, targets, the advocacy leaderboard, alerts, leads, top mentions and copy bursts."
    })
final class ReportCommand extends PantauCommand {
  @CommandLine.ArgGroup(exclusive = true, multiplicity = "1")
  Input source;

  /** Where the report's data comes from: exactly one. */
  static final class Input {
    @Option(
        names = "--input",
        paramLabel = "DIR",
        description = "A replay's output folder (kpi-series.jsonl, alerts.jsonl, leads.jsonl...).")
    Path input;

    @Option(
        names = "--jdbc-url",
        paramLabel = "URL",
        description =
            "The PostgreSQL tables of SPEC §8: jdbc:postgresql://HOST:PORT/DB (user and password in the URL or PGUSER/PGPASSWORD).")
    String jdbcUrl;

    @Option(
        names = "--bootstrap",
        paramLabel = "HOST:PORT",
        description =
            "The output topics (kpi-series, alerts, mentions-enriched, leads, advocacy, targets), read_committed up to their ends at the start.")
    String bootstrap;
  }

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
    ReportData data;
    Timing t = new Timing();
    try (ReportSource in = open()) {
      data = read(in, request, format, t);
    } catch (ReportInputException e) {
      throw new UserException(e.getMessage());
    } catch (XlsxReportWriter.TooManyRows e) {
      throw new UserException(e.getMessage());
    }
    List<KpiRow> rows = data.kpis();
    KpiColumns columns = t.lap("columns", KpiColumns.of(KpiFields.STANDARD, rows, zone));
    Path parent = output.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (OutputStream out = Files.newOutputStream(output)) {
      switch (format) {
        case "csv" -> new KpiCsvWriter(csvLocale, !noBom).write(columns, rows, out);
        case "xlsx" -> new XlsxReportWriter(zone).write(columns, data, out);
        case "html" -> new HtmlReportWriter(request).write(data, out);
        default -> throw new IllegalStateException(format);
      }
      t.lap("writing " + format, output);
    } catch (IOException e) {
      throw new UserException("cannot write " + output + ": " + e.getMessage());
    } catch (XlsxReportWriter.TooManyRows e) {
      Files.deleteIfExists(output);
      throw new UserException(e.getMessage());
    }
    out()
        .println(
            "Wrote "
                + output
                + ": "
                + rows.size()
                + " KPI rows, "
                + (format.equals("csv")
                    ? ""
                    : data.alerts().size()
                        + " alerts, "
                        + data.leads().size()
                        + " leads, "
                        + data.targets().size()
                        + " targets, ")
                + from
                + " to "
                + to
                + " ("
                + zone
                + ")");
    return 0;
  }

  private ReportSource open() throws ReportInputException {
    if (source.input != null) {
      return new ReplayFolder(source.input);
    }
    return source.jdbcUrl != null
        ? new JdbcReportSource(source.jdbcUrl)
        : new KafkaReportSource(source.bootstrap);
  }

  /** What the format shows: the CSV is the KPI table alone. */
  private static ReportData read(ReportSource in, ReportRequest request, String format, Timing t)
      throws IOException, ReportInputException, XlsxReportWriter.TooManyRows {
    boolean html = format.equals("html");
    boolean csv = format.equals("csv");
    // the HTML report compares with the previous period, and share of voice needs the whole
    // group; its totals and charts are of all sources together
    ReportRequest kpis =
        html
            ? new ReportRequest(
                new ReportPeriod(
                    request.period().previous().from(),
                    request.period().to(),
                    request.period().zone()),
                null,
                request.windows(),
                request.period().length())
            : request;
    var rows = t.lap("KPIs", in.kpis(KpiFields.STANDARD, kpis));
    if (format.equals("xlsx")) {
      // before reading the rest: a month of every window is refused at once
      XlsxReportWriter.checkFits(rows.size(), 0, XlsxReportWriter.MAX_ROWS);
    }
    var alerts =
        t.lap("alerts", csv ? List.<dev.pantau.flink.report.AlertRow>of() : in.alerts(request));
    var tops = t.lap("mentions", html ? in.topMentions(request, TOP_MENTIONS) : null);
    var leads =
        t.lap("leads", csv ? List.<dev.pantau.flink.report.LeadRow>of() : in.leads(request));
    var board =
        t.lap(
            "leaderboard",
            csv ? List.<dev.pantau.flink.report.LeaderRow>of() : in.leaderboard(request));
    var targets =
        t.lap("targets", csv ? List.<dev.pantau.flink.report.TargetRow>of() : in.targets(request));
    return new ReportData(in.name(), rows, alerts, tops, leads, board, targets);
  }

  /** With -Dpantau.report.timing=true, how long each part took, on standard error. */
  private static final class Timing {
    private static final boolean ON = Boolean.getBoolean("pantau.report.timing");
    private long last = System.nanoTime();

    <T> T lap(String what, T value) {
      long now = System.nanoTime();
      if (ON) {
        System.err.printf(Locale.ROOT, "report timing: %s %.2f s%n", what, (now - last) / 1e9);
      }
      last = now;
      return value;
    }
  }

  private static String extension(Path p) {
    String name = p.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }
}
