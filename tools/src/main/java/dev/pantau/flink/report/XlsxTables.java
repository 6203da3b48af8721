package dev.pantau.flink.report;

import dev.pantau.flink.io.OutputJson;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/**
 * The workbook's sheets of leads, the advocacy leaderboard and targets, each declared as its
 * columns: a header in the CSV's style (machine names), a width and what goes in the cell, so a
 * header can never drift from its cells.
 */
final class XlsxTables {
  private final ZoneId zone;
  private final CellStyle dateTime;
  private final CellStyle count;
  private final CellStyle ratio;

  XlsxTables(ZoneId zone, CellStyle dateTime, CellStyle count, CellStyle ratio) {
    this.zone = zone;
    this.dateTime = dateTime;
    this.count = count;
    this.ratio = ratio;
  }

  /** A column: header, width in characters, and the cell's value (text, number or instant). */
  private record Col<T>(String header, int width, Function<T, Object> value, boolean fraction) {}

  private static <T> Col<T> text(String h, int w, Function<T, Object> v) {
    return new Col<>(h, w, v, false);
  }

  private static <T> Col<T> count(String h, int w, Function<T, Object> v) {
    return new Col<>(h, w, v, false);
  }

  private static <T> Col<T> fraction(String h, int w, Function<T, Object> v) {
    return new Col<>(h, w, v, true);
  }

  static final List<String> LEAD_HEADERS = headers(leadColumns(ZoneId.of("UTC")));
  static final List<String> LEADER_HEADERS = headers(leaderColumns(ZoneId.of("UTC")));
  static final List<String> TARGET_HEADERS = headers(targetColumns(ZoneId.of("UTC")));

  void leads(Sheet sheet, CellStyle header, List<LeadRow> rows) {
    table(sheet, header, leadColumns(zone), rows);
  }

  void leaderboard(Sheet sheet, CellStyle header, List<LeaderRow> rows) {
    table(sheet, header, leaderColumns(zone), rows);
  }

  void targets(Sheet sheet, CellStyle header, List<TargetRow> rows) {
    table(sheet, header, targetColumns(zone), rows);
  }

  private static List<Col<LeadRow>> leadColumns(ZoneId zone) {
    return List.of(
        text("created_utc", 22, l -> OutputJson.UTC_SECONDS.format(l.createdAt())),
        text("created_local", 18, l -> local(l.createdAt(), zone)),
        text("brand", 14, LeadRow::brand),
        text("topics", 22, l -> String.join(", ", l.topics())),
        text("source", 10, LeadRow::source),
        text("id", 22, LeadRow::id),
        text("author", 20, LeadRow::author),
        count("author_followers", 16, LeadRow::followers),
        text("lang", 6, LeadRow::lang),
        text("sentiment", 10, LeadRow::sentiment),
        text("text", 60, LeadRow::text),
        text("url", 40, LeadRow::url));
  }

  private static List<Col<LeaderRow>> leaderColumns(ZoneId zone) {
    return List.of(
        text("brand", 14, LeaderRow::brand),
        text("period", 8, LeaderRow::period),
        text("start_utc", 22, r -> OutputJson.UTC_SECONDS.format(r.start())),
        text("start_local", 18, r -> local(r.start(), zone)),
        count("rank", 6, LeaderRow::rank),
        text("employee", 20, LeaderRow::employee),
        count("posts", 8, LeaderRow::posts),
        count("original_posts", 15, LeaderRow::originalPosts),
        count("copies", 8, LeaderRow::copies),
        count("reach", 12, LeaderRow::reach),
        count("engagement_likes", 17, LeaderRow::likes),
        count("engagement_comments", 20, LeaderRow::comments),
        count("engagement_shares", 18, LeaderRow::shares),
        count("engagement_total", 17, LeaderRow::engagement),
        fraction("points", 10, LeaderRow::points));
  }

  private static List<Col<TargetRow>> targetColumns(ZoneId zone) {
    return List.of(
        text("brand", 14, TargetRow::brand),
        text("metric", 18, TargetRow::metric),
        text("period", 8, TargetRow::period),
        text("start_utc", 22, t -> OutputJson.UTC_SECONDS.format(t.start())),
        text("start_local", 18, t -> local(t.start(), zone)),
        text("as_of_utc", 22, t -> OutputJson.UTC_SECONDS.format(t.asOf())),
        fraction("target", 10, TargetRow::target),
        count("actual", 10, TargetRow::actual),
        fraction("expected_by_now", 16, TargetRow::expectedByNow),
        fraction("pace", 8, TargetRow::pace),
        fraction("projected", 12, TargetRow::projected),
        text("status", 10, TargetRow::status));
  }

  /** To the second, as the UTC column beside it. */
  private static LocalDateTime local(Instant t, ZoneId zone) {
    return LocalDateTime.ofInstant(t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS), zone);
  }

  private static <T> List<String> headers(List<Col<T>> cols) {
    List<String> h = new ArrayList<>();
    cols.forEach(c -> h.add(c.header()));
    return List.copyOf(h);
  }

  private <T> void table(Sheet sheet, CellStyle header, List<Col<T>> cols, List<T> rows) {
    XlsxReportWriter.header(sheet, header, headers(cols));
    int r = 1;
    for (T row : rows) {
      Row x = sheet.createRow(r++);
      for (int c = 0; c < cols.size(); c++) {
        Object v = cols.get(c).value().apply(row);
        Cell cell = x.createCell(c);
        if (v instanceof LocalDateTime t) {
          cell.setCellValue(t);
          cell.setCellStyle(dateTime);
        } else if (v instanceof Number n) {
          cell.setCellValue(n.doubleValue());
          cell.setCellStyle(cols.get(c).fraction() ? ratio : count);
        } else if (v != null) {
          cell.setCellValue(v.toString());
        }
      }
    }
    int[] widths = cols.stream().mapToInt(Col::width).toArray();
    XlsxReportWriter.widths(sheet, headers(cols), widths);
  }
}
