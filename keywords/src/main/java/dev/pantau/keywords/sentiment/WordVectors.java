package dev.pantau.keywords.sentiment;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A table of pretrained word vectors (GloVe, lower-case words), each row quantised to 8 bits with
 * its own scale. Read by {@link SentimentFeatures} for the {@code vectors} features; built by the
 * tools module ({@code tools/sentiment.sh vectors}). Immutable and thread-safe.
 *
 * <p>File form: a first line {@code pantau-word-vectors 1<TAB>DIMS<TAB>ROWS}, then little-endian
 * binary: for each row its word (16-bit byte length, UTF-8), then {@code ROWS} scales (float), then
 * {@code ROWS * DIMS} signed bytes; component {@code d} of row {@code r} is {@code q[r * DIMS + d]
 * * scale[r]}. No compression, fixed order: the same vectors give the same bytes.
 */
public final class WordVectors {

  static final String MAGIC = "pantau-word-vectors 1";

  /** The table shipped beside this class. */
  static final String RESOURCE = "en_vectors.bin";

  /**
   * The seed of the words' keys: {@link SentimentFeatures}' seed for words, so the hash the word
   * features compute anyway finds the row.
   */
  static final int KEY_SEED = 0x1f3a5c7;

  private final int dims;
  private final String[] words;
  private final float[] scale;
  private final byte[] q;

  /**
   * Open addressing by the word's 32-bit hash: slot {@code i} holds the hash at {@code 2i} and the
   * row at {@code 2i + 1} (-1: empty), so a look-up reads one cache line and never the word. Two
   * words of the table with the same hash keep the more frequent; a word not in the table whose
   * hash equals a table word's (about 1 in 40,000 such tokens) reads that word's vector.
   */
  private final int[] slots;

  private final int slotMask;

  private WordVectors(int dims, float[] scale, byte[] q, String[] words) {
    this.dims = dims;
    this.words = words;
    this.scale = scale;
    this.q = q;
    int capacity = Integer.highestOneBit(Math.max(4, words.length) * 4 - 1);
    this.slots = new int[2 * capacity];
    this.slotMask = capacity - 1;
    java.util.Arrays.fill(slots, -1);
    for (int r = 0; r < words.length; r++) {
      int h = FeatureHash.hash(words[r], KEY_SEED);
      int i = h & slotMask;
      while (slots[2 * i + 1] >= 0 && slots[2 * i] != h) {
        i = (i + 1) & slotMask;
      }
      if (slots[2 * i + 1] < 0) {
        slots[2 * i] = h;
        slots[2 * i + 1] = r;
      }
    }
  }

  /** The row whose word has this hash ({@link #KEY_SEED}), or -1. */
  int rowOfHash(int h) {
    int i = h & slotMask;
    while (true) {
      int r = slots[2 * i + 1];
      if (r < 0 || slots[2 * i] == h) {
        return r;
      }
      i = (i + 1) & slotMask;
    }
  }

  /** {@link #tokenRow(String)} by hash: {@code h} is the token's hash with {@link #KEY_SEED}. */
  int tokenRow(String token, int h) {
    int r = rowOfHash(h);
    if (r >= 0) {
      return r;
    }
    int cut = contractionCut(token);
    return cut > 0 ? rowOfHash(FeatureHash.hash(token, 0, cut, KEY_SEED)) : -1;
  }

  /** Where a contraction's stem ends ("do" of "don't", "ca" of "can't", "it" of "it's"), or -1. */
  private static int contractionCut(String token) {
    int apostrophe = token.indexOf('\'');
    if (apostrophe <= 0) {
      return -1;
    }
    return token.endsWith("n't") && apostrophe == token.length() - 2 ? apostrophe - 1 : apostrophe;
  }

  private static final class Shipped {
    static final WordVectors TABLE = load(RESOURCE);
  }

  /** The shipped table, loaded on first use. */
  public static WordVectors shipped() {
    return Shipped.TABLE;
  }

  public int dims() {
    return dims;
  }

  public int size() {
    return scale.length;
  }

  /** The row of a word, or -1. */
  public int row(String word) {
    int r = rowOfHash(FeatureHash.hash(word, KEY_SEED));
    return r >= 0 && words[r].equals(word) ? r : -1;
  }

  /**
   * The row of a token as {@link SentimentFeatures} writes it, or -1: the word itself, else for a
   * contraction the part before its apostrophe ("don't" gives "do", "can't" "ca", as GloVe's
   * tokenizer split them; the negation is read apart).
   */
  public int tokenRow(String token) {
    int r = row(token);
    if (r >= 0) {
      return r;
    }
    int cut = contractionCut(token);
    return cut > 0 ? row(token.substring(0, cut)) : -1;
  }

  /** Adds {@code sign} times row {@code r} to {@code acc}. */
  void addTo(int r, float sign, float[] acc) {
    float s = scale[r] * sign;
    int base = r * dims;
    for (int d = 0; d < dims; d++) {
      acc[d] += q[base + d] * s;
    }
  }

  /** Component {@code d} of row {@code r}. */
  public float get(int r, int d) {
    return q[r * dims + d] * scale[r];
  }

  /** The vector of a word, or null (a copy; for tests and tools). */
  public float[] vector(String word) {
    int r = row(word);
    if (r < 0) {
      return null;
    }
    float[] out = new float[dims];
    addTo(r, 1f, out);
    return out;
  }

  /** The file form of these words and vectors (rows in the given order). */
  public static byte[] write(List<String> words, List<float[]> vectors, int dims) {
    if (words.size() != vectors.size()) {
      throw new IllegalArgumentException("words and vectors differ in number");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(words.size() * (dims + 16) + 64);
    byte[] header =
        (MAGIC + "\t" + dims + "\t" + words.size() + "\n").getBytes(StandardCharsets.UTF_8);
    out.write(header, 0, header.length);
    ByteBuffer wb = ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN);
    for (String w : words) {
      byte[] b = w.getBytes(StandardCharsets.UTF_8);
      if (b.length > Short.MAX_VALUE) {
        throw new IllegalArgumentException("word too long");
      }
      wb.clear();
      wb.putShort((short) b.length);
      out.write(wb.array(), 0, 2);
      out.write(b, 0, b.length);
    }
    ByteBuffer sb = ByteBuffer.allocate(4 * words.size()).order(ByteOrder.LITTLE_ENDIAN);
    byte[] qb = new byte[words.size() * dims];
    for (int r = 0; r < words.size(); r++) {
      float[] v = vectors.get(r);
      if (v.length != dims) {
        throw new IllegalArgumentException(
            "vector of " + v.length + " dimensions: " + words.get(r));
      }
      float max = 0;
      for (float x : v) {
        max = Math.max(max, Math.abs(x));
      }
      float s = max == 0 ? 1f : max / 127f;
      sb.putFloat(s);
      for (int d = 0; d < dims; d++) {
        qb[r * dims + d] = (byte) Math.max(-127, Math.min(127, Math.round(v[d] / s)));
      }
    }
    out.write(sb.array(), 0, sb.capacity());
    out.write(qb, 0, qb.length);
    return out.toByteArray();
  }

  /** Reads the file form. */
  public static WordVectors read(byte[] bytes) {
    int nl = 0;
    while (nl < bytes.length && bytes[nl] != '\n') {
      nl++;
    }
    String[] header = new String(bytes, 0, nl, StandardCharsets.UTF_8).split("\t");
    if (header.length != 3 || !header[0].equals(MAGIC)) {
      throw new IllegalStateException("not a Pantau word-vector table");
    }
    int dims = Integer.parseInt(header[1]);
    int n = Integer.parseInt(header[2]);
    ByteBuffer b = ByteBuffer.wrap(bytes, nl + 1, bytes.length - nl - 1);
    b.order(ByteOrder.LITTLE_ENDIAN);
    String[] words = new String[n];
    for (int r = 0; r < n; r++) {
      int len = b.getShort();
      String w = new String(bytes, b.position(), len, StandardCharsets.UTF_8);
      b.position(b.position() + len);
      words[r] = w;
    }
    float[] scale = new float[n];
    for (int r = 0; r < n; r++) {
      scale[r] = b.getFloat();
    }
    if (b.remaining() != n * dims) {
      throw new IllegalStateException(
          "word-vector table: " + b.remaining() + " bytes of vectors, expected " + n * dims);
    }
    byte[] q = new byte[n * dims];
    b.get(q);
    return new WordVectors(dims, scale, q, words);
  }

  static WordVectors load(String resource) {
    try (InputStream in = WordVectors.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("word vectors missing from the class path: " + resource);
      }
      return read(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read word vectors " + resource, e);
    }
  }
}
