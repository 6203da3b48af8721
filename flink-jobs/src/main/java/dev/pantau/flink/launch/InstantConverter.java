package dev.pantau.flink.launch;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a point in time: a date ({@code 2000-01-01}, midnight UTC) or ISO-8601 with an offset. */
public final class InstantConverter implements ITypeConverter<Instant> {
  @Override
  public Instant convert(String value) {
    String v = value.strip();
    try {
      return v.length() == 10
          ? LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant()
          : OffsetDateTime.parse(v).toInstant();
    } catch (DateTimeParseException e) {
      throw new TypeConversionException(
          "'" + value + "' is not a date (2000-01-01) or an instant (2000-01-01T00:00:00Z)");
    }
  }
}
