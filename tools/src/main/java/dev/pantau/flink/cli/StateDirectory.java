package dev.pantau.flink.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.pantau.flink.launch.UserException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.StateRecoveryOptions;

/**
 * Where {@code run} keeps its durable state: one folder per consumer group under {@code
 * --state-dir}, holding Flink's retained checkpoints, the savepoints taken on Ctrl-C or SIGTERM,
 * and the identity of the Kafka cluster and topics they were taken against. A run resumes from the
 * newest of them by itself; state taken against another cluster or another incarnation of the
 * topics is refused, never mixed in.
 */
final class StateDirectory {
  static final Path DEFAULT = Paths.get(".pantau", "state");
  static final String IDENTITY_FILE = "identity.json";
  private static final String METADATA = "_metadata";

  /** Savepoints kept besides the newest restore point; older ones are deleted at start. */
  static final int SAVEPOINTS_KEPT = 3;

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  private final Path root;

  StateDirectory(Path stateDir, String groupId) {
    this.root =
        stateDir.resolve(groupId.replaceAll("[^A-Za-z0-9._-]", "_")).toAbsolutePath().normalize();
  }

  Path root() {
    return root;
  }

  Path checkpoints() {
    return root.resolve("checkpoints");
  }

  Path savepoints() {
    return root.resolve("savepoints");
  }

  /** The newest completed checkpoint or savepoint of this folder, if any. */
  Optional<Path> latestRestorePoint() {
    return restorePoints().stream().max(Comparator.comparing(StateDirectory::completedAt));
  }

  /** Every completed checkpoint ({@code checkpoints/JOB/chk-N}) and savepoint of this folder. */
  List<Path> restorePoints() {
    List<Path> out = new ArrayList<>();
    collect(checkpoints(), 2, out);
    collect(savepoints(), 1, out);
    return out;
  }

  private static void collect(Path dir, int depth, List<Path> out) {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (Stream<Path> s =
        Files.find(dir, depth + 1, (p, a) -> p.getFileName().toString().equals(METADATA))) {
      s.map(Path::getParent).forEach(out::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static FileTime completedAt(Path restorePoint) {
    try {
      return Files.getLastModifiedTime(restorePoint.resolve(METADATA));
    } catch (IOException e) {
      return FileTime.fromMillis(0);
    }
  }

  /**
   * Refuses state taken against another Kafka cluster or other topics. Without state to resume
   * from, the identity is (re)written: this run's state will be taken against {@code identity}.
   */
  void checkIdentity(Map<String, String> identity, boolean hasStateToResume) throws UserException {
    Path file = root.resolve(IDENTITY_FILE);
    try {
      Files.createDirectories(root);
      if (hasStateToResume && Files.exists(file)) {
        Map<String, String> before = readIdentity(file);
        List<String> differences = differences(before, identity);
        if (!differences.isEmpty()) {
          throw new UserException(
              "the state in "
                  + root
                  + " was taken against other Kafka topics ("
                  + String.join("; ", differences)
                  + "). It is not mixed in: run with another --group-id or "
                  + "--state-dir, or delete "
                  + root
                  + " to start afresh.");
        }
      }
      Files.writeString(file, JSON.writeValueAsString(new TreeMap<>(identity)) + "\n");
    } catch (IOException e) {
      throw new UserException("cannot use state folder " + root + ": " + e.getMessage());
    }
  }

  /** Refuses a savepoint that says it was taken against another cluster or other topics. */
  static void checkSavepointIdentity(Path savepoint, Map<String, String> identity)
      throws UserException {
    Path file = savepoint.resolve(IDENTITY_FILE);
    if (!Files.exists(file)) {
      return; // a savepoint taken by another tool: the user vouches for it
    }
    List<String> differences = differences(readIdentity(file), identity);
    if (!differences.isEmpty()) {
      throw new UserException(
          "savepoint "
              + savepoint
              + " was taken against other Kafka topics ("
              + String.join("; ", differences)
              + ")");
    }
  }

  /** Records next to a savepoint what it was taken against. */
  static void writeIdentity(Path dir, Map<String, String> identity) {
    try {
      Files.writeString(
          dir.resolve(IDENTITY_FILE), JSON.writeValueAsString(new TreeMap<>(identity)) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, String> readIdentity(Path file) throws UserException {
    try {
      @SuppressWarnings("unchecked")
      Map<String, String> m = JSON.readValue(file.toFile(), Map.class);
      return m;
    } catch (IOException e) {
      throw new UserException("cannot read " + file + ": " + e.getMessage());
    }
  }

  private static List<String> differences(Map<String, String> before, Map<String, String> now) {
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, String> e : new TreeMap<>(now).entrySet()) {
      String was = before.get(e.getKey());
      if (was != null && !was.equals(e.getValue())) {
        out.add(e.getKey() + " was " + was + ", now " + e.getValue());
      }
    }
    return out;
  }

  /**
   * Deletes what can no longer be resumed from: checkpoint folders of earlier runs other than the
   * one holding {@code keep}, and all but the newest {@link #SAVEPOINTS_KEPT} savepoints (never
   * {@code keep}). Flink restores in NO_CLAIM mode, so a new run's checkpoints never refer to an
   * earlier run's files.
   */
  void removeSuperseded(Optional<Path> keep) {
    Path keepJob = keep.filter(p -> p.startsWith(checkpoints())).map(Path::getParent).orElse(null);
    try {
      if (Files.isDirectory(checkpoints())) {
        try (Stream<Path> jobs = Files.list(checkpoints())) {
          for (Path job : jobs.toList()) {
            if (!job.equals(keepJob)) {
              deleteRecursively(job);
            }
          }
        }
      }
      if (Files.isDirectory(savepoints())) {
        List<Path> sps;
        try (Stream<Path> s = Files.list(savepoints())) {
          sps =
              s.filter(Files::isDirectory)
                  .sorted(Comparator.comparing(StateDirectory::completedAt).reversed())
                  .toList();
        }
        for (int i = SAVEPOINTS_KEPT; i < sps.size(); i++) {
          if (keep.isEmpty() || !sps.get(i).equals(keep.get())) {
            deleteRecursively(sps.get(i));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteRecursively(Path p) throws IOException {
    try (Stream<Path> s = Files.walk(p)) {
      for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(q);
      }
    }
  }

  /**
   * The Flink settings of durable state here: checkpoints retained when the job stops, savepoints
   * in this folder, and the restore point when there is one.
   */
  Configuration flinkConfiguration(Optional<Path> restoreFrom) {
    Configuration c = new Configuration();
    c.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpoints().toUri().toString());
    c.set(CheckpointingOptions.SAVEPOINT_DIRECTORY, savepoints().toUri().toString());
    c.set(
        CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
        ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
    restoreFrom.ifPresent(p -> c.set(StateRecoveryOptions.SAVEPOINT_PATH, p.toUri().toString()));
    return c;
  }
}
