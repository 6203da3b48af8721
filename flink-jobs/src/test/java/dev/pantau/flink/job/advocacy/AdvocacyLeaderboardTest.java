package dev.pantau.flink.job.advocacy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pantau.flink.job.copies.BrandPost;
import dev.pantau.flink.model.EnrichedMention;
import dev.pantau.flink.model.Mention;
import dev.pantau.keywords.AdvocacyPoints;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class AdvocacyLeaderboardTest {
  /** A Wednesday; its week is Monday 2026-11-16 to Monday 2026-11-23 (UTC), its month November. */
  private static final long T0 = Instant.parse("2026-11-18T10:00:00Z").toEpochMilli();

  private static final long WEEK_END = Instant.parse("2026-11-23T00:00:00Z").toEpochMilli();
  private static final long MONTH_END = Instant.parse("2026-12-01T00:00:00Z").toEpochMilli();
  private static final long HOUR = 3_600_000;

  @Test
  void ranksEmployeesByPointsPerWeekAndMonthCopiesCostPointsLateDataRevisesAndNothingIsLeft()
      throws Exception {
    AdvocacyPoints points = AdvocacyPoints.DEFAULTS;
    try (KeyedOneInputStreamOperatorTestHarness<String, BrandPost, AdvocacyRow> h =
        new KeyedOneInputStreamOperatorTestHarness<>(
            new KeyedProcessOperator<>(new AdvocacyLeaderboard("UTC", Duration.ofHours(1), points)),
            BrandPost::brand,
            Types.STRING)) {
      h.open();
      // @rina: two original posts, 10 likes and 2 comments on one; @andika: one original, one copy
      send(h, post("r1", "@Rina_Tsel", T0, 10L, 2L, 0L, null, true));
      send(h, post("r2", "@rina_tsel", T0 + HOUR, 0L, 0L, 0L, null, true));
      send(h, post("a1", "@andika_telkomsel", T0, 0L, 0L, 4L, null, true));
      send(h, post("a2", "@andika_telkomsel", T0 + 2 * HOUR, 0L, 0L, 0L, "x1", true));
      send(h, post("n1", "@not_an_employee", T0, 100L, 0L, 0L, null, false));
      h.processWatermark(WEEK_END - 1);
      List<AdvocacyRow> week = h.extractOutputValues();
      assertThat(week)
          .extracting(r -> r.period + " " + r.employee + " #" + r.rank)
          .containsExactly("week @rina_tsel #1", "week @andika_telkomsel #2");
      AdvocacyRow rina = week.get(0);
      assertThat(rina.posts).isEqualTo(2);
      assertThat(rina.originalPosts).isEqualTo(2);
      assertThat(rina.points).isEqualTo(2 * 10 + 2 * 5 + 10 * 0.1 + 2 * 0.5);
      AdvocacyRow andika = week.get(1);
      assertThat(andika.copies).isEqualTo(1);
      assertThat(andika.points).isEqualTo(2 * 10 + 5 - 10 + 4 * 1.0);

      // a late post of @andika's inside the allowed lateness: his row and both ranks change
      BrandPost late = post("a3", "@andika_telkomsel", T0 + 3 * HOUR, 50L, 0L, 10L, null, true);
      send(h, late);
      h.processWatermark(WEEK_END + 1);
      List<AdvocacyRow> revised =
          h.extractOutputValues().subList(2, h.extractOutputValues().size());
      assertThat(revised)
          .extracting(r -> r.employee + " #" + r.rank + " rev" + r.revision)
          .containsExactly("@andika_telkomsel #1 rev2", "@rina_tsel #2 rev2");

      // found to be a copy after it was counted: one original post less, one copy more
      send(h, late.mark("x1", false));
      h.processWatermark(MONTH_END + 2 * HOUR);
      List<AdvocacyRow> all = h.extractOutputValues();
      AdvocacyRow lastWeek =
          all.stream()
              .filter(r -> r.period.equals("week") && r.employee.equals("@andika_telkomsel"))
              .reduce((a, b) -> b)
              .orElseThrow();
      assertThat(lastWeek.revision).isEqualTo(3);
      assertThat(lastWeek.copies).isEqualTo(2);
      assertThat(lastWeek.originalPosts).isEqualTo(1);
      assertThat(all)
          .filteredOn(r -> r.period.equals("month"))
          .extracting(r -> r.employee)
          .containsExactly("@andika_telkomsel", "@rina_tsel");
      assertThat(h.numKeyedStateEntries()).isZero();
      assertThat(h.numEventTimeTimers()).isZero();
    }
  }

  private static void send(
      KeyedOneInputStreamOperatorTestHarness<String, BrandPost, AdvocacyRow> h, BrandPost p)
      throws Exception {
    h.processElement(new StreamRecord<>(p, p.eventTime()));
  }

  private static BrandPost post(
      String id,
      String handle,
      long time,
      Long likes,
      Long comments,
      Long shares,
      String copyOf,
      boolean employee) {
    Mention m = new Mention();
    m.id = id;
    m.source = "twitter";
    m.text = "text " + id;
    m.createdAt = time;
    m.authorHandle = handle;
    m.followers = 1000L;
    m.likes = likes;
    m.comments = comments;
    m.shares = shares;
    EnrichedMention em = new EnrichedMention();
    em.mention = m;
    em.brands.add("telkomsel");
    em.brandNames.add("Telkomsel");
    em.brandGroups.add("telco-id");
    em.brandEmployee.add(employee);
    em.brandListedEmployee.add(employee);
    em.brandRoster.add(2);
    BrandPost p = new BrandPost(BrandPost.NEW, 0, em);
    p.copyOf = copyOf;
    return p;
  }
}
