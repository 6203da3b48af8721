/**
 * What {@code ./pantau demo} shows in the terminal.
 *
 * <p>{@link dev.pantau.flink.demo.KpiTable} turns the job's KPI records and alerts, as they are
 * read back from Kafka, into a table redrawn in place (a terminal) or into SPEC §7's plain lines (a
 * pipe or a file). It is plain Java with no Flink in it, so its output is unit-tested to the
 * character.
 */
package dev.pantau.flink.demo;
