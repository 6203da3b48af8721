package dev.pantau.alerts;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads alert-rule files (SPEC §3) and validates them whole: every problem is collected, each with
 * the file, the line, the rule or channel id and the reason, and reported in one {@link
 * AlertConfigException}.
 */
public final class AlertRuleLoader {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Set<String> TOP_LEVEL = Set.of("rules", "channels", "targets");
  private static final Set<String> RULE_FIELDS =
      Set.of(
          "id",
          "metric",
          "window",
          "detector",
          "sensitivity",
          "threshold",
          "min_count",
          "min_ratio",
          "cooldown",
          "baseline",
          "warmup",
          "seasonality",
          "peak_memory",
          "sustained",
          "level_shift",
          "above",
          "below",
          "tolerance",
          "severity",
          "brands",
          "notify");
  private static final Set<String> CHANNEL_FIELDS = Set.of("type", "url", "secret");
  private static final Set<String> TARGET_FIELDS =
      Set.of("brand", "metric", "period", "value", "from");

  private AlertRuleLoader() {}

  /**
   * Loads one file, or the top-level {@code *.yaml} / {@code *.yml} files of a folder, as one
   * configuration.
   */
  public static AlertConfig load(Path fileOrDir) throws AlertConfigException {
    return load(fileOrDir, null);
  }

  /**
   * As {@link #load(Path)}, and a rule on a window the job does not compute (not in {@code
   * windows}) is one more problem with its file and line; null accepts any window.
   */
  public static AlertConfig load(Path fileOrDir, java.util.Collection<String> windows)
      throws AlertConfigException {
    return load(fileOrDir, windows, KpiMetrics.STANDARD);
  }

  /**
   * As {@link #load(Path, java.util.Collection)}, with the KPI fields a rule's {@code metric} may
   * name.
   */
  public static AlertConfig load(
      Path fileOrDir, java.util.Collection<String> windows, KpiMetrics metrics)
      throws AlertConfigException {
    List<Path> files = new ArrayList<>();
    if (Files.isDirectory(fileOrDir)) {
      try (Stream<Path> s = Files.list(fileOrDir)) {
        s.filter(
                p -> {
                  String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                  return Files.isRegularFile(p) && (n.endsWith(".yaml") || n.endsWith(".yml"));
                })
            .sorted()
            .forEach(files::add);
      } catch (IOException e) {
        throw single(fileOrDir.toString(), "cannot list folder: " + e.getMessage());
      }
    } else {
      files.add(fileOrDir);
    }
    List<Parsed> parts = new ArrayList<>();
    List<AlertConfigException.Problem> problems = new ArrayList<>();
    for (Path f : files) {
      String text;
      try {
        text = Files.readString(f);
      } catch (IOException e) {
        problems.add(
            new AlertConfigException.Problem(f.toString(), 0, null, "cannot read file: " + e));
        continue;
      }
      Parsed p = new Parsed(f.toString());
      p.read(text);
      parts.add(p);
    }
    return assemble(parts, problems, windows, metrics);
  }

  /** Parses YAML text; {@code origin} names it in errors (a file name, a topic, "inline"). */
  public static AlertConfig parse(String yaml, String origin) throws AlertConfigException {
    Parsed p = new Parsed(origin);
    p.read(yaml);
    return assemble(List.of(p), new ArrayList<>(), null, KpiMetrics.STANDARD);
  }

  private static AlertConfigException single(String origin, String reason) {
    return new AlertConfigException(
        List.of(new AlertConfigException.Problem(origin, 0, null, reason)));
  }

  /** A located YAML node: the node and the line it starts on. */
  private record Located(JsonNode node, int line) {}

  /** One file's raw sections, with the line of each entry, before cross-file validation. */
  private static final class Parsed {
    final String origin;
    final List<Located> rules = new ArrayList<>();
    final Map<String, Located> channels = new LinkedHashMap<>();
    final List<Located> targets = new ArrayList<>();
    final List<AlertConfigException.Problem> problems = new ArrayList<>();

    Parsed(String origin) {
      this.origin = origin;
    }

    void problem(int line, String id, String reason) {
      problems.add(new AlertConfigException.Problem(origin, line, id, reason));
    }

    // Streams the top level by hand so each rule, channel and target keeps the line it starts on.
    void read(String yaml) {
      try (JsonParser p = YAML.getFactory().createParser(yaml)) {
        JsonToken t = p.nextToken();
        if (t == null) {
          return; // an empty file declares nothing
        }
        if (t != JsonToken.START_OBJECT) {
          problem(
              line(p.currentLocation()),
              null,
              "expected a mapping with 'rules', 'channels' and 'targets'");
          return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String section = p.currentName();
          int sectionLine = line(p.currentLocation());
          JsonToken v = p.nextToken();
          if (!TOP_LEVEL.contains(section)) {
            problem(
                sectionLine,
                null,
                "unknown section '" + section + "' (expected rules, channels, targets)");
            p.skipChildren();
          } else if (section.equals("channels")) {
            if (v == JsonToken.VALUE_NULL) {
              continue;
            }
            if (v != JsonToken.START_OBJECT) {
              problem(sectionLine, null, "'channels' must be a mapping of name to channel");
              p.skipChildren();
              continue;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
              String name = p.currentName();
              p.nextToken();
              int l = line(p.currentLocation());
              channels.put(name, new Located(YAML.readTree(p), l));
            }
          } else {
            if (v == JsonToken.VALUE_NULL) {
              continue;
            }
            if (v != JsonToken.START_ARRAY) {
              problem(sectionLine, null, "'" + section + "' must be a list");
              p.skipChildren();
              continue;
            }
            while (p.nextToken() != JsonToken.END_ARRAY) {
              int l = line(p.currentLocation());
              Located e = new Located(YAML.readTree(p), l);
              (section.equals("rules") ? rules : targets).add(e);
            }
          }
        }
      } catch (JsonProcessingException e) {
        // entries read before the syntax error would only add confusing follow-up errors
        rules.clear();
        channels.clear();
        targets.clear();
        problem(line(e.getLocation()), null, "not valid YAML: " + e.getOriginalMessage());
      } catch (IOException e) {
        problem(0, null, "cannot read: " + e.getMessage());
      }
    }
  }

  private static int line(JsonLocation loc) {
    return loc == null ? 0 : loc.getLineNr();
  }

  private static AlertConfig assemble(
      List<Parsed> parts,
      List<AlertConfigException.Problem> problems,
      java.util.Collection<String> windows,
      KpiMetrics metrics)
      throws AlertConfigException {
    Map<String, Channel> channels = new LinkedHashMap<>();
    List<Target> targets = new ArrayList<>();
    for (Parsed p : parts) {
      problems.addAll(p.problems);
      for (Map.Entry<String, Located> e : p.channels.entrySet()) {
        String name = e.getKey();
        int line = e.getValue().line();
        if (channels.containsKey(name) || name.equals(Channel.KAFKA)) {
          problems.add(
              new AlertConfigException.Problem(
                  p.origin,
                  line,
                  name,
                  name.equals(Channel.KAFKA)
                      ? "'kafka' is the built-in channel and cannot be redefined"
                      : "duplicate channel name"));
          continue;
        }
        try {
          channels.put(name, channel(name, e.getValue().node()));
        } catch (IllegalArgumentException ex) {
          problems.add(new AlertConfigException.Problem(p.origin, line, name, ex.getMessage()));
        }
      }
      int index = 0;
      for (Located t : p.targets) {
        String id = targetId(t.node(), index++);
        try {
          Target target = target(t.node(), metrics);
          for (Target other : targets) {
            if (other.brand().equals(target.brand())
                && other.metric().equals(target.metric())
                && other.period() == target.period()
                && java.util.Objects.equals(other.from(), target.from())) {
              throw new IllegalArgumentException(
                  "duplicate target: "
                      + target.brand()
                      + " "
                      + target.metric()
                      + " per "
                      + target.period().label()
                      + (target.from() == null ? "" : " from " + target.from())
                      + " is set twice (give the raised value its own 'from')");
            }
          }
          targets.add(target);
        } catch (IllegalArgumentException ex) {
          problems.add(new AlertConfigException.Problem(p.origin, t.line(), id, ex.getMessage()));
        }
      }
    }
    List<AlertRule> rules = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (Parsed p : parts) {
      int index = 0;
      for (Located r : p.rules) {
        String id =
            r.node().path("id").isTextual() ? r.node().get("id").asText() : "rules[" + index + "]";
        index++;
        try {
          AlertRule rule = rule(r.node(), targets, metrics);
          if (!ids.add(rule.id())) {
            throw new IllegalArgumentException("duplicate rule id");
          }
          if (windows != null && WindowLabel.among(rule.window(), windows).isEmpty()) {
            throw new IllegalArgumentException(
                "window " + rule.window() + " is not one of the KPI windows " + windows);
          }
          for (String c : rule.channels()) {
            if (!c.equals(Channel.KAFKA) && !channels.containsKey(c)) {
              throw new IllegalArgumentException(
                  "notify names unknown channel '"
                      + c
                      + "' (known: kafka"
                      + (channels.isEmpty() ? "" : ", " + String.join(", ", channels.keySet()))
                      + ")");
            }
          }
          rules.add(rule);
        } catch (InvalidRuleException ex) {
          ex.reasons()
              .forEach(
                  reason ->
                      problems.add(
                          new AlertConfigException.Problem(p.origin, r.line(), id, reason)));
        } catch (IllegalArgumentException ex) {
          problems.add(new AlertConfigException.Problem(p.origin, r.line(), id, ex.getMessage()));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new AlertConfigException(problems);
    }
    return new AlertConfig(rules, channels, targets);
  }

  private static void onlyKnown(JsonNode n, Set<String> known, String what) {
    if (!n.isObject()) {
      throw new IllegalArgumentException(what + " must be a mapping");
    }
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!known.contains(f)) {
        throw new IllegalArgumentException("unknown field '" + f + "' in " + what);
      }
    }
  }

  private static String text(JsonNode n, String field, boolean required) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      if (required) {
        throw new IllegalArgumentException("'" + field + "' is required");
      }
      return null;
    }
    if (!v.isValueNode()) {
      throw new IllegalArgumentException("'" + field + "' must be a single value");
    }
    return v.asText();
  }

  private static Double number(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isNumber()) {
      throw new IllegalArgumentException(
          "'" + field + "' must be a number, was '" + v.asText() + "'");
    }
    double d = v.asDouble();
    if (!Double.isFinite(d)) {
      throw new IllegalArgumentException("'" + field + "' must be finite");
    }
    return d;
  }

  private static List<String> strings(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    List<String> out = new ArrayList<>();
    if (v.isTextual()) {
      out.add(v.asText());
      return out;
    }
    if (!v.isArray()) {
      throw new IllegalArgumentException("'" + field + "' must be a list of names");
    }
    for (JsonNode e : v) {
      if (!e.isTextual() || e.asText().isBlank()) {
        throw new IllegalArgumentException("'" + field + "' must hold non-empty names");
      }
      out.add(e.asText());
    }
    return out;
  }

  private static int windows(JsonNode n, String field, java.time.Duration window) {
    JsonNode v = n.get(field);
    if (v.isInt()) {
      return v.asInt();
    }
    // a duration such as 3d is converted to a number of windows
    java.time.Duration d = Durations.parse(v.asText());
    long w = d.toSeconds() / Math.max(1, window.toSeconds());
    if (w > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("'" + field + "' is too long");
    }
    return (int) w;
  }

  /**
   * Runs each check of a rule and keeps every failure, so that one rule reports all its problems.
   */
  private static final class Checks {
    final List<String> problems = new ArrayList<>();

    void run(Runnable check) {
      try {
        check.run();
      } catch (InvalidRuleException e) {
        problems.addAll(e.reasons());
      } catch (IllegalArgumentException e) {
        problems.add(e.getMessage());
      }
    }
  }

  static AlertRule rule(JsonNode n, List<Target> targets, KpiMetrics metrics) {
    onlyKnown(n, RULE_FIELDS, "rule");
    String id = text(n, "id", true);
    Checks c = new Checks();
    if (!id.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}")) {
      c.problems.add("id must be letters, digits, '_', '.' or '-' (at most 128)");
    }
    AlertRule.Builder b = AlertRule.builder(id).metrics(metrics);
    boolean[] knownMetric = new boolean[1];
    c.run(
        () -> {
          String metric = text(n, "metric", true);
          metrics.require(metric.trim());
          b.metric(metric);
          knownMetric[0] = true;
        });
    java.time.Duration[] length = new java.time.Duration[1];
    c.run(
        () -> {
          String window = text(n, "window", true);
          length[0] = Durations.parseWindow(window);
          b.window(window);
        });
    c.run(
        () -> {
          String det = text(n, "detector", true);
          DetectorType type = DetectorType.parse(det);
          if (type == null) {
            throw new IllegalArgumentException(
                "detector '" + det + "' is not one of spike, drop, threshold, target_pace");
          }
          b.detector(type);
        });
    c.run(
        () -> {
          String sens = text(n, "sensitivity", false);
          if (sens != null) {
            Sensitivity s = Sensitivity.parse(sens);
            if (s == null) {
              throw new IllegalArgumentException(
                  "sensitivity '" + sens + "' is not one of low, balanced, high");
            }
            b.sensitivity(s);
          }
        });
    c.run(
        () -> {
          Double threshold = number(n, "threshold");
          if (threshold != null) {
            b.threshold(threshold);
          }
        });
    c.run(
        () -> {
          Double minCount = number(n, "min_count");
          if (minCount != null) {
            b.minCount(minCount);
          }
        });
    c.run(
        () -> {
          Double minRatio = number(n, "min_ratio");
          if (minRatio != null) {
            b.minRatio(minRatio);
          }
        });
    c.run(
        () -> {
          if (n.hasNonNull("cooldown")) {
            b.cooldown(Durations.parse(text(n, "cooldown", true)));
          }
        });
    c.run(
        () -> {
          if (n.hasNonNull("peak_memory")) {
            b.peakMemory(Durations.parse(text(n, "peak_memory", true)));
          }
        });
    c.run(
        () -> {
          if (n.hasNonNull("sustained")) {
            b.sustained(Durations.parse(text(n, "sustained", true)));
          }
        });
    c.run(
        () -> {
          if (n.hasNonNull("level_shift")) {
            b.levelShift(Durations.parse(text(n, "level_shift", true)));
          }
        });
    if (length[0] != null) {
      c.run(
          () -> {
            if (n.hasNonNull("baseline")) {
              b.baselineWindows(windows(n, "baseline", length[0]));
            }
          });
      c.run(
          () -> {
            if (n.hasNonNull("warmup")) {
              b.warmupWindows(windows(n, "warmup", length[0]));
            }
          });
    }
    c.run(
        () -> {
          List<String> season = strings(n, "seasonality");
          if (season != null) {
            boolean daily = false;
            boolean weekly = false;
            for (String s : season) {
              switch (s) {
                case "daily" -> daily = true;
                case "weekly" -> weekly = true;
                case "none" -> {}
                default ->
                    throw new IllegalArgumentException(
                        "seasonality '" + s + "' is not daily, weekly or none");
              }
            }
            b.seasonality(daily, weekly);
          }
        });
    c.run(() -> b.above(number(n, "above")));
    c.run(() -> b.below(number(n, "below")));
    c.run(
        () -> {
          Double tol = number(n, "tolerance");
          if (tol != null) {
            b.tolerance(tol);
          }
        });
    c.run(
        () -> {
          String sev = text(n, "severity", false);
          if (sev != null) {
            Severity s = Severity.parse(sev);
            if (s == null) {
              throw new IllegalArgumentException(
                  "severity '" + sev + "' is not info, warning or critical");
            }
            b.severity(s);
          }
        });
    c.run(
        () -> {
          List<String> brands = strings(n, "brands");
          if (brands != null) {
            b.brands(brands);
          }
        });
    c.run(
        () -> {
          List<String> notify = strings(n, "notify");
          if (notify != null) {
            b.channels(notify);
          }
        });
    AlertRule[] built = new AlertRule[1];
    // the rule's own checks (ranges, combinations) run whenever it can be built at all
    if (length[0] != null
        && DetectorType.parse(String.valueOf(text(n, "detector", false))) != null
        && knownMetric[0]) {
      c.run(() -> built[0] = b.targets(targets).build());
    }
    if (!c.problems.isEmpty()) {
      throw new InvalidRuleException(c.problems);
    }
    return built[0];
  }

  static Channel channel(String name, JsonNode n) {
    onlyKnown(n, CHANNEL_FIELDS, "channel");
    String type = text(n, "type", true);
    Channel.Type t =
        switch (type) {
          case "slack" -> Channel.Type.SLACK;
          case "webhook" -> Channel.Type.WEBHOOK;
          default ->
              throw new IllegalArgumentException(
                  "channel type '" + type + "' is not slack or webhook");
        };
    String url = text(n, "url", true);
    if (!url.contains("${") && !url.matches("(?i)https?://\\S+")) {
      throw new IllegalArgumentException("url must be http(s)://... or a ${VARIABLE}");
    }
    String secret = text(n, "secret", false);
    if (t == Channel.Type.SLACK && secret != null) {
      throw new IllegalArgumentException("a slack channel takes no secret (the URL is the secret)");
    }
    return new Channel(name, t, url, secret);
  }

  /**
   * How a target entry is named in errors: its place in the file's list, and what it is about when
   * readable.
   */
  private static String targetId(JsonNode n, int index) {
    StringBuilder id = new StringBuilder("targets[" + index + "]");
    if (n.isObject()) {
      String about =
          String.join(
              " ",
              java.util.stream.Stream.of("brand", "metric", "period")
                  .map(f -> n.path(f).isValueNode() ? n.path(f).asText() : "")
                  .filter(x -> !x.isEmpty())
                  .toList());
      if (!about.isEmpty()) {
        id.append(" (").append(about).append(")");
      }
    }
    return id.toString();
  }

  static Target target(JsonNode n) {
    return target(n, KpiMetrics.STANDARD);
  }

  static Target target(JsonNode n, KpiMetrics metrics) {
    onlyKnown(n, TARGET_FIELDS, "target");
    String brand = text(n, "brand", true);
    if (!brand.equals("*") && !brand.matches("[a-z0-9][a-z0-9_-]{0,63}")) {
      throw new IllegalArgumentException("brand '" + brand + "' is not a brand id or *");
    }
    String metric = text(n, "metric", true).trim();
    if (metrics.targetField(metric).isEmpty()) {
      throw new IllegalArgumentException(
          "metric '"
              + metric
              + "' cannot have a target (it must add up over a period); valid: "
              + metrics.targetNames());
    }
    String period = text(n, "period", true);
    Target.Period p = Target.Period.parse(period);
    if (p == null) {
      throw new IllegalArgumentException("period '" + period + "' is not week, month or quarter");
    }
    Double value = number(n, "value");
    if (value == null) {
      throw new IllegalArgumentException("'value' is required");
    }
    if (!(value > 0)) {
      throw new IllegalArgumentException(
          "'value' must be a positive number, was " + n.get("value").asText());
    }
    java.time.LocalDate from = null;
    String fromText = text(n, "from", false);
    if (fromText != null) {
      try {
        from = java.time.LocalDate.parse(fromText.trim());
      } catch (java.time.format.DateTimeParseException e) {
        throw new IllegalArgumentException("from '" + fromText + "' is not a date (yyyy-MM-dd)");
      }
    }
    return new Target(brand, metric, p, value, from);
  }
}
