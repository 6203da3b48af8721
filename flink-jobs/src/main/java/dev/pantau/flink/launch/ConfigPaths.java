package dev.pantau.flink.launch;

import dev.pantau.alerts.AlertConfig;
import dev.pantau.alerts.AlertConfigException;
import dev.pantau.alerts.AlertRule;
import dev.pantau.alerts.AlertRuleLoader;
import dev.pantau.alerts.WindowLabel;
import dev.pantau.flink.job.kpi.KpiFields;
import dev.pantau.keywords.KeywordSet;
import dev.pantau.keywords.KeywordSetException;
import dev.pantau.keywords.KeywordSetLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Resolves {@code --keywords} and {@code --alerts} (SPEC §7): a folder or a file; the default
 * folder ({@code config/keywords/}, {@code config/alerts/}) is looked up in the working directory,
 * then in the Pantau folder ({@code -Dpantau.home}, set by {@code ./pantau}, or {@code
 * $PANTAU_HOME}); a default that does not exist means none, a given path that does not exist is an
 * error.
 */
public final class ConfigPaths {
  public static final String DEFAULT_KEYWORDS = "config/keywords";
  public static final String DEFAULT_ALERTS = "config/alerts";

  private ConfigPaths() {}

  /** The path to load, or empty when the default does not exist. */
  public static Optional<Path> resolve(Path given, String defaultDir) throws UserException {
    if (given != null) {
      if (!Files.exists(given)) {
        throw new UserException("no such file or folder: " + given);
      }
      return Optional.of(given);
    }
    Path local = Paths.get(defaultDir);
    if (Files.isDirectory(local)) {
      return Optional.of(local);
    }
    String home = System.getProperty("pantau.home", System.getenv("PANTAU_HOME"));
    if (home != null) {
      Path p = Paths.get(home).resolve(defaultDir);
      if (Files.isDirectory(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  public static AlertConfig alerts(Path given) throws UserException {
    Optional<Path> p = resolve(given, DEFAULT_ALERTS);
    if (p.isEmpty()) {
      return AlertConfig.EMPTY;
    }
    try {
      return AlertRuleLoader.load(p.get(), null, KpiFields.STANDARD.metrics());
    } catch (AlertConfigException e) {
      throw new UserException("invalid alert rules in " + p.get() + ":\n" + e.getMessage());
    }
  }

  /**
   * Rules whose window the job does not compute can never fire: each is an error naming the rule,
   * like any other invalid rule.
   */
  public static List<String> windowErrors(AlertConfig alerts, Collection<String> windows) {
    List<String> errors = new ArrayList<>();
    for (AlertRule r : alerts.rules()) {
      if (WindowLabel.among(r.window(), windows).isEmpty()) {
        errors.add(
            "rule "
                + r.id()
                + ": window "
                + r.window()
                + " is not one of the KPI windows "
                + windows);
      }
    }
    return errors;
  }

  public static KeywordSet keywords(Path given) throws UserException {
    Optional<Path> p = resolve(given, DEFAULT_KEYWORDS);
    if (p.isEmpty()) {
      return KeywordSet.EMPTY;
    }
    try {
      return KeywordSetLoader.load(p.get());
    } catch (KeywordSetException e) {
      throw new UserException("invalid keyword sets in " + p.get() + ":\n" + e.getMessage());
    }
  }

  /**
   * The advocacy leaderboard's weights from the keyword files ({@code advocacy.points}), else the
   * defaults.
   */
  public static dev.pantau.keywords.AdvocacyPoints advocacyPoints(Path given) throws UserException {
    Optional<Path> p = resolve(given, DEFAULT_KEYWORDS);
    if (p.isEmpty()) {
      return dev.pantau.keywords.AdvocacyPoints.DEFAULTS;
    }
    try {
      return dev.pantau.keywords.AdvocacyPoints.load(p.get());
    } catch (KeywordSetException e) {
      throw new UserException("invalid advocacy points in " + p.get() + ":\n" + e.getMessage());
    }
  }
}
