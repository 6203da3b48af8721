package dev.pantau.flink.cli;

import dev.pantau.alerts.Backtest;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "backtest",
    mixinStandardHelpOptions = true,
    description = {
      "Runs one alert rule over a KPI history and prints its alerts.",
      "The history is a CSV with header timestamp,value, one row per window; the detector code is",
      "the job's. Tune a rule here before it pages anyone."
    })
final class BacktestCommand extends PantauCommand {
  @Option(
      names = "--series",
      required = true,
      paramLabel = "FILE.csv",
      description = "History: timestamp,value (ISO-8601 or yyyy-MM-dd HH:mm:ss UTC).")
  Path series;

  @Option(
      names = "--rule",
      required = true,
      paramLabel = "FILE.yaml",
      description = "An alert-rule file (SPEC §3).")
  Path rule;

  @Option(
      names = "--rule-id",
      paramLabel = "ID",
      description = "The rule to run when the file holds several.")
  String ruleId;

  @Override
  protected int execute() {
    return Backtest.run(series, rule, ruleId, out(), err());
  }
}
