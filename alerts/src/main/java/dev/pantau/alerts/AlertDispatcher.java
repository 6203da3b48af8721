package dev.pantau.alerts;

import io.github.resilience4j.retry.Retry;
import java.io.Closeable;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers alerts to the Slack and webhook channels of a configuration, asynchronously: {@link
 * #dispatch} returns at once and never throws, so a slow or failing endpoint cannot block or fail
 * the job. Deliveries are retried ({@link DeliveryRetry}: Resilience4j, exponential backoff with
 * jitter, {@code Retry-After} honoured) on network errors, timeouts, 408, 429 and 5xx; at most
 * {@link Options#queueCapacity} are in flight or waiting, beyond that new ones are dropped and
 * counted. Logs name the channel and the URL's host, never the secret or the URL's path (Slack
 * keeps its token there).
 *
 * <p>{@code kafka} is not delivered here: the job writes the {@code alerts} topic itself.
 */
public final class AlertDispatcher implements Closeable {

  private static final Logger LOG = LoggerFactory.getLogger(AlertDispatcher.class);

  /** Counters since the dispatcher was built. */
  public record Stats(long delivered, long failed, long retried, long dropped, long skipped) {}

  /** Fluent delivery options with named defaults. */
  public static final class Options {
    public static final int DEFAULT_QUEUE_CAPACITY = 1000;
    public static final int DEFAULT_MAX_ATTEMPTS = 5;
    public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofSeconds(1);
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofMinutes(1);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofSeconds(5);

    int queueCapacity = DEFAULT_QUEUE_CAPACITY;
    int maxAttempts = DEFAULT_MAX_ATTEMPTS;
    Duration initialBackoff = DEFAULT_INITIAL_BACKOFF;
    Duration maxBackoff = DEFAULT_MAX_BACKOFF;
    Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
    Duration closeTimeout = DEFAULT_CLOSE_TIMEOUT;
    Function<String, String> environment = System::getenv;

    public Options queueCapacity(int v) {
      queueCapacity = positive(v);
      return this;
    }

    public Options maxAttempts(int v) {
      maxAttempts = positive(v);
      return this;
    }

    public Options backoff(Duration initial, Duration max) {
      initialBackoff = initial;
      maxBackoff = max;
      return this;
    }

    public Options requestTimeout(Duration v) {
      requestTimeout = Objects.requireNonNull(v);
      return this;
    }

    public Options closeTimeout(Duration v) {
      closeTimeout = Objects.requireNonNull(v);
      return this;
    }

    /**
     * Where {@code ${VAR}} in channel URLs and secrets is looked up (default: the process
     * environment).
     */
    public Options environment(Function<String, String> v) {
      environment = Objects.requireNonNull(v);
      return this;
    }

    private static int positive(int v) {
      if (v < 1) {
        throw new IllegalArgumentException("must be >= 1, was " + v);
      }
      return v;
    }
  }

  public static Options options() {
    return new Options();
  }

  /** A channel ready to post to: URL and key expanded from the environment. */
  private record Endpoint(Channel channel, URI uri, byte[] key) {
    String where() {
      return channel.name() + " (" + Secrets.redactUrl(uri.toString()) + ")";
    }
  }

  private final Options options;
  private final Map<String, Endpoint> endpoints = new HashMap<>();
  private final ExecutorService httpExecutor;
  private final ScheduledExecutorService retries;
  private final HttpClient client;
  private final AtomicInteger pending = new AtomicInteger();
  private final AtomicLong delivered = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong retried = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong skipped = new AtomicLong();
  private volatile boolean closed;

  public AlertDispatcher(AlertConfig config) {
    this(config, options());
  }

  public AlertDispatcher(AlertConfig config, Options options) {
    this.options = Objects.requireNonNull(options, "options");
    for (Channel c : config.channels().values()) {
      if (c.type() == Channel.Type.KAFKA) {
        continue;
      }
      try {
        URI uri = URI.create(Secrets.expand(c.url(), options.environment));
        if (uri.getScheme() == null
            || !uri.getScheme().matches("(?i)https?")
            || uri.getHost() == null) {
          throw new IllegalArgumentException("url is not http(s)");
        }
        byte[] key =
            c.type() == Channel.Type.WEBHOOK && c.secret() != null
                ? WebhookSigner.key(Secrets.expand(c.secret(), options.environment))
                : null;
        endpoints.put(c.name(), new Endpoint(c, uri, key));
      } catch (RuntimeException e) {
        // the message names a variable or a format problem, never a value
        LOG.warn("alert channel {} disabled: {}", c.name(), e.getMessage());
      }
    }
    this.httpExecutor = Executors.newFixedThreadPool(2, daemon("pantau-alert-http"));
    this.retries = Executors.newSingleThreadScheduledExecutor(daemon("pantau-alert-retry"));
    this.client =
        HttpClient.newBuilder()
            .executor(httpExecutor)
            .connectTimeout(options.requestTimeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  private static ThreadFactory daemon(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** Channels that are configured and usable (their variables were set). */
  public java.util.Set<String> activeChannels() {
    return java.util.Set.copyOf(endpoints.keySet());
  }

  /**
   * Queues the alert for each named channel and returns at once; {@code kafka} is skipped (the job
   * writes it).
   */
  public void dispatch(Alert alert, List<String> channels) {
    for (String name : channels) {
      if (Channel.KAFKA.equals(name)) {
        continue;
      }
      try {
        Endpoint e = endpoints.get(name);
        if (e == null) {
          skipped.incrementAndGet();
          continue;
        }
        if (closed || pending.incrementAndGet() > options.queueCapacity) {
          if (!closed) {
            done();
          }
          dropped.incrementAndGet();
          LOG.warn(
              "alert {} to channel {} dropped: delivery queue full or closed",
              alert.id(),
              e.where());
          continue;
        }
        String body =
            e.channel().type() == Channel.Type.SLACK ? SlackMessage.of(alert) : alert.toJson();
        deliver(e, alert, body, WebhookSigner.messageId(alert));
      } catch (RuntimeException ex) {
        failed.incrementAndGet();
        LOG.warn(
            "alert {} to channel {} not sent: {}", alert.id(), name, ex.getClass().getSimpleName());
      }
    }
  }

  private void deliver(Endpoint e, Alert alert, String body, String msgId) {
    Retry retry =
        DeliveryRetry.create(
            e.where(),
            options.maxAttempts,
            options.initialBackoff,
            options.maxBackoff,
            java.time.Instant::now);
    AtomicInteger attempts = new AtomicInteger();
    retry
        .getEventPublisher()
        .onRetry(
            event -> {
              retried.incrementAndGet();
              LOG.debug(
                  "alert {} to {} attempt {} failed, retrying in {} ms",
                  alert.id(),
                  e.where(),
                  event.getNumberOfRetryAttempts(),
                  event.getWaitInterval().toMillis());
            });
    retry
        .executeCompletionStage(
            retries,
            () -> {
              attempts.incrementAndGet();
              return client.sendAsync(
                  request(e, body, msgId), HttpResponse.BodyHandlers.discarding());
            })
        .whenComplete(
            (resp, err) -> {
              int status = resp == null ? -1 : resp.statusCode();
              if (err == null && status >= 200 && status < 300) {
                delivered.incrementAndGet();
                done();
                return;
              }
              String reason = err != null ? describe(err, e) : "HTTP " + status;
              // logged before it is counted: whoever sees the count (close(), stats()) also sees
              // the log
              LOG.warn(
                  "alert {} to channel {} failed after {} attempt(s): {}",
                  alert.id(),
                  e.where(),
                  attempts.get(),
                  reason);
              failed.incrementAndGet();
              done();
            });
  }

  /**
   * A new request per attempt: the webhook timestamp and signature are of the moment it is sent.
   */
  private HttpRequest request(Endpoint e, String body, String msgId) {
    HttpRequest.Builder req =
        HttpRequest.newBuilder(e.uri())
            .timeout(options.requestTimeout)
            .header("Content-Type", "application/json")
            .header("User-Agent", "pantau-alerts")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (e.channel().type() == Channel.Type.WEBHOOK) {
      long ts = System.currentTimeMillis() / 1000;
      req.header("webhook-id", msgId).header("webhook-timestamp", Long.toString(ts));
      if (e.key() != null) {
        req.header("webhook-signature", WebhookSigner.sign(e.key(), msgId, ts, body));
      }
    }
    return req.build();
  }

  private void done() {
    pending.updateAndGet(n -> Math.max(0, n - 1)); // close() may have zeroed it already
  }

  private static String describe(Throwable err, Endpoint e) {
    Throwable t =
        err instanceof java.util.concurrent.CompletionException && err.getCause() != null
            ? err.getCause()
            : err;
    String m =
        t.getMessage() == null
            ? ""
            : ": "
                + t.getMessage().replace(e.uri().toString(), Secrets.redactUrl(e.uri().toString()));
    return t.getClass().getSimpleName() + m;
  }

  public Stats stats() {
    return new Stats(delivered.get(), failed.get(), retried.get(), dropped.get(), skipped.get());
  }

  /** Deliveries queued or in flight. */
  public int pending() {
    return pending.get();
  }

  /**
   * Waits up to the close timeout for deliveries in flight, then stops; what is left is counted as
   * failed.
   */
  @Override
  public void close() {
    long deadline = System.nanoTime() + options.closeTimeout.toNanos();
    while (pending.get() > 0 && System.nanoTime() < deadline) {
      try {
        Thread.sleep(10);
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    closed = true;
    retries.shutdownNow();
    httpExecutor.shutdownNow();
    int left = pending.getAndSet(0);
    if (left > 0) {
      failed.addAndGet(left);
      LOG.warn("{} alert deliveries abandoned at close", left);
    }
  }
}
