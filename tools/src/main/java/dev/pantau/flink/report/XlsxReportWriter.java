package dev.pantau.flink.report;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The report as an XLSX workbook: one sheet per table (KPIs, leads, leaderboard, targets, alerts),
 * each with a frozen header row, a filter on it and set column widths; numbers are numeric cells
 * and local times date cells, so a spreadsheet sums and charts them in any locale. Written
 * streaming, so a month of minute windows does not need the whole workbook in memory.
 */
public final class XlsxReportWriter {
  public static final String KPI_SHEET = "KPIs";

  /** Rows a sheet holds below its header (Excel's limit, 2^20 rows in all). */
  public static final int MAX_ROWS = 1_048_575;

  public static final String ALERT_SHEET = "Alerts";
  public static final String LEADS_SHEET = "Leads";
  public static final String LEADERBOARD_SHEET = "Leaderboard";
  public static final String TARGETS_SHEET = "Targets";
  static final List<String> ALERT_HEADERS =
      List.of(
          "start_utc",
          "start_local",
          "brand",
          "rule",
          "type",
          "severity",
          "status",
          "metric",
          "window",
          "observed",
          "expected",
          "score",
          "top_terms",
          "message");

  private final ZoneId zone;
  private final int maxRows;

  public XlsxReportWriter(ZoneId zone) {
    this(zone, MAX_ROWS);
  }

  /** With a smaller sheet, for tests of what happens past its last row. */
  XlsxReportWriter(ZoneId zone, int maxRows) {
    this.zone = zone;
    this.maxRows = maxRows;
  }

  /**
   * Fails when {@code kpis} or {@code leads} rows do not fit a sheet of {@code maxRows}: the
   * command checks the KPI rows before reading the rest, so a month of every window is refused at
   * once.
   */
  public static void checkFits(int kpis, int leads, int maxRows) throws TooManyRows {
    if (kpis > maxRows || leads > maxRows) {
      String what =
          kpis > maxRows
              ? String.format(java.util.Locale.ROOT, "%,d KPI rows", kpis)
              : String.format(java.util.Locale.ROOT, "%,d leads", leads);
      throw new TooManyRows(
          String.format(
              java.util.Locale.ROOT,
              "%s do not fit an XLSX sheet (at most %,d rows): narrow the report with --window"
                  + " (e.g. --window 1h,1d), --brand or a shorter period, or write .csv",
              what,
              maxRows));
    }
  }

  /** More rows than a sheet holds: the message says how to narrow the report. */
  public static final class TooManyRows extends Exception {
    TooManyRows(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * @throws TooManyRows before writing anything, when a table has more rows than a sheet holds
   */
  public void write(KpiColumns columns, ReportData data, OutputStream out)
      throws IOException, TooManyRows {
    checkFits(data.kpis().size(), data.leads().size(), maxRows);
    try (SXSSFWorkbook book = new SXSSFWorkbook(1000)) {
      Styles styles = new Styles(book);
      Sheet kpis = book.createSheet(KPI_SHEET);
      Sheet leads = book.createSheet(LEADS_SHEET);
      Sheet leaderboard = book.createSheet(LEADERBOARD_SHEET);
      Sheet targets = book.createSheet(TARGETS_SHEET);
      Sheet alerts = book.createSheet(ALERT_SHEET);
      XlsxTables tables = new XlsxTables(zone, styles.dateTime, styles.count, styles.ratio);
      // A streaming sheet writes its rows to a file of its own, and styles are made above: the
      // KPI sheet and the others fill on two cores (most of a month's workbook is these two);
      // what belongs to the workbook (filters, below) is done on this thread alone.
      ExecutorService other = ReportThreads.pool("report-xlsx", 1);
      try {
        Future<?> rest =
            other.submit(
                () -> {
                  tables.leads(leads, styles.header, data.leads());
                  tables.leaderboard(leaderboard, styles.header, data.leaderboard());
                  tables.targets(targets, styles.header, data.targets());
                  writeAlerts(alerts, styles, data.alerts());
                });
        writeKpis(kpis, styles, columns, data.kpis());
        ReportThreads.await(rest);
        // a filter is a name of the workbook's, not the sheet's: added on this thread, in order
        filter(kpis, columns.headers().size());
        filter(leads, XlsxTables.LEAD_HEADERS.size());
        filter(leaderboard, XlsxTables.LEADER_HEADERS.size());
        filter(targets, XlsxTables.TARGET_HEADERS.size());
        filter(alerts, ALERT_HEADERS.size());
      } finally {
        other.shutdownNow();
      }
      book.write(out);
    }
  }

  private void writeKpis(Sheet sheet, Styles styles, KpiColumns columns, List<KpiRow> rows) {
    List<String> headers = columns.headers();
    header(sheet, styles, headers);
    List<KpiColumns.Column> kpis = columns.kpis();
    int[] at = columns.positions(rows);
    int r = 1;
    for (KpiRow row : rows) {
      Row x = sheet.createRow(r++);
      List<String> key = columns.key(row);
      for (int c = 0; c < 5; c++) {
        x.createCell(c).setCellValue(key.get(c));
      }
      date(x.createCell(5), styles, LocalDateTime.ofInstant(row.start(), zone));
      int c = KpiColumns.KEY.size();
      for (int i = 0; i < kpis.size(); i++) {
        Cell cell = x.createCell(c++);
        // straight from the row's array where the column has a place in it: no boxing, no lookup
        double v;
        if (at[i] >= 0) {
          v = row.values()[at[i]];
        } else {
          Number n = kpis.get(i).of(row);
          v = n == null ? Double.NaN : n.doubleValue();
        }
        if (!Double.isNaN(v)) {
          cell.setCellValue(v);
          cell.setCellStyle(kpis.get(i).ratio() ? styles.ratio : styles.count);
        }
      }
    }
    widths(sheet, headers, 12, 10, 8, 10, 22, 18);
  }

  private void writeAlerts(Sheet sheet, Styles styles, List<AlertRow> alerts) {
    header(sheet, styles, ALERT_HEADERS);
    int r = 1;
    for (AlertRow a : alerts) {
      Row x = sheet.createRow(r++);
      x.createCell(0).setCellValue(dev.pantau.flink.io.OutputJson.UTC_SECONDS.format(a.start()));
      date(x.createCell(1), styles, LocalDateTime.ofInstant(a.start(), zone));
      String[] texts = {
        a.brand(), a.rule(), a.type(), a.severity(), a.status(), a.metric(), a.window()
      };
      for (int i = 0; i < texts.length; i++) {
        x.createCell(2 + i).setCellValue(texts[i]);
      }
      Double[] numbers = {a.observed(), a.expected(), a.score()};
      for (int i = 0; i < numbers.length; i++) {
        Cell cell = x.createCell(9 + i);
        if (numbers[i] != null) {
          cell.setCellValue(numbers[i]);
          cell.setCellStyle(styles.ratio);
        }
      }
      x.createCell(12).setCellValue(String.join(", ", a.topTerms()));
      x.createCell(13).setCellValue(a.message());
    }
    widths(sheet, ALERT_HEADERS, 22, 18, 14, 18, 10, 10, 10, 18, 8, 10, 10, 8, 30, 60);
  }

  private static void header(Sheet sheet, Styles styles, List<String> headers) {
    header(sheet, styles.header, headers);
  }

  static void header(Sheet sheet, CellStyle style, List<String> headers) {
    Row h = sheet.createRow(0);
    for (int c = 0; c < headers.size(); c++) {
      Cell cell = h.createCell(c);
      cell.setCellValue(headers.get(c));
      cell.setCellStyle(style);
    }
    sheet.createFreezePane(0, 1);
  }

  /** The header row's filter buttons. */
  private static void filter(Sheet sheet, int columns) {
    sheet.setAutoFilter(new CellRangeAddress(0, 0, 0, columns - 1));
  }

  private static void date(Cell cell, Styles styles, LocalDateTime t) {
    cell.setCellValue(t);
    cell.setCellStyle(styles.dateTime);
  }

  /**
   * Widths in characters: the given ones for the first columns, the header's length (room for the
   * filter button, a number's width at least) for the rest. Auto-sizing would measure every cell
   * with AWT fonts, slow and absent on a headless server without fonts.
   */
  static void widths(Sheet sheet, List<String> headers, int... first) {
    for (int c = 0; c < headers.size(); c++) {
      int chars = c < first.length ? first[c] : Math.max(10, headers.get(c).length() + 3);
      sheet.setColumnWidth(c, Math.min(255, chars) * 256);
    }
  }

  private static final class Styles {
    final CellStyle header;
    final CellStyle count;
    final CellStyle ratio;
    final CellStyle dateTime;

    Styles(SXSSFWorkbook book) {
      Font bold = book.createFont();
      bold.setBold(true);
      header = book.createCellStyle();
      header.setFont(bold);
      count = book.createCellStyle();
      count.setDataFormat(book.createDataFormat().getFormat("#,##0"));
      ratio = book.createCellStyle();
      ratio.setDataFormat(book.createDataFormat().getFormat("0.000"));
      dateTime = book.createCellStyle();
      dateTime.setDataFormat(book.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
    }
  }
}
