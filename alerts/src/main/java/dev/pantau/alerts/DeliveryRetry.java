package dev.pantau.alerts;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.core.functions.Either;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * When an alert delivery is tried again (Resilience4j {@link Retry}): on network errors, timeouts,
 * 408, 429 and 5xx, at most {@code maxAttempts} times in all, after an exponential backoff with
 * jitter (so the deliveries a burst of alerts sends to one failing endpoint do not come back in
 * step), and never sooner than the endpoint's {@code Retry-After} asks, up to {@link
 * #MAX_RETRY_AFTER}.
 */
final class DeliveryRetry {
  /** Backoff multiplier between attempts. */
  static final double MULTIPLIER = 2.0;

  /** Each delay is drawn uniformly within ±50% of the exponential one. */
  static final double JITTER = 0.5;

  /** A longer {@code Retry-After} is cut to this: an alert that waits longer is no longer news. */
  static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(5);

  private DeliveryRetry() {}

  /** True for the answers worth trying again. */
  static boolean retryable(int status) {
    return status == 408 || status == 429 || status >= 500;
  }

  static Retry create(
      String name,
      int maxAttempts,
      Duration initialBackoff,
      Duration maxBackoff,
      Supplier<Instant> clock) {
    IntervalFunction backoff =
        IntervalFunction.ofExponentialRandomBackoff(initialBackoff, MULTIPLIER, JITTER, maxBackoff);
    RetryConfig config =
        RetryConfig.<HttpResponse<Void>>custom()
            .maxAttempts(maxAttempts)
            .retryOnException(e -> true)
            .retryOnResult(r -> retryable(r.statusCode()))
            .intervalBiFunction(
                (Integer attempt, Either<Throwable, HttpResponse<Void>> outcome) -> {
                  long delay = backoff.apply(attempt);
                  if (outcome != null && outcome.isRight()) {
                    Optional<Duration> asked = retryAfter(outcome.get(), clock.get());
                    if (asked.isPresent()) {
                      delay =
                          Math.max(
                              delay, Math.min(asked.get().toMillis(), MAX_RETRY_AFTER.toMillis()));
                    }
                  }
                  return delay;
                })
            .build();
    return Retry.of(name, config);
  }

  /**
   * The wait a {@code Retry-After} header asks for: delay-seconds or an HTTP date (RFC 9110
   * §10.2.3).
   */
  static Optional<Duration> retryAfter(HttpResponse<?> response, Instant now) {
    return response.headers().firstValue("Retry-After").flatMap(v -> parseRetryAfter(v, now));
  }

  static Optional<Duration> parseRetryAfter(String value, Instant now) {
    String v = value.trim();
    if (v.matches("\\d{1,9}")) {
      return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
    }
    try {
      Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
