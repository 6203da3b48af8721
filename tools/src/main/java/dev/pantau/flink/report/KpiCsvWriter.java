package dev.pantau.flink.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The KPI table as CSV (SPEC §7): a header row of machine names, one row per brand, window, start
 * and source. UTF-8 with a byte-order mark, without which Excel reads UTF-8 as the system code page
 * and mangles non-ASCII brand names.
 */
public final class KpiCsvWriter {
  private final CsvLocale locale;
  private final boolean byteOrderMark;

  public KpiCsvWriter(CsvLocale locale, boolean byteOrderMark) {
    this.locale = locale;
    this.byteOrderMark = byteOrderMark;
  }

  public void write(KpiColumns columns, List<KpiRow> rows, OutputStream out) throws IOException {
    BufferedWriter w =
        new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    if (byteOrderMark) {
      w.write('\uFEFF');
    }
    String sep = String.valueOf(locale.separator());
    w.write(String.join(sep, columns.headers().stream().map(locale::text).toList()));
    w.write("\r\n");
    StringBuilder line = new StringBuilder(256);
    for (KpiRow row : rows) {
      line.setLength(0);
      for (String k : columns.key(row)) {
        line.append(locale.text(k)).append(sep);
      }
      for (KpiColumns.Column c : columns.kpis()) {
        line.append(locale.number(c.of(row))).append(sep);
      }
      line.setLength(line.length() - 1);
      w.write(line.toString());
      w.write("\r\n"); // RFC 4180
    }
    w.flush();
  }
}
