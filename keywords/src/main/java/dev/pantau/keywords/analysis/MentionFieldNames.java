package dev.pantau.keywords.analysis;

/** Names of the fields a mention is indexed under; queries compile against the same names. */
public final class MentionFieldNames {

  /** Title and text, analysed: words, hashtag and handle forms, repeated-letter variants, stems. */
  public static final String BODY = "body";

  /** The title alone, analysed like {@link #BODY} at the same positions. */
  public static final String TITLE = "title";

  /** Title and text as written (no lowercasing, no folding), for {@code raw:}. */
  public static final String RAW = "raw";

  /** The author's handle (lowercase, no {@code @}) and id. */
  public static final String AUTHOR = "author";

  /** The host of {@code url} and every parent domain of it. */
  public static final String SITE = "site";

  public static final String LANG = "lang";
  public static final String SOURCE = "source";
  public static final String COUNTRY = "country";

  /**
   * The first {@value #PREFIX_LENGTH} and the first {@value #LONG_PREFIX_LENGTH} chars of every
   * body word: lets the presearcher pick a wildcard query only for mentions holding a word that
   * starts like its pattern. The longer prefix keeps {@code telkom*} from being a candidate for
   * every mention with a word starting {@code tel}.
   */
  public static final String PREFIX = "pfx";

  public static final int PREFIX_LENGTH = 3;
  public static final int LONG_PREFIX_LENGTH = 5;

  /**
   * The {@link #PREFIX} term a wildcard with this literal start (before any {@code *} or {@code ?})
   * filters on.
   */
  public static String prefixTerm(String literal) {
    return literal.substring(
        0, literal.length() >= LONG_PREFIX_LENGTH ? LONG_PREFIX_LENGTH : PREFIX_LENGTH);
  }

  /**
   * Positions between the title and the text, larger than any allowed NEAR distance, so a phrase or
   * a NEAR never spans the two.
   */
  public static final int TITLE_TEXT_GAP = 1000;

  private MentionFieldNames() {}
}
