package dev.pantau.flink.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pantau.flink.cli.PantauCli;
import dev.pantau.flink.io.OutputJson;
import dev.pantau.flink.job.kpi.KpiField;
import dev.pantau.flink.job.kpi.KpiFields;
import dev.pantau.flink.job.kpi.KpiRecord;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
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
      assertThat(book.getNumberOfSheets()).isEqualTo(2);
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
