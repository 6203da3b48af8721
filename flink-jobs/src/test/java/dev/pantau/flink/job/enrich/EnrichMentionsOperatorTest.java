package dev.pantau.flink.job.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pantau.flink.model.EnrichedMention;
import dev.pantau.flink.model.KeywordUpdate;
import dev.pantau.flink.model.Mention;
import dev.pantau.keywords.Brand;
import dev.pantau.keywords.KeywordSet;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.TwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class EnrichMentionsOperatorTest {
  private static final KeywordSet ACME =
      new KeywordSet(
          List.of(new Brand("acme", "Acme", "g", "acme", null, null, null, null, null)), List.of());

  @Test
  void emitsEachMatchedMentionAtOnceWithItsTimestampAndHoldsNothingBack() throws Exception {
    try (var h = open(ACME)) {
      h.processElement1(new StreamRecord<>(mention("1", "I like acme"), 10));
      List<Object> out = List.copyOf(h.getOutput());
      assertThat(out).as("no batching: the mention is out before any watermark").hasSize(1);
      EnrichedMention em = (EnrichedMention) ((StreamRecord<?>) out.get(0)).getValue();
      assertThat(em.mention.id).isEqualTo("1");
      assertThat(em.brands).containsExactly("acme");
      assertThat(em.brandGroups).containsExactly("g");
      assertThat(em.matchedTerms.get("acme")).isNotEmpty();
      assertThat(((StreamRecord<?>) out.get(0)).getTimestamp()).isEqualTo(10);

      h.processElement1(new StreamRecord<>(mention("2", "nothing here"), 11));
      h.processWatermark1(new Watermark(20));
      assertThat(List.copyOf(h.getOutput()).subList(1, h.getOutput().size()))
          .as("an unmatched mention is dropped; the watermark follows")
          .containsExactly(new Watermark(20));
      assertThat(h.getProcessingTimeService().getNumActiveTimers()).as("no timers").isZero();
    }
  }

  @Test
  void controlWatermarksNeverHoldBackTheMentions() throws Exception {
    try (var h = open(ACME)) {
      h.processWatermark1(new Watermark(1_000));
      assertThat(h.getOutput()).containsExactly(new Watermark(1_000));
    }
  }

  @Test
  void appliesKeywordUpdatesLiveRejectsInvalidOnesAndKeepsTheSetAcrossRestore() throws Exception {
    OperatorSubtaskState snapshot;
    try (var h = open(ACME)) {
      h.processElement2(
          new StreamRecord<>(
              new KeywordUpdate(
                  "brand:globex", "{\"id\":\"globex\",\"query\":\"globex\"}", "t@1")));
      h.processElement1(new StreamRecord<>(mention("1", "globex and acme"), 10));
      assertThat(brands(h)).containsExactly(List.of("acme", "globex"));
      assertThat(((EnrichMentionsOperator) h.getOperator()).keywordSetVersion()).isEqualTo(2);

      h.processElement2(
          new StreamRecord<>(
              new KeywordUpdate(
                  "brand:globex", "{\"id\":\"globex\",\"query\":\"(globex\"}", "t@2")));
      h.processElement2(new StreamRecord<>(new KeywordUpdate("brand:acme", null, "t@3")));
      h.processElement1(new StreamRecord<>(mention("2", "globex and acme"), 11));
      assertThat(brands(h))
          .as("bad update rejected, delete applied")
          .containsExactly(List.of("globex"));
      assertThat(((EnrichMentionsOperator) h.getOperator()).keywordSetVersion()).isEqualTo(3);
      snapshot = h.snapshot(1, 100);
    }
    try (var restored = harness(ACME)) {
      restored.initializeState(snapshot);
      restored.open();
      restored.processElement1(new StreamRecord<>(mention("3", "globex and acme"), 12));
      assertThat(brands(restored)).containsExactly(List.of("globex"));
    }
  }

  @Test
  void subtasksShareOneSentimentScorer() throws Exception {
    EnrichMentionsOperator first = new EnrichMentionsOperator(ACME, true);
    EnrichMentionsOperator second = new EnrichMentionsOperator(ACME, true);
    try (var a = new TwoInputStreamOperatorTestHarness<>(first);
        var b = new TwoInputStreamOperatorTestHarness<>(second)) {
      a.open();
      b.open();
      // 30 MB of models a copy: one per TaskManager, not one per slot
      assertThat(first.sentimentScorer()).isNotNull().isSameAs(second.sentimentScorer());
    }
  }

  private static List<List<String>> brands(
      TwoInputStreamOperatorTestHarness<Mention, KeywordUpdate, EnrichedMention> h) {
    List<List<String>> out =
        h.extractOutputValues().stream()
            .map(em -> (List<String>) em.brands)
            .collect(Collectors.toList());
    h.getOutput().clear();
    return out;
  }

  private static TwoInputStreamOperatorTestHarness<Mention, KeywordUpdate, EnrichedMention> harness(
      KeywordSet set) throws Exception {
    var h = new TwoInputStreamOperatorTestHarness<>(new EnrichMentionsOperator(set, false));
    h.setup();
    return h;
  }

  private static TwoInputStreamOperatorTestHarness<Mention, KeywordUpdate, EnrichedMention> open(
      KeywordSet set) throws Exception {
    var h = harness(set);
    h.open();
    return h;
  }

  private static Mention mention(String id, String text) {
    Mention m = new Mention();
    m.id = id;
    m.source = "twitter";
    m.text = text;
    m.lang = "en";
    return m;
  }
}
