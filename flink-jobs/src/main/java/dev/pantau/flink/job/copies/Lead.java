package dev.pantau.flink.job.copies;

import java.util.ArrayList;
import java.util.List;

/**
 * A social lead (SPEC §4b): a brand mention matching a lead topic, not by an employee, not a copy.
 */
public class Lead {
  public String brand;
  public String id;
  public String source;
  public List<String> topics = new ArrayList<>();
  public String authorHandle;
  public Long authorFollowers;
  public String text;
  public String url;
  public long createdAt;
  public String lang;
  public String sentiment;

  public Lead() {}

  public static Lead of(BrandPost p) {
    Lead l = new Lead();
    l.brand = p.brand;
    l.id = p.em.mention.id;
    l.source = p.em.mention.source;
    l.topics = new ArrayList<>(p.em.leadTopics);
    l.authorHandle = p.em.mention.authorHandle;
    l.authorFollowers = p.em.mention.followers;
    l.text = p.em.mention.text;
    l.url = p.em.mention.url;
    l.createdAt = p.em.mention.createdAt;
    l.lang = p.em.lang;
    l.sentiment = p.em.sentimentLabel;
    return l;
  }

  /** The upsert key: source, id and brand. */
  public String key() {
    return source + ':' + id + '|' + brand;
  }
}
