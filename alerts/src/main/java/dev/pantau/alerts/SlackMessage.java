package dev.pantau.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;

/**
 * The body posted to a Slack incoming webhook: a plain {@code text} fallback plus Block Kit {@code
 * blocks}.
 */
final class SlackMessage {

  private static final ObjectMapper JSON = new ObjectMapper();

  private SlackMessage() {}

  static String of(Alert a) {
    String icon =
        !a.firing()
            ? ":white_check_mark:"
            : a.severity() == Severity.CRITICAL
                ? ":rotating_light:"
                : a.severity() == Severity.WARNING ? ":warning:" : ":information_source:";
    String title =
        (a.firing() ? a.severity().label().toUpperCase(java.util.Locale.ROOT) : "RESOLVED")
            + " "
            + a.type().label()
            + " · "
            + a.rule();
    ObjectNode root = JSON.createObjectNode();
    root.put("text", title + ": " + a.message());
    ArrayNode blocks = root.putArray("blocks");
    ObjectNode section = blocks.addObject().put("type", "section");
    section
        .putObject("text")
        .put("type", "mrkdwn")
        .put("text", icon + " *" + escape(title) + "*\n" + escape(a.message()));
    StringBuilder ctx = new StringBuilder();
    ctx.append("brand `")
        .append(escape(a.brand()))
        .append("` · ")
        .append(escape(a.metric()))
        .append(" · ")
        .append(a.window())
        .append(" window from ")
        .append(Alert.TIME.format(a.start()));
    if (a.topTerms() != null && !a.topTerms().isEmpty()) {
      ctx.append(" · top terms: ").append(escape(String.join(", ", a.topTerms())));
    }
    ArrayNode elements = blocks.addObject().put("type", "context").putArray("elements");
    elements.addObject().put("type", "mrkdwn").put("text", ctx.toString());
    if (a.sampleMentions() != null && !a.sampleMentions().isEmpty()) {
      StringBuilder s = new StringBuilder();
      for (SampleMention m : a.sampleMentions()) {
        String text = m.text().length() > 200 ? m.text().substring(0, 200) + "…" : m.text();
        s.append("> ").append(escape(text.replace('\n', ' ')));
        if (m.url() != null) {
          s.append(" <").append(escape(m.url())).append("|link>");
        }
        s.append('\n');
      }
      blocks
          .addObject()
          .put("type", "section")
          .putObject("text")
          .put("type", "mrkdwn")
          .put("text", s.toString());
    }
    try {
      return JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Slack's mrkdwn control characters. */
  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
