package dev.pantau.flink.launch;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.apache.flink.util.TimeUtils;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a duration as people write it on a command line: Flink's notation ({@code 500ms}, {@code
 * 90s}, {@code 10m}, {@code 2h}, {@code 1d}, {@code 10 min}), or ISO-8601 ({@code PT10M}).
 */
public final class DurationConverter implements ITypeConverter<Duration> {

  @Override
  public Duration convert(String value) {
    return parse(value);
  }

  /** Parses {@code value}; throws {@link TypeConversionException} naming the accepted forms. */
  public static Duration parse(String value) {
    String v = value.strip();
    try {
      if (v.toUpperCase(Locale.ROOT).startsWith("P")) {
        return Duration.parse(v.toUpperCase(Locale.ROOT));
      }
      // Flink reads a bare number as milliseconds: on a command line that is more often a forgotten
      // unit
      if (!v.isEmpty() && !v.chars().allMatch(Character::isDigit)) {
        return TimeUtils.parseDuration(v);
      }
    } catch (DateTimeParseException | IllegalArgumentException e) {
      // the message below names the accepted forms
    }
    throw new TypeConversionException(
        "'" + value + "' is not a duration: use e.g. 500ms, 90s, 10m, 2h, 1d or PT10M");
  }
}
