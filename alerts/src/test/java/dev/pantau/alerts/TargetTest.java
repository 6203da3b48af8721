package dev.pantau.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class TargetTest {
  private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

  private static long t(String iso) {
    return Instant.parse(iso).toEpochMilli();
  }

  @Test
  void periodsStartAtLocalMidnightOfTheirFirstDay() {
    // 2026-03-31T18:30Z is 01:30 on 1 April in Jakarta (UTC+7): April, the second quarter, the week
    // of Monday 30 March
    long at = t("2026-03-31T18:30:00Z");
    assertThat(Target.Period.MONTH.start(at, JAKARTA)).isEqualTo(t("2026-03-31T17:00:00Z"));
    assertThat(Target.Period.QUARTER.start(at, JAKARTA)).isEqualTo(t("2026-03-31T17:00:00Z"));
    assertThat(Target.Period.WEEK.start(at, JAKARTA)).isEqualTo(t("2026-03-29T17:00:00Z"));
    assertThat(Target.Period.QUARTER.end(t("2026-03-31T17:00:00Z"), JAKARTA))
        .isEqualTo(t("2026-06-30T17:00:00Z"));
    assertThat(Target.Period.WEEK.end(t("2026-03-29T17:00:00Z"), JAKARTA))
        .isEqualTo(t("2026-04-05T17:00:00Z"));
  }

  @Test
  void theEntryWithTheLatestFromOnOrBeforeThePeriodApplies() {
    List<Target> entries =
        List.of(
            new Target(
                "telkomsel",
                "followers.growth",
                Target.Period.MONTH,
                600,
                LocalDate.parse("2026-01-01")),
            new Target(
                "telkomsel",
                "followers.growth",
                Target.Period.MONTH,
                1000,
                LocalDate.parse("2026-03-01")),
            new Target(
                "telkomsel",
                "followers.growth",
                Target.Period.MONTH,
                800,
                LocalDate.parse("2026-02-01")),
            new Target("*", "followers.growth", Target.Period.MONTH, 50));
    assertThat(
            Target.inForce(
                    entries,
                    "telkomsel",
                    "followers.growth",
                    Target.Period.MONTH,
                    LocalDate.parse("2025-12-01"))
                .value())
        .isEqualTo(50); // before its own entries start, the entry for every brand
    assertThat(
            Target.inForce(
                    entries,
                    "telkomsel",
                    "followers.growth",
                    Target.Period.MONTH,
                    LocalDate.parse("2026-01-01"))
                .value())
        .isEqualTo(600);
    assertThat(
            Target.inForce(
                    entries,
                    "telkomsel",
                    "followers.growth",
                    Target.Period.MONTH,
                    LocalDate.parse("2026-02-01"))
                .value())
        .isEqualTo(800);
    assertThat(
            Target.inForce(
                    entries,
                    "telkomsel",
                    "followers.growth",
                    Target.Period.MONTH,
                    LocalDate.parse("2026-07-01"))
                .value())
        .isEqualTo(1000);
    assertThat(
            Target.inForce(
                    entries,
                    "xl",
                    "followers.growth",
                    Target.Period.MONTH,
                    LocalDate.parse("2026-07-01"))
                .value())
        .isEqualTo(50);
    assertThat(
            Target.inForce(
                entries,
                "xl",
                "followers.growth",
                Target.Period.WEEK,
                LocalDate.parse("2026-07-06")))
        .isNull();
  }

  @Test
  void fromMustStartAPeriod() {
    assertThatThrownBy(
            () ->
                new Target("a", "mentions", Target.Period.MONTH, 1, LocalDate.parse("2026-02-15")))
        .hasMessageContaining("not the first day of a month")
        .hasMessageContaining("2026-02-01 or 2026-03-01");
    assertThatThrownBy(
            () -> new Target("a", "mentions", Target.Period.WEEK, 1, LocalDate.parse("2026-03-04")))
        .hasMessageContaining("use 2026-03-02");
    assertThatThrownBy(
            () ->
                new Target(
                    "a", "mentions", Target.Period.QUARTER, 1, LocalDate.parse("2026-02-01")))
        .hasMessageContaining("use 2026-01-01 or 2026-04-01");
  }

  @Test
  void progressFollowsTheSpecsDefinitions() {
    // SPEC §4d's example: 512 of 800 two thirds into the period
    TargetProgress p = TargetProgress.of(800, 512, 0, 3_000, 2_000);
    assertThat(p.expectedByNow()).isCloseTo(533.333, within(1e-3));
    assertThat(p.pace()).isCloseTo(0.96, within(1e-9));
    assertThat(p.projected()).isCloseTo(768, within(1e-9));
    assertThat(p.status()).isEqualTo(TargetProgress.Status.BEHIND);
    assertThat(TargetProgress.of(800, 600, 0, 3_000, 2_000).status())
        .isEqualTo(TargetProgress.Status.ON_TRACK);
    assertThat(TargetProgress.of(800, 800, 0, 3_000, 1_000).status())
        .isEqualTo(TargetProgress.Status.MET);
    TargetProgress first = TargetProgress.of(800, 0, 0, 3_000, 0);
    assertThat(first.pace()).isNull();
    assertThat(first.status()).isEqualTo(TargetProgress.Status.ON_TRACK);
  }

  @Test
  void checkRejectsInvalidEntriesWithIdPositionAndReason() {
    String yaml =
        """
        targets:
          - {brand: telkomsel, metric: followers.growth, period: month, value: 600, from: 2026-01-01}
          - {brand: telkomsel, metric: followers.growth, period: month, value: 800, from: 2026-02-15}
          - {brand: telkomsel, metric: share_of_voice, period: month, value: 1}
          - {brand: telkomsel, metric: mentions, period: year, value: 1}
          - {brand: telkomsel, metric: mentions, period: week, value: -3}
          - {brand: telkomsel, metric: followers.growth, period: month, value: 700, from: 2026-01-01}
          - {brand: xl, metric: leads.x, period: quarter, value: 5, from: 1st of May}
        """;
    assertThatThrownBy(() -> AlertRuleLoader.parse(yaml, "targets.yaml"))
        .isInstanceOfSatisfying(
            AlertConfigException.class,
            e ->
                assertThat(e.problems())
                    .extracting(p -> p.line() + " " + p.id() + ": " + p.reason())
                    .satisfiesExactly(
                        p ->
                            assertThat(p)
                                .startsWith(
                                    "3 targets[1] (telkomsel followers.growth month): from 2026-02-15 is not the first day of a month"),
                        p ->
                            assertThat(p)
                                .startsWith(
                                    "4 targets[2] (telkomsel share_of_voice month): metric 'share_of_voice' cannot have a target")
                                .contains("followers.growth")
                                .contains("employee.posts"),
                        p ->
                            assertThat(p)
                                .isEqualTo(
                                    "5 targets[3] (telkomsel mentions year): period 'year' is not week, month or quarter"),
                        p ->
                            assertThat(p)
                                .isEqualTo(
                                    "6 targets[4] (telkomsel mentions week): 'value' must be a positive number, was -3"),
                        p ->
                            assertThat(p)
                                .startsWith(
                                    "7 targets[5] (telkomsel followers.growth month): duplicate target"),
                        p ->
                            assertThat(p)
                                .startsWith(
                                    "8 targets[6] (xl leads.x quarter): metric 'leads.x' cannot have a target")));
  }

  @Test
  void raisedEntriesAndQuartersLoad() throws Exception {
    AlertConfig c =
        AlertRuleLoader.parse(
            """
        targets:
          - {brand: telkomsel, metric: followers.growth, period: month, value: 600, from: 2026-01-01}
          - {brand: telkomsel, metric: followers.growth, period: month, value: 800, from: 2026-02-01}
          - {brand: telkomsel, metric: employee.posts, period: quarter, value: 90, from: 2026-04-01}
        """,
            "t.yaml");
    assertThat(c.targets())
        .extracting(x -> x.metric() + " " + x.period().label() + " " + x.value() + " " + x.from())
        .containsExactly(
            "followers.growth month 600.0 2026-01-01",
            "followers.growth month 800.0 2026-02-01",
            "employee.posts quarter 90.0 2026-04-01");
  }
}
