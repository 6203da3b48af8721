package dev.pantau.flink.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Entry point of a child JVM that must not outlive its parent: runs {@code args[0]}'s {@code main}
 * with the remaining arguments, and exits as soon as its standard input reaches end of file.
 *
 * <p>The parent keeps the pipe to the child's standard input open and never writes to it. The
 * operating system closes that pipe when the parent ends for any reason, {@code SIGKILL} included,
 * which a shutdown hook alone cannot cover. {@link System#exit} (not {@code halt}) lets the child run
 * its own shutdown hooks, so Kafka still closes its logs cleanly.
 */
public final class ChildProcessMain {

  private ChildProcessMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      System.err.println("usage: ChildProcessMain MAIN_CLASS [ARGS...]");
      System.exit(2);
    }
    Thread watchdog = new Thread(ChildProcessMain::exitWhenStdinCloses, "parent-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
    Method main = Class.forName(args[0]).getMethod("main", String[].class);
    main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
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
    System.err.println("ChildProcessMain: parent process ended, exiting");
    System.exit(0);
  }
}
