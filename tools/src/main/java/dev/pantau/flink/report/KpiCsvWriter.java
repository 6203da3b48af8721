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
    StringBuilder line = new StringBuilder(512);
    List<KpiColumns.Column> kpis = columns.kpis();
    int[] at = new int[kpis.size()];
    for (int i = 0; i < at.length; i++) {
      KpiColumns.Column c = kpis.get(i);
      at[i] = c.topic() == null && !rows.isEmpty() ? rows.get(0).layout().index(c.metric()) : -1;
    }
    char sepChar = locale.separator();
    for (KpiRow row : rows) {
      line.setLength(0);
      columns.appendKey(row, line, locale);
      for (int i = 0; i < at.length; i++) {
        line.append(sepChar);
        if (at[i] < 0) {
          line.append(locale.number(kpis.get(i).of(row)));
          continue;
        }
        // straight from the row's array: no boxing for a million rows of 30 numbers
        double v = row.values()[at[i]];
        if (Double.isNaN(v)) {
          continue;
        }
        if (row.layout().ratio(at[i])) {
          locale.appendDecimal(line, v);
        } else {
          line.append((long) v);
        }
      }
      line.append("\r\n"); // RFC 4180
      w.append(line);
    }
    w.flush();
  }
}
