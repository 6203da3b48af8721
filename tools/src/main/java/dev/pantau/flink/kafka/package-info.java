/**
 * A real Kafka broker for the demo and the tests, without Docker or an installed Kafka.
 *
 * <p>{@link dev.pantau.flink.kafka.LocalKafkaBroker} starts a single-node Kafka 4.2 broker in KRaft
 * mode (combined broker and controller) in a <em>child JVM</em> from the Kafka jars already on this
 * JVM's class path. A child process rather than an in-process server keeps the broker's threads,
 * memory and logging away from the Flink mini-cluster, lets it bind to {@code 127.0.0.1} only
 * (Kafka's in-JVM test kit always listens on every interface), and makes shutting it down absolute:
 * closing the facade destroys the process, a shutdown hook does the same when the caller forgets,
 * and the child itself exits when its standard input closes, so even a parent killed with {@code
 * SIGKILL} leaves no broker behind (see {@link dev.pantau.flink.kafka.LocalKafkaBrokerMain}).
 *
 * <p>The broker is configured for one node: every internal topic (consumer offsets, transaction
 * state, share-group state) has replication factor 1 and min ISR 1, consumer groups start without
 * the initial rebalance delay, and transactions may last up to {@link
 * dev.pantau.flink.kafka.LocalKafkaBroker#TRANSACTION_MAX_TIMEOUT} so that Flink's exactly-once
 * Kafka sink, whose default transaction timeout is one hour, is accepted.
 *
 * <pre>{@code
 * try (LocalKafkaBroker kafka = LocalKafkaBroker.start(workDir)) {
 *   kafka.createTopics(3, "mentions", "kpi-series");
 *   kafka.createCompactedTopic("keyword-sets");
 *   String bootstrap = kafka.bootstrapServers();   // "127.0.0.1:<port>"
 * }
 * }</pre>
 */
package dev.pantau.flink.kafka;
