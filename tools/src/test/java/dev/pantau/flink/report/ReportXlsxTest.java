package dev.pantau.flink.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pantau.flink.cli.PantauCli;
import dev.pantau.flink.io.OutputJson;
import dev.pantau.flink.job.advocacy.AdvocacyRow;
import dev.pantau.flink.job.copies.Lead;
import dev.pantau.flink.job.kpi.KpiField;
import dev.pantau.flink.job.kpi.KpiFields;
import dev.pantau.flink.job.kpi.KpiRecord;
import dev.pantau.flink.job.targets.TargetRecord;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./pantau report --output FILE.xlsx} read back with POI and checked against its KPI records
 * and alerts.
 */
class ReportXlsxTest {
  private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

  @TempDir Path dir;

  @Test
  void kpiAndAlertSheetsHoldTheFiguresAsNumbersUnderAFrozenHeader() throws Exception {
    ReplayFixture fixture = ReplayFixture.write(dir, 42);
    LocalDate from = ReplayFixture.FIRST_DAY.atZone(JAKARTA).toLocalDate();
    LocalDate to = from.plusDays(ReplayFixture.DAYS);
    Path xlsx = dir.resolve("report.xlsx");
    assertThat(
            PantauCli.execute(
                "report",
                "--input",
                dir.toString(),
                "--from",
                from.toString(),
                "--to",
                to.toString(),
                "--time-zone",
                JAKARTA.getId(),
                "--output",
                xlsx.toString()))
        .isZero();

    ReportPeriod period = new ReportPeriod(from, to, JAKARTA);
    Map<String, KpiRecord> expected =
        fixture.latest().values().stream()
            .filter(r -> period.contains(Instant.ofEpochMilli(r.start)))
            .collect(
                Collectors.toMap(
                    r -> r.brand + "|" + r.window + "|" + OutputJson.utc(r.start), r -> r));

    try (InputStream in = Files.newInputStream(xlsx);
        Workbook book = WorkbookFactory.create(in)) {
      assertThat(book.getNumberOfSheets()).isEqualTo(5);
      List<String> names = new java.util.ArrayList<>();
      book.forEach(sheet -> names.add(sheet.getSheetName()));
      assertThat(names).containsExactly("KPIs", "Leads", "Leaderboard", "Targets", "Alerts");
      for (Sheet sheet : book) {
        assertThat(sheet.getPaneInformation().isFreezePane()).as(sheet.getSheetName()).isTrue();
        assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
        Row header = sheet.getRow(0);
        for (Cell c : header) {
          assertThat(sheet.getColumnWidth(c.getColumnIndex()))
              .as(sheet.getSheetName() + " " + c.getStringCellValue())
              .isGreaterThanOrEqualTo(Math.min(8, c.getStringCellValue().length()) * 256);
        }
      }
      Sheet kpis = book.getSheet(XlsxReportWriter.KPI_SHEET);
      assertThat(kpis.getPaneInformation().isFreezePane()).isTrue();
      assertThat(kpis.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
      Map<String, Integer> col = columns(kpis.getRow(0));
      assertThat(col)
          .containsKeys(
              "brand",
              "start_utc",
              "start_local",
              "mentions",
              "engagement_total",
              "share_of_voice");
      assertThat(kpis.getColumnWidth(col.get("engagement_total")))
          .isGreaterThanOrEqualTo("engagement_total".length() * 256);
      assertThat(kpis.getLastRowNum()).isEqualTo(expected.size());

      for (int i = 1; i <= kpis.getLastRowNum(); i++) {
        Row row = kpis.getRow(i);
        KpiRecord r =
            expected.get(
                text(row, col, "brand")
                    + "|"
                    + text(row, col, "window")
                    + "|"
                    + text(row, col, "start_utc"));
        assertThat(r).isNotNull();
        assertThat(row.getCell(col.get("start_local")).getLocalDateTimeCellValue())
            .isEqualTo(LocalDateTime.ofInstant(Instant.ofEpochMilli(r.start), JAKARTA));
        for (KpiField f : KpiFields.STANDARD.all()) {
          if (f.metric().family()) {
            continue;
          }
          Cell cell = row.getCell(col.get(f.name().replace('.', '_')));
          Number want = f.read(r);
          if (want == null) {
            assertThat(cell == null || cell.getCellType() == CellType.BLANK).as(f.name()).isTrue();
          } else {
            assertThat(cell.getCellType()).as(f.name()).isEqualTo(CellType.NUMERIC);
            assertThat(cell.getNumericCellValue()).as(f.name()).isEqualTo(want.doubleValue());
          }
        }
      }

      Sheet alerts = book.getSheet(XlsxReportWriter.ALERT_SHEET);
      assertThat(alerts.getPaneInformation().isFreezePane()).isTrue();
      Map<String, Integer> acol = columns(alerts.getRow(0));
      assertThat(alerts.getLastRowNum()).isEqualTo(fixture.alerts.size());
      int firing = 0;
      for (int i = 1; i <= alerts.getLastRowNum(); i++) {
        Row row = alerts.getRow(i);
        String id =
            "mention-spike|" + text(row, acol, "brand") + "|1h|" + text(row, acol, "start_utc");
        KpiRecord fired = fixture.alerts.get(id);
        assertThat(fired).as(id).isNotNull();
        assertThat(row.getCell(acol.get("observed")).getNumericCellValue())
            .isEqualTo((double) fired.mentions);
        assertThat(text(row, acol, "top_terms")).isEqualTo("sinyal, gangguan");
        firing += text(row, acol, "status").equals("firing") ? 1 : 0;
      }
      assertThat(firing).as("a resolved record replaces its firing one").isEqualTo(1);

      checkLeads(book.getSheet(XlsxReportWriter.LEADS_SHEET), fixture, period);
      checkLeaderboard(book.getSheet(XlsxReportWriter.LEADERBOARD_SHEET), fixture, period);
      checkTargets(book.getSheet(XlsxReportWriter.TARGETS_SHEET), fixture, period);
    }
  }

  @Test
  void aFolderWithoutTheNewerOutputsGivesEmptySheetsAndAnOversizedTableIsRefused()
      throws Exception {
    ReplayFixture.write(dir, 5);
    for (String f :
        List.of(
            ReplayFolder.ALERTS, ReplayFolder.LEADS, ReplayFolder.ADVOCACY, ReplayFolder.TARGETS)) {
      Files.delete(dir.resolve(f));
    }
    Path xlsx = dir.resolve("old.xlsx");
    assertThat(
            PantauCli.execute(
                "report",
                "--input",
                dir.toString(),
                "--from",
                "2026-11-01",
                "--to",
                "2026-11-14",
                "--output",
                xlsx.toString()))
        .isZero();
    try (InputStream in = Files.newInputStream(xlsx);
        Workbook book = WorkbookFactory.create(in)) {
      assertThat(book.getSheet(XlsxReportWriter.KPI_SHEET).getLastRowNum()).isPositive();
      for (String empty :
          List.of(
              XlsxReportWriter.LEADS_SHEET,
              XlsxReportWriter.LEADERBOARD_SHEET,
              XlsxReportWriter.TARGETS_SHEET,
              XlsxReportWriter.ALERT_SHEET)) {
        assertThat(book.getSheet(empty).getLastRowNum()).as(empty).isZero();
      }
    }

    ReportRequest request =
        new ReportRequest(
            new ReportPeriod(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 14), JAKARTA),
            null,
            java.util.Set.of());
    ReplayFolder folder = new ReplayFolder(dir);
    List<KpiRow> rows = folder.kpis(KpiFields.STANDARD, request);
    ReportData data = new ReportData("x", rows, List.of(), null, List.of(), List.of(), List.of());
    assertThat(rows).hasSizeGreaterThan(10);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                new XlsxReportWriter(JAKARTA, 10)
                    .write(
                        KpiColumns.of(KpiFields.STANDARD, rows, JAKARTA),
                        data,
                        java.io.OutputStream.nullOutputStream()))
        .isInstanceOf(XlsxReportWriter.TooManyRows.class)
        .hasMessageContaining("--window");
  }

  private static void checkLeads(Sheet sheet, ReplayFixture fixture, ReportPeriod period) {
    Map<String, Lead> want = new HashMap<>();
    fixture.leads.values().stream()
        .filter(l -> period.contains(Instant.ofEpochMilli(l.createdAt)))
        .forEach(l -> want.put(l.source + ":" + l.id + "|" + l.brand, l));
    Map<String, Integer> col = columns(sheet.getRow(0));
    assertThat(sheet.getLastRowNum()).isEqualTo(want.size());
    Instant previous = Instant.MIN;
    for (int i = 1; i <= sheet.getLastRowNum(); i++) {
      Row row = sheet.getRow(i);
      Lead l =
          want.get(
              text(row, col, "source")
                  + ":"
                  + text(row, col, "id")
                  + "|"
                  + text(row, col, "brand"));
      assertThat(l).isNotNull();
      Instant at = Instant.parse(text(row, col, "created_utc"));
      assertThat(at).isEqualTo(Instant.ofEpochMilli(l.createdAt / 1000 * 1000));
      assertThat(at).as("oldest first").isAfterOrEqualTo(previous);
      previous = at;
      assertThat(row.getCell(col.get("created_local")).getLocalDateTimeCellValue())
          .isEqualTo(LocalDateTime.ofInstant(at, JAKARTA));
      Cell followers = row.getCell(col.get("author_followers"));
      if (l.authorFollowers == null) {
        assertThat(followers == null || followers.getCellType() == CellType.BLANK).isTrue();
      } else {
        assertThat(followers.getNumericCellValue()).isEqualTo((double) l.authorFollowers);
      }
      assertThat(text(row, col, "topics")).isEqualTo(String.join(", ", l.topics));
      assertThat(text(row, col, "text")).isEqualTo(l.text);
    }
  }

  private static void checkLeaderboard(Sheet sheet, ReplayFixture fixture, ReportPeriod period) {
    Map<String, AdvocacyRow> want = new HashMap<>();
    for (AdvocacyRow r : fixture.advocacy) {
      if (r.start < period.end().toEpochMilli() && r.end > period.start().toEpochMilli()) {
        want.merge(r.key(), r, (a, b) -> b.revision > a.revision ? b : a);
      }
    }
    Map<String, Integer> col = columns(sheet.getRow(0));
    assertThat(sheet.getLastRowNum()).isEqualTo(want.size());
    for (int i = 1; i <= sheet.getLastRowNum(); i++) {
      Row row = sheet.getRow(i);
      AdvocacyRow r =
          want.get(
              text(row, col, "brand")
                  + "|"
                  + text(row, col, "period")
                  + "|"
                  + Instant.parse(text(row, col, "start_utc")).toEpochMilli()
                  + "|"
                  + text(row, col, "employee"));
      assertThat(r).isNotNull();
      assertThat(row.getCell(col.get("rank")).getNumericCellValue()).isEqualTo(r.rank);
      assertThat(row.getCell(col.get("posts")).getNumericCellValue()).isEqualTo(r.posts);
      assertThat(row.getCell(col.get("engagement_total")).getNumericCellValue())
          .isEqualTo(r.engagementTotal);
      assertThat(row.getCell(col.get("points")).getNumericCellValue()).isEqualTo(r.points);
    }
  }

  private static void checkTargets(Sheet sheet, ReplayFixture fixture, ReportPeriod period) {
    Map<String, TargetRecord> want = new HashMap<>();
    long end = period.end().toEpochMilli();
    for (TargetRecord t : fixture.targets) {
      if (t.start < end && t.end > period.start().toEpochMilli() && t.asOf <= end) {
        want.merge(t.upsertKey(), t, (a, b) -> b.revision > a.revision ? b : a);
      }
    }
    assertThat(want).isNotEmpty();
    Map<String, Integer> col = columns(sheet.getRow(0));
    assertThat(sheet.getLastRowNum()).isEqualTo(want.size());
    for (int i = 1; i <= sheet.getLastRowNum(); i++) {
      Row row = sheet.getRow(i);
      TargetRecord t =
          want.get(
              text(row, col, "brand")
                  + "|"
                  + text(row, col, "metric")
                  + "|month|"
                  + Instant.parse(text(row, col, "start_utc")).toEpochMilli());
      assertThat(t).isNotNull();
      assertThat(text(row, col, "as_of_utc")).isEqualTo(OutputJson.utc(t.asOf));
      assertThat(row.getCell(col.get("target")).getNumericCellValue()).isEqualTo(t.target);
      assertThat(row.getCell(col.get("actual")).getNumericCellValue()).isEqualTo(t.actual);
      if (t.pace != null) {
        assertThat(row.getCell(col.get("pace")).getNumericCellValue())
            .isEqualTo(OutputJson.round3(t.pace));
      }
      assertThat(text(row, col, "status")).isEqualTo(t.status);
    }
  }

  private static Map<String, Integer> columns(Row header) {
    Map<String, Integer> col = new HashMap<>();
    header.forEach(c -> col.put(c.getStringCellValue(), c.getColumnIndex()));
    return col;
  }

  private static String text(Row row, Map<String, Integer> col, String name) {
    return row.getCell(col.get(name)).getStringCellValue();
  }
}
