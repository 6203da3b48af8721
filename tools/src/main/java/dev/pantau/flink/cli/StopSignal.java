package dev.pantau.flink.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Turns Ctrl-C (SIGINT) and SIGTERM, what a service manager sends, into a request to stop with a
 * savepoint, instead of the JVM's immediate exit with status 130 or 143. A second signal quits at
 * once; the last retained checkpoint is then where the next run resumes.
 */
final class StopSignal {
  private static final String[] SIGNALS = {"INT", "TERM"};

  private final CountDownLatch requested = new CountDownLatch(1);
  private final SignalHandler[] previous = new SignalHandler[SIGNALS.length];

  private StopSignal() {}

  static StopSignal install() {
    StopSignal s = new StopSignal();
    for (int i = 0; i < SIGNALS.length; i++) {
      try {
        s.previous[i] = Signal.handle(new Signal(SIGNALS[i]), sig -> s.onSignal());
      } catch (IllegalArgumentException e) {
        // the signal is not available on this platform, or already taken by the JVM: keep its
        // default
      }
    }
    return s;
  }

  private void onSignal() {
    if (requested.getCount() == 0) {
      System.err.println("Quitting without a savepoint.");
      Runtime.getRuntime().halt(130);
    }
    requested.countDown();
  }

  boolean requested() {
    return requested.getCount() == 0;
  }

  /** Waits up to {@code millis} for a stop request; true when one came. */
  boolean await(long millis) throws InterruptedException {
    return requested.await(millis, TimeUnit.MILLISECONDS);
  }

  void uninstall() {
    for (int i = 0; i < SIGNALS.length; i++) {
      if (previous[i] != null) {
        try {
          Signal.handle(new Signal(SIGNALS[i]), previous[i]);
        } catch (IllegalArgumentException ignored) {
          // as in install
        }
      }
    }
  }
}
