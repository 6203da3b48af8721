package dev.pantau.flink.cluster;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.GlobalConfiguration;
import org.apache.flink.configuration.HeartbeatManagerOptions;
import org.apache.flink.configuration.JobManagerOptions;
import org.apache.flink.configuration.MetricOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.metrics.reporter.MetricReporterFactory;
import org.apache.flink.util.PortRange;

/**
 * Checks a Flink configuration file the way a cluster reads it: parsed by Flink's own {@link
 * GlobalConfiguration}, every key one of Flink's {@link ConfigOption}s (or a metric reporter's
 * setting), and every value accepted by its option's type. Returns the problems; none means valid.
 */
public final class FlinkConfigCheck {
  private static final List<Class<?>> OPTION_CLASSES =
      List.of(
          CoreOptions.class,
          JobManagerOptions.class,
          TaskManagerOptions.class,
          StateBackendOptions.class,
          CheckpointingOptions.class,
          RestartStrategyOptions.class,
          MetricOptions.class,
          RestOptions.class,
          HeartbeatManagerOptions.class,
          org.apache.flink.state.rocksdb.RocksDBConfigurableOptions.class,
          org.apache.flink.configuration.RpcOptions.class);
  private static final Pattern REPORTER =
      Pattern.compile("metrics\\.reporter\\.([A-Za-z0-9_-]+)\\.(.+)");

  private FlinkConfigCheck() {}

  /**
   * {@code yaml} is the text of a {@code config.yaml} (or of the flink image's FLINK_PROPERTIES).
   */
  public static List<String> problems(String yaml, Path scratch) throws IOException {
    Files.createDirectories(scratch);
    Files.writeString(scratch.resolve(GlobalConfiguration.FLINK_CONF_FILENAME), yaml);
    Configuration conf = GlobalConfiguration.loadConfiguration(scratch.toString());
    Map<String, ConfigOption<?>> known = options();
    List<String> problems = new ArrayList<>();
    if (conf.keySet().isEmpty()) {
      problems.add("no settings parsed");
    }
    for (String key : conf.keySet()) {
      String value = conf.toMap().get(key);
      Matcher reporter = REPORTER.matcher(key);
      try {
        if (reporter.matches()) {
          checkReporter(reporter.group(2), value);
        } else if (!known.containsKey(key)) {
          problems.add(key + ": not a Flink option");
        } else {
          conf.get(known.get(key));
        }
      } catch (RuntimeException | ReflectiveOperationException e) {
        problems.add(key + ": " + value + " is not accepted: " + e.getMessage());
      }
    }
    return problems;
  }

  private static void checkReporter(String setting, String value)
      throws ReflectiveOperationException {
    switch (setting) {
      case "factory.class" -> {
        Class<?> c = Class.forName(value);
        if (!MetricReporterFactory.class.isAssignableFrom(c)) {
          throw new IllegalArgumentException(value + " is not a MetricReporterFactory");
        }
      }
      case "port" -> new PortRange(value);
      case "host" -> {
        // LoopbackPrometheusReporterFactory's
      }
      default -> throw new IllegalArgumentException("no such reporter setting");
    }
  }

  private static Map<String, ConfigOption<?>> options() {
    Map<String, ConfigOption<?>> out = new HashMap<>();
    for (Class<?> c : OPTION_CLASSES) {
      for (Field f : c.getFields()) {
        if (Modifier.isStatic(f.getModifiers())
            && ConfigOption.class.isAssignableFrom(f.getType())) {
          try {
            ConfigOption<?> o = (ConfigOption<?>) f.get(null);
            out.put(o.key(), o);
          } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
          }
        }
      }
    }
    return out;
  }
}
