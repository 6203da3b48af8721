package dev.pantau.flink.cli;

import dev.pantau.flink.launch.UserException;
import java.io.PrintStream;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/**
 * Base of every subcommand: turns a {@link UserException} into its message and exit status 1, so
 * the terminal shows Pantau's own words, not a stack trace.
 */
abstract class PantauCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /**
   * The commands that run Flink, and so get a temporary folder of their own ({@link TempFolders}).
   */
  private static final Set<String> FLINK_COMMANDS = Set.of("replay", "demo", "run");

  @Override
  public final Integer call() throws Exception {
    TempFolders temp = FLINK_COMMANDS.contains(spec.name()) ? TempFolders.claim() : null;
    try {
      return execute();
    } catch (UserException e) {
      err().println("pantau " + spec.name() + ": " + e.getMessage());
      return 1;
    } finally {
      if (temp != null) {
        temp.release();
      }
    }
  }

  protected abstract int execute() throws Exception;

  protected PrintStream out() {
    return System.out;
  }

  protected PrintStream err() {
    return System.err;
  }

  /** Tells where Flink's and Kafka's logs go (the terminal shows only Pantau's own output). */
  protected void printLogLocation() {
    String log = System.getProperty("pantau.log.file");
    if (log != null) {
      err().println("Flink and Kafka logs: " + log);
    }
  }
}
