package dev.pantau.keywords.analysis;

/**
 * One token of a text, as {@link SocialTokenizer} cut it.
 *
 * @param kind what the token is
 * @param raw the token as written (a handle or hashtag without its sign, a word without a
 *     possessive)
 * @param start offset of the first char in the text
 * @param end offset after the last char in the text
 */
public record SocialToken(Kind kind, String raw, int start, int end) {

  /** Token kinds; handles and hashtags keep their sign out of {@link #raw()}. */
  public enum Kind {
    WORD,
    HASHTAG,
    HANDLE,
    URL,
    EMAIL,
    EMOJI
  }
}
