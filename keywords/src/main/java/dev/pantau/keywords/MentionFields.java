package dev.pantau.keywords;

/**
 * The fields of a mention that keyword matching and sentiment look at. Built by the job from the
 * decoded input record (SPEC §1); every field but {@code text} may be null.
 *
 * @param id the mention id (for explain output and errors only)
 * @param text the post body, never null (may be empty when {@code title} is set)
 * @param title headline of an article or video
 * @param url where the mention lives; its host feeds {@code site:}
 * @param lang ISO 639-1 code as given in the input, or null to detect
 * @param source channel, lowercase ({@code twitter}, {@code news}, ...)
 * @param country ISO 3166-1 alpha-2
 * @param authorId the author's id
 * @param authorHandle the author's handle, with or without {@code @}
 */
public record MentionFields(
    String id,
    String text,
    String title,
    String url,
    String lang,
    String source,
    String country,
    String authorId,
    String authorHandle) {

  public MentionFields {
    if (text == null) {
      text = "";
    }
  }

  /** A mention with only a text, for {@code ./pantau match} and tests. */
  public static MentionFields ofText(String text) {
    return new MentionFields(null, text, null, null, null, null, null, null, null);
  }
}
