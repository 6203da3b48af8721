package dev.pantau.flink.io;

/** An output record ready for a sink: its Kafka key (null for none) and its JSON text. */
public class KeyedJson {
  public String key;
  public String json;

  /** Where a sorting file sink puts the record; null when order of arrival is the order. */
  public String sortKey;

  public KeyedJson() {}

  public KeyedJson(String key, String json) {
    this.key = key;
    this.json = json;
  }

  @Override
  public String toString() {
    return json;
  }
}
