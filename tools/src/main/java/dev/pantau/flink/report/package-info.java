/**
 * {@code ./pantau report}: Pantau's outputs for a period as a file to forward (SPEC §7), in HTML,
 * CSV or XLSX.
 *
 * <p>A report is made in two steps. A {@link dev.pantau.flink.report.ReportSource} reads what a
 * {@link dev.pantau.flink.report.ReportRequest} covers (a period, one brand or all, some windows or
 * all) into a {@link dev.pantau.flink.report.ReportData}, keeping of each key what a consumer's
 * upsert keeps; then one writer turns it into the file:
 *
 * <pre>
 * ReportRequest request = new ReportRequest(new ReportPeriod(from, to, zone), null, Set.of());
 * try (ReportSource in = new ReplayFolder(dir)) {               // or JdbcReportSource, KafkaReportSource
 *   List&lt;KpiRow&gt; rows = in.kpis(KpiFields.STANDARD, request);
 *   KpiColumns columns = KpiColumns.of(KpiFields.STANDARD, rows, zone);
 *   new KpiCsvWriter(CsvLocale.EN, true).write(columns, rows, out); // or XlsxReportWriter, HtmlReportWriter
 * }
 * </pre>
 *
 * <p>The three sources differ only in where records come from ({@link
 * dev.pantau.flink.report.JsonRecords}: lines of a file, values of a topic; rows of a table for the
 * database); the readers that filter and keep the latest revision ({@link
 * dev.pantau.flink.report.KpiSeriesReader}, {@link dev.pantau.flink.report.TopMentionsReader},
 * {@link dev.pantau.flink.report.ReportTables}) are shared, so every source gives the same report.
 *
 * <p>A month of minute windows is a million KPI records, a gigabyte of JSON, and a report of it
 * takes seconds (BENCHMARKS.md, "Reports"). What makes that so, for whoever changes these classes:
 *
 * <ul>
 *   <li>Files are read in blocks of bytes cut into lines by the threads that parse them ({@link
 *       dev.pantau.flink.report.JsonLinesReader}); a parser of a big output reads a line's bytes
 *       itself and rules a record out by its key fields' text before parsing it ({@link
 *       dev.pantau.flink.report.Utf8Text}).
 *   <li>KPI rows are held in columns per series ({@link dev.pantau.flink.report.SeriesRows}) and
 *       made again as short-lived objects when read: a list of a million row objects cost more in
 *       garbage collection than the parsing.
 *   <li>The writers of the big tables work on every core and read a row's values by position.
 *   <li>Each of these keeps the files byte for byte what the simple way wrote; the tests compare
 *       the files with figures computed from the records, never with the writers' own code.
 * </ul>
 */
package dev.pantau.flink.report;
