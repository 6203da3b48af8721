package dev.pantau.alerts;

import java.net.URI;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Expansion of {@code ${VAR}} references and redaction of what must not reach a log. */
final class Secrets {

  private static final Pattern VAR = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

  private Secrets() {}

  /** Expands every {@code ${VAR}}; throws naming the missing variable (never its value). */
  static String expand(String text, Function<String, String> env) {
    if (text == null) {
      return null;
    }
    Matcher m = VAR.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = env.apply(m.group(1));
      if (value == null || value.isEmpty()) {
        throw new IllegalStateException("environment variable " + m.group(1) + " is not set");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** Scheme and host only: Slack and many hooks carry their token in the path. */
  static String redactUrl(String url) {
    if (url == null) {
      return "-";
    }
    if (url.contains("${")) {
      return url; // an unexpanded reference names a variable, not a secret
    }
    try {
      URI u = URI.create(url);
      return u.getScheme()
          + "://"
          + u.getHost()
          + (u.getPort() > 0 ? ":" + u.getPort() : "")
          + "/...";
    } catch (IllegalArgumentException e) {
      return "<invalid url>";
    }
  }
}
