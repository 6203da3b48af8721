package dev.pantau.keywords.sentiment;

import java.util.Arrays;

/**
 * The hashed features of one text: bucket indices and values, in the order they were added (a
 * bucket may appear more than once; its values add up). Built by {@link SentimentFeatures}, read by
 * {@link SentimentModel} and by the trainer in the tools module. Not thread-safe; cheap to make.
 */
public final class FeatureVector {

  private int[] index;
  private float[] value;
  private int size;

  FeatureVector(int capacity) {
    index = new int[Math.max(8, capacity)];
    value = new float[index.length];
  }

  void add(int bucket, float v) {
    if (size == index.length) {
      index = Arrays.copyOf(index, size * 2);
      value = Arrays.copyOf(value, size * 2);
    }
    index[size] = bucket;
    value[size] = v;
    size++;
  }

  /** Empties the vector, keeping its arrays (for a caller that fills one vector per thread). */
  void clear() {
    size = 0;
  }

  /** How many entries fit before the arrays grow. */
  int capacity() {
    return index.length;
  }

  /** Multiplies the values from {@code from} (inclusive) to the end by {@code factor}. */
  void scale(int from, float factor) {
    for (int i = from; i < size; i++) {
      value[i] *= factor;
    }
  }

  /** How many entries (not distinct buckets). */
  public int size() {
    return size;
  }

  /** The bucket of entry {@code i}, in [0, buckets). */
  public int index(int i) {
    return index[i];
  }

  /** The value of entry {@code i}. */
  public float value(int i) {
    return value[i];
  }
}
