package dev.pantau.flink.job.kpi;

import dev.pantau.alerts.KpiMetrics;
import dev.pantau.flink.model.EnrichedMention;
import dev.pantau.flink.model.Mention;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;

/** Splits an enriched mention into one contribution per matched brand, for its source and for {@code "*"}. */
public class ToKpiContributions implements FlatMapFunction<EnrichedMention, KpiContribution> {
  private static final long serialVersionUID = 1L;

  @Override
  public void flatMap(EnrichedMention em, Collector<KpiContribution> out) {
    Mention m = em.mention;
    for (int i = 0; i < em.brands.size(); i++) {
      KpiContribution c = new KpiContribution();
      c.brand = em.brands.get(i);
      c.brandName = em.brandNames.get(i);
      c.group = em.brandGroups.get(i);
      c.employee = em.brandEmployee.get(i);
      c.source = m.source;
      c.eventTime = m.createdAt;
      c.update = m.update;
      c.authorKey = m.authorKey();
      c.reach = m.potentialReach();
      c.views = m.views;
      c.likes = n(m.likes);
      c.comments = n(m.comments);
      c.shares = n(m.shares);
      c.quotes = n(m.quotes);
      c.bookmarks = n(m.bookmarks);
      c.sentimentLabel = em.sentimentLabel;
      c.sentimentScore = em.sentimentScore;
      c.topics = em.topics.toArray(new String[0]);
      out.collect(c);
      out.collect(c.withSource(KpiMetrics.ALL_SOURCES));
    }
  }

  private static long n(Long v) {
    return v == null ? 0 : v;
  }
}
