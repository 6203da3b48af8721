package dev.pantau.flink.model;

/**
 * What a source emits: one input record, decoded. Exactly one of {@link #mention} and
 * {@link #deadLetter} is set. Decoding happens inside the source so that watermarks are generated per
 * Kafka partition from the mentions' own event time.
 */
public class Decoded {
  public Mention mention;
  public DeadLetter deadLetter;

  public Decoded() {}

  public static Decoded of(Mention m) {
    Decoded d = new Decoded();
    d.mention = m;
    return d;
  }

  public static Decoded of(DeadLetter dl) {
    Decoded d = new Decoded();
    d.deadLetter = dl;
    return d;
  }

  public boolean valid() {
    return mention != null;
  }
}
