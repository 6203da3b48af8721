package dev.pantau.flink.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pantau.flink.cli.PantauCli;
import dev.pantau.flink.io.OutputJson;
import dev.pantau.flink.job.kpi.KpiField;
import dev.pantau.flink.job.kpi.KpiFields;
import dev.pantau.flink.job.kpi.KpiRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code ./pantau report --output FILE.csv} read back and checked against the KPI records it came
 * from.
 */
class ReportCsvTest {
  private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(CsvLocale.class)
  void everyKpiOfTheLatestRevisionInThePeriodInEitherLocale(CsvLocale locale) throws Exception {
    ReplayFixture fixture = ReplayFixture.write(dir, 16);
    LocalDate from = LocalDate.of(2026, 11, 3);
    LocalDate to = LocalDate.of(2026, 11, 9);
    Path csv = dir.resolve("out/report.csv");

    int status =
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
            "--csv-locale",
            locale.name().toLowerCase(),
            "--output",
            csv.toString());
    assertThat(status).isZero();

    byte[] bytes = Files.readAllBytes(csv);
    assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
    List<List<String>> table =
        parse(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8), locale.separator());
    List<String> header = table.get(0);
    assertThat(header)
        .startsWith(
            "brand",
            "group",
            "window",
            "source",
            "start_utc",
            "start_local",
            "mentions",
            "unique_authors",
            "reach");
    assertThat(header)
        .contains("engagement_total", "sentiment_net", "share_of_voice", "topics_purchase-intent");

    ReportPeriod period = new ReportPeriod(from, to, JAKARTA);
    Map<String, KpiRecord> expected =
        fixture.latest().values().stream()
            .filter(r -> period.contains(Instant.ofEpochMilli(r.start)))
            .collect(
                Collectors.toMap(
                    r -> r.brand + "|" + r.window + "|" + OutputJson.utc(r.start), r -> r));
    assertThat(expected).isNotEmpty();
    assertThat(table).hasSize(expected.size() + 1);

    Map<String, Integer> col = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      col.put(header.get(i), i);
    }
    boolean sawRevision2 = false;
    for (List<String> row : table.subList(1, table.size())) {
      assertThat(row).hasSameSizeAs(header);
      KpiRecord r = expected.get(row.get(0) + "|" + row.get(2) + "|" + row.get(4));
      assertThat(r).as("row %s", row).isNotNull();
      sawRevision2 |= r.revision == 2;
      assertThat(row.get(col.get("group"))).isEqualTo(r.group == null ? "" : r.group);
      assertThat(row.get(col.get("start_local")))
          .isEqualTo(KpiColumns.LOCAL.format(Instant.ofEpochMilli(r.start).atZone(JAKARTA)));
      for (KpiField f : KpiFields.STANDARD.all()) {
        if (f.metric().family()) {
          assertThat(number(row.get(col.get("topics_purchase-intent")), locale))
              .isEqualTo((double) r.topics.getOrDefault("purchase-intent", 0L));
          continue;
        }
        Number want = f.read(r);
        String cell = row.get(col.get(f.name().replace('.', '_')));
        if (want == null) {
          assertThat(cell).as(f.name()).isEmpty();
        } else {
          assertThat(number(cell, locale)).as(f.name()).isEqualTo(want.doubleValue());
        }
      }
    }
    assertThat(sawRevision2).as("the fixture re-emits keys inside the period").isTrue();
  }

  @Test
  void oneBrandAndSomeWindowsOnly() throws Exception {
    ReplayFixture fixture = ReplayFixture.write(dir, 7);
    Path csv = dir.resolve("one.csv");
    int status =
        PantauCli.execute(
            "report",
            "--input",
            dir.toString(),
            "--from",
            "2026-11-01",
            "--to",
            "2026-11-14",
            "--brand",
            "indosat",
            "--window",
            "1d",
            "--no-bom",
            "--output",
            csv.toString());
    assertThat(status).isZero();
    List<List<String>> table = parse(Files.readString(csv), ',');
    long expected =
        fixture.latest().values().stream()
            .filter(r -> r.brand.equals("indosat") && r.window.equals("1d"))
            .count();
    assertThat(table).hasSize((int) expected + 1);
    assertThat(table.subList(1, table.size()))
        .allSatisfy(
            row -> assertThat(row.subList(0, 4)).containsExactly("indosat", "telco-id", "1d", "*"));
  }

  @Test
  void aMissingFolderExitsOneAndAnUnknownFormatTwo() {
    assertThat(
            PantauCli.execute(
                "report",
                "--input",
                dir.resolve("nope").toString(),
                "--from",
                "2026-11-01",
                "--to",
                "2026-11-02",
                "--output",
                dir.resolve("r.csv").toString()))
        .isEqualTo(1);
    assertThat(
            PantauCli.execute(
                "report",
                "--input",
                dir.toString(),
                "--from",
                "2026-11-01",
                "--to",
                "2026-11-02",
                "--output",
                dir.resolve("r.pdf").toString()))
        .isEqualTo(2);
    assertThat(
            PantauCli.execute(
                "report",
                "--input",
                dir.toString(),
                "--from",
                "2026-11-05",
                "--to",
                "2026-11-02",
                "--output",
                dir.resolve("r.csv").toString()))
        .isEqualTo(2);
  }

  @Test
  void aDatabaseThatCannotBeReachedExitsOne() {
    assertThat(
            PantauCli.execute(
                "report",
                "--jdbc-url",
                "jdbc:postgresql://127.0.0.1:1/none?user=x&connectTimeout=2",
                "--from",
                "2026-11-01",
                "--to",
                "2026-11-02",
                "--output",
                dir.resolve("r.csv").toString()))
        .isEqualTo(1);
  }

  @Test
  void noSourceOrTwoSourcesIsAUsageError() {
    assertThat(
            PantauCli.execute(
                "report",
                "--from",
                "2026-11-01",
                "--to",
                "2026-11-02",
                "--output",
                dir.resolve("r.csv").toString()))
        .isEqualTo(2);
    assertThat(
            PantauCli.execute(
                "report",
                "--input",
                dir.toString(),
                "--bootstrap",
                "127.0.0.1:9",
                "--from",
                "2026-11-01",
                "--to",
                "2026-11-02",
                "--output",
                dir.resolve("r.csv").toString()))
        .isEqualTo(2);
  }

  @Test
  void indonesianNumbersUseDecimalCommasAndTextCannotBecomeAFormula() {
    assertThat(CsvLocale.ID.number(0.25)).isEqualTo("0,25");
    assertThat(CsvLocale.ID.number(-0.5)).isEqualTo("-0,5");
    assertThat(CsvLocale.EN.number(1234567L)).isEqualTo("1234567");
    assertThat(CsvLocale.ID.text("a;b")).isEqualTo("\"a;b\"");
    assertThat(CsvLocale.EN.text("=HYPERLINK(1)")).startsWith("'=");
  }

  private static double number(String cell, CsvLocale locale) {
    return Double.parseDouble(locale == CsvLocale.ID ? cell.replace(',', '.') : cell);
  }

  /** RFC 4180 as a spreadsheet reads it: quoted cells may hold the separator and doubled quotes. */
  static List<List<String>> parse(String text, char sep) {
    List<List<String>> rows = new ArrayList<>();
    for (String line : text.split("\r\n")) {
      List<String> cells = new ArrayList<>();
      StringBuilder cell = new StringBuilder();
      boolean quoted = false;
      for (int i = 0; i < line.length(); i++) {
        char c = line.charAt(i);
        if (quoted) {
          if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
            cell.append('"');
            i++;
          } else if (c == '"') {
            quoted = false;
          } else {
            cell.append(c);
          }
        } else if (c == '"') {
          quoted = true;
        } else if (c == sep) {
          cells.add(cell.toString());
          cell.setLength(0);
        } else {
          cell.append(c);
        }
      }
      cells.add(cell.toString());
      rows.add(cells);
    }
    return rows;
  }
}
