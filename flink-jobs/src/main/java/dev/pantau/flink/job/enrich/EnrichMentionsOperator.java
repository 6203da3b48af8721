package dev.pantau.flink.job.enrich;

import dev.pantau.flink.io.KeywordSetPublisher;
import dev.pantau.flink.model.EnrichedMention;
import dev.pantau.flink.model.KeywordUpdate;
import dev.pantau.flink.model.Mention;
import dev.pantau.keywords.KeywordSet;
import dev.pantau.keywords.KeywordSetException;
import dev.pantau.keywords.sentiment.SentimentScorer;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.TwoInputStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * Matches mentions (input 1) against the keyword set and scores their sentiment; applies
 * keyword-set updates from the {@code keyword-sets} topic (input 2, broadcast) without a restart.
 *
 * <p>Each mention is matched as it arrives, against the version of the set active at that moment:
 * the matcher picks candidate queries per mention by hash lookup, so buffering mentions into
 * batches (which Lucene's monitor needs to be fast) would buy nothing and only add delay. Nothing
 * is held in the operator between records, so watermarks and checkpoint barriers pass straight
 * through.
 *
 * <p>Keyword updates: an invalid update is rejected whole, logged with the id, position and reason,
 * and counted; the last good set stays active. The active set lives in broadcast state, so it
 * survives restarts. The control input has no event time: its watermarks are ignored, so it never
 * holds back the windows. Emits only mentions that matched a brand.
 */
public class EnrichMentionsOperator extends AbstractStreamOperator<EnrichedMention>
    implements TwoInputStreamOperator<Mention, KeywordUpdate, EnrichedMention> {
  private static final long serialVersionUID = 1L;

  public static final String ACC_MATCHED_PREFIX = "matched.";

  /** Per brand: mentions on which the brand's query overflowed its wildcard expansion limit. */
  public static final String ACC_OVERFLOW_PREFIX = "expansion_overflow.";

  public static final String OVERFLOW_METRIC = "expansionOverflows";
  public static final String MATCHED_METRIC = "matchedMentions";
  public static final String UNMATCHED_METRIC = "unmatchedMentions";
  public static final String VERSION_METRIC = "keywordSetVersion";
  public static final String REJECTED_METRIC = "keywordUpdatesRejected";

  /**
   * Queries that threw on a mention (logged with query and mention id; the rest of the set still
   * matched).
   */
  public static final String QUERY_ERRORS_METRIC = "keywordQueryErrors";

  /**
   * The active set as the entries of the {@code keyword-sets} topic ({@code brand:<id>} or {@code
   * topic:<id>} to the entry's JSON) plus its version: text that any later version of the classes
   * reads, where Java serialization of {@code KeywordSet} would break with the first change.
   */
  static final MapStateDescriptor<String, String> KEYWORD_STATE =
      new MapStateDescriptor<>("keyword-set-entries", Types.STRING, Types.STRING);

  private static final String VERSION_KEY = "version";

  private final KeywordSet initialSet;
  private final boolean sentiment;

  private transient BroadcastState<String, String> keywordState;
  private transient KeywordSet activeSet;
  private transient long version;
  private transient MentionEnricher enricher;
  private transient Counter matched;
  private transient Counter unmatched;
  private transient Counter rejected;
  private transient Counter overflows;
  private transient java.util.Map<String, Counter> overflowsByBrand;

  public EnrichMentionsOperator(KeywordSet initialSet, boolean sentiment) {
    this.initialSet = initialSet;
    this.sentiment = sentiment;
  }

  @Override
  public void initializeState(StateInitializationContext context) throws Exception {
    super.initializeState(context);
    keywordState = context.getOperatorStateStore().getBroadcastState(KEYWORD_STATE);
    String storedVersion = keywordState.get(VERSION_KEY);
    if (storedVersion != null) {
      KeywordSet restored = KeywordSet.EMPTY;
      java.util.TreeMap<String, String> entries = new java.util.TreeMap<>();
      for (java.util.Map.Entry<String, String> e : keywordState.entries()) {
        if (!e.getKey().equals(VERSION_KEY)) {
          entries.put(e.getKey(), e.getValue());
        }
      }
      for (java.util.Map.Entry<String, String> e : entries.entrySet()) {
        restored =
            KeywordSetUpdates.apply(
                restored, new KeywordUpdate(e.getKey(), e.getValue(), "restored state"));
      }
      activeSet = restored;
      version = Long.parseLong(storedVersion);
    } else {
      activeSet = initialSet;
      version = 1;
      storeActiveSet();
    }
  }

  /**
   * Broadcast state is a heap map snapshotted as it stands: it is written only when the set
   * changes.
   */
  private void storeActiveSet() throws Exception {
    keywordState.clear();
    keywordState.putAll(KeywordSetPublisher.entries(activeSet));
    keywordState.put(VERSION_KEY, Long.toString(version));
  }

  /** The scorer this subtask's enricher uses, null before {@link #open()} or without sentiment. */
  SentimentScorer sentimentScorer() {
    return enricher == null ? null : enricher.scorer();
  }

  @Override
  public void open() throws Exception {
    super.open();
    enricher = new MentionEnricher(activeSet, sentiment ? SharedScorer.INSTANCE : null, false);
    matched = getMetricGroup().counter(MATCHED_METRIC);
    unmatched = getMetricGroup().counter(UNMATCHED_METRIC);
    rejected = getMetricGroup().counter(REJECTED_METRIC);
    overflows = getMetricGroup().counter(OVERFLOW_METRIC);
    overflowsByBrand = new java.util.HashMap<>();
    getMetricGroup().gauge(VERSION_METRIC, () -> version);
    getMetricGroup().gauge(QUERY_ERRORS_METRIC, () -> enricher.queryErrorCount());
    LOG.info(
        "Keyword set version {} active: {} brands, {} topics",
        version,
        activeSet.brands().size(),
        activeSet.topics().size());
  }

  @Override
  public void processElement1(StreamRecord<Mention> element) {
    EnrichedMention em = enricher.enrich(element.getValue());
    for (String brand : em.overflowedBrands) {
      overflows.inc();
      getRuntimeContext().getLongCounter(ACC_OVERFLOW_PREFIX + brand).add(1);
      // one counter per brand, registered once: a second registration of the name would be ignored
      overflowsByBrand
          .computeIfAbsent(
              brand, b -> getMetricGroup().addGroup("brand", b).counter(OVERFLOW_METRIC))
          .inc();
    }
    if (!em.matched()) {
      unmatched.inc();
      return;
    }
    matched.inc();
    if (!em.mention.update) {
      for (String brand : em.brands) {
        getRuntimeContext().getLongCounter(ACC_MATCHED_PREFIX + brand).add(1);
      }
    }
    output.collect(element.replace(em));
  }

  @Override
  public void processElement2(StreamRecord<KeywordUpdate> element) throws Exception {
    KeywordUpdate update = element.getValue();
    try {
      KeywordSet next = KeywordSetUpdates.apply(activeSet, update);
      enricher.update(next);
      activeSet = next;
      version++;
      storeActiveSet();
      LOG.info(
          "Keyword set version {} active: {} brands, {} topics (after {})",
          version,
          activeSet.brands().size(),
          activeSet.topics().size(),
          update);
    } catch (KeywordSetException e) {
      rejected.inc();
      LOG.warn(
          "Rejected keyword update {}; version {} stays active:\n{}",
          update,
          version,
          e.getMessage());
    }
  }

  @Override
  public void processWatermark1(Watermark mark) throws Exception {
    // the control input carries no event time: only the mentions' watermark counts
    super.processWatermark(mark);
  }

  @Override
  public void processWatermark2(Watermark mark) {
    // ignored on purpose: see the class comment
  }

  /** The version of the keyword set in use (1 for the set the job started with). */
  public long keywordSetVersion() {
    return version;
  }

  @Override
  public void close() throws Exception {
    if (enricher != null) {
      enricher.close();
    }
    super.close();
  }

  /**
   * One sentiment scorer per TaskManager and job (this class's class loader), made on first use: it
   * is immutable and thread-safe, and its models and word vectors take 50 MB of heap, 30 MB of
   * which a copy per slot repeated (the word vectors were already shared). With two slots in a 1 GB
   * TaskManager (154 MB of heap) the copies of a failover's new subtasks, made while the old ones
   * were still held, ran out of heap in {@code SentimentModel.read} (ClusterITCase).
   */
  private static final class SharedScorer {
    static final SentimentScorer INSTANCE = SentimentScorer.create();
  }
}
