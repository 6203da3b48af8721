package dev.pantau.flink.job.copies;

import dev.pantau.flink.model.EnrichedMention;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;

/** One {@link BrandPost} per brand an enriched mention matched. */
public class ToBrandPosts implements FlatMapFunction<EnrichedMention, BrandPost> {
  private static final long serialVersionUID = 1L;

  @Override
  public void flatMap(EnrichedMention em, Collector<BrandPost> out) {
    int kind = em.mention.update ? BrandPost.UPDATE : BrandPost.NEW;
    for (int i = 0; i < em.brands.size(); i++) {
      out.collect(new BrandPost(kind, i, em));
    }
  }
}
