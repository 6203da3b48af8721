package dev.pantau.flink.job.alert;

import dev.pantau.flink.model.EnrichedMention;
import dev.pantau.flink.model.Mention;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;

/**
 * One {@link BrandMention} per matched brand of a new mention (engagement updates carry no new
 * words).
 */
public class ToBrandMentions implements FlatMapFunction<EnrichedMention, BrandMention> {
  private static final long serialVersionUID = 1L;

  @Override
  public void flatMap(EnrichedMention em, Collector<BrandMention> out) {
    Mention m = em.mention;
    // late mentions still count in the KPIs; only the alert context, which they would reach at a
    // moment that depends on timing, leaves them out
    if (m.update || m.late) {
      return;
    }
    String[] terms = AlertTerms.of(m.title, m.text);
    String text = m.title == null || m.title.isEmpty() ? m.text : m.title + " — " + m.text;
    for (String brand : em.brands) {
      BrandMention b = new BrandMention();
      b.brand = brand;
      b.id = m.id;
      b.text = text;
      b.url = m.url;
      b.reach = m.potentialReach();
      b.eventTime = m.createdAt;
      b.terms = terms;
      out.collect(b);
    }
  }
}
