package dev.pantau.keywords;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.pantau.keywords.query.QueryCompiler;
import dev.pantau.keywords.query.QuerySyntaxException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads keyword sets (SPEC §2) from YAML files, a folder of them, or the JSON entries of the {@code
 * keyword-sets} topic. Every path validates the whole input, compiles every query, and rejects it
 * with all errors at once (origin, brand or topic id, position in the query, reason).
 */
public final class KeywordSetLoader {

  private static final YAMLMapper YAML = new YAMLMapper();
  private static final ObjectMapper JSON = new ObjectMapper();

  static final Set<String> BRAND_KEYS =
      Set.of(
          "id",
          "query",
          "name",
          "group",
          "languages",
          "sources",
          "employees",
          "exclude_authors",
          "exclude_sites");
  static final Set<String> TOPIC_KEYS = Set.of("id", "query", "lead");

  private KeywordSetLoader() {}

  /** A YAML file, or a folder's top-level {@code *.yaml} and {@code *.yml} files sorted by name. */
  public static KeywordSet load(Path fileOrDir) throws KeywordSetException {
    if (!Files.exists(fileOrDir)) {
      throw new KeywordSetException(
          new KeywordError(fileOrDir.toString(), "file", null, -1, "no such file or folder"));
    }
    List<Path> files = new ArrayList<>();
    if (Files.isDirectory(fileOrDir)) {
      try (Stream<Path> s = Files.list(fileOrDir)) {
        s.filter(Files::isRegularFile)
            .filter(
                p -> {
                  String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                  return n.endsWith(".yaml") || n.endsWith(".yml");
                })
            .sorted()
            .forEach(files::add);
      } catch (IOException e) {
        throw new KeywordSetException(
            new KeywordError(
                fileOrDir.toString(), "file", null, -1, "cannot list: " + e.getMessage()));
      }
    } else {
      files.add(fileOrDir);
    }
    List<KeywordError> errors = new ArrayList<>();
    List<Brand> brands = new ArrayList<>();
    List<Topic> topics = new ArrayList<>();
    for (Path f : files) {
      String text;
      try {
        text = Files.readString(f);
      } catch (IOException e) {
        errors.add(
            new KeywordError(f.toString(), "file", null, -1, "cannot read: " + e.getMessage()));
        continue;
      }
      parseInto(text, f.toString(), brands, topics, errors);
    }
    return finish(brands, topics, errors);
  }

  /** One YAML document with {@code brands:} and optional {@code topics:}. */
  public static KeywordSet parse(String yaml, String origin) throws KeywordSetException {
    List<KeywordError> errors = new ArrayList<>();
    List<Brand> brands = new ArrayList<>();
    List<Topic> topics = new ArrayList<>();
    parseInto(yaml, origin, brands, topics, errors);
    return finish(brands, topics, errors);
  }

  /** One brand entry of the {@code keyword-sets} topic, as JSON. */
  public static Brand parseBrandJson(String json, String origin) throws KeywordSetException {
    List<KeywordError> errors = new ArrayList<>();
    Brand b = brand(readJson(json, origin), origin, -1, errors);
    if (!errors.isEmpty()) {
      throw new KeywordSetException(errors);
    }
    return b;
  }

  /** One topic entry of the {@code keyword-sets} topic, as JSON. */
  public static Topic parseTopicJson(String json, String origin) throws KeywordSetException {
    List<KeywordError> errors = new ArrayList<>();
    Topic t = topic(readJson(json, origin), origin, -1, errors);
    if (!errors.isEmpty()) {
      throw new KeywordSetException(errors);
    }
    return t;
  }

  private static JsonNode readJson(String json, String origin) throws KeywordSetException {
    try {
      JsonNode n = JSON.readTree(json);
      if (n == null || !n.isObject()) {
        throw new KeywordSetException(
            new KeywordError(origin, "file", null, -1, "expected a JSON object"));
      }
      return n;
    } catch (JsonProcessingException e) {
      throw new KeywordSetException(
          new KeywordError(origin, "file", null, -1, "invalid JSON: " + e.getOriginalMessage()));
    }
  }

  private static KeywordSet finish(
      List<Brand> brands, List<Topic> topics, List<KeywordError> errors)
      throws KeywordSetException {
    if (!errors.isEmpty()) {
      throw new KeywordSetException(errors);
    }
    return new KeywordSet(brands, topics);
  }

  private static void parseInto(
      String yaml,
      String origin,
      List<Brand> brands,
      List<Topic> topics,
      List<KeywordError> errors) {
    JsonNode root;
    try {
      root = YAML.readTree(yaml);
    } catch (JsonProcessingException e) {
      String where =
          e.getLocation() == null
              ? ""
              : " at line "
                  + e.getLocation().getLineNr()
                  + ", column "
                  + e.getLocation().getColumnNr();
      errors.add(
          new KeywordError(
              origin, "file", null, -1, "invalid YAML" + where + ": " + e.getOriginalMessage()));
      return;
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      return; // an empty file holds no brands
    }
    if (!root.isObject()) {
      errors.add(
          new KeywordError(
              origin, "file", null, -1, "expected a mapping with 'brands' and 'topics'"));
      return;
    }
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      // 'advocacy' (the leaderboard's points, SPEC §2) is read by AdvocacyPoints.load, not part of
      // the set
      if (!k.equals("brands") && !k.equals("topics") && !k.equals("advocacy")) {
        errors.add(
            new KeywordError(
                origin,
                "file",
                null,
                -1,
                "unknown key '" + k + "' (expected 'brands', 'topics' and 'advocacy')"));
      }
    }
    Map<String, Boolean> seenBrands = new HashMap<>();
    brands.forEach(b -> seenBrands.put(b.id(), true));
    Map<String, Boolean> seenTopics = new HashMap<>();
    topics.forEach(t -> seenTopics.put(t.id(), true));
    JsonNode bs = root.get("brands");
    if (bs != null && !bs.isNull()) {
      if (!bs.isArray()) {
        errors.add(new KeywordError(origin, "file", null, -1, "'brands' must be a list"));
      } else {
        for (int i = 0; i < bs.size(); i++) {
          Brand b = brand(bs.get(i), origin, i, errors);
          if (b != null && seenBrands.put(b.id(), true) != null) {
            errors.add(new KeywordError(origin, "brand", b.id(), -1, "duplicate brand id"));
          } else if (b != null) {
            brands.add(b);
          }
        }
      }
    }
    JsonNode ts = root.get("topics");
    if (ts != null && !ts.isNull()) {
      if (!ts.isArray()) {
        errors.add(new KeywordError(origin, "file", null, -1, "'topics' must be a list"));
      } else {
        for (int i = 0; i < ts.size(); i++) {
          Topic t = topic(ts.get(i), origin, i, errors);
          if (t != null && seenTopics.put(t.id(), true) != null) {
            errors.add(new KeywordError(origin, "topic", t.id(), -1, "duplicate topic id"));
          } else if (t != null) {
            topics.add(t);
          }
        }
      }
    }
  }

  private static Brand brand(JsonNode n, String origin, int index, List<KeywordError> errors) {
    int before = errors.size();
    String id = entryId(n, "brand", origin, index, errors);
    if (id == null) {
      return null;
    }
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!BRAND_KEYS.contains(k)) {
        errors.add(new KeywordError(origin, "brand", id, -1, "unknown key '" + k + "'"));
      }
    }
    String query = string(n, "query", "brand", id, origin, errors, true);
    String name = string(n, "name", "brand", id, origin, errors, false);
    String group = string(n, "group", "brand", id, origin, errors, false);
    List<String> languages = list(n, "languages", id, origin, errors);
    List<String> sources = list(n, "sources", id, origin, errors);
    List<String> employees = list(n, "employees", id, origin, errors);
    List<String> excludeAuthors = list(n, "exclude_authors", id, origin, errors);
    List<String> excludeSites = list(n, "exclude_sites", id, origin, errors);
    if (query != null) {
      checkQuery(query, "brand", id, origin, errors);
    }
    if (errors.size() > before) {
      return null;
    }
    try {
      return new Brand(
          id, name, group, query, languages, sources, employees, excludeAuthors, excludeSites);
    } catch (IllegalArgumentException e) {
      errors.add(new KeywordError(origin, "brand", id, -1, e.getMessage()));
      return null;
    }
  }

  private static Topic topic(JsonNode n, String origin, int index, List<KeywordError> errors) {
    int before = errors.size();
    String id = entryId(n, "topic", origin, index, errors);
    if (id == null) {
      return null;
    }
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!TOPIC_KEYS.contains(k)) {
        errors.add(new KeywordError(origin, "topic", id, -1, "unknown key '" + k + "'"));
      }
    }
    String query = string(n, "query", "topic", id, origin, errors, true);
    if (query != null) {
      checkQuery(query, "topic", id, origin, errors);
    }
    JsonNode lead = n.get("lead");
    if (lead != null && !lead.isNull() && !lead.isBoolean()) {
      errors.add(new KeywordError(origin, "topic", id, -1, "'lead' must be true or false"));
    }
    if (errors.size() > before) {
      return null;
    }
    return new Topic(id, query, lead != null && lead.asBoolean(false));
  }

  private static String entryId(
      JsonNode n, String kind, String origin, int index, List<KeywordError> errors) {
    String where = index >= 0 ? kind + " #" + (index + 1) : kind;
    if (n == null || !n.isObject()) {
      errors.add(new KeywordError(origin, kind, null, -1, where + " must be a mapping"));
      return null;
    }
    JsonNode id = n.get("id");
    if (id == null || !id.isTextual() || id.asText().isBlank()) {
      errors.add(new KeywordError(origin, kind, null, -1, where + ": 'id' is required"));
      return null;
    }
    String s = id.asText();
    if (!Brand.ID_PATTERN.matcher(s).matches()) {
      errors.add(new KeywordError(origin, kind, s, -1, "id must match " + Brand.ID_PATTERN));
      return null;
    }
    return s;
  }

  private static String string(
      JsonNode n,
      String key,
      String kind,
      String id,
      String origin,
      List<KeywordError> errors,
      boolean required) {
    JsonNode v = n.get(key);
    if (v == null || v.isNull()) {
      if (required) {
        errors.add(new KeywordError(origin, kind, id, -1, "'" + key + "' is required"));
      }
      return null;
    }
    if (!v.isTextual()) {
      errors.add(new KeywordError(origin, kind, id, -1, "'" + key + "' must be a string"));
      return null;
    }
    if (required && v.asText().isBlank()) {
      errors.add(new KeywordError(origin, kind, id, -1, "'" + key + "' must not be empty"));
      return null;
    }
    return v.asText();
  }

  private static List<String> list(
      JsonNode n, String key, String id, String origin, List<KeywordError> errors) {
    JsonNode v = n.get(key);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isArray()) {
      errors.add(
          new KeywordError(origin, "brand", id, -1, "'" + key + "' must be a list of strings"));
      return null;
    }
    List<String> out = new ArrayList<>();
    for (JsonNode e : v) {
      if (!e.isTextual() || e.asText().isBlank()) {
        errors.add(
            new KeywordError(
                origin, "brand", id, -1, "'" + key + "' must be a list of non-empty strings"));
        return null;
      }
      out.add(e.asText());
    }
    return out;
  }

  private static void checkQuery(
      String query, String kind, String id, String origin, List<KeywordError> errors) {
    try {
      QueryCompiler.compile(query, MatcherConfig.defaults());
    } catch (QuerySyntaxException e) {
      errors.add(new KeywordError(origin, kind, id, e.position(), e.reason()));
    }
  }
}
