package dev.pantau.flink.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pantau.flink.cli.PantauCli;
import dev.pantau.flink.jdbc.TestPostgres;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code report --jdbc-url} on a real PostgreSQL 17 filled by {@code replay --jdbc-url}: the report
 * from the database is the report from the replay's folder, byte for byte for the CSV and cell for
 * cell for every sheet of the XLSX (the period ends after the data, so the targets table's newest
 * figures are the folder's as of the period's end).
 */
class ReportJdbcITCase {
  private static final Path DIR = Paths.get("target", "report-jdbc-itcase");
  private static TestPostgres pg;
  private static String url;

  @BeforeAll
  static void replayIntoPostgres() throws Exception {
    pg = TestPostgres.start();
    url = pg.newDatabase("report");
    Files.createDirectories(DIR);
    Path input = DIR.resolve("mentions.jsonl");
    Path accounts = DIR.resolve("accounts.jsonl");
    assertThat(
            PantauCli.execute(
                "generate",
                "--count",
                "6000",
                "--per-minute",
                "2.5",
                "--start",
                "2026-11-02T00:00:00Z",
                "--spike-at",
                "20h",
                "--seed",
                "16",
                "--account-stats",
                accounts.toString(),
                "--output",
                input.toString()))
        .isZero();
    assertThat(
            PantauCli.execute(
                "replay",
                "--input",
                input.toString(),
                "--account-stats",
                accounts.toString(),
                "--keywords",
                "../config/keywords",
                "--alerts",
                "../config/alerts",
                "--output",
                DIR.resolve("out").toString(),
                "--jdbc-url",
                url))
        .isZero();
  }

  @AfterAll
  static void stop() throws Exception {
    if (pg != null) {
      pg.close();
    }
  }

  @Test
  void theCsvFromTheDatabaseIsTheCsvFromTheFolder() throws Exception {
    byte[] folder = report("csv", "--input", DIR.resolve("out").toString());
    byte[] database = report("csv", "--jdbc-url", url);
    assertThat(new String(folder, StandardCharsets.UTF_8).lines().count())
        .as("KPI rows of the period")
        .isGreaterThan(1_000);
    assertThat(database).isEqualTo(folder);
  }

  @Test
  void everySheetFromTheDatabaseIsTheFolders() throws Exception {
    List<List<String>> folder = sheets(report("xlsx", "--input", DIR.resolve("out").toString()));
    List<List<String>> database = sheets(report("xlsx", "--jdbc-url", url));
    assertThat(folder).hasSize(5);
    // leads, leaderboard, targets and alerts all have rows: the comparison is not of empty sheets
    for (List<String> sheet : folder) {
      assertThat(sheet).as(sheet.get(0)).hasSizeGreaterThan(2);
    }
    for (int i = 0; i < folder.size(); i++) {
      assertThat(database.get(i)).as(folder.get(i).get(0)).isEqualTo(folder.get(i));
    }
  }

  @Test
  void theHtmlFromTheDatabaseDiffersOnlyInItsSource() throws Exception {
    String folder =
        new String(
            report("html", "--input", DIR.resolve("out").toString()), StandardCharsets.UTF_8);
    String database = new String(report("html", "--jdbc-url", url), StandardCharsets.UTF_8);
    assertThat(folder).contains("table class=\"targets\"", "table class=\"leaderboard\"");
    assertThat(database.replaceFirst("Source: [^<]*", ""))
        .isEqualTo(folder.replaceFirst("Source: [^<]*", ""));
  }

  private static byte[] report(String format, String... source) throws Exception {
    Path out = DIR.resolve("report-" + source[0].substring(2) + "." + format);
    List<String> args = new ArrayList<>(List.of("report"));
    args.addAll(List.of(source));
    args.addAll(
        List.of(
            "--from",
            "2026-11-01",
            "--to",
            "2026-11-30",
            "--time-zone",
            "Asia/Jakarta",
            "--output",
            out.toString()));
    assertThat(PantauCli.execute(args.toArray(String[]::new))).isZero();
    return Files.readAllBytes(out);
  }

  /** Each sheet as its name, then one line per row of its cells as a spreadsheet shows them. */
  static List<List<String>> sheets(byte[] xlsx) throws Exception {
    List<List<String>> sheets = new ArrayList<>();
    DataFormatter shown = new DataFormatter(java.util.Locale.ROOT);
    try (InputStream in = new java.io.ByteArrayInputStream(xlsx);
        Workbook book = WorkbookFactory.create(in)) {
      for (Sheet sheet : book) {
        List<String> lines = new ArrayList<>(List.of(sheet.getSheetName()));
        for (Row row : sheet) {
          StringBuilder line = new StringBuilder();
          for (Cell cell : row) {
            line.append(cell.getColumnIndex())
                .append('=')
                .append(
                    cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC
                        ? Double.toString(cell.getNumericCellValue())
                        : shown.formatCellValue(cell))
                .append('\t');
          }
          lines.add(line.toString());
        }
        sheets.add(lines);
      }
    }
    return sheets;
  }
}
