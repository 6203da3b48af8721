package dev.pantau.keywords;

import java.util.List;
import java.util.stream.Collectors;

/** A keyword set (or one entry of it) was rejected; {@link #errors()} holds every reason found. */
public final class KeywordSetException extends Exception {

  private final List<KeywordError> errors;

  public KeywordSetException(List<KeywordError> errors) {
    super(errors.stream().map(KeywordError::toString).collect(Collectors.joining("\n")));
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("at least one error is required");
    }
    this.errors = List.copyOf(errors);
  }

  public KeywordSetException(KeywordError error) {
    this(List.of(error));
  }

  public List<KeywordError> errors() {
    return errors;
  }
}
