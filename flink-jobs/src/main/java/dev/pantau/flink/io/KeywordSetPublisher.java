package dev.pantau.flink.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pantau.keywords.Brand;
import dev.pantau.keywords.KeywordSet;
import dev.pantau.keywords.Topic;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes a keyword set to the compacted {@code keyword-sets} topic (SPEC §2): one record per
 * brand ({@code brand:<id>}) and topic ({@code topic:<id>}), only for entries that changed, and a
 * tombstone for each entry the topic holds that the set no longer has. The running job applies them
 * live.
 */
public final class KeywordSetPublisher implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final String topic;
  private final KafkaProducer<String, String> producer;
  private final Map<String, String> published;

  public KeywordSetPublisher(String bootstrap, String topic) {
    this(bootstrap, topic, Map.of());
  }

  /** {@code clientProperties}: extra producer settings (security, timeouts). */
  public KeywordSetPublisher(String bootstrap, String topic, Map<String, String> clientProperties) {
    this.topic = topic;
    this.published = readCurrent(bootstrap, topic);
    Properties p = new Properties();
    p.putAll(clientProperties);
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    this.producer = new KafkaProducer<>(p);
  }

  /**
   * Publishes what changed since the topic's current content; returns the number of records sent.
   */
  public int publish(KeywordSet set) {
    Map<String, String> wanted = entries(set);
    int sent = 0;
    for (Map.Entry<String, String> e : wanted.entrySet()) {
      if (!e.getValue().equals(published.get(e.getKey()))) {
        producer.send(new ProducerRecord<>(topic, e.getKey(), e.getValue()));
        sent++;
      }
    }
    for (String key : List.copyOf(published.keySet())) {
      if (!wanted.containsKey(key)) {
        producer.send(new ProducerRecord<>(topic, key, null));
        sent++;
      }
    }
    producer.flush();
    published.clear();
    published.putAll(wanted);
    return sent;
  }

  /** The topic records for a set: key to JSON entry with SPEC §2's field names. */
  public static Map<String, String> entries(KeywordSet set) {
    Map<String, String> out = new HashMap<>();
    for (Brand b : set.brands()) {
      ObjectNode o = JSON.createObjectNode();
      o.put("id", b.id());
      o.put("query", b.query());
      o.put("name", b.name());
      if (b.group() != null) {
        o.put("group", b.group());
      }
      array(o, "languages", b.languages());
      array(o, "sources", b.sources());
      array(o, "employees", b.employees().stream().map(h -> "@" + h).toList());
      array(o, "exclude_authors", b.excludeAuthors().stream().map(h -> "@" + h).toList());
      array(o, "exclude_sites", b.excludeSites());
      out.put("brand:" + b.id(), o.toString());
    }
    for (Topic t : set.topics()) {
      ObjectNode o = JSON.createObjectNode();
      o.put("id", t.id());
      o.put("query", t.query());
      if (t.lead()) {
        o.put("lead", true);
      }
      out.put("topic:" + t.id(), o.toString());
    }
    return out;
  }

  private static void array(ObjectNode o, String field, List<String> values) {
    if (!values.isEmpty()) {
      var a = o.putArray(field);
      values.forEach(a::add);
    }
  }

  /** The topic's current entries (last value per key, tombstones removed). */
  private static Map<String, String> readCurrent(String bootstrap, String topic) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    Map<String, String> current = new HashMap<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
      List<TopicPartition> parts =
          consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
              .map(i -> new TopicPartition(topic, i.partition()))
              .toList();
      consumer.assign(parts);
      consumer.seekToBeginning(parts);
      Map<TopicPartition, Long> end = consumer.endOffsets(parts);
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (parts.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))
          && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
          if (r.value() == null) {
            current.remove(r.key());
          } else {
            current.put(r.key(), r.value());
          }
        }
      }
    }
    return current;
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(10));
  }
}
