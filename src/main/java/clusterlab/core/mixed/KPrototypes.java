package clusterlab.core.mixed;

import clusterlab.core.Check;
import clusterlab.core.Progress;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * k-prototypes (Huang 1998, "Extensions to the k-means algorithm for clustering large data sets
 * with categorical values", Data Mining and Knowledge Discovery 2(3)) for tables of numeric and
 * categorical columns: a prototype holds the mean of each numeric column and the mode of each
 * categorical one, and the cost of a row against a prototype is
 *
 * <pre>  sum over numeric columns (x - mean)^2  +  gamma * number of categorical mismatches</pre>
 *
 * <p>gamma defaults, as Huang (1997, 1998) suggests and Python's kmodes implements, to half the
 * mean standard deviation of the numeric columns (population standard deviations over the
 * available values); with no numeric column it is 1. Ordinal and asymmetric binary columns count
 * as categorical. A missing cell is left out of the cost (and of the prototype update).
 *
 * <p>Iteration (Huang's algorithm, in the form of kmodes): every row is allocated to its nearest
 * initial prototype and the prototypes are computed; then rows are re-tested one at a time, in
 * order, and a row whose nearest prototype belongs to another cluster is moved at once, both
 * prototypes being updated; passes repeat until none moves. A move that would empty a cluster is
 * not made. Initialisation: Cao, Liang and Bai (2009, "A new initialization method for
 * categorical data clustering", Expert Systems with Applications 36) picks rows of high density
 * (mean relative frequency of their categories) far from the prototypes chosen so far, using the
 * k-prototypes cost as distance; or k random rows. Deterministic for a seed.
 */
public final class KPrototypes {

  /** How the initial prototypes are chosen. */
  public enum Init {
    /** Cao et al. (2009): density times distance to the nearest chosen prototype (deterministic). */
    CAO,
    /** k distinct random rows. */
    RANDOM
  }

  private final int k;
  private final double gamma;
  private final Init init;
  private final int maxIterations;

  /**
   * @param gamma weight of a categorical mismatch; NaN for Huang's default (half the mean numeric standard deviation)
   */
  public KPrototypes(int k, double gamma, Init init, int maxIterations) {
    Check.atLeast("k (number of clusters)", k, 1);
    if (!Double.isNaN(gamma)) {
      Check.nonNegative("gamma", gamma);
    }
    Check.notNull("init", init);
    Check.atLeast("maxIterations", maxIterations, 1);
    this.k = k;
    this.gamma = gamma;
    this.init = init;
    this.maxIterations = maxIterations;
  }

  /** Huang's default gamma for a table: half the mean population standard deviation of its numeric columns (1 without any). */
  public static double defaultGamma(MixedTable t) {
    double sum = 0;
    int cols = 0;
    for (int j = 0; j < t.m(); j++) {
      if (t.type(j) != ColumnType.NUMERIC) {
        continue;
      }
      double s = 0;
      double s2 = 0;
      double w = 0;
      double mean0 = Double.NaN;
      for (int i = 0; i < t.n(); i++) {
        double x = t.get(i, j);
        if (x == x) {
          if (mean0 != mean0) {
            mean0 = x; // shift for a numerically stable variance
          }
          s += x - mean0;
          s2 += (x - mean0) * (x - mean0);
          w++;
        }
      }
      if (w > 0) {
        double m = s / w;
        sum += Math.sqrt(Math.max(0, s2 / w - m * m));
        cols++;
      }
    }
    return cols == 0 ? 1.0 : 0.5 * sum / cols;
  }

  /** Clusters the table. */
  public KPrototypesModel fit(MixedTable t, long seed, Progress progress) {
    Check.notNull("table", t);
    if (t.n() < k) {
      throw new IllegalArgumentException("k = " + k + " clusters need at least " + k + " rows, the data has " + t.n()
          + "; use more data or fewer clusters");
    }
    double g = Double.isNaN(gamma) ? defaultGamma(t) : gamma;
    State s = new State(t, k, g);
    int[] start = init == Init.CAO ? cao(t, s) : random(t.n(), new SplittableRandom(seed));
    for (int c = 0; c < k; c++) {
      s.setPrototypeFromRow(c, start[c]);
    }
    s.allocateAll();
    int iterations = 0;
    boolean converged = false;
    while (iterations < maxIterations) {
      progress.checkCancelled();
      iterations++;
      int moves = s.pass();
      progress.report("kprototypes", Double.NaN, "pass " + iterations + ", " + moves + " moves, cost " + s.cost());
      if (moves == 0) {
        converged = true;
        break;
      }
    }
    return s.model(start, iterations, converged);
  }

  private int[] random(int n, SplittableRandom rng) {
    int[] perm = new int[n];
    for (int i = 0; i < n; i++) {
      perm[i] = i;
    }
    for (int i = 0; i < k; i++) {
      int j = i + rng.nextInt(n - i);
      int x = perm[i];
      perm[i] = perm[j];
      perm[j] = x;
    }
    return Arrays.copyOf(perm, k);
  }

  /** Cao et al. (2009) with the k-prototypes cost between rows as the distance. */
  private int[] cao(MixedTable t, State s) {
    int n = t.n();
    int m = t.m();
    double[] density = new double[n];
    int cat = 0;
    for (int j = 0; j < m; j++) {
      if (t.type(j) == ColumnType.NUMERIC) {
        continue;
      }
      cat++;
      double[] freq = new double[t.levels(j)];
      for (int i = 0; i < n; i++) {
        double x = t.get(i, j);
        if (x == x) {
          freq[(int) x] += t.weight(i);
        }
      }
      for (int i = 0; i < n; i++) {
        double x = t.get(i, j);
        if (x == x) {
          density[i] += freq[(int) x];
        }
      }
    }
    double total = 0;
    for (int i = 0; i < n; i++) {
      total += t.weight(i);
    }
    for (int i = 0; i < n; i++) {
      density[i] = cat == 0 ? 1.0 : density[i] / (cat * total);
    }
    int[] chosen = new int[k];
    boolean[] used = new boolean[n];
    chosen[0] = argmax(density, used);
    used[chosen[0]] = true;
    double[] nearest = new double[n];
    Arrays.fill(nearest, Double.POSITIVE_INFINITY);
    double[] v = t.values();
    for (int c = 1; c < k; c++) {
      int last = chosen[c - 1];
      double[] score = new double[n];
      for (int i = 0; i < n; i++) {
        nearest[i] = Math.min(nearest[i], s.rowCost(v, i * m, v, last * m));
        score[i] = nearest[i] * density[i];
      }
      chosen[c] = argmax(score, used);
      used[chosen[c]] = true;
    }
    return chosen;
  }

  private static int argmax(double[] v, boolean[] skip) {
    int best = -1;
    for (int i = 0; i < v.length; i++) {
      if (!skip[i] && (best < 0 || v[i] > v[best])) {
        best = i;
      }
    }
    return best;
  }

  /** Prototypes, cluster statistics and labels during the iteration. */
  private static final class State {
    final MixedTable t;
    final int n;
    final int m;
    final int k;
    final double gamma;
    final boolean[] numeric;
    final double[] proto;      // k x m: means / modes
    final double[] sum;        // k x m: weighted sums of numeric columns
    final double[] count;      // k x m: weight of available numeric values
    final double[][] levels;   // per (c, j) categorical: weighted counts per level, flattened per cluster
    final int[] levelOffset;   // offset of column j's counts inside a cluster's block
    final int levelBlock;
    final double[] size;
    final int[] members;
    final int[] label;

    State(MixedTable t, int k, double gamma) {
      this.t = t;
      this.n = t.n();
      this.m = t.m();
      this.k = k;
      this.gamma = gamma;
      numeric = new boolean[m];
      levelOffset = new int[m];
      int off = 0;
      for (int j = 0; j < m; j++) {
        numeric[j] = t.type(j) == ColumnType.NUMERIC;
        levelOffset[j] = off;
        if (!numeric[j]) {
          off += t.levels(j);
        }
      }
      levelBlock = off;
      proto = new double[k * m];
      sum = new double[k * m];
      count = new double[k * m];
      levels = new double[k][levelBlock];
      size = new double[k];
      members = new int[k];
      label = new int[n];
    }

    double rowCost(double[] a, int ao, double[] b, int bo) {
      double num = 0;
      double mis = 0;
      for (int j = 0; j < m; j++) {
        double x = a[ao + j];
        double y = b[bo + j];
        if (x != x || y != y) {
          continue;
        }
        if (numeric[j]) {
          double dd = x - y;
          num += dd * dd;
        } else if (x != y) {
          mis++;
        }
      }
      return num + gamma * mis;
    }

    double cost(int i, int c) {
      return rowCost(t.values(), i * m, proto, c * m);
    }

    void setPrototypeFromRow(int c, int row) {
      for (int j = 0; j < m; j++) {
        double x = t.get(row, j);
        proto[c * m + j] = x == x ? x : columnFallback(j);
      }
    }

    /** Mean (numeric) or most frequent code (categorical) of the whole column, for missing prototype cells. */
    double columnFallback(int j) {
      if (numeric[j]) {
        double s = 0;
        double w = 0;
        for (int i = 0; i < n; i++) {
          double x = t.get(i, j);
          if (x == x) {
            s += t.weight(i) * x;
            w += t.weight(i);
          }
        }
        return w > 0 ? s / w : 0;
      }
      double[] f = new double[Math.max(1, t.levels(j))];
      for (int i = 0; i < n; i++) {
        double x = t.get(i, j);
        if (x == x) {
          f[(int) x] += t.weight(i);
        }
      }
      int b = 0;
      for (int l = 1; l < f.length; l++) {
        if (f[l] > f[b]) {
          b = l;
        }
      }
      return b;
    }

    int nearest(int i) {
      int best = 0;
      double bd = Double.POSITIVE_INFINITY;
      for (int c = 0; c < k; c++) {
        double d = cost(i, c);
        if (d < bd) {
          bd = d;
          best = c;
        }
      }
      return best;
    }

    void allocateAll() {
      for (int i = 0; i < n; i++) {
        label[i] = nearest(i);
        add(i, label[i], 1);
      }
      for (int c = 0; c < k; c++) {
        for (int j = 0; j < m; j++) {
          refresh(c, j);
        }
      }
    }

    int pass() {
      int moves = 0;
      for (int i = 0; i < n; i++) {
        int from = label[i];
        int to = nearest(i);
        if (to == from || members[from] <= 1) { // never empty a cluster
          continue;
        }
        add(i, from, -1);
        add(i, to, 1);
        label[i] = to;
        for (int j = 0; j < m; j++) {
          if (t.get(i, j) == t.get(i, j)) {
            refresh(from, j);
            refresh(to, j);
          }
        }
        moves++;
      }
      return moves;
    }

    void add(int i, int c, int sign) {
      double w = sign * t.weight(i);
      size[c] += w;
      members[c] += sign;
      for (int j = 0; j < m; j++) {
        double x = t.get(i, j);
        if (x != x) {
          continue;
        }
        if (numeric[j]) {
          sum[c * m + j] += w * x;
          count[c * m + j] += w;
        } else {
          levels[c][levelOffset[j] + (int) x] += w;
        }
      }
    }

    /** Recomputes prototype cell (c, j) from the cluster statistics; keeps it when the cluster has no value there. */
    void refresh(int c, int j) {
      if (numeric[j]) {
        if (count[c * m + j] > 1e-12) {
          proto[c * m + j] = sum[c * m + j] / count[c * m + j];
        }
        return;
      }
      double[] f = levels[c];
      int off = levelOffset[j];
      int b = -1;
      for (int l = 0; l < t.levels(j); l++) {
        if (f[off + l] > 1e-12 && (b < 0 || f[off + l] > f[off + b])) {
          b = l;
        }
      }
      if (b >= 0) {
        proto[c * m + j] = b;
      }
    }

    double cost() {
      double s = 0;
      for (int i = 0; i < n; i++) {
        s += t.weight(i) * cost(i, label[i]);
      }
      return s;
    }

    KPrototypesModel model(int[] start, int iterations, boolean converged) {
      // numeric means recomputed from scratch so that incremental rounding does not linger
      double[] exact = proto.clone();
      for (int c = 0; c < k; c++) {
        for (int j = 0; j < m; j++) {
          if (!numeric[j]) {
            continue;
          }
          double s = 0;
          double w = 0;
          for (int i = 0; i < n; i++) {
            double x = t.get(i, j);
            if (label[i] == c && x == x) {
              s += t.weight(i) * x;
              w += t.weight(i);
            }
          }
          if (w > 0) {
            exact[c * m + j] = s / w;
          }
        }
      }
      System.arraycopy(exact, 0, proto, 0, exact.length);
      double[] clusterCost = new double[k];
      double[] clusterSize = new double[k];
      for (int i = 0; i < n; i++) {
        clusterCost[label[i]] += t.weight(i) * cost(i, label[i]);
        clusterSize[label[i]] += t.weight(i);
      }
      return new KPrototypesModel(k, m, t.types(), exact, label.clone(), clusterCost, clusterSize, gamma, start.clone(),
          iterations, converged);
    }
  }
}
