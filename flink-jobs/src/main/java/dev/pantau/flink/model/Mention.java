package dev.pantau.flink.model;

import dev.pantau.keywords.MentionFields;
import java.util.Objects;

/**
 * A decoded, valid input mention (SPEC §1). A Flink POJO (public fields, no-arg constructor) so
 * that it travels between operators without Kryo; absent optional values are null.
 *
 * <p>A mention that {@link #update} marks is not a new mention: it is a re-crawl of an earlier one
 * and its metric fields hold only the growth since the version seen before.
 */
public class Mention {
  public String id;
  public String source;
  public String text;
  public String title;
  public String url;
  public String lang;
  public String country;
  public long createdAt;

  public String authorId;
  public String authorHandle;
  public String authorName;
  public Long followers;
  public Boolean employee;

  public Long likes;
  public Long comments;
  public Long shares;
  public Long views;
  public Long quotes;
  public Long bookmarks;

  public Long reach;
  public String parentId;
  public Boolean isRepost;

  /** True when this record carries only the metric growth of a mention counted before. */
  public boolean update;

  /**
   * True when the mention came behind the watermark (within the allowed lateness). Decided right
   * behind the source, where replay's watermarks follow the records deterministically; an alert's
   * top terms and samples leave such mentions out, since whether they reach the alert's context
   * before the alert does depends on timing.
   */
  public boolean late;

  public Mention() {}

  /** The key of SPEC §1's uniqueness: the same (source, id) is one mention. */
  public String dedupKey() {
    return source + '\u0000' + id;
  }

  /** How the author is identified for unique-author counts and reach (SPEC §4). */
  public String authorKey() {
    if (authorId != null) {
      return "id:" + authorId;
    }
    if (authorHandle != null) {
      return "h:" + dev.pantau.keywords.Brand.normaliseHandle(authorHandle);
    }
    return "m:" + source + ':' + id;
  }

  /** This mention's potential audience: its own reach when given, else the author's followers. */
  public long potentialReach() {
    if (reach != null) {
      return reach;
    }
    return followers == null ? 0L : followers;
  }

  public long engagementTotal() {
    return dev.pantau.flink.job.kpi.KpiMath.sum(
        n(likes), n(comments), n(shares), n(quotes), n(bookmarks));
  }

  public MentionFields toFields() {
    return new MentionFields(id, text, title, url, lang, source, country, authorId, authorHandle);
  }

  /** A copy (operators must not mutate records they emitted). */
  public Mention copy() {
    Mention m = new Mention();
    m.id = id;
    m.source = source;
    m.text = text;
    m.title = title;
    m.url = url;
    m.lang = lang;
    m.country = country;
    m.createdAt = createdAt;
    m.authorId = authorId;
    m.authorHandle = authorHandle;
    m.authorName = authorName;
    m.followers = followers;
    m.employee = employee;
    m.likes = likes;
    m.comments = comments;
    m.shares = shares;
    m.views = views;
    m.quotes = quotes;
    m.bookmarks = bookmarks;
    m.reach = reach;
    m.parentId = parentId;
    m.isRepost = isRepost;
    m.update = update;
    m.late = late;
    return m;
  }

  static long n(Long v) {
    return v == null ? 0L : v;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Mention m)) {
      return false;
    }
    return createdAt == m.createdAt
        && update == m.update
        && Objects.equals(id, m.id)
        && Objects.equals(source, m.source)
        && Objects.equals(text, m.text)
        && Objects.equals(title, m.title)
        && Objects.equals(url, m.url)
        && Objects.equals(lang, m.lang)
        && Objects.equals(country, m.country)
        && Objects.equals(authorId, m.authorId)
        && Objects.equals(authorHandle, m.authorHandle)
        && Objects.equals(authorName, m.authorName)
        && Objects.equals(followers, m.followers)
        && Objects.equals(employee, m.employee)
        && Objects.equals(likes, m.likes)
        && Objects.equals(comments, m.comments)
        && Objects.equals(shares, m.shares)
        && Objects.equals(views, m.views)
        && Objects.equals(quotes, m.quotes)
        && Objects.equals(bookmarks, m.bookmarks)
        && Objects.equals(reach, m.reach)
        && Objects.equals(parentId, m.parentId)
        && Objects.equals(isRepost, m.isRepost);
  }

  @Override
  public int hashCode() {
    return Objects.hash(source, id, createdAt, update);
  }

  @Override
  public String toString() {
    return "Mention{" + source + ":" + id + " @" + createdAt + (update ? " update" : "") + "}";
  }
}
