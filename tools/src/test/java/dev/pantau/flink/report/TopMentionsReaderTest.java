package dev.pantau.flink.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopMentionsReaderTest {
  @TempDir Path dir;

  /**
   * Reading a file skips the texts of mentions that cannot enter the lists; the lists and bursts
   * must be those of every mention read in full, re-crawled versions and late copies included.
   */
  @Test
  void theTopsOfAFileAreTheTopsOfEveryMentionReadInFull() throws Exception {
    Random random = new Random(7);
    List<String> lines = new ArrayList<>();
    Instant t0 = Instant.parse("2026-11-01T00:00:00Z");
    for (int i = 0; i < 4000; i++) {
      long reach = (long) Math.exp(random.nextDouble() * 12);
      long likes = random.nextInt(50) == 0 ? random.nextInt(100_000) : random.nextInt(30);
      String copyOf = random.nextInt(20) == 0 ? "\"src-" + random.nextInt(30) + "\"" : "null";
      Instant at = t0.plusSeconds(60L * i - 3600); // the first hour lies before the period
      lines.add(mention(i, at, reach, likes, copyOf));
      if (random.nextInt(10) == 0) {
        // a re-crawl later on: counts grown, sometimes now a copy
        String later = random.nextBoolean() ? copyOf : "\"src-" + random.nextInt(30) + "\"";
        lines.add(mention(i, at, reach, likes + random.nextInt(200_000), later));
      }
    }
    Path file = dir.resolve(ReplayFolder.ENRICHED);
    Files.write(file, lines);
    ReportRequest request =
        new ReportRequest(
            new ReportPeriod(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 2), ZoneOffset.UTC),
            null,
            Set.of());

    TopMentionsReader.Tops read =
        new TopMentionsReader().read(JsonLinesReader.of(file), request, 10);

    List<TopMention> all = new ArrayList<>();
    for (String line : lines) {
      TopMention m = TopMentionsReader.parse(line);
      if (request.period().contains(m.createdAt())) {
        all.add(m);
      }
    }
    TopMentionsReader.Tops expected = TopMentionsReader.of(all, 10);
    assertThat(read).isEqualTo(expected);
    assertThat(read.byReach()).hasSize(10).allSatisfy(m -> assertThat(m.text()).isNotEmpty());
    assertThat(read.byEngagement()).hasSize(10);
    assertThat(read.bursts()).isNotEmpty();
  }

  private static String mention(int i, Instant at, long reach, long likes, String copyOf) {
    return "{\"id\":\"m"
        + i
        + "\",\"source\":\"twitter\",\"created_at\":\""
        + at
        + "\",\"text\":\"text of mention "
        + i
        + "\",\"url\":\"https://x.com/a/status/"
        + i
        + "\",\"author\":{\"handle\":\"@a"
        + (i % 97)
        + "\",\"name\":\"A\",\"followers\":"
        + reach
        + "},\"metrics\":{\"likes\":"
        + likes
        + ",\"comments\":1},\"brands\":[\"acme\"],\"copy_of\":"
        + copyOf
        + "}";
  }
}
