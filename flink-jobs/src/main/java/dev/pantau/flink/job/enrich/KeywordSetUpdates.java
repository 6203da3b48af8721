package dev.pantau.flink.job.enrich;

import dev.pantau.flink.model.KeywordUpdate;
import dev.pantau.keywords.Brand;
import dev.pantau.keywords.KeywordError;
import dev.pantau.keywords.KeywordSet;
import dev.pantau.keywords.KeywordSetException;
import dev.pantau.keywords.KeywordSetLoader;
import dev.pantau.keywords.Topic;
import java.util.ArrayList;
import java.util.List;

/** Applies one {@code keyword-sets} record to a keyword set, giving a new one (SPEC §2). */
public final class KeywordSetUpdates {
  public static final String BRAND_PREFIX = "brand:";
  public static final String TOPIC_PREFIX = "topic:";

  private KeywordSetUpdates() {}

  public static KeywordSet apply(KeywordSet current, KeywordUpdate update)
      throws KeywordSetException {
    String key = update.key == null ? "" : update.key;
    if (key.startsWith(BRAND_PREFIX)) {
      String id = key.substring(BRAND_PREFIX.length());
      List<Brand> brands = new ArrayList<>(current.brands());
      brands.removeIf(b -> b.id().equals(id));
      if (!update.deletes()) {
        Brand b = KeywordSetLoader.parseBrandJson(update.json, update.origin);
        requireSameId(update, id, b.id(), "brand");
        brands.add(b);
      }
      return new KeywordSet(brands, current.topics());
    }
    if (key.startsWith(TOPIC_PREFIX)) {
      String id = key.substring(TOPIC_PREFIX.length());
      List<Topic> topics = new ArrayList<>(current.topics());
      topics.removeIf(t -> t.id().equals(id));
      if (!update.deletes()) {
        Topic t = KeywordSetLoader.parseTopicJson(update.json, update.origin);
        requireSameId(update, id, t.id(), "topic");
        topics.add(t);
      }
      return new KeywordSet(current.brands(), topics);
    }
    throw new KeywordSetException(
        List.of(
            new KeywordError(
                update.origin,
                "file",
                key,
                -1,
                "key must be brand:<id> or topic:<id>, got \"" + key + "\"")));
  }

  private static void requireSameId(KeywordUpdate u, String keyId, String entryId, String kind)
      throws KeywordSetException {
    if (!keyId.equals(entryId)) {
      throw new KeywordSetException(
          List.of(
              new KeywordError(
                  u.origin,
                  kind,
                  entryId,
                  -1,
                  "key " + u.key + " does not match the entry's id " + entryId)));
    }
  }
}
