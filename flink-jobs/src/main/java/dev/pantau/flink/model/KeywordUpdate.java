package dev.pantau.flink.model;

/**
 * One record of the compacted {@code keyword-sets} topic (SPEC §2): key {@code brand:<id>} or
 * {@code topic:<id>}, value one entry as JSON, or null to delete it. {@link #origin} says where it
 * came from, for error messages.
 */
public class KeywordUpdate {
  public String key;
  public String json;
  public String origin;

  public KeywordUpdate() {}

  public KeywordUpdate(String key, String json, String origin) {
    this.key = key;
    this.json = json;
    this.origin = origin;
  }

  public boolean deletes() {
    return json == null;
  }

  @Override
  public String toString() {
    return key + (json == null ? " (delete)" : "") + " from " + origin;
  }
}
