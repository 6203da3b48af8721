package dev.pantau.flink.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pantau.flink.launch.UserException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateDirectoryTest {
  private static final Map<String, String> HERE =
      Map.of(
          "kafka_cluster_id",
          "abc",
          "mentions_topic",
          "mentions id-1",
          "keyword_sets_topic",
          "keyword-sets id-2");

  @TempDir Path dir;

  @Test
  void picksTheNewestCompletedCheckpointOrSavepoint() throws Exception {
    StateDirectory state = new StateDirectory(dir, "pantau");
    assertThat(state.latestRestorePoint()).isEmpty();
    Path older = completed(state.checkpoints().resolve("job1/chk-7"), 1_000);
    Path inProgress =
        state.checkpoints().resolve("job1/chk-8"); // no _metadata yet: not a restore point
    Files.createDirectories(inProgress);
    Path newer = completed(state.savepoints().resolve("savepoint-1"), 2_000);
    assertThat(state.restorePoints()).containsExactlyInAnyOrder(older, newer);
    assertThat(state.latestRestorePoint()).contains(newer);
  }

  @Test
  void refusesStateTakenAgainstAnotherClusterOrTopicAndNamesTheDifference() throws Exception {
    StateDirectory state = new StateDirectory(dir, "pantau");
    state.checkIdentity(HERE, false);
    completed(state.checkpoints().resolve("job1/chk-1"), 1_000);
    state.checkIdentity(HERE, true); // the same cluster and topics: fine

    Map<String, String> recreated = new java.util.HashMap<>(HERE);
    recreated.put("mentions_topic", "mentions id-9");
    assertThatThrownBy(() -> state.checkIdentity(recreated, true))
        .isInstanceOf(UserException.class)
        .hasMessageContaining("mentions_topic was mentions id-1, now mentions id-9")
        .hasMessageContaining("--group-id");
    // without state to resume, the new identity is taken
    state.removeSuperseded(Optional.empty());
    assertThat(state.restorePoints()).isEmpty();
    state.checkIdentity(recreated, false);
    state.checkIdentity(recreated, true);
  }

  @Test
  void refusesASavepointThatSaysItWasTakenElsewhere() throws Exception {
    Path sp = completed(dir.resolve("sp"), 1_000);
    StateDirectory.writeIdentity(sp, HERE);
    StateDirectory.checkSavepointIdentity(sp, HERE);
    assertThatThrownBy(
            () -> StateDirectory.checkSavepointIdentity(sp, Map.of("kafka_cluster_id", "other")))
        .isInstanceOf(UserException.class)
        .hasMessageContaining("kafka_cluster_id was abc, now other");
  }

  @Test
  void keepsOnlyTheRestorePointsThatCanStillBeUsed() throws Exception {
    StateDirectory state = new StateDirectory(dir, "pantau");
    completed(state.checkpoints().resolve("old-job/chk-3"), 1_000);
    Path keep = completed(state.checkpoints().resolve("new-job/chk-9"), 5_000);
    for (int i = 0; i < 5; i++) {
      completed(state.savepoints().resolve("savepoint-" + i), 2_000 + i);
    }
    state.removeSuperseded(Optional.of(keep));
    assertThat(state.restorePoints()).hasSize(1 + StateDirectory.SAVEPOINTS_KEPT).contains(keep);
    assertThat(Files.exists(state.checkpoints().resolve("old-job"))).isFalse();
  }

  private static Path completed(Path p, long mtime) throws Exception {
    Files.createDirectories(p);
    Path meta = Files.writeString(p.resolve("_metadata"), "x");
    Files.setLastModifiedTime(meta, FileTime.fromMillis(mtime));
    return p;
  }
}
