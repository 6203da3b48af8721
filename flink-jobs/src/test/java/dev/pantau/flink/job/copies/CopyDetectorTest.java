package dev.pantau.flink.job.copies;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pantau.flink.model.EnrichedMention;
import dev.pantau.flink.model.Mention;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class CopyDetectorTest {
  private static final long T0 = Instant.parse("2026-11-22T10:00:00Z").toEpochMilli();
  private static final long MIN = 60_000;
  private static final long HOUR = 60 * MIN;
  static final String TEXT =
      "Mau beli paket Combo Sakti Telkomsel yang 50GB, harganya berapa ya sekarang?";
  static final String NEAR =
      "Mau beli paket Combo Sakti Telkomsel yang 50GB, harganya berapa ya sekarang? 🙏";

  private static KeyedOneInputStreamOperatorTestHarness<String, BrandPost, BrandPost> harness()
      throws Exception {
    KeyedOneInputStreamOperatorTestHarness<String, BrandPost, BrandPost> h =
        new KeyedOneInputStreamOperatorTestHarness<>(
            new KeyedProcessOperator<>(new CopyDetector()), BrandPost::brand, Types.STRING);
    h.open();
    return h;
  }

  @Test
  void aBurstOfThreeAuthorsMakesCopiesOfAllButTheEarliestAndOnlyItsLeadGoesOut() throws Exception {
    try (var h = harness()) {
      send(h, post("m1", "@ani", TEXT, T0, true));
      send(h, post("m2", "@budi", NEAR, T0 + MIN, true));
      send(
          h,
          post(
              "m2b",
              "@budi",
              NEAR,
              T0 + 2 * MIN,
              true)); // the same author again: still two authors
      h.processWatermark(T0 + 3 * MIN);
      List<BrandPost> before = h.extractOutputValues();
      assertThat(before).extracting(p -> p.copyOf).containsOnlyNulls();
      assertThat(before).extracting(p -> p.em.mention.id).containsExactly("m1", "m2", "m2b");

      send(h, post("m3", "@cici", TEXT.toUpperCase(), T0 + 10 * MIN, true));
      send(h, post("m4", "@dodi", TEXT + " https://t.co/x", T0 + 20 * MIN, true));
      h.processWatermark(T0 + 30 * MIN);
      List<BrandPost> out = h.extractOutputValues().subList(3, h.extractOutputValues().size());
      // the third author makes it a burst: the two held-back mentions are marked, the new ones are
      // copies
      assertThat(out)
          .extracting(p -> p.em.mention.id + ":" + p.kind + ":" + p.copyOf)
          .containsExactly("m2:2:m1", "m2b:2:m1", "m3:0:m1", "m4:0:m1");
      assertThat(out.get(0).lead).as("m2 was counted as a lead: the mark takes it back").isTrue();
      assertThat(out.get(2).lead).as("a copy is no lead").isFalse();

      assertThat(h.getSideOutput(CopyDetector.LEADS)).isNull();
      h.processWatermark(T0 + HOUR + 30 * MIN);
      assertThat(h.getSideOutput(CopyDetector.LEADS))
          .extracting(r -> r.getValue().id)
          .containsExactly("m1");
      h.processWatermark(T0 + 3 * HOUR);
      assertThat(h.numKeyedStateEntries()).isZero();
      assertThat(h.numEventTimeTimers()).isZero();
    }
  }

  @Test
  void oneAuthorRepeatingHimselfRepostsAndShortTextsAreNoBurst() throws Exception {
    try (var h = harness()) {
      for (int i = 0; i < 5; i++) {
        send(h, post("self" + i, "@spammer", TEXT, T0 + i * MIN, false));
      }
      for (int i = 0; i < 5; i++) {
        BrandPost p = post("rp" + i, "@fan" + i, "RT " + NEAR, T0 + i * MIN, false);
        p.em.mention.isRepost = true;
        send(h, p);
        send(h, post("short" + i, "@user" + i, "telkomsel down lagi", T0 + i * MIN, false));
      }
      h.processWatermark(T0 + 3 * HOUR);
      assertThat(h.extractOutputValues()).hasSize(15).extracting(p -> p.copyOf).containsOnlyNulls();
      assertThat(h.numKeyedStateEntries()).isZero();
      assertThat(h.numEventTimeTimers()).isZero();
    }
  }

  @Test
  void aCopyMoreThanAnHourAfterTheEarliestStartsAgain() throws Exception {
    try (var h = harness()) {
      send(h, post("a", "@a", TEXT, T0, false));
      send(h, post("b", "@b", TEXT, T0 + 30 * MIN, false));
      send(
          h, post("c", "@c", TEXT, T0 + 61 * MIN, false)); // the hour of "a" is over: a new cluster
      h.processWatermark(T0 + 2 * HOUR);
      assertThat(h.extractOutputValues()).extracting(p -> p.copyOf).containsOnlyNulls();
      h.processWatermark(T0 + 4 * HOUR);
      assertThat(h.numKeyedStateEntries()).isZero();
    }
  }

  @Test
  void mentionsAreTakenInEventTimeOrderWhateverTheOrderTheyCameIn() throws Exception {
    try (var h = harness()) {
      send(h, post("late-arrival-earliest", "@z", TEXT, T0, false));
      send(h, post("x", "@x", TEXT, T0 + 2 * MIN, false));
      send(h, post("y", "@y", TEXT, T0 + MIN, false));
      h.processWatermark(T0 + 5 * MIN);
      List<BrandPost> out = h.extractOutputValues();
      assertThat(out)
          .extracting(p -> p.em.mention.id + ":" + p.copyOf)
          .containsExactly(
              "late-arrival-earliest:null",
              "y:null",
              "y:late-arrival-earliest",
              "x:late-arrival-earliest");
    }
  }

  /**
   * A burst of 10,000 copies by 10,000 authors leaves the brand's state as small as a burst of
   * three: one cluster with its 16 LSH keys and the earliest's lead; all gone an hour after.
   */
  @Test
  void stateStaysBoundedUnderABurstOf10000Copies() throws Exception {
    try (var h = harness()) {
      send(h, post("first", "@author0", TEXT, T0, true));
      send(h, post("second", "@author1", TEXT, T0 + 1, true));
      send(h, post("third", "@author2", TEXT, T0 + 2, true));
      h.processWatermark(T0 + 2);
      int small = h.numKeyedStateEntries();
      for (int i = 3; i < 10_000; i++) {
        long t = T0 + i * 300L; // 10,000 copies in 50 minutes
        send(h, post("c" + i, "@author" + i, i % 2 == 0 ? TEXT : NEAR, t, true));
        if (i % 100 == 0) {
          h.processWatermark(t);
        }
      }
      h.processWatermark(T0 + 50 * MIN);
      assertThat(h.numKeyedStateEntries()).isLessThanOrEqualTo(small);
      long copies =
          h.extractOutputValues().stream()
              .filter(p -> p.copyOf != null && p.kind == BrandPost.NEW)
              .count();
      // "third" and the 9,997 after it; "second" became one through a mark
      assertThat(copies).isEqualTo(9_998);
      h.processWatermark(T0 + 3 * HOUR);
      assertThat(h.getSideOutput(CopyDetector.LEADS)).hasSize(1);
      assertThat(h.numKeyedStateEntries()).isZero();
      assertThat(h.numEventTimeTimers()).isZero();
    }
  }

  static void send(
      KeyedOneInputStreamOperatorTestHarness<String, BrandPost, BrandPost> h, BrandPost p)
      throws Exception {
    h.processElement(new StreamRecord<>(p, p.eventTime()));
  }

  static BrandPost post(String id, String author, String text, long time, boolean leadTopic) {
    Mention m = new Mention();
    m.id = id;
    m.source = "twitter";
    m.text = text;
    m.createdAt = time;
    m.authorHandle = author;
    EnrichedMention em = new EnrichedMention();
    em.mention = m;
    em.lang = "id";
    em.brands.add("telkomsel");
    em.brandNames.add("Telkomsel");
    em.brandGroups.add("telco-id");
    em.brandEmployee.add(false);
    em.brandListedEmployee.add(false);
    em.brandRoster.add(0);
    em.topics = new ArrayList<>(leadTopic ? List.of("purchase-intent") : List.of());
    em.leadTopics = new ArrayList<>(em.topics);
    return new BrandPost(BrandPost.NEW, 0, em);
  }
}
