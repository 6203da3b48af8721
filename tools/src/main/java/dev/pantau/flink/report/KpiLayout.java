package dev.pantau.flink.report;

import dev.pantau.flink.job.kpi.KpiField;
import dev.pantau.flink.job.kpi.KpiFields;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each scalar KPI of the registry sits in a {@link KpiRow}'s value array. A month of minute
 * windows is a million rows: a map of boxed numbers per row took five times the memory.
 */
public final class KpiLayout {
  private final Map<String, Integer> index = new HashMap<>();

  /** The positions of nested fields by parent and own name: no path is built per field read. */
  private final Map<String, Map<String, Integer>> nested = new HashMap<>();

  private final boolean[] ratio;
  private final String family;

  KpiLayout(KpiFields fields) {
    String familyName = null;
    boolean[] ratios = new boolean[fields.all().size()];
    int n = 0;
    for (KpiField f : fields.all()) {
      if (f.metric().family()) {
        familyName = f.name();
      } else {
        ratios[n] = f.metric().ratio();
        int dot = f.name().indexOf('.');
        if (dot > 0) {
          nested
              .computeIfAbsent(f.name().substring(0, dot), k -> new HashMap<>())
              .put(f.name().substring(dot + 1), n);
        }
        index.put(f.name(), n++);
      }
    }
    this.ratio = Arrays.copyOf(ratios, n);
    this.family = familyName;
  }

  /** The position of a scalar field, or -1. */
  int index(String metric) {
    Integer i = index.get(metric);
    return i == null ? -1 : i;
  }

  /** The positions of the fields under {@code parent}, by their own name; empty for none. */
  Map<String, Integer> children(String parent) {
    return nested.getOrDefault(parent, Map.of());
  }

  boolean ratio(int i) {
    return ratio[i];
  }

  int size() {
    return ratio.length;
  }

  /** The family's name ({@code topics.}), or null. */
  String family() {
    return family;
  }

  /** An array of absent values (NaN) to fill. */
  double[] empty() {
    double[] v = new double[ratio.length];
    Arrays.fill(v, Double.NaN);
    return v;
  }
}
