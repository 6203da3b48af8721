package dev.pantau.flink.job.enrich;

import dev.pantau.flink.model.EnrichedMention;
import dev.pantau.flink.model.KeywordUpdate;
import dev.pantau.flink.model.Mention;
import dev.pantau.keywords.KeywordSet;
import dev.pantau.keywords.KeywordSetException;
import dev.pantau.keywords.sentiment.SentimentScorer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.TwoInputStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.util.InstantiationUtil;

/**
 * Matches mentions (input 1) against the keyword set and scores their sentiment; applies keyword-set
 * updates from the {@code keyword-sets} topic (input 2, broadcast) without a restart.
 *
 * <p>Batching: Lucene's monitor matches a batch of documents many times faster than one document at a
 * time, so mentions are buffered. Batching must not delay or reorder anything: the buffer is flushed
 * when full, on a short processing-time timer (a lone mention at night is not held back), before a
 * watermark is forwarded (no buffered mention turns late), before a checkpoint barrier (the buffer is
 * never part of a snapshot) and before a keyword update is applied (each mention is matched against the
 * version that was active when it arrived).
 *
 * <p>Keyword updates: an invalid update is rejected whole, logged with the id, position and reason, and
 * counted; the last good set stays active. The active set lives in broadcast state, so it survives
 * restarts. The control input has no event time: its watermarks are ignored, so it never holds back
 * the windows. Emits only mentions that matched a brand.
 */
public class EnrichMentionsOperator extends AbstractStreamOperator<EnrichedMention>
    implements TwoInputStreamOperator<Mention, KeywordUpdate, EnrichedMention> {
  private static final long serialVersionUID = 1L;

  public static final int DEFAULT_BATCH_SIZE = 256;
  public static final Duration DEFAULT_MAX_DELAY = Duration.ofMillis(100);
  public static final String ACC_MATCHED_PREFIX = "matched.";
  public static final String MATCHED_METRIC = "matchedMentions";
  public static final String UNMATCHED_METRIC = "unmatchedMentions";
  public static final String VERSION_METRIC = "keywordSetVersion";
  public static final String REJECTED_METRIC = "keywordUpdatesRejected";

  static final MapStateDescriptor<String, byte[]> KEYWORD_STATE =
      new MapStateDescriptor<>("keyword-set", Types.STRING, PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO);
  private static final String SET_KEY = "set";
  private static final String VERSION_KEY = "version";

  private final KeywordSet initialSet;
  private final boolean sentiment;
  private final int batchSize;
  private final long maxDelayMillis;

  private transient BroadcastState<String, byte[]> keywordState;
  private transient KeywordSet activeSet;
  private transient long version;
  private transient MentionEnricher enricher;
  private transient List<Mention> buffer;
  private transient long[] timestamps;
  private transient boolean timerPending;
  private transient Counter matched;
  private transient Counter unmatched;
  private transient Counter rejected;

  public EnrichMentionsOperator(KeywordSet initialSet, boolean sentiment, int batchSize, Duration maxDelay) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be at least 1: " + batchSize);
    }
    this.initialSet = initialSet;
    this.sentiment = sentiment;
    this.batchSize = batchSize;
    this.maxDelayMillis = Math.max(1, maxDelay.toMillis());
  }

  @Override
  public void initializeState(StateInitializationContext context) throws Exception {
    super.initializeState(context);
    keywordState = context.getOperatorStateStore().getBroadcastState(KEYWORD_STATE);
    byte[] stored = keywordState.get(SET_KEY);
    if (stored != null) {
      activeSet = InstantiationUtil.deserializeObject(stored, getUserCodeClassloader());
      version = Long.parseLong(new String(keywordState.get(VERSION_KEY), java.nio.charset.StandardCharsets.UTF_8));
    } else {
      activeSet = initialSet;
      version = 1;
      storeActiveSet();
    }
  }

  /** Broadcast state is a heap map snapshotted as it stands: it is written only when the set changes. */
  private void storeActiveSet() throws Exception {
    keywordState.put(SET_KEY, InstantiationUtil.serializeObject(activeSet));
    keywordState.put(VERSION_KEY, Long.toString(version).getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  @Override
  public void open() throws Exception {
    super.open();
    enricher = new MentionEnricher(activeSet, sentiment ? SentimentScorer.create() : null, false);
    buffer = new ArrayList<>(batchSize);
    timestamps = new long[batchSize];
    matched = getMetricGroup().counter(MATCHED_METRIC);
    unmatched = getMetricGroup().counter(UNMATCHED_METRIC);
    rejected = getMetricGroup().counter(REJECTED_METRIC);
    getMetricGroup().gauge(VERSION_METRIC, () -> version);
    LOG.info("Keyword set version {} active: {} brands, {} topics", version, activeSet.brands().size(), activeSet.topics().size());
  }

  @Override
  public void processElement1(StreamRecord<Mention> element) throws Exception {
    timestamps[buffer.size()] = element.getTimestamp();
    buffer.add(element.getValue());
    if (buffer.size() >= batchSize) {
      flush();
    } else if (!timerPending) {
      timerPending = true;
      long now = getProcessingTimeService().getCurrentProcessingTime();
      getProcessingTimeService().registerTimer(now + maxDelayMillis, t -> {
        timerPending = false;
        flush();
      });
    }
  }

  @Override
  public void processElement2(StreamRecord<KeywordUpdate> element) throws Exception {
    flush();
    KeywordUpdate update = element.getValue();
    try {
      KeywordSet next = KeywordSetUpdates.apply(activeSet, update);
      enricher.update(next);
      activeSet = next;
      version++;
      storeActiveSet();
      LOG.info(
          "Keyword set version {} active: {} brands, {} topics (after {})",
          version, activeSet.brands().size(), activeSet.topics().size(), update);
    } catch (KeywordSetException e) {
      rejected.inc();
      LOG.warn("Rejected keyword update {}; version {} stays active:\n{}", update, version, e.getMessage());
    }
  }

  @Override
  public void processWatermark1(Watermark mark) throws Exception {
    flush();
    // the control input carries no event time: only the mentions' watermark counts
    super.processWatermark(mark);
  }

  @Override
  public void processWatermark2(Watermark mark) {
    // ignored on purpose: see the class comment
  }

  @Override
  public void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
    flush();
    super.prepareSnapshotPreBarrier(checkpointId);
  }

  @Override
  public void finish() throws Exception {
    flush();
    super.finish();
  }

  /** The version of the keyword set in use (1 for the set the job started with). */
  public long keywordSetVersion() {
    return version;
  }

  private void flush() {
    if (buffer.isEmpty()) {
      return;
    }
    List<EnrichedMention> results = enricher.enrich(buffer);
    for (int i = 0; i < results.size(); i++) {
      EnrichedMention em = results.get(i);
      if (em.matched()) {
        matched.inc();
        if (!em.mention.update) {
          for (String brand : em.brands) {
            getRuntimeContext().getLongCounter(ACC_MATCHED_PREFIX + brand).add(1);
          }
        }
        output.collect(new StreamRecord<>(em, timestamps[i]));
      } else {
        unmatched.inc();
      }
    }
    buffer.clear();
  }

  @Override
  public void close() throws Exception {
    if (enricher != null) {
      enricher.close();
    }
    super.close();
  }
}
