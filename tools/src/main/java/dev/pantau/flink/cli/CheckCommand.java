package dev.pantau.flink.cli;

import dev.pantau.alerts.AlertConfig;
import dev.pantau.alerts.AlertConfigException;
import dev.pantau.alerts.AlertRuleLoader;
import dev.pantau.flink.job.kpi.KpiFields;
import dev.pantau.flink.job.kpi.WindowSpec;
import dev.pantau.flink.launch.ConfigPaths;
import dev.pantau.flink.launch.UserException;
import dev.pantau.keywords.KeywordSet;
import dev.pantau.keywords.KeywordSetException;
import dev.pantau.keywords.KeywordSetLoader;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description =
        "Validates keyword sets and alert rules; exits 1 listing every error when any is invalid.")
final class CheckCommand extends PantauCommand {
  @Option(
      names = "--keywords",
      paramLabel = "PATH",
      description = "Keyword sets: a folder or one file (default: config/keywords/).")
  Path keywords;

  @Option(
      names = "--alerts",
      paramLabel = "PATH",
      description = "Alert rules: a folder or one file (default: config/alerts/).")
  Path alerts;

  @Option(
      names = "--windows",
      paramLabel = "LIST",
      description =
          "The KPI windows the job computes, which rules must use (default: ${DEFAULT-VALUE}).")
  String windows = WindowSpec.DEFAULT_WINDOWS;

  @Override
  protected int execute() throws Exception {
    boolean ok = true;
    Optional<Path> k = ConfigPaths.resolve(keywords, ConfigPaths.DEFAULT_KEYWORDS);
    if (k.isEmpty()) {
      out().println("keywords: none (no " + ConfigPaths.DEFAULT_KEYWORDS + "/)");
    } else {
      try {
        KeywordSet set = KeywordSetLoader.load(k.get());
        out()
            .printf(
                "keywords: %s OK, %d brands, %d topics%n",
                k.get(), set.brands().size(), set.topics().size());
      } catch (KeywordSetException e) {
        ok = false;
        err().println("keywords: " + k.get() + " is invalid:");
        err().println(e.getMessage());
      }
    }
    Optional<Path> a = ConfigPaths.resolve(alerts, ConfigPaths.DEFAULT_ALERTS);
    if (a.isEmpty()) {
      out().println("alerts: none (no " + ConfigPaths.DEFAULT_ALERTS + "/)");
    } else {
      try {
        AlertConfig config =
            AlertRuleLoader.load(a.get(), windowNames(), KpiFields.STANDARD.metrics());
        out().printf("alerts: %s OK, %d rules%n", a.get(), config.rules().size());
      } catch (AlertConfigException e) {
        ok = false;
        err().println("alerts: " + a.get() + " is invalid:");
        err().println(e.getMessage());
      }
    }
    return ok ? 0 : 1;
  }

  private List<String> windowNames() throws UserException {
    try {
      // the time zone only aligns day windows, which a rule names the same in any zone
      return WindowSpec.parseList(windows, ZoneOffset.UTC).stream().map(WindowSpec::name).toList();
    } catch (IllegalArgumentException e) {
      throw new UserException("--windows: " + e.getMessage());
    }
  }
}
