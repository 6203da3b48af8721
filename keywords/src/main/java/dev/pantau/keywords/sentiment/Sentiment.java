package dev.pantau.keywords.sentiment;

/**
 * The sentiment of one mention.
 *
 * @param score in [-1, 1]; 0 for {@link Label#UNSCORED}
 * @param label the class
 */
public record Sentiment(double score, Label label) {

  public static final Sentiment UNSCORED = new Sentiment(0.0, Label.UNSCORED);

  public Sentiment {
    if (Double.isNaN(score) || score < -1.0 || score > 1.0) {
      throw new IllegalArgumentException("score out of [-1, 1]: " + score);
    }
    if (label == null) {
      throw new IllegalArgumentException("label is required");
    }
  }

  /** Sentiment classes; {@link #json()} is the name used in SPEC §4 and §6. */
  public enum Label {
    POSITIVE,
    NEUTRAL,
    NEGATIVE,
    UNSCORED;

    public String json() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
