package dev.pantau.flink.job.alert;

import dev.pantau.alerts.Alert;
import dev.pantau.alerts.DetectorType;
import dev.pantau.alerts.SampleMention;
import dev.pantau.alerts.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An alert on its way through the job, and in the alert-context state: a Flink POJO of the {@link
 * Alert} record's fields. The record itself (immutable, with immutable lists) has no no-arg
 * constructor; as a POJO it is serialized by Flink without Kryo or Java serialization, so a
 * savepoint holding pending alerts survives a change of the class.
 */
public class AlertEvent {
  public String brand;
  public long start;
  public long end;

  public String id;
  public String status;
  public String rule;
  public String type;
  public String severity;
  public String metric;
  public String window;
  public double observed;
  public double expected;
  public double score;
  public String message;

  /** Null when the alert has no top terms yet. */
  public List<String> topTerms;

  /** The sample mentions as parallel lists (null when none yet); a sample's url may be null. */
  public List<String> sampleIds;

  public List<String> sampleTexts;
  public List<String> sampleUrls;

  /** Epoch milliseconds, null while firing. */
  public Long resolvedAt;

  public AlertEvent() {}

  public static AlertEvent of(Alert a) {
    AlertEvent e = new AlertEvent();
    e.brand = a.brand();
    e.start = a.start().toEpochMilli();
    e.end = a.end().toEpochMilli();
    e.id = a.id();
    e.status = a.status().name();
    e.rule = a.rule();
    e.type = a.type().name();
    e.severity = a.severity().name();
    e.metric = a.metric();
    e.window = a.window();
    e.observed = a.observed();
    e.expected = a.expected();
    e.score = a.score();
    e.message = a.message();
    e.topTerms = a.topTerms() == null ? null : new ArrayList<>(a.topTerms());
    if (a.sampleMentions() != null) {
      e.sampleIds = new ArrayList<>();
      e.sampleTexts = new ArrayList<>();
      e.sampleUrls = new ArrayList<>();
      for (SampleMention m : a.sampleMentions()) {
        e.sampleIds.add(m.id());
        e.sampleTexts.add(m.text());
        e.sampleUrls.add(m.url());
      }
    }
    e.resolvedAt = a.resolvedAt() == null ? null : a.resolvedAt().toEpochMilli();
    return e;
  }

  public Alert alert() {
    List<SampleMention> samples = null;
    if (sampleIds != null) {
      samples = new ArrayList<>();
      for (int i = 0; i < sampleIds.size(); i++) {
        samples.add(new SampleMention(sampleIds.get(i), sampleTexts.get(i), sampleUrls.get(i)));
      }
    }
    return new Alert(
        id,
        Alert.Status.valueOf(status),
        rule,
        DetectorType.valueOf(type),
        brand,
        Severity.valueOf(severity),
        metric,
        window,
        Instant.ofEpochMilli(start),
        Instant.ofEpochMilli(end),
        observed,
        expected,
        score,
        message,
        topTerms,
        samples,
        resolvedAt == null ? null : Instant.ofEpochMilli(resolvedAt));
  }
}
