package dev.pantau.flink.model;

import dev.pantau.flink.io.KeyedJson;
import dev.pantau.flink.job.alert.AlertEvent;
import dev.pantau.flink.job.alert.BrandMention;
import dev.pantau.flink.job.alert.MinuteTerms;
import dev.pantau.flink.job.alert.RulePoint;
import dev.pantau.flink.job.kpi.AuthorWindows;
import dev.pantau.flink.job.kpi.BrandSeen;
import dev.pantau.flink.job.kpi.KpiAccumulator;
import dev.pantau.flink.job.kpi.KpiContribution;
import dev.pantau.flink.job.kpi.KpiRecord;
import dev.pantau.flink.job.kpi.WindowKey;
import org.apache.flink.types.PojoTestUtils;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every type that travels between operators or sits in state is a Flink POJO that Flink serializes
 * without Kryo or Java serialization: its state can evolve (fields added or removed) across
 * savepoints. The job also disables generic types, so a type that would fall back to Kryo fails at
 * submission.
 */
class SerializationTest {
  @ParameterizedTest
  @ValueSource(
      classes = {
        Mention.class,
        Decoded.class,
        DeadLetter.class,
        EnrichedMention.class,
        KeywordUpdate.class,
        KeyedJson.class,
        KpiContribution.class,
        KpiRecord.class,
        KpiAccumulator.class,
        WindowKey.class,
        BrandSeen.class,
        AuthorWindows.class,
        AlertEvent.class,
        BrandMention.class,
        MinuteTerms.class,
        RulePoint.class
      })
  void isAPojoSerializedWithoutKryo(Class<?> type) {
    PojoTestUtils.assertSerializedAsPojoWithoutKryo(type);
  }
}
