package dev.pantau.flink.job;

import dev.pantau.alerts.Alert;
import dev.pantau.flink.io.KeyedJson;
import dev.pantau.flink.io.OutputGuard;
import dev.pantau.flink.io.OutputJson;
import dev.pantau.flink.io.Topics;
import dev.pantau.flink.job.advocacy.AdvocacyLeaderboard;
import dev.pantau.flink.job.advocacy.AdvocacyRow;
import dev.pantau.flink.job.alert.AlertContextFunction;
import dev.pantau.flink.job.alert.AlertEvent;
import dev.pantau.flink.job.alert.AlertRules;
import dev.pantau.flink.job.alert.EvaluateAlertRules;
import dev.pantau.flink.job.alert.RouteToRules;
import dev.pantau.flink.job.alert.RulePoint;
import dev.pantau.flink.job.alert.SlidingKpiWindows;
import dev.pantau.flink.job.alert.ToBrandMentions;
import dev.pantau.flink.job.copies.BrandPost;
import dev.pantau.flink.job.copies.CopyDetector;
import dev.pantau.flink.job.copies.Lead;
import dev.pantau.flink.job.copies.ToBrandPosts;
import dev.pantau.flink.job.decode.SplitDecoded;
import dev.pantau.flink.job.dedup.DeduplicateMentions;
import dev.pantau.flink.job.enrich.EnrichMentionsOperator;
import dev.pantau.flink.job.followers.ResolveReadingBrands;
import dev.pantau.flink.job.kpi.DistinctAuthors;
import dev.pantau.flink.job.kpi.KpiContribution;
import dev.pantau.flink.job.kpi.KpiRecord;
import dev.pantau.flink.job.kpi.KpiWindowFunction;
import dev.pantau.flink.job.kpi.ShareOfVoice;
import dev.pantau.flink.job.kpi.ToKpiContributions;
import dev.pantau.flink.job.kpi.WindowSpec;
import dev.pantau.flink.job.output.GuardOutput;
import dev.pantau.flink.job.targets.TargetFeed;
import dev.pantau.flink.job.targets.TargetRecord;
import dev.pantau.flink.job.targets.TrackTargets;
import dev.pantau.flink.model.DeadLetter;
import dev.pantau.flink.model.Decoded;
import dev.pantau.flink.model.EnrichedMention;
import dev.pantau.flink.model.KeywordUpdate;
import dev.pantau.flink.model.Mention;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.util.Collector;

/**
 * The job graph, wired from named operators: decoded mentions in; KPI records, enriched mentions,
 * alerts and dead letters out. Sources and sinks are passed in, so the same graph runs on Kafka,
 * over a file in replay, and in tests. Every stateful operator has a stable uid, so savepoints
 * survive changes.
 */
public final class PantauPipeline {
  private PantauPipeline() {}

  /** The job's outputs. The JSON streams are ready for a sink. */
  public record Outputs(
      DataStream<KeyedJson> kpis,
      DataStream<KeyedJson> enriched,
      DataStream<KeyedJson> deadLetters,
      DataStream<AlertEvent> alertEvents,
      DataStream<KeyedJson> alerts,
      DataStream<KeyedJson> leads,
      DataStream<KeyedJson> advocacy,
      DataStream<KeyedJson> targets) {

    /** The outputs without leads, advocacy and target progress (the graphs of some tests). */
    public Outputs(
        DataStream<KeyedJson> kpis,
        DataStream<KeyedJson> enriched,
        DataStream<KeyedJson> deadLetters,
        DataStream<AlertEvent> alertEvents,
        DataStream<KeyedJson> alerts) {
      this(kpis, enriched, deadLetters, alertEvents, alerts, null, null, null);
    }

    /** Target progress as a single file, at parallelism 1 like {@link #sinkToFiles}. */
    public void sinkTargetsToFile(Sink<KeyedJson> targetSink) {
      if (targets != null) {
        targets
            .sinkTo(targetSink)
            .name(SINGLE_FILE_PREFIX + "targets" + SINGLE_FILE_SUFFIX)
            .uid("sink-targets")
            .setParallelism(1);
      }
    }

    /** Attaches the target-progress sink (SPEC §4d), when the job tracks targets. */
    public void sinkTargetsTo(Sink<KeyedJson> targetSink) {
      if (targets != null) {
        targets.sinkTo(targetSink).name("Targets sink").uid("sink-targets");
      }
    }

    /** Attaches one sink per output, at the job's parallelism (Kafka, PostgreSQL). */
    public void sinkTo(
        Sink<KeyedJson> kpiSink,
        Sink<KeyedJson> enrichedSink,
        Sink<KeyedJson> deadLetterSink,
        Sink<KeyedJson> alertSink) {
      kpis.sinkTo(kpiSink).name("KPI series sink").uid("sink-kpi-series");
      enriched.sinkTo(enrichedSink).name("Enriched mentions sink").uid("sink-mentions-enriched");
      deadLetters.sinkTo(deadLetterSink).name("Dead-letter sink").uid("sink-dead-letter");
      alerts.sinkTo(alertSink).name("Alerts sink").uid("sink-alerts");
    }

    /**
     * Attaches one single-file sink per output at parallelism 1, whatever the job's: one writer per
     * file is what makes replay's files ordered and byte-identical (the name says so in the job
     * graph).
     */
    public void sinkToFiles(
        Sink<KeyedJson> kpiSink,
        Sink<KeyedJson> enrichedSink,
        Sink<KeyedJson> deadLetterSink,
        Sink<KeyedJson> alertSink) {
      kpis.sinkTo(kpiSink)
          .name(SINGLE_FILE_PREFIX + "KPI series" + SINGLE_FILE_SUFFIX)
          .uid("sink-kpi-series")
          .setParallelism(1);
      enriched
          .sinkTo(enrichedSink)
          .name(SINGLE_FILE_PREFIX + "enriched mentions" + SINGLE_FILE_SUFFIX)
          .uid("sink-mentions-enriched")
          .setParallelism(1);
      deadLetters
          .sinkTo(deadLetterSink)
          .name(SINGLE_FILE_PREFIX + "dead letters" + SINGLE_FILE_SUFFIX)
          .uid("sink-dead-letter")
          .setParallelism(1);
      alerts
          .sinkTo(alertSink)
          .name(SINGLE_FILE_PREFIX + "alerts" + SINGLE_FILE_SUFFIX)
          .uid("sink-alerts")
          .setParallelism(1);
    }

    /** Attaches the sinks of the leads (SPEC §4b) and the advocacy leaderboard (SPEC §4c). */
    public void sinkLeadsAndAdvocacyTo(Sink<KeyedJson> leadSink, Sink<KeyedJson> advocacySink) {
      leads.sinkTo(leadSink).name("Leads sink").uid("sink-leads");
      advocacy.sinkTo(advocacySink).name("Advocacy sink").uid("sink-advocacy");
    }

    /**
     * The leads and the leaderboard as single files, at parallelism 1 like {@link #sinkToFiles}.
     */
    public void sinkLeadsAndAdvocacyToFiles(
        Sink<KeyedJson> leadSink, Sink<KeyedJson> advocacySink) {
      leads
          .sinkTo(leadSink)
          .name(SINGLE_FILE_PREFIX + "leads" + SINGLE_FILE_SUFFIX)
          .uid("sink-leads")
          .setParallelism(1);
      advocacy
          .sinkTo(advocacySink)
          .name(SINGLE_FILE_PREFIX + "advocacy" + SINGLE_FILE_SUFFIX)
          .uid("sink-advocacy")
          .setParallelism(1);
    }
  }

  /** Names of the operators that run at parallelism 1 whatever the job's, saying why. */
  public static final String SINGLE_FILE_PREFIX = "File of ";

  public static final String SINGLE_FILE_SUFFIX =
      " (parallelism 1: one writer keeps one ordered, byte-identical file)";
  public static final String KEYWORD_SETS_SOURCE =
      "Keyword sets from Kafka (parallelism 1: a few control records, one ordered stream broadcast to every matcher)";
  public static final String NOTIFIER =
      "Alert notifications, Slack and webhooks (parallelism 1: a few alerts, one delivery queue and retry budget per channel)";

  /** The graph with the keyword set of {@code config} fixed for the whole run (replay, tests). */
  public static Outputs build(DataStream<Decoded> decoded, PipelineConfig config) {
    DataStream<KeywordUpdate> none =
        decoded
            .flatMap((Decoded d, Collector<KeywordUpdate> out) -> {})
            .returns(KeywordUpdate.class)
            .name("No keyword updates (files only)")
            .uid("no-keyword-updates");
    return build(decoded, none, config);
  }

  /**
   * The graph, starting from the keyword set of {@code config} and applying {@code keywordUpdates}
   * (the {@code keyword-sets} topic) as they come.
   */
  public static Outputs build(
      DataStream<Decoded> decoded,
      DataStream<KeywordUpdate> keywordUpdates,
      PipelineConfig config) {
    SingleOutputStreamOperator<Mention> valid =
        decoded
            .process(new SplitDecoded(config.windowSpecs(), config.allowedLateness()))
            .name("Split off invalid records")
            .uid("split-decoded");
    DataStream<DeadLetter> deadLetters = valid.getSideOutput(SplitDecoded.DEAD_LETTERS);

    DataStream<Mention> unique =
        valid
            .keyBy(Mention::dedupKey, Types.STRING)
            .process(new DeduplicateMentions(config.dedupTtl()))
            .name("Count each mention once")
            .uid("dedup-mentions");

    DataStream<EnrichedMention> enriched =
        unique
            .connect(keywordUpdates.broadcast())
            .transform(
                "Match keywords and score sentiment",
                TypeInformation.of(EnrichedMention.class),
                new EnrichMentionsOperator(config.keywordSet(), config.sentiment()))
            .uid("enrich-mentions");

    // owned accounts' readings (SPEC §1b) join the brands' KPI windows, with their group from the
    // keyword set
    SingleOutputStreamOperator<KpiContribution> readings =
        valid
            .getSideOutput(SplitDecoded.READINGS)
            .connect(keywordUpdates.broadcast())
            .transform(
                "Account readings to brand contributions",
                TypeInformation.of(KpiContribution.class),
                new ResolveReadingBrands(config.keywordSet()).operator())
            .uid("account-readings");

    // copies and leads are judged per brand, in event-time order: every later output reads the
    // result
    SingleOutputStreamOperator<BrandPost> posts =
        enriched
            .flatMap(new ToBrandPosts())
            .name("Split into brand posts")
            .uid("brand-posts")
            .keyBy(BrandPost::brand, Types.STRING)
            .process(new CopyDetector())
            .name("Copy bursts and leads")
            .uid("copy-detector");

    DataStream<KpiRecord> kpis =
        posts
            .flatMap(new ToKpiContributions())
            .name("Split into brand contributions")
            .uid("kpi-contributions")
            .keyBy(DistinctAuthors::key, Types.STRING)
            .process(new DistinctAuthors(config.windowSpecs(), config.allowedLateness()))
            .name("Count each author once per window")
            .uid("kpi-distinct-authors")
            .union(readings)
            // by brand and source, not by competitor group: a group's mentions spread over the
            // subtasks
            .keyBy(KpiWindowFunction::key, Types.STRING)
            .process(
                new KpiWindowFunction(
                    config.windowSpecs(), config.allowedLateness(), config.sentiment()))
            .name("KPI windows")
            .uid("kpi-windows-by-brand")
            // one record per brand and window per change, not per mention: cheap to gather by group
            .keyBy(ShareOfVoice::key, Types.STRING)
            .process(new ShareOfVoice(config.allowedLateness()))
            .name("Share of voice per competitor group")
            .uid("kpi-share-of-voice");

    SingleOutputStreamOperator<TargetRecord> targets = targets(kpis, config);
    DataStream<AlertEvent> alertEvents =
        alerts(
            kpis,
            enriched,
            config,
            targets == null ? null : targets.getSideOutput(TrackTargets.PACE_ALERTS));

    // every output passes a guard: a record no sink could write becomes a dead letter, the job goes
    // on
    int maxBytes = OutputGuard.DEFAULT_MAX_BYTES;
    SingleOutputStreamOperator<KeyedJson> kpiJson =
        kpis.process(
                new GuardOutput<KpiRecord>(
                    Topics.KPI_SERIES,
                    r -> new KeyedJson(r.upsertKey(), OutputJson.kpi(r)),
                    false,
                    maxBytes))
            .name("KPI records to JSON")
            .uid("kpi-json");
    SingleOutputStreamOperator<KeyedJson> enrichedJson =
        posts
            .flatMap(PantauPipeline::enrichedOnce)
            .returns(EnrichedMention.class)
            .name("New mentions only, again when found to be a copy")
            .uid("enriched-new-only")
            .process(
                new GuardOutput<EnrichedMention>(
                    Topics.MENTIONS_ENRICHED,
                    em ->
                        new KeyedJson(
                            em.mention.source + ":" + em.mention.id, OutputJson.enriched(em)),
                    false,
                    maxBytes))
            .name("Enriched mentions to JSON")
            .uid("enriched-json");
    SingleOutputStreamOperator<KeyedJson> alertJson =
        alertEvents
            .process(
                new GuardOutput<AlertEvent>(
                    Topics.ALERTS, PantauPipeline::alertJson, false, maxBytes))
            .name("Alerts to JSON")
            .uid("alerts-json");
    SingleOutputStreamOperator<KeyedJson> leadJson =
        posts
            .getSideOutput(CopyDetector.LEADS)
            .process(
                new GuardOutput<Lead>(
                    Topics.LEADS, l -> new KeyedJson(l.key(), OutputJson.lead(l)), false, maxBytes))
            .name("Leads to JSON")
            .uid("leads-json");
    SingleOutputStreamOperator<KeyedJson> advocacyJson =
        posts
            .filter(BrandPost::employee)
            .name("Employees' posts")
            .uid("advocacy-employee-posts")
            .keyBy(BrandPost::brand, Types.STRING)
            .process(
                new AdvocacyLeaderboard(
                    config.zone(), config.allowedLateness(), config.advocacyPoints()))
            .name("Employee advocacy leaderboard")
            .uid("advocacy-leaderboard")
            .process(
                new GuardOutput<AdvocacyRow>(
                    Topics.ADVOCACY,
                    r -> new KeyedJson(r.key(), OutputJson.advocacy(r)),
                    false,
                    maxBytes))
            .name("Advocacy to JSON")
            .uid("advocacy-json");
    DataStream<KeyedJson> deadJson =
        deadLetters
            .process(
                new GuardOutput<DeadLetter>(
                    Topics.DEAD_LETTER,
                    d -> new KeyedJson(null, OutputJson.deadLetter(d)),
                    true,
                    maxBytes))
            .name("Dead letters to JSON")
            .uid("dead-letter-json")
            .union(
                readings
                    .getSideOutput(ResolveReadingBrands.DEAD_LETTERS)
                    .process(
                        new GuardOutput<DeadLetter>(
                            Topics.DEAD_LETTER,
                            PantauPipeline::readingDeadLetterJson,
                            true,
                            maxBytes))
                    .name("Unknown-brand readings to JSON")
                    .uid("reading-dead-letter-json"),
                kpiJson.getSideOutput(GuardOutput.DEAD_LETTERS),
                enrichedJson.getSideOutput(GuardOutput.DEAD_LETTERS),
                alertJson.getSideOutput(GuardOutput.DEAD_LETTERS),
                leadJson.getSideOutput(GuardOutput.DEAD_LETTERS),
                advocacyJson.getSideOutput(GuardOutput.DEAD_LETTERS));
    SingleOutputStreamOperator<KeyedJson> targetJson = null;
    if (targets != null) {
      targetJson =
          targets
              .process(
                  new GuardOutput<TargetRecord>(
                      Topics.TARGETS,
                      t -> new KeyedJson(t.upsertKey(), OutputJson.target(t)),
                      false,
                      maxBytes))
              .name("Target progress to JSON")
              .uid("targets-json");
      deadJson = deadJson.union(targetJson.getSideOutput(GuardOutput.DEAD_LETTERS));
    }
    return new Outputs(
        kpiJson,
        enrichedJson,
        deadJson,
        alertEvents,
        alertJson,
        leadJson,
        advocacyJson,
        targetJson);
  }

  /**
   * Target progress (SPEC §4d) from the KPI records of the feed window, keyed by brand; null when
   * no target is configured.
   */
  private static SingleOutputStreamOperator<TargetRecord> targets(
      DataStream<KpiRecord> kpis, PipelineConfig config) {
    if (config.alerts().targets().isEmpty()) {
      return null;
    }
    WindowSpec feed =
        TargetFeed.choose(config.windowSpecs(), java.time.ZoneId.of(config.zone()))
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "no KPI window tiles the weeks, months and quarters of "
                            + config.zone()
                            + " for targets: add 1d (or 1m) to the windows"));
    TrackTargets track =
        new TrackTargets(
            config.alerts().targets(),
            config.alerts().rules(),
            feed,
            config.zone(),
            config.allowedLateness(),
            dev.pantau.flink.job.kpi.KpiFields.STANDARD);
    return kpis.filter(track::feeds)
        .name("KPI records of the target feed window")
        .uid("target-feed")
        .keyBy(r -> r.brand, Types.STRING)
        .process(track)
        .name("Target progress")
        .uid("target-progress");
  }

  /**
   * The enriched mention once per mention (from its first brand's view, SPEC §6), and once more
   * with {@code copy_of} when it was found to be a copy after it went out; engagement growth not at
   * all.
   */
  private static void enrichedOnce(BrandPost p, Collector<EnrichedMention> out) {
    if (p.brandIndex != 0 || p.kind == BrandPost.UPDATE) {
      return;
    }
    p.em.copyOf = p.copyOf;
    out.collect(p.em);
  }

  /**
   * Alert rules over the KPI series of all sources: sliding minute windows for fast rules, the
   * detectors keyed by rule and brand, then each alert's top terms and sample mentions.
   */
  private static DataStream<AlertEvent> alerts(
      DataStream<KpiRecord> kpis,
      DataStream<EnrichedMention> enriched,
      PipelineConfig config,
      DataStream<AlertEvent> paceAlerts) {
    List<String> windowNames = config.windowSpecs().stream().map(WindowSpec::name).toList();
    AlertRules rules = new AlertRules(config.alerts(), windowNames);
    if (rules.isEmpty()) {
      // no rules: no per-mention term counting for alert context, an empty alert stream
      return kpis.flatMap((KpiRecord r, Collector<AlertEvent> out) -> {})
          .returns(AlertEvent.class)
          .name("No alert rules")
          .uid("alerts-none");
    }
    DataStream<KpiRecord> feed = kpis;
    if (!rules.slidingWindows().isEmpty()) {
      DataStream<KpiRecord> sliding =
          kpis.filter(AlertRules::slidingFeed)
              .name("Minute records of all sources")
              .uid("alert-minutes")
              .keyBy(r -> r.brand, Types.STRING)
              .process(new SlidingKpiWindows(rules.slidingWindows(), rules.fields()))
              .name("Sliding windows for alerts")
              .uid("alert-sliding-windows");
      feed = kpis.union(sliding);
    }
    DataStream<AlertEvent> raw =
        feed.flatMap(new RouteToRules(rules))
            .name("Route KPI records to alert rules")
            .uid("alert-route")
            .keyBy(RulePoint::key, Types.STRING)
            .process(new EvaluateAlertRules(rules, EvaluateAlertRules.DEFAULT_INACTIVITY))
            .name("Alert detectors")
            .uid("alert-detectors");
    DataStream<AlertEvent> withContext =
        enriched
            .flatMap(new ToBrandMentions())
            .name("Mentions per brand for alert context")
            .uid("alert-brand-mentions")
            .keyBy(m -> m.brand, Types.STRING)
            .connect(raw.keyBy(a -> a.brand, Types.STRING))
            .process(new AlertContextFunction())
            .name("Alert top terms and samples")
            .uid("alert-context");
    // a target's pace is judged over a whole period, often after its mentions have left the
    // context's
    // two hours: its alerts carry the figures of the target, not top terms or sample mentions
    return paceAlerts == null ? withContext : withContext.union(paceAlerts);
  }

  /**
   * Sorted by origin in a replay's file: they reach the sink on an input of their own, in no fixed
   * order.
   */
  private static KeyedJson readingDeadLetterJson(DeadLetter d) {
    KeyedJson k = new KeyedJson(null, OutputJson.deadLetter(d));
    k.sortKey =
        d.fromFile()
            ? String.format("reading|%s|%020d", d.file, d.line)
            : String.format("reading|%s|%010d|%020d", d.topic, d.partition, d.offset);
    return k;
  }

  private static KeyedJson alertJson(AlertEvent e) {
    Alert a = e.alert();
    KeyedJson k = new KeyedJson(a.id(), a.toJson());
    long at = a.resolvedAt() != null ? a.resolvedAt().toEpochMilli() : a.end().toEpochMilli();
    k.sortKey = String.format("%020d|%s|%s", at, a.id(), a.status());
    return k;
  }
}
