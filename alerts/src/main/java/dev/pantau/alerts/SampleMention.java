package dev.pantau.alerts;

import java.util.Objects;

/** A mention quoted in an alert: the highest-reach ones of the alert window. */
public record SampleMention(String id, String text, String url) implements java.io.Serializable {
  public SampleMention {
    Objects.requireNonNull(id, "id");
    text = text == null ? "" : text;
  }
}
