package dev.pantau.flink.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * The KPI table as CSV (SPEC §7): a header row of machine names, one row per brand, window, start
 * and source. UTF-8 with a byte-order mark, without which Excel reads UTF-8 as the system code page
 * and mangles non-ASCII brand names.
 *
 * <p>A month of minute windows is a million rows: they are formatted in blocks on every core and
 * the blocks written in order, so the file is the same as one thread would write.
 */
public final class KpiCsvWriter {
  private static final int BLOCK = 4096;
  private static final int THREADS = ReportThreads.CORES;

  private final CsvLocale locale;
  private final boolean byteOrderMark;

  public KpiCsvWriter(CsvLocale locale, boolean byteOrderMark) {
    this.locale = locale;
    this.byteOrderMark = byteOrderMark;
  }

  public void write(KpiColumns columns, List<KpiRow> rows, OutputStream out) throws IOException {
    StringBuilder header = new StringBuilder();
    if (byteOrderMark) {
      header.append('\uFEFF');
    }
    String sep = String.valueOf(locale.separator());
    header.append(String.join(sep, columns.headers().stream().map(locale::text).toList()));
    header.append("\r\n");
    out.write(header.toString().getBytes(StandardCharsets.UTF_8));
    Rows format = new Rows(columns, rows);
    if (rows.size() <= BLOCK) {
      out.write(format.block(0, rows.size()));
      out.flush();
      return;
    }
    ExecutorService pool = ReportThreads.pool("report-csv", THREADS);
    try {
      ArrayDeque<Future<byte[]>> pending = new ArrayDeque<>();
      for (int from = 0; from < rows.size(); from += BLOCK) {
        int start = from;
        int end = Math.min(rows.size(), from + BLOCK);
        pending.add(pool.submit(() -> format.block(start, end)));
        // bounded: a few blocks in flight per thread, not the whole file in memory
        while (pending.size() > 4 * THREADS) {
          out.write(ReportThreads.await(pending.poll()));
        }
      }
      while (!pending.isEmpty()) {
        out.write(ReportThreads.await(pending.poll()));
      }
      out.flush();
    } finally {
      pool.shutdownNow();
    }
  }

  /** The rows' lines, a block at a time; safe on several threads. */
  private final class Rows {
    private final KpiColumns columns;
    private final List<KpiRow> rows;
    private final List<KpiColumns.Column> kpis;

    /** Each KPI column's position in a row's value array, or -1 for a topic's count. */
    private final int[] at;

    Rows(KpiColumns columns, List<KpiRow> rows) {
      this.columns = columns;
      this.rows = rows;
      this.kpis = columns.kpis();
      this.at = columns.positions(rows);
    }

    byte[] block(int from, int to) {
      StringBuilder line = new StringBuilder(256 * (to - from));
      char sepChar = locale.separator();
      for (KpiRow row : rows.subList(from, to)) {
        columns.appendKey(row, line, locale);
        for (int i = 0; i < at.length; i++) {
          line.append(sepChar);
          if (at[i] < 0) {
            String topic = kpis.get(i).topic();
            if (topic != null && row.topics() instanceof TopicCounts counts) {
              line.append(counts.count(topic));
            } else {
              line.append(locale.number(kpis.get(i).of(row)));
            }
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
      }
      return line.toString().getBytes(StandardCharsets.UTF_8);
    }
  }
}
