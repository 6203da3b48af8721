package dev.pantau.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Runs one rule over a history (SPEC §7): a CSV with header {@code timestamp,value}, each row one
 * window of the rule's length starting at its timestamp, fed to the same {@link RuleEvaluator} the
 * job runs. Each alert is printed as one JSON line; a firing alert's {@code start} is its row's
 * timestamp.
 */
public final class Backtest {

  /** Exit status: done. */
  public static final int OK = 0;

  /** Exit status: a file that cannot be read or an invalid rule or row. */
  public static final int BAD_INPUT = 1;

  /** Exit status: usage error (e.g. several rules and no rule id). */
  public static final int USAGE = 2;

  private static final DateTimeFormatter SPACED =
      new DateTimeFormatterBuilder()
          .appendPattern("yyyy-MM-dd HH:mm:ss")
          .optionalStart()
          .appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true)
          .optionalEnd()
          .toFormatter(Locale.ROOT);

  private Backtest() {}

  /** Runs the backtest and returns the exit status; never calls {@code System.exit}. */
  public static int run(
      Path seriesCsv, Path ruleFile, String ruleIdOrNull, PrintStream out, PrintStream err) {
    if (!Files.exists(ruleFile)) {
      err.println("error: rule file " + ruleFile + " does not exist");
      return BAD_INPUT;
    }
    AlertConfig config;
    try {
      config = AlertRuleLoader.load(ruleFile);
    } catch (AlertConfigException e) {
      err.println("error: invalid alert rules:");
      e.problems().forEach(p -> err.println("  " + p));
      return BAD_INPUT;
    }
    AlertRule rule;
    if (ruleIdOrNull != null) {
      rule = config.rule(ruleIdOrNull).orElse(null);
      if (rule == null) {
        err.println(
            "error: no rule '"
                + ruleIdOrNull
                + "' in "
                + ruleFile
                + " (rules: "
                + ids(config)
                + ")");
        return USAGE;
      }
    } else if (config.rules().size() == 1) {
      rule = config.rules().get(0);
    } else if (config.rules().isEmpty()) {
      err.println("error: " + ruleFile + " holds no rules");
      return BAD_INPUT;
    } else {
      err.println(
          "error: "
              + ruleFile
              + " holds "
              + config.rules().size()
              + " rules; choose one with --rule-id ("
              + ids(config)
              + ")");
      return USAGE;
    }
    String brand = stem(seriesCsv);
    RuleEvaluator evaluator = new RuleEvaluator();
    DetectorState state = null;
    long rows = 0;
    int firing = 0;
    int resolved = 0;
    CsvMapper csv = new CsvMapper();
    CsvSchema schema = CsvSchema.emptySchema().withHeader();
    try (Reader reader = Files.newBufferedReader(seriesCsv);
        MappingIterator<Map<String, String>> it =
            csv.readerFor(Map.class).with(schema).readValues(reader)) {
      Instant previous = null;
      while (it.hasNextValue()) {
        Map<String, String> row = it.nextValue();
        long line = rows + 2; // the header is line 1; rows never span lines in this format
        if (rows == 0 && (!row.containsKey("timestamp") || !row.containsKey("value"))) {
          err.println(
              "error: "
                  + seriesCsv
                  + ": the header must be 'timestamp,value', was "
                  + row.keySet());
          return BAD_INPUT;
        }
        rows++;
        Instant start;
        double value;
        try {
          start = parseTime(row.get("timestamp"));
          value = Double.parseDouble(row.get("value").trim());
          if (!Double.isFinite(value)) {
            throw new NumberFormatException("not finite");
          }
        } catch (DateTimeParseException | NullPointerException e) {
          err.println(
              "error: "
                  + seriesCsv
                  + ":"
                  + line
                  + ": cannot read timestamp '"
                  + row.get("timestamp")
                  + "'");
          return BAD_INPUT;
        } catch (NumberFormatException e) {
          err.println(
              "error: "
                  + seriesCsv
                  + ":"
                  + line
                  + ": value '"
                  + row.get("value")
                  + "' is not a number");
          return BAD_INPUT;
        }
        if (previous != null && !start.isAfter(previous)) {
          err.println(
              "error: "
                  + seriesCsv
                  + ":"
                  + line
                  + ": timestamp "
                  + row.get("timestamp")
                  + " is not after the previous row's");
          return BAD_INPUT;
        }
        previous = start;
        KpiPoint point =
            new KpiPoint(
                brand,
                brand,
                rule.window(),
                start,
                start.plus(rule.windowLength()),
                "*",
                Map.of(rule.metric(), value));
        Evaluation e = evaluator.evaluate(rule, state, point);
        state = e.state();
        for (Alert a : e.alerts()) {
          out.println(a.toJson());
          if (a.firing()) {
            firing++;
          } else {
            resolved++;
          }
        }
      }
    } catch (NoSuchFileException e) {
      err.println("error: series file " + seriesCsv + " does not exist");
      return BAD_INPUT;
    } catch (JsonProcessingException e) {
      err.println(
          "error: "
              + seriesCsv
              + ":"
              + (e.getLocation() == null ? "?" : e.getLocation().getLineNr())
              + ": "
              + e.getOriginalMessage());
      return BAD_INPUT;
    } catch (IOException e) {
      err.println("error: cannot read " + seriesCsv + ": " + e.getMessage());
      return BAD_INPUT;
    }
    out.flush();
    err.println(
        "backtest "
            + rule.id()
            + " on "
            + seriesCsv.getFileName()
            + ": "
            + rows
            + " windows, "
            + firing
            + " firing, "
            + resolved
            + " resolved");
    return OK;
  }

  /**
   * ISO-8601 (with or without offset; none means UTC) or {@code yyyy-MM-dd HH:mm:ss[.fff]} in UTC.
   */
  static Instant parseTime(String s) {
    String t = s.trim();
    if (t.contains("T")) {
      try {
        return OffsetDateTime.parse(t).toInstant();
      } catch (DateTimeParseException e) {
        return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
      }
    }
    return LocalDateTime.parse(t, SPACED).toInstant(ZoneOffset.UTC);
  }

  private static String ids(AlertConfig c) {
    return c.rules().stream().map(AlertRule::id).collect(Collectors.joining(", "));
  }

  private static String stem(Path p) {
    String n = p.getFileName().toString();
    int dot = n.lastIndexOf('.');
    return dot > 0 ? n.substring(0, dot) : n;
  }

  /**
   * {@code java dev.pantau.alerts.Backtest --series FILE.csv --rule FILE.yaml [--rule-id ID]}: for
   * the evaluation script; the project's {@code ./pantau backtest} calls {@link #run} the same way.
   */
  public static void main(String[] args) {
    String series = null;
    String rule = null;
    String id = null;
    List<String> a = List.of(args);
    for (int i = 0; i < a.size(); i++) {
      String k = a.get(i);
      if (i + 1 >= a.size() || !List.of("--series", "--rule", "--rule-id").contains(k)) {
        System.err.println("usage: Backtest --series FILE.csv --rule FILE.yaml [--rule-id ID]");
        System.exit(USAGE);
      }
      String v = a.get(++i);
      switch (k) {
        case "--series" -> series = v;
        case "--rule" -> rule = v;
        default -> id = v;
      }
    }
    if (series == null || rule == null) {
      System.err.println("usage: Backtest --series FILE.csv --rule FILE.yaml [--rule-id ID]");
      System.exit(USAGE);
    }
    System.exit(run(Path.of(series), Path.of(rule), id, System.out, System.err));
  }
}
