package dev.pantau.tools.sentiment;

import dev.pantau.keywords.sentiment.FeatureVector;
import java.util.List;

/**
 * Multinomial logistic regression fitted to convergence by L-BFGS on the whole training set: the
 * class-weighted mean cross-entropy plus {@code l2 / 2 * |w|^2} (a penalty on every weight, unlike
 * the online fit's penalty on the weights an example touches). The optimum does not depend on the
 * order of the examples or a learning rate, only on the penalty. Deterministic: sums in the
 * examples' order, {@link StrictMath#exp}.
 */
public final class Lbfgs {

  private Lbfgs() {}

  /**
   * @param featureScale per-class feature scales folded into the result (see {@link
   *     NaiveBayesScale}), or null
   * @return {@code 3 * buckets} weights, bucket-major
   */
  public static double[] fit(
      List<FeatureVector> x,
      int[] gold,
      int buckets,
      double l2,
      int iterations,
      boolean balanced,
      double[] featureScale) {
    int n = 3 * buckets;
    double[] cw = {1, 1, 1};
    if (balanced) {
      double[] count = new double[3];
      for (int g : gold) {
        count[g]++;
      }
      for (int c = 0; c < 3; c++) {
        cw[c] = count[c] == 0 ? 0 : gold.length / (3.0 * count[c]);
      }
    }
    int m = 8;
    double[][] s = new double[m][];
    double[][] y = new double[m][];
    double[] rho = new double[m];
    double[] w = new double[n];
    double[] g = new double[n];
    double f = objective(x, gold, cw, l2, featureScale, w, g);
    int stored = 0;
    int head = 0;
    double[] alpha = new double[m];
    double[] wNew = new double[n];
    double[] gNew = new double[n];
    for (int it = 0; it < iterations; it++) {
      // two-loop recursion: direction d = -H g
      double[] d = new double[n];
      for (int k = 0; k < n; k++) {
        d[k] = -g[k];
      }
      for (int j = 0; j < stored; j++) {
        int i = Math.floorMod(head - 1 - j, m);
        alpha[i] = rho[i] * dot(s[i], d);
        axpy(-alpha[i], y[i], d);
      }
      if (stored > 0) {
        int last = Math.floorMod(head - 1, m);
        double gamma = dot(s[last], y[last]) / dot(y[last], y[last]);
        for (int k = 0; k < n; k++) {
          d[k] *= gamma;
        }
      } else {
        double norm = Math.sqrt(dot(g, g));
        for (int k = 0; k < n; k++) {
          d[k] /= Math.max(1.0, norm);
        }
      }
      for (int j = stored - 1; j >= 0; j--) {
        int i = Math.floorMod(head - 1 - j, m);
        double beta = rho[i] * dot(y[i], d);
        axpy(alpha[i] - beta, s[i], d);
      }
      double slope = dot(g, d);
      if (slope >= 0) {
        break;
      }
      // backtracking line search (Armijo)
      double step = 1.0;
      double fNew;
      while (true) {
        for (int k = 0; k < n; k++) {
          wNew[k] = w[k] + step * d[k];
        }
        fNew = objective(x, gold, cw, l2, featureScale, wNew, gNew);
        if (fNew <= f + 1e-4 * step * slope || step < 1e-10) {
          break;
        }
        step *= 0.5;
      }
      double[] sk = s[head] == null ? new double[n] : s[head];
      double[] yk = y[head] == null ? new double[n] : y[head];
      for (int k = 0; k < n; k++) {
        sk[k] = wNew[k] - w[k];
        yk[k] = gNew[k] - g[k];
      }
      double sy = dot(sk, yk);
      System.arraycopy(wNew, 0, w, 0, n);
      System.arraycopy(gNew, 0, g, 0, n);
      double fOld = f;
      f = fNew;
      if (sy > 1e-12) {
        s[head] = sk;
        y[head] = yk;
        rho[head] = 1.0 / sy;
        head = (head + 1) % m;
        stored = Math.min(m, stored + 1);
      }
      if (Math.abs(fOld - f) < 1e-7 * Math.max(1.0, Math.abs(f))) {
        break;
      }
    }
    if (featureScale != null) {
      for (int k = 0; k < n; k++) {
        w[k] *= featureScale[k];
      }
    }
    return w;
  }

  private static double objective(
      List<FeatureVector> x,
      int[] gold,
      double[] cw,
      double l2,
      double[] scale,
      double[] w,
      double[] grad) {
    int n = w.length;
    double f = 0;
    for (int k = 0; k < n; k++) {
      grad[k] = l2 * w[k];
      f += 0.5 * l2 * w[k] * w[k];
    }
    double inv = 1.0 / x.size();
    double[] z = new double[3];
    for (int d = 0; d < x.size(); d++) {
      FeatureVector v = x.get(d);
      z[0] = 0;
      z[1] = 0;
      z[2] = 0;
      for (int i = 0; i < v.size(); i++) {
        int k = 3 * v.index(i);
        double xv = v.value(i);
        if (scale == null) {
          z[0] += w[k] * xv;
          z[1] += w[k + 1] * xv;
          z[2] += w[k + 2] * xv;
        } else {
          z[0] += w[k] * xv * scale[k];
          z[1] += w[k + 1] * xv * scale[k + 1];
          z[2] += w[k + 2] * xv * scale[k + 2];
        }
      }
      double max = Math.max(z[0], Math.max(z[1], z[2]));
      double e0 = StrictMath.exp(z[0] - max);
      double e1 = StrictMath.exp(z[1] - max);
      double e2 = StrictMath.exp(z[2] - max);
      double sum = e0 + e1 + e2;
      int gd = gold[d];
      double c = cw[gd] * inv;
      f -= c * (z[gd] - max - StrictMath.log(sum));
      double r0 = (e0 / sum - (gd == 0 ? 1 : 0)) * c;
      double r1 = (e1 / sum - (gd == 1 ? 1 : 0)) * c;
      double r2 = (e2 / sum - (gd == 2 ? 1 : 0)) * c;
      for (int i = 0; i < v.size(); i++) {
        int k = 3 * v.index(i);
        double xv = v.value(i);
        if (scale == null) {
          grad[k] += r0 * xv;
          grad[k + 1] += r1 * xv;
          grad[k + 2] += r2 * xv;
        } else {
          grad[k] += r0 * xv * scale[k];
          grad[k + 1] += r1 * xv * scale[k + 1];
          grad[k + 2] += r2 * xv * scale[k + 2];
        }
      }
    }
    return f;
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int k = 0; k < a.length; k++) {
      s += a[k] * b[k];
    }
    return s;
  }

  private static void axpy(double a, double[] x, double[] y) {
    for (int k = 0; k < x.length; k++) {
      y[k] += a * x[k];
    }
  }
}
