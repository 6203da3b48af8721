package dev.pantau.flink.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TempFoldersTest {
  @TempDir Path base;

  @Test
  void removesOnlyTheFoldersOfProcessesThatAreGone() throws Exception {
    Process ended = new ProcessBuilder("true").start();
    ended.waitFor();
    Path dead = Files.createDirectories(base.resolve("pantau-" + ended.pid()).resolve("flink-rpc"));
    Files.writeString(dead.resolve("a.jar"), "x");
    Path live = Files.createDirectories(base.resolve("pantau-" + ProcessHandle.current().pid()));
    Path other = Files.createDirectories(base.resolve("pantau-notapid"));
    Path foreign = Files.createDirectories(base.resolve("minicluster_123"));

    assertThat(TempFolders.removeStale(base)).isEqualTo(1);

    assertThat(dead.getParent()).doesNotExist();
    assertThat(live).isDirectory();
    assertThat(other).isDirectory();
    assertThat(foreign).isDirectory();
  }

  @Test
  void givesTheProcessItsOwnTmpdirAndDeletesItOnRelease() throws Exception {
    String before = System.getProperty("java.io.tmpdir");
    System.setProperty("java.io.tmpdir", base.toString());
    try {
      TempFolders t = TempFolders.claim();
      assertThat(System.getProperty("java.io.tmpdir")).isEqualTo(t.folder().toString());
      assertThat(t.folder().getFileName().toString())
          .isEqualTo("pantau-" + ProcessHandle.current().pid());
      Files.writeString(
          Files.createDirectories(t.folder().resolve("blobStore-1")).resolve("b"), "x");
      t.release();
      assertThat(t.folder()).doesNotExist();
      assertThat(System.getProperty("java.io.tmpdir")).isEqualTo(base.toString());
    } finally {
      System.setProperty("java.io.tmpdir", before);
    }
  }
}
