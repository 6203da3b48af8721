package dev.pantau.flink.job.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pantau.flink.model.Mention;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeduplicateMentionsTest {
  private KeyedOneInputStreamOperatorTestHarness<String, Mention, Mention> harness;

  @BeforeEach
  void setUp() throws Exception {
    harness =
        new KeyedOneInputStreamOperatorTestHarness<>(
            new KeyedProcessOperator<>(new DeduplicateMentions(Duration.ofHours(24))),
            Mention::dedupKey,
            Types.STRING);
    harness.open();
  }

  @AfterEach
  void tearDown() throws Exception {
    harness.close();
  }

  @Test
  void countsTheFirstVersionAndForwardsOnlyGrowth() throws Exception {
    harness.processElement(new StreamRecord<>(mention("tw", "1", 1000, 3L, 100L), 1000));
    harness.processElement(new StreamRecord<>(mention("tw", "1", 1000, 3L, 100L), 1000));
    harness.processElement(new StreamRecord<>(mention("tw", "1", 5000, 10L, 90L), 5000));
    harness.processElement(new StreamRecord<>(mention("fb", "1", 2000, 1L, null), 2000));

    List<Mention> out = harness.extractOutputValues();
    assertThat(out).hasSize(3);
    assertThat(out.get(0).update).isFalse();
    assertThat(out.get(0).likes).isEqualTo(3);
    Mention growth = out.get(1);
    assertThat(growth.update).isTrue();
    assertThat(growth.likes).isEqualTo(7);
    assertThat(growth.views).as("views shrank: no growth").isNull();
    assertThat(growth.createdAt).as("dated at the first version").isEqualTo(1000);
    assertThat(out.get(2).source).isEqualTo("fb");
  }

  @Test
  void forgetsAMentionAfterTheTtl() throws Exception {
    harness.setStateTtlProcessingTime(0);
    harness.processElement(new StreamRecord<>(mention("tw", "1", 1000, 1L, null), 1000));
    harness.setStateTtlProcessingTime(Duration.ofHours(25).toMillis());
    harness.processElement(new StreamRecord<>(mention("tw", "1", 1000, 1L, null), 1000));
    assertThat(harness.extractOutputValues()).hasSize(2).noneMatch(m -> m.update);
  }

  private static Mention mention(String source, String id, long time, Long likes, Long views) {
    Mention m = new Mention();
    m.source = source;
    m.id = id;
    m.text = "x";
    m.createdAt = time;
    m.likes = likes;
    m.views = views;
    return m;
  }
}
