package dev.pantau.flink.cli;

import dev.pantau.flink.cluster.ClusterCommand;
import dev.pantau.flink.generate.GenerateCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./pantau}: the command line of SPEC §7. */
@Command(
    name = "pantau",
    mixinStandardHelpOptions = true,
    version = "Pantau 0.1.0",
    description =
        "Open social listening monitor: mentions from Kafka, matched to brands, KPIs and alerts out.",
    subcommands = {
      DemoCommand.class,
      RunCommand.class,
      ReplayCommand.class,
      AnalyzeCommand.class,
      BacktestCommand.class,
      CheckCommand.class,
      MatchCommand.class,
      GenerateCommand.class,
      ReportCommand.class,
      ClusterCommand.class,
      CommandLine.HelpCommand.class
    })
public final class PantauCli implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  public static int execute(String... args) {
    return new CommandLine(new PantauCli()).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
  }
}
