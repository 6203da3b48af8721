package dev.pantau.flink.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exit statuses and messages of SPEC §7: 0 done, 1 unreadable input or invalid configuration, 2
 * usage.
 */
class PantauCliTest {
  @TempDir Path dir;

  @Test
  void usageErrorsExitTwo() {
    assertThat(run("replay", "--output", dir.toString()).status).isEqualTo(2);
    assertThat(run("run").status).isEqualTo(2);
    assertThat(run("no-such-command").status).isEqualTo(2);
  }

  @Test
  void missingInputOrGivenConfigPathExitsOneWithTheReason() {
    Result r =
        run("replay", "--input", dir.resolve("nope.jsonl").toString(), "--output", dir.toString());
    assertThat(r.status).isEqualTo(1);
    assertThat(r.err).contains("cannot read input file").contains("nope.jsonl");
    Result k = run("match", "--keywords", dir.resolve("missing").toString(), "acme");
    assertThat(k.status).isEqualTo(1);
    assertThat(k.err).contains("no such file or folder");
  }

  @Test
  void checkListsEveryErrorWithIdPositionAndReason() throws Exception {
    Path keywords =
        Files.writeString(
            dir.resolve("k.yaml"),
            "brands:\n  - id: acme\n    query: '(acme OR widget'\n  - id: globex\n    query: 'globex NEAR/2'\n");
    Path alerts =
        Files.writeString(
            dir.resolve("a.yaml"),
            "rules:\n  - {id: r1, metric: mentions, window: 7m, detector: spike}\n");
    Result r = run("check", "--keywords", keywords.toString(), "--alerts", alerts.toString());
    assertThat(r.status).isEqualTo(1);
    assertThat(r.err)
        .contains("brand acme, position 0")
        .contains("brand globex")
        .contains("a.yaml:2: r1: window 7m is not one of the KPI windows");
  }

  @Test
  void checkAndMatchAcceptAGoodSet() throws Exception {
    Path keywords =
        Files.writeString(
            dir.resolve("k.yaml"),
            "brands:\n  - id: acme\n    query: 'acme AND NOT lowongan'\n    group: widgets\n");
    Result check =
        run(
            "check",
            "--keywords",
            keywords.toString(),
            "--alerts",
            dir.resolve("k.yaml").getParent().resolve("none").toString());
    assertThat(check.status)
        .as(check.err)
        .isEqualTo(1); // a given alerts path that does not exist is an error
    Result ok = run("check", "--keywords", keywords.toString());
    assertThat(ok.status).as(ok.err).isZero();
    assertThat(ok.out).contains("1 brands");
    Result match = run("match", "--keywords", keywords.toString(), "I love #acme", "lowongan acme");
    assertThat(match.status).isZero();
    assertThat(match.out).contains("brands: acme").contains("brands: (none)");
  }

  @Test
  void matchExplainsTheClauseThatFiredAndTheOneThatFailed() throws Exception {
    Path keywords =
        Files.writeString(
            dir.resolve("k.yaml"),
            """
        brands:
          - {id: acme, query: '(acme OR title:roadrunner) AND NOT (lowongan OR loker)'}
        topics:
          - {id: complaint, query: '"sinyal hilang" OR kecewa'}
        """);
    Result fired =
        run(
            "match",
            "--explain",
            "--keywords",
            keywords.toString(),
            "--title",
            "Roadrunner news",
            "sinyal acme hilang, sinyal hilang lagi");
    assertThat(fired.status).as(fired.err).isZero();
    assertThat(fired.out)
        .contains("brand acme: MATCH")
        .contains("fired: acme [acme]")
        .contains("fired: title:roadrunner [roadrunner]")
        .contains("fired: NOT (lowongan OR loker) (none of it in the text)")
        .contains("topic complaint: MATCH")
        .contains("fired: \"sinyal hilang\" [sinyal, hilang]")
        .doesNotContain("fired: kecewa");
    Result failed =
        run("match", "--explain", "--keywords", keywords.toString(), "lowongan kerja acme");
    assertThat(failed.out)
        .contains("brand acme: no match")
        .contains("failed: NOT (lowongan OR loker) matched [lowongan]")
        .contains("failed: none of \"sinyal hilang\" OR kecewa");
    // without --explain, the words are those of the clause that fired, not every query word in the
    // text
    Result plain =
        run("match", "--keywords", keywords.toString(), "sinyal hilang, kecewa? sinyal bagus");
    assertThat(plain.out).contains("topics: complaint [sinyal, hilang, kecewa]");
    Result one = run("match", "--keywords", keywords.toString(), "kecewa, sinyal bagus");
    assertThat(one.out).contains("topics: complaint [kecewa]");
  }

  @Test
  void checkListsEveryWrongRuleOfOneFile() throws Exception {
    Path alerts =
        Files.writeString(
            dir.resolve("a.yaml"),
            """
        rules:
          - {id: r1, metric: mentions, window: 7m, detector: spike}
          - {id: r2, metric: mentions, window: 5m, detector: threshold, above: -10}
          - {id: r3, metric: mentions, window: 1h, detector: spike, min_count: -1, cooldown: -5m}
          - {id: r4, metric: sentiment.negatve, window: 1h, detector: spike}
        """);
    Files.writeString(dir.resolve("k.yaml"), "brands: []\n");
    Result r =
        run("check", "--keywords", dir.resolve("k.yaml").toString(), "--alerts", alerts.toString());
    assertThat(r.status).isEqualTo(1);
    assertThat(r.err)
        .contains("a.yaml:2: r1: window 7m")
        .contains("a.yaml:3: r2: 'above' -10.0 can never be crossed")
        .contains("a.yaml:4: r3: '-5m' is not a duration")
        .contains("a.yaml:4: r3: min_count must be >= 0")
        .contains(
            "a.yaml:5: r4: metric 'sentiment.negatve' is not a KPI field; valid: mentions, unique_authors,")
        .contains("sentiment.negative");
  }

  @Test
  void checkTakesSixtyMinutesAndAnHourForTheSameWindow() throws Exception {
    Path alerts =
        Files.writeString(
            dir.resolve("a.yaml"),
            "rules: [{id: hourly, metric: mentions, window: 60m, detector: spike}]\n");
    Path keywords = Files.writeString(dir.resolve("k.yaml"), "brands: []\n");
    Result ok =
        run(
            "check",
            "--keywords",
            keywords.toString(),
            "--alerts",
            alerts.toString(),
            "--windows",
            "1m,1h");
    assertThat(ok.status).as(ok.err).isZero();
    Result twice =
        run(
            "check",
            "--keywords",
            keywords.toString(),
            "--alerts",
            alerts.toString(),
            "--windows",
            "1m,60m,1h");
    assertThat(twice.status).isEqualTo(1);
    assertThat(twice.err).contains("--windows: window 1h is listed twice (as 60m)");
  }

  @Test
  void matchShowsAQueryThatCouldNotBeEvaluated() throws Exception {
    Path keywords =
        Files.writeString(
            dir.resolve("k.yaml"), "brands:\n  - id: tsel\n    query: 'aaa* NEAR/3 telkomsel'\n");
    StringBuilder text = new StringBuilder("telkomsel");
    for (int i = 0; i < 1_100; i++) {
      text.append(" aaa").append(i);
    }
    Result r = run("match", "--keywords", keywords.toString(), text.toString(), "telkomsel aaa1");
    assertThat(r.status).isZero();
    assertThat(r.out)
        .contains(
            "not evaluated: brand tsel (query aaa* NEAR/3 telkomsel): a wildcard matches more than 1024 words")
        .contains("brands: tsel [telkomsel, aaa1]");
  }

  private record Result(int status, String out, String err) {}

  private static Result run(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int status = PantauCli.execute(args);
      return new Result(
          status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }
}
