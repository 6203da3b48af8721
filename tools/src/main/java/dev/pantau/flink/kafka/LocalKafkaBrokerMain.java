package dev.pantau.flink.kafka;

import java.io.IOException;
import java.io.InputStream;

/**
 * Entry point of the child JVM that {@link LocalKafkaBroker} starts: formats the data directory
 * (unless it already is) and runs the broker, in one JVM to save a JVM start.
 *
 * <p>Arguments: {@code CLUSTER_ID SERVER_PROPERTIES}.
 *
 * <p>The child exits as soon as its standard input reaches end of file. The parent keeps the pipe
 * to the child's standard input open and never writes to it; the operating system closes it when
 * the parent ends for any reason, {@code SIGKILL} included, which a shutdown hook alone cannot
 * cover. {@link System#exit} (not {@code halt}) lets Kafka's own shutdown hook close its logs.
 */
public final class LocalKafkaBrokerMain {

  private LocalKafkaBrokerMain() {}

  public static void main(String[] args) {
    if (args.length != 2) {
      System.err.println("usage: LocalKafkaBrokerMain CLUSTER_ID SERVER_PROPERTIES");
      System.exit(2);
    }
    Thread watchdog = new Thread(LocalKafkaBrokerMain::exitWhenStdinCloses, "parent-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
    // static voters (controller.quorum.voters), so no --standalone; an earlier run's data is kept
    int formatted =
        kafka.tools.StorageTool.execute(
            new String[] {"format", "--ignore-formatted", "-t", args[0], "-c", args[1]},
            System.out);
    if (formatted != 0) {
      System.err.println(
          "LocalKafkaBrokerMain: formatting the storage failed with status " + formatted);
      System.exit(formatted);
    }
    kafka.Kafka.main(new String[] {args[1]});
  }

  private static void exitWhenStdinCloses() {
    InputStream in = System.in;
    byte[] buffer = new byte[256];
    try {
      while (in.read(buffer) >= 0) {
        // the parent never writes; anything read is ignored
      }
    } catch (IOException e) {
      // a broken pipe means the same as end of file: the parent is gone
    }
    System.err.println("LocalKafkaBrokerMain: parent process ended, exiting");
    System.exit(0);
  }
}
