package dev.pantau.flink.io;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Makes sure the topics a job uses exist before it starts (SPEC preamble). The exactly-once sinks
 * list open transactions per topic when they start, so a missing output topic fails the job at
 * once, even on a broker that creates topics automatically: the topics must exist first.
 *
 * <p>Output topics are created with {@code message.timestamp.type=LogAppendTime}: retention then
 * counts from when a KPI was written, never from the (possibly months old) event time of its
 * mentions. The control topic {@code keyword-sets} is compacted.
 */
public final class TopicProvisioner implements AutoCloseable {
  public static final int DEFAULT_PARTITIONS = 3;
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  /** What a topic is for: it decides the topic's configuration. */
  public enum Role {
    INPUT,
    CONTROL,
    OUTPUT
  }

  /** One topic the job reads or writes. */
  public record Spec(String name, Role role) {
    public Spec {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("a topic name is required");
      }
    }

    Map<String, String> configs() {
      return switch (role) {
        case INPUT -> Map.of();
        case CONTROL ->
            Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
        case OUTPUT -> Map.of(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "LogAppendTime");
      };
    }
  }

  private final Admin admin;
  private final String bootstrap;

  public TopicProvisioner(String bootstrap) {
    this(bootstrap, Map.of());
  }

  /** {@code clientProperties}: extra admin client settings (security, timeouts). */
  public TopicProvisioner(String bootstrap, Map<String, String> clientProperties) {
    this.bootstrap = bootstrap;
    Properties p = new Properties();
    p.putAll(clientProperties);
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
    p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
    p.put(AdminClientConfig.CLIENT_ID_CONFIG, "pantau-topics");
    this.admin = Admin.create(p);
  }

  /** The topics of {@code specs} that the broker does not have, in the order given. */
  public List<String> missing(List<Spec> specs) {
    Set<String> existing = await(admin.listTopics().names(), "list the topics");
    List<String> out = new ArrayList<>();
    for (Spec s : specs) {
      if (!existing.contains(s.name()) && !out.contains(s.name())) {
        out.add(s.name());
      }
    }
    return out;
  }

  /**
   * Creates the missing topics of {@code specs}; returns the names created. {@code
   * replicationFactor} empty means the broker's default.
   */
  public List<String> createMissing(
      List<Spec> specs, int partitions, Optional<Short> replicationFactor) {
    if (partitions < 1) {
      throw new IllegalArgumentException("partitions must be at least 1: " + partitions);
    }
    List<String> missing = missing(specs);
    Map<String, NewTopic> create = new LinkedHashMap<>();
    for (Spec s : specs) {
      if (missing.contains(s.name()) && !create.containsKey(s.name())) {
        create.put(
            s.name(),
            new NewTopic(s.name(), Optional.of(partitions), replicationFactor)
                .configs(s.configs()));
      }
    }
    if (create.isEmpty()) {
      return List.of();
    }
    try {
      admin.createTopics(create.values()).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      // another process created one of them at the same moment: that is what we wanted
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new KafkaUnavailableException(
            "could not create topics "
                + create.keySet()
                + " on "
                + bootstrap
                + ": "
                + e.getCause().getMessage(),
            e.getCause());
      }
    } catch (TimeoutException e) {
      throw new KafkaUnavailableException(
          "no answer from Kafka at " + bootstrap + " within " + TIMEOUT.toSeconds() + " s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KafkaUnavailableException("interrupted while creating topics", e);
    }
    return List.copyOf(create.keySet());
  }

  /** The cluster's id: tells one Kafka cluster from another, whatever address it is reached by. */
  public String clusterId() {
    return await(admin.describeCluster().clusterId(), "describe the cluster");
  }

  /** The topic's id, which changes when a topic is deleted and created again. */
  public String topicId(String topic) {
    return await(admin.describeTopics(List.of(topic)).allTopicNames(), "describe topic " + topic)
        .get(topic)
        .topicId()
        .toString();
  }

  private <T> T await(org.apache.kafka.common.KafkaFuture<T> future, String what) {
    try {
      return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new KafkaUnavailableException(
          "could not " + what + " on Kafka at " + bootstrap + ": " + e.getCause().getMessage(),
          e.getCause());
    } catch (TimeoutException e) {
      throw new KafkaUnavailableException(
          "no answer from Kafka at "
              + bootstrap
              + " within "
              + TIMEOUT.toSeconds()
              + " s (could not "
              + what
              + ")",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KafkaUnavailableException("interrupted", e);
    }
  }

  @Override
  public void close() {
    admin.close(Duration.ofSeconds(5));
  }

  /** Kafka could not be reached or refused an administrative request. */
  public static final class KafkaUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    KafkaUnavailableException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
