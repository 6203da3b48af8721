package dev.pantau.flink.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pantau.flink.launch.DurationConverter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class GenerateCommandTest {

  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cl = new CommandLine(new GenerateCommand());
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  @Test
  void writesTheSameFileForTheSameSeed() throws Exception {
    Path a = dir.resolve("a.jsonl");
    Path b = dir.resolve("b.jsonl");
    Path c = dir.resolve("c.jsonl");
    assertThat(run("--count", "500", "--output", a.toString(), "--seed", "9")).isZero();
    assertThat(run("--count", "500", "--output", b.toString(), "--seed", "9")).isZero();
    assertThat(run("--count", "500", "--output", c.toString(), "--seed", "10")).isZero();
    assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
    assertThat(Files.readAllBytes(a)).isNotEqualTo(Files.readAllBytes(c));
    List<String> lines = Files.readAllLines(a);
    assertThat(lines)
        .hasSize(500)
        .allSatisfy(l -> assertThat(MentionValidator.violation(l)).isNull());
    assertThat(MentionValidator.createdAt(MentionValidator.parse(lines.get(0))).toString())
        .startsWith("2026-11-22T00:");
    assertThat(out.toString()).contains("Wrote 500 mentions");
  }

  @Test
  void malformedFlagMixesInBrokenLines() throws Exception {
    Path file = dir.resolve("m.jsonl");
    assertThat(run("--count", "3000", "--output", file.toString(), "--malformed", "0.05")).isZero();
    long broken =
        Files.readAllLines(file).stream()
            .filter(l -> MentionValidator.violation(l) != null)
            .count();
    assertThat(broken).isBetween(90L, 230L);
  }

  @Test
  void usageErrorsExitWithTwo() {
    assertThat(run()).isEqualTo(2);
    assertThat(run("--count", "5")).isEqualTo(2);
    assertThat(run("--count", "0", "--output", dir.resolve("x").toString())).isEqualTo(2);
    assertThat(
            run(
                "--count",
                "5",
                "--output",
                "x",
                "--rate",
                "3",
                "--duration",
                "1m",
                "--bootstrap",
                "h:1"))
        .isEqualTo(2);
    assertThat(run("--rate", "3", "--duration", "soon", "--bootstrap", "h:1")).isEqualTo(2);
    assertThat(run("--count", "5", "--output", "x", "--malformed", "2")).isEqualTo(2);
    assertThat(err.toString()).contains("soon").contains("malformedFraction");
  }

  @Test
  void unwritableOutputExitsWithOne() {
    assertThat(run("--count", "5", "--output", dir.resolve("missing/dir/x.jsonl").toString()))
        .isEqualTo(1);
    assertThat(err.toString()).contains("cannot write");
  }

  @Test
  void helpExitsWithZero() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString()).contains("--count").contains("--bootstrap").contains("--seed");
  }

  @Test
  void durationsReadAsPeopleWriteThem() {
    assertThat(DurationConverter.parse("90s")).hasSeconds(90);
    assertThat(DurationConverter.parse("10m")).hasMinutes(10);
    assertThat(DurationConverter.parse("2h")).hasHours(2);
    assertThat(DurationConverter.parse("1d")).hasDays(1);
    assertThat(DurationConverter.parse("500ms")).hasMillis(500);
    assertThat(DurationConverter.parse("PT3M")).hasMinutes(3);
    assertThat(DurationConverter.parse("10 min")).hasMinutes(10);
    for (String bad : new String[] {"5", "", "soon", "-5m", "P"}) {
      assertThatThrownBy(() -> DurationConverter.parse(bad))
          .as(bad)
          .hasMessageContaining("is not a duration");
    }
  }
}
