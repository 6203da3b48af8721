package dev.pantau.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.functions.Either;
import io.github.resilience4j.retry.Retry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.Test;

class DeliveryRetryTest {
  private static final Instant NOW = Instant.parse("2026-11-22T10:15:00Z");

  private static IntervalBiFunction<HttpResponse<Void>> interval(Duration initial, Duration max) {
    Retry retry = DeliveryRetry.create("test", 5, initial, max, () -> NOW);
    @SuppressWarnings("unchecked")
    IntervalBiFunction<HttpResponse<Void>> f =
        (IntervalBiFunction<HttpResponse<Void>>)
            (IntervalBiFunction<?>) retry.getRetryConfig().getIntervalBiFunction();
    return f;
  }

  @Test
  void backoffGrowsWithJitterAndStaysUnderTheMaximum() {
    IntervalBiFunction<HttpResponse<Void>> f =
        interval(Duration.ofSeconds(1), Duration.ofSeconds(5));
    Either<Throwable, HttpResponse<Void>> error = Either.left(new java.io.IOException("refused"));
    Set<Long> firstDelays = new HashSet<>();
    for (int i = 0; i < 50; i++) {
      long first = f.apply(1, error);
      long third = f.apply(3, error);
      long tenth = f.apply(10, error);
      assertThat(first).isBetween(500L, 1_500L); // 1 s ± 50%
      assertThat(third).isBetween(2_000L, 5_000L); // 4 s ± 50%, capped at 5 s
      assertThat(tenth).isLessThanOrEqualTo(5_000L);
      firstDelays.add(first);
    }
    assertThat(firstDelays).as("jitter: the delays differ").hasSizeGreaterThan(10);
  }

  @Test
  void retryAfterIsHonouredWhenLongerThanTheBackoff() {
    IntervalBiFunction<HttpResponse<Void>> f =
        interval(Duration.ofMillis(100), Duration.ofSeconds(1));
    assertThat(f.apply(1, Either.right(response(429, "7")))).isEqualTo(7_000L);
    assertThat(f.apply(1, Either.right(response(503, "Sun, 22 Nov 2026 10:15:30 GMT"))))
        .isEqualTo(30_000L);
    assertThat(f.apply(1, Either.right(response(503, "3600"))))
        .isEqualTo(DeliveryRetry.MAX_RETRY_AFTER.toMillis());
    assertThat(f.apply(1, Either.right(response(503, "soon")))).isBetween(50L, 150L);
    assertThat(f.apply(1, Either.right(response(503, null)))).isBetween(50L, 150L);
  }

  @Test
  void parsesBothFormsOfRetryAfter() {
    assertThat(DeliveryRetry.parseRetryAfter("120", NOW)).contains(Duration.ofMinutes(2));
    assertThat(DeliveryRetry.parseRetryAfter("Sun, 22 Nov 2026 10:16:00 GMT", NOW))
        .contains(Duration.ofMinutes(1));
    assertThat(DeliveryRetry.parseRetryAfter("Sun, 22 Nov 2026 10:00:00 GMT", NOW))
        .contains(Duration.ZERO);
    assertThat(DeliveryRetry.parseRetryAfter("-1", NOW)).isEmpty();
    assertThat(DeliveryRetry.parseRetryAfter("tomorrow", NOW)).isEmpty();
  }

  @Test
  void onlyTimeoutsThrottlingAndServerErrorsAreRetried() {
    assertThat(List.of(408, 429, 500, 503)).allMatch(DeliveryRetry::retryable);
    assertThat(List.of(200, 301, 400, 401, 404, 410)).noneMatch(DeliveryRetry::retryable);
  }

  /**
   * A response with a status and an optional Retry-After header (a fake of one interface, for this
   * unit only).
   */
  private static HttpResponse<Void> response(int status, String retryAfter) {
    HttpHeaders headers =
        HttpHeaders.of(
            retryAfter == null ? Map.of() : Map.of("Retry-After", List.of(retryAfter)),
            (a, b) -> true);
    return new HttpResponse<>() {
      public int statusCode() {
        return status;
      }

      public HttpRequest request() {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1/")).build();
      }

      public Optional<HttpResponse<Void>> previousResponse() {
        return Optional.empty();
      }

      public HttpHeaders headers() {
        return headers;
      }

      public Void body() {
        return null;
      }

      public Optional<SSLSession> sslSession() {
        return Optional.empty();
      }

      public URI uri() {
        return URI.create("http://127.0.0.1/");
      }

      public HttpClient.Version version() {
        return HttpClient.Version.HTTP_1_1;
      }
    };
  }
}
