package dev.pantau.keywords;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The weights of the employee advocacy leaderboard (SPEC §2 {@code advocacy.points}, §4c): a post
 * earns {@code post}, an original one (neither a repost nor a copy) {@code original} more, a copy
 * {@code copy} (negative: the guides warn against auto-shared identical posts), plus the engagement
 * weights per like, comment and share.
 */
public record AdvocacyPoints(
    double post, double original, double like, double comment, double share, double copy)
    implements java.io.Serializable {

  public static final AdvocacyPoints DEFAULTS = new AdvocacyPoints(10, 5, 0.1, 0.5, 1, -10);

  /** The points of one employee's tallies. */
  public double of(
      long posts, long originalPosts, long copies, long likes, long comments, long shares) {
    return post * posts
        + original * originalPosts
        + copy * copies
        + like * likes
        + comment * comments
        + share * shares;
  }

  /**
   * The {@code advocacy.points} of the keyword files (a folder's top-level YAML files or one file),
   * each weight not given keeping its default; the defaults when no file sets them.
   */
  public static AdvocacyPoints load(Path fileOrDir) throws KeywordSetException {
    List<Path> files = new ArrayList<>();
    try {
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
        }
      } else if (Files.exists(fileOrDir)) {
        files.add(fileOrDir);
      }
      AdvocacyPoints p = DEFAULTS;
      for (Path f : files) {
        p = p.overriddenBy(new YAMLMapper().readTree(Files.readString(f)), f.toString());
      }
      return p;
    } catch (IOException e) {
      throw new KeywordSetException(
          new KeywordError(
              fileOrDir.toString(), "file", null, -1, "cannot read: " + e.getMessage()));
    }
  }

  /** These weights with those of a parsed file's {@code advocacy.points} in place. */
  AdvocacyPoints overriddenBy(JsonNode root, String origin) throws KeywordSetException {
    JsonNode points = root == null ? null : root.path("advocacy").get("points");
    if (points == null || points.isNull()) {
      return this;
    }
    double[] w = {post, original, like, comment, share, copy};
    String[] names = {"post", "original", "like", "comment", "share", "copy"};
    List<KeywordError> errors = new ArrayList<>();
    for (Iterator<String> it = points.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      int i = List.of(names).indexOf(k);
      JsonNode v = points.get(k);
      if (i < 0) {
        errors.add(
            new KeywordError(
                origin,
                "advocacy",
                "points",
                -1,
                "unknown weight '" + k + "' (expected " + String.join(", ", names) + ")"));
      } else if (!v.isNumber()) {
        errors.add(
            new KeywordError(
                origin, "advocacy", "points", -1, "weight '" + k + "' must be a number"));
      } else {
        w[i] = v.asDouble();
      }
    }
    if (!errors.isEmpty()) {
      throw new KeywordSetException(errors);
    }
    return new AdvocacyPoints(w[0], w[1], w[2], w[3], w[4], w[5]);
  }
}
