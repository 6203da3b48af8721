package dev.pantau.flink.model;

import java.util.Objects;

/**
 * A record that could not be used, with why and where it came from (SPEC §1). Exactly one of {@code
 * raw} and {@code rawBase64} is set; the origin is a Kafka position or a file line.
 */
public class DeadLetter {
  public String error;
  public String message;
  public String topic;
  public int partition;
  public long offset;
  public String file;
  public long line;
  public String raw;
  public String rawBase64;

  public DeadLetter() {}

  public boolean fromFile() {
    return file != null;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DeadLetter d
        && partition == d.partition
        && offset == d.offset
        && line == d.line
        && Objects.equals(error, d.error)
        && Objects.equals(message, d.message)
        && Objects.equals(topic, d.topic)
        && Objects.equals(file, d.file)
        && Objects.equals(raw, d.raw)
        && Objects.equals(rawBase64, d.rawBase64);
  }

  @Override
  public int hashCode() {
    return Objects.hash(error, message, topic, partition, offset, file, line);
  }

  @Override
  public String toString() {
    return "DeadLetter{" + error + ": " + message + "}";
  }
}
