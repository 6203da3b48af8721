/**
 * How the streaming job is launched, wherever it runs: its options ({@link
 * dev.pantau.flink.launch.JobOptions} for Kafka, topics and sinks, {@link
 * dev.pantau.flink.launch.PipelineOptions} for windows, time and limits), the loading and checking
 * of the keyword sets and alert rules ({@link dev.pantau.flink.launch.ConfigPaths}), and the topics
 * the job creates before it starts.
 *
 * <p>Two entry points share them: the job jar's {@code main} ({@link
 * dev.pantau.flink.job.PantauJob}, for {@code flink run} on a cluster) and {@code ./pantau run} in
 * the tools module, which adds what only a local mini-cluster needs (its state folder, restarts,
 * the status line, the dashboard). The options are picocli mixins, so both parse the same flags
 * with the same defaults and help texts; broker addresses reach the operators only as {@link
 * dev.pantau.flink.job.KafkaJobOptions}.
 */
package dev.pantau.flink.launch;
