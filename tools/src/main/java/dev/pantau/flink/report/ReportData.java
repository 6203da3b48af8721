package dev.pantau.flink.report;

import java.util.List;

/**
 * Everything a report shows, read from one source: KPI rows (for the HTML report also those of the
 * previous period and the whole competitor group), alerts, the top mentions and copy bursts (null
 * without mentions), leads, the advocacy leaderboard and target progress.
 */
public record ReportData(
    String sourceName,
    List<KpiRow> kpis,
    List<AlertRow> alerts,
    TopMentionsReader.Tops tops,
    List<LeadRow> leads,
    List<LeaderRow> leaderboard,
    List<TargetRow> targets) {}
