package dev.pantau.alerts;

import java.util.Locale;
import java.util.Objects;

/**
 * A named place alerts are delivered to. {@code url} and {@code secret} are kept as written in the
 * rule file: {@code ${VAR}} references are expanded from the environment only when a dispatcher is
 * built, so secrets never sit in a parsed configuration that may be printed or logged.
 */
public record Channel(String name, Type type, String url, String secret)
    implements java.io.Serializable {

  /** Channel kinds. {@code kafka} is the always-on {@code alerts} topic written by the job. */
  public enum Type {
    KAFKA,
    SLACK,
    WEBHOOK;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** The name of the always-on Kafka channel. */
  public static final String KAFKA = "kafka";

  public Channel {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    if (type != Type.KAFKA && (url == null || url.isBlank())) {
      throw new IllegalArgumentException(
          "channel '" + name + "' of type " + type.label() + " needs a url");
    }
  }

  @Override
  public String toString() {
    // never print the secret, and only the host part of a URL that may embed a token
    return "Channel[" + name + ", " + type.label() + ", " + Secrets.redactUrl(url) + "]";
  }
}
