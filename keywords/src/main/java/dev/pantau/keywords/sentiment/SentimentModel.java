package dev.pantau.keywords.sentiment;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A multinomial logistic regression over hashed features ({@link SentimentFeatures}), classes in
 * the order negative, neutral, positive. Immutable and thread-safe.
 *
 * <p>File form (written by the trainer in the tools module, read here): a first line {@code
 * pantau-sentiment-model 1<TAB>}{@link FeatureConfig#format()}, then little-endian binary: the
 * weight scale (float), then {@code 3 * buckets} weights as 16-bit integers (bucket-major:
 * negative, neutral, positive of bucket 0, then of bucket 1...), each times the scale. Fixed size,
 * no compression: the same weights give the same bytes.
 */
public final class SentimentModel {

  static final String MAGIC = "pantau-sentiment-model 1";

  private final FeatureConfig config;
  private final float[] weights;

  /**
   * @param weights {@code 3 * config.buckets()} weights, bucket-major
   */
  public SentimentModel(FeatureConfig config, float[] weights) {
    if (weights.length != 3 * config.buckets()) {
      throw new IllegalArgumentException(
          "expected " + 3 * config.buckets() + " weights, got " + weights.length);
    }
    this.config = config;
    this.weights = weights.clone();
  }

  public FeatureConfig config() {
    return config;
  }

  /** Class probabilities (negative, neutral, positive). */
  public double[] probabilities(FeatureVector v) {
    return softmax(logits(v));
  }

  /** The linear scores per class, before the softmax. */
  public double[] logits(FeatureVector v) {
    float z0 = 0;
    float z1 = 0;
    float z2 = 0;
    float[] w = weights;
    for (int i = 0; i < v.size(); i++) {
      int k = v.index(i) * 3;
      float x = v.value(i);
      z0 += w[k] * x;
      z1 += w[k + 1] * x;
      z2 += w[k + 2] * x;
    }
    return new double[] {z0, z1, z2};
  }

  public static double[] softmax(double[] z) {
    double max = Math.max(z[0], Math.max(z[1], z[2]));
    double e0 = StrictMath.exp(z[0] - max);
    double e1 = StrictMath.exp(z[1] - max);
    double e2 = StrictMath.exp(z[2] - max);
    double sum = e0 + e1 + e2;
    return new double[] {e0 / sum, e1 / sum, e2 / sum};
  }

  /**
   * The weights quantised as the file stores them (so a model trained in memory scores exactly as
   * it will after a write and a load).
   */
  public static SentimentModel quantised(FeatureConfig config, double[] weights) {
    return read(write(config, weights));
  }

  /** The file form of these weights. */
  public static byte[] write(FeatureConfig config, double[] weights) {
    if (weights.length != 3 * config.buckets()) {
      throw new IllegalArgumentException("weights do not match the configuration");
    }
    double max = 0;
    for (double w : weights) {
      max = Math.max(max, Math.abs(w));
    }
    float scale = max == 0 ? 1f : (float) (max / 32767.0);
    ByteArrayOutputStream out = new ByteArrayOutputStream(weights.length * 2 + 256);
    byte[] header = (MAGIC + "\t" + config.format() + "\n").getBytes(StandardCharsets.UTF_8);
    out.write(header, 0, header.length);
    ByteBuffer b = ByteBuffer.allocate(4 + weights.length * 2).order(ByteOrder.LITTLE_ENDIAN);
    b.putFloat(scale);
    for (double w : weights) {
      long q = Math.round(w / scale);
      b.putShort((short) Math.max(-32767, Math.min(32767, q)));
    }
    out.write(b.array(), 0, b.capacity());
    return out.toByteArray();
  }

  /** Reads the file form. */
  public static SentimentModel read(byte[] bytes) {
    int nl = 0;
    while (nl < bytes.length && bytes[nl] != '\n') {
      nl++;
    }
    String header = new String(bytes, 0, nl, StandardCharsets.UTF_8);
    int tab = header.indexOf('\t');
    if (tab < 0 || !header.substring(0, tab).equals(MAGIC)) {
      throw new IllegalStateException("not a Pantau sentiment model (header: " + header + ")");
    }
    FeatureConfig config = FeatureConfig.parse(header.substring(tab + 1));
    int n = 3 * config.buckets();
    if (bytes.length != nl + 1 + 4 + 2 * n) {
      throw new IllegalStateException(
          "sentiment model of " + bytes.length + " bytes, expected " + (nl + 1 + 4 + 2 * n));
    }
    ByteBuffer b = ByteBuffer.wrap(bytes, nl + 1, 4 + 2 * n).order(ByteOrder.LITTLE_ENDIAN);
    float scale = b.getFloat();
    float[] w = new float[n];
    for (int i = 0; i < n; i++) {
      w[i] = b.getShort() * scale;
    }
    return new SentimentModel(config, w, true);
  }

  private SentimentModel(FeatureConfig config, float[] weights, boolean owned) {
    this.config = config;
    this.weights = weights;
  }

  /** Loads a model shipped beside this class on the class path. */
  static SentimentModel load(String resource) {
    try (InputStream in = SentimentModel.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("sentiment model missing from the class path: " + resource);
      }
      return read(new DataInputStream(in).readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read sentiment model " + resource, e);
    }
  }
}
