package dev.pantau.flink.model;

/**
 * What a source emits: one input record, decoded. Exactly one of {@link #mention} and {@link
 * #deadLetter} is set. Decoding happens inside the source so that watermarks are generated per
 * Kafka partition from the mentions' own event time.
 */
public class Decoded {
  public Mention mention;
  public DeadLetter deadLetter;

  /**
   * A valid owned-account reading (SPEC §1b), read from {@code account-stats}; then {@link
   * #mention} is null.
   */
  public AccountReading reading;

  /**
   * Where a valid mention came from (a Kafka position, or a file line when {@code file} is set), so
   * a mention found late downstream can still be dead-lettered with its origin.
   */
  public String topic;

  public int partition;
  public long offset;
  public String file;
  public long line;

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

  public static Decoded of(AccountReading r) {
    Decoded d = new Decoded();
    d.reading = r;
    return d;
  }

  /** Whether the record has an event time: a valid mention or a valid account reading. */
  public boolean timed() {
    return mention != null || reading != null;
  }

  /** The event time of a {@link #timed} record. */
  public long eventTime() {
    return mention != null ? mention.createdAt : reading.at;
  }

  /** Notes the Kafka position this record was read from. */
  public Decoded at(String topic, int partition, long offset) {
    this.topic = topic;
    this.partition = partition;
    this.offset = offset;
    return this;
  }

  /** Notes the file line this record was read from. */
  public Decoded at(String file, long line) {
    this.file = file;
    this.line = line;
    return this;
  }

  public boolean valid() {
    return mention != null;
  }
}
