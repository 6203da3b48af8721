package dev.pantau.flink.job;

import dev.pantau.flink.cli.RunCommand;
import picocli.CommandLine;

/**
 * Entry point of the shaded job jar for {@code flink run}: the options of {@code ./pantau run}, on the
 * cluster that runs it.
 */
public final class PantauJob {
  private PantauJob() {}

  public static void main(String[] args) {
    int status = new CommandLine(new RunCommand(true)).setCommandName("pantau-job").execute(args);
    if (status != 0) {
      throw new IllegalStateException("pantau-job exited with status " + status);
    }
  }
}
