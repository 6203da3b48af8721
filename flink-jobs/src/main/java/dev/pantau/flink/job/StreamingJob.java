package dev.pantau.flink.job;

import dev.pantau.flink.io.KafkaIo;
import dev.pantau.flink.io.MentionDecoder;
import dev.pantau.flink.io.MentionWatermarks;
import dev.pantau.flink.job.alert.AlertNotifierSink;
import dev.pantau.flink.model.Decoded;
import dev.pantau.flink.model.KeywordUpdate;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** Wires the pipeline between Kafka topics, exactly once. */
public final class StreamingJob {
  public static final String JOB_NAME = "Pantau social listening";

  private StreamingJob() {}

  public static PantauPipeline.Outputs build(
      StreamExecutionEnvironment env, KafkaJobOptions kafka, PipelineConfig config) {
    env.enableCheckpointing(kafka.checkpointInterval().toMillis(), CheckpointingMode.EXACTLY_ONCE);
    DataStream<Decoded> decoded =
        env.fromSource(
                KafkaIo.mentionSource(
                    kafka.bootstrap(),
                    kafka.mentionsTopic(),
                    kafka.groupId(),
                    kafka.startFrom(),
                    new MentionDecoder(config.maxRecordBytes())),
                MentionWatermarks.streaming(config.outOfOrderness(), config.idleness()),
                "Mentions from Kafka")
            .uid("mentions-source");
    DataStream<KeywordUpdate> keywordUpdates =
        env.fromSource(
                KafkaIo.keywordUpdateSource(kafka.bootstrap(), kafka.keywordSetsTopic(), kafka.groupId() + "-keyword-sets"),
                WatermarkStrategy.noWatermarks(),
                "Keyword sets from Kafka")
            .uid("keyword-sets-source")
            .setParallelism(1);
    PantauPipeline.Outputs outputs = PantauPipeline.build(decoded, keywordUpdates, config);
    outputs.sinkTo(
        KafkaIo.exactlyOnceSink(kafka.bootstrap(), kafka.kpiTopic(), kafka.transactionalIdPrefix(), kafka.transactionTimeout()),
        KafkaIo.exactlyOnceSink(kafka.bootstrap(), kafka.enrichedTopic(), kafka.transactionalIdPrefix(), kafka.transactionTimeout()),
        KafkaIo.exactlyOnceSink(kafka.bootstrap(), kafka.deadLetterTopic(), kafka.transactionalIdPrefix(), kafka.transactionTimeout()),
        KafkaIo.exactlyOnceSink(kafka.bootstrap(), kafka.alertsTopic(), kafka.transactionalIdPrefix(), kafka.transactionTimeout()));
    if (!config.alerts().rules().isEmpty()) {
      outputs.alertEvents()
          .sinkTo(new AlertNotifierSink(config.alerts()))
          .name("Alert notifications (Slack, webhooks)")
          .uid("sink-alert-notifications")
          .setParallelism(1);
    }
    return outputs;
  }
}
