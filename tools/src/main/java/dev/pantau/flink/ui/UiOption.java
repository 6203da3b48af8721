package dev.pantau.flink.ui;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

/** {@code --ui-port} of run and demo: starts the built-in page and prints where it is. */
public final class UiOption {
  private UiOption() {}

  /** Returns the started server, or null when {@code port} is null (no page asked for). */
  public static DashboardServer start(
      Integer port,
      String bootstrap,
      String kpiTopic,
      String alertsTopic,
      Map<String, String> kafkaProperties,
      PrintStream out) {
    if (port == null) {
      return null;
    }
    Properties props = new Properties();
    props.putAll(kafkaProperties);
    try {
      DashboardServer s = DashboardServer.start(port, bootstrap, kpiTopic, alertsTopic, props);
      out.println("Dashboard: " + s.url());
      return s;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot serve the dashboard on 127.0.0.1:" + port + ": " + e.getMessage(), e);
    }
  }
}
