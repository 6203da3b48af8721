package dev.pantau.keywords;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One brand of a keyword set (SPEC §2). Immutable; validated on construction (the query's syntax is
 * validated when the set is compiled, see {@link KeywordSetLoader}).
 *
 * @param id {@code [a-z0-9][a-z0-9_-]{0,63}}
 * @param name display name, defaults to the id
 * @param group competitor set for share of voice, or null
 * @param query the Boolean query
 * @param languages ISO 639-1 codes the brand is restricted to; empty means all
 * @param sources channels the brand is restricted to; empty means all
 * @param employees handles of advocates, normalised to lowercase without {@code @}
 * @param excludeAuthors handles whose mentions never count, normalised like {@code employees}
 * @param excludeSites hosts (subdomains included) whose mentions never count, lowercase
 */
public record Brand(
    String id,
    String name,
    String group,
    String query,
    List<String> languages,
    List<String> sources,
    List<String> employees,
    List<String> excludeAuthors,
    List<String> excludeSites)
    implements java.io.Serializable {

  public static final Pattern ID_PATTERN = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

  public Brand {
    if (id == null || !ID_PATTERN.matcher(id).matches()) {
      throw new IllegalArgumentException("brand id must match " + ID_PATTERN + ": " + id);
    }
    if (query == null || query.isBlank()) {
      throw new IllegalArgumentException("brand " + id + ": query is required");
    }
    name = name == null || name.isBlank() ? id : name;
    languages = lower(languages);
    sources = lower(sources);
    employees = handles(employees);
    excludeAuthors = handles(excludeAuthors);
    excludeSites = lower(excludeSites);
  }

  /** A brand with only an id and a query. */
  public static Brand of(String id, String query) {
    return new Brand(id, null, null, query, null, null, null, null, null);
  }

  /**
   * Whether the author (by id or handle, with or without {@code @}) is one of the brand's
   * employees.
   */
  public boolean isEmployee(String authorHandle) {
    return authorHandle != null && employees.contains(normaliseHandle(authorHandle));
  }

  /** Lowercase, without a leading {@code @}. */
  public static String normaliseHandle(String handle) {
    String h = handle.strip().toLowerCase(java.util.Locale.ROOT);
    return h.startsWith("@") ? h.substring(1) : h;
  }

  private static List<String> lower(List<String> values) {
    return values == null
        ? List.of()
        : values.stream().map(v -> v.strip().toLowerCase(java.util.Locale.ROOT)).toList();
  }

  private static List<String> handles(List<String> values) {
    return values == null ? List.of() : values.stream().map(Brand::normaliseHandle).toList();
  }
}
