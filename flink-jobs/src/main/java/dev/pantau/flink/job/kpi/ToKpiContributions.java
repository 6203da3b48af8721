package dev.pantau.flink.job.kpi;

import dev.pantau.alerts.KpiMetrics;
import dev.pantau.flink.job.copies.BrandPost;
import dev.pantau.flink.model.EnrichedMention;
import dev.pantau.flink.model.Mention;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;

/**
 * Turns a brand's view of a mention into its contribution, for its source and for {@code "*"}: a
 * new mention counts (a copy in {@code copies}, a lead in {@code leads}); engagement growth adds
 * engagement; a mention found to be a copy after it was counted adds a copy and takes back its
 * lead.
 */
public class ToKpiContributions implements FlatMapFunction<BrandPost, KpiContribution> {
  private static final long serialVersionUID = 1L;

  @Override
  public void flatMap(BrandPost p, Collector<KpiContribution> out) {
    EnrichedMention em = p.em;
    Mention m = em.mention;
    int i = p.brandIndex;
    {
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
      c.listedEmployee = em.brandListedEmployee.isEmpty() ? false : em.brandListedEmployee.get(i);
      c.roster = em.brandRoster.isEmpty() ? 0 : em.brandRoster.get(i);
      if (p.kind == BrandPost.COPY_MARK) {
        // counted before as a mention: now only a copy, and no lead any more
        c.update = true;
        c.views = null;
        c.likes = c.comments = c.shares = c.quotes = c.bookmarks = 0;
        c.copies = 1;
        c.leads = p.lead ? -1 : 0;
      } else if (p.kind == BrandPost.NEW) {
        c.copies = p.copyOf != null ? 1 : 0;
        c.leads = p.lead ? 1 : 0;
      }
      out.collect(c);
      out.collect(c.withSource(KpiMetrics.ALL_SOURCES));
    }
  }

  private static long n(Long v) {
    return v == null ? 0 : v;
  }
}
