package clusterlab.core.evaluation;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import org.apache.commons.math3.special.Gamma;

/**
 * External validity indices: agreement between a clustering and reference classes, all computed
 * from the {@link Contingency} table with scikit-learn's formulas and special cases (sklearn
 * 1.2, {@code sklearn.metrics.cluster._supervised}), so values agree with it to rounding.
 *
 * <p>References: Hubert and Arabie (1985) adjusted Rand; Rand (1971); Strehl and Ghosh (2002) and
 * Vinh, Epps and Bailey (2010) normalized and adjusted mutual information; Fowlkes and Mallows
 * (1983); Rosenberg and Hirschberg (2007) homogeneity, completeness and V-measure.
 */
public final class External {

  private static final double EPS = Math.ulp(1.0);

  private External() {
  }

  /** How two entropies are averaged to normalise mutual information. */
  public enum Average {
    MIN, GEOMETRIC, ARITHMETIC, MAX;

    /** Lower-case name, as scikit-learn's {@code average_method}. */
    public String id() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    double of(double u, double v) {
      switch (this) {
        case MIN:
          return Math.min(u, v);
        case GEOMETRIC:
          return Math.sqrt(u * v);
        case ARITHMETIC:
          return (u + v) / 2;
        default:
          return Math.max(u, v);
      }
    }
  }

  /** Pair counts {tn, fp, fn, tp} over ordered pairs, as scikit-learn's pair_confusion_matrix. */
  static long[] pairConfusion(Contingency c) {
    long n = c.n();
    long sumSquares = 0;
    for (long[] row : c.raw()) {
      for (long v : row) {
        sumSquares += v * v;
      }
    }
    long rowDot = 0;
    for (long v : c.rows()) {
      rowDot += v * v;
    }
    long colDot = 0;
    for (long v : c.cols()) {
      colDot += v * v;
    }
    long fp = colDot - sumSquares;
    long fn = rowDot - sumSquares;
    long tp = sumSquares - n;
    long tn = n * n - fp - fn - sumSquares;
    return new long[] {tn, fp, fn, tp};
  }

  /** Adjusted Rand index (Hubert and Arabie 1985); 1 for identical partitions, about 0 at chance. */
  public static double adjustedRand(Contingency c) {
    long[] p = pairConfusion(c);
    BigInteger tn = BigInteger.valueOf(p[0]);
    BigInteger fp = BigInteger.valueOf(p[1]);
    BigInteger fn = BigInteger.valueOf(p[2]);
    BigInteger tp = BigInteger.valueOf(p[3]);
    if (p[1] == 0 && p[2] == 0) {
      return 1.0;
    }
    BigInteger num = tp.multiply(tn).subtract(fn.multiply(fp)).shiftLeft(1);
    BigInteger den = tp.add(fn).multiply(fn.add(tn)).add(tp.add(fp).multiply(fp.add(tn)));
    return new BigDecimal(num).divide(new BigDecimal(den), MathContext.DECIMAL128).doubleValue();
  }

  /** Rand index: the fraction of pairs on which the two labellings agree. */
  public static double rand(Contingency c) {
    long[] p = pairConfusion(c);
    long num = p[0] + p[3];
    long den = p[0] + p[1] + p[2] + p[3];
    if (num == den || den == 0) {
      return 1.0;
    }
    return (double) num / den;
  }

  /** Entropy (natural log) of a vector of counts. */
  static double entropy(long[] counts) {
    int nonZero = 0;
    double sum = 0;
    for (long v : counts) {
      if (v > 0) {
        nonZero++;
        sum += v;
      }
    }
    if (counts.length == 0) {
      return 1.0;
    }
    if (nonZero == 1) {
      return 0.0;
    }
    double logSum = Math.log(sum);
    double h = 0;
    for (long v : counts) {
      if (v > 0) {
        h += (v / sum) * (Math.log(v) - logSum);
      }
    }
    return -h;
  }

  /** Entropy of the reference classes. */
  public static double classEntropy(Contingency c) {
    return entropy(c.rows());
  }

  /** Entropy of the clusters. */
  public static double clusterEntropy(Contingency c) {
    return entropy(c.cols());
  }

  /** Mutual information (natural log) between classes and clusters. */
  public static double mutualInformation(Contingency c) {
    long[] a = c.rows();
    long[] b = c.cols();
    if (a.length == 1 || b.length == 1) {
      return 0.0;
    }
    double n = c.n();
    double logN = Math.log(n);
    long sa = 0;
    for (long v : a) {
      sa += v;
    }
    long sb = 0;
    for (long v : b) {
      sb += v;
    }
    double logSums = Math.log(sa) + Math.log(sb);
    long[][] t = c.raw();
    double mi = 0;
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < b.length; j++) {
        long v = t[i][j];
        if (v == 0) {
          continue;
        }
        double nm = v / n;
        double logOuter = -Math.log((double) (a[i] * b[j])) + logSums;
        double term = nm * (Math.log(v) - logN) + nm * logOuter;
        if (Math.abs(term) >= EPS) {
          mi += term;
        }
      }
    }
    return Math.max(mi, 0.0);
  }

  private static boolean trivial(Contingency c) {
    int r = c.rows().length;
    int k = c.cols().length;
    return r == k && (r == 1 || r == 0);
  }

  /** Normalized mutual information with the given average of the two entropies. */
  public static double normalizedMutualInformation(Contingency c, Average average) {
    if (trivial(c)) {
      return 1.0;
    }
    double mi = mutualInformation(c);
    if (mi == 0) {
      return 0.0;
    }
    return mi / average.of(classEntropy(c), clusterEntropy(c));
  }

  /**
   * Expected mutual information of two random labellings with the table's margins, under the
   * hypergeometric model (Vinh, Epps and Bailey 2010), exact, summed as scikit-learn's
   * {@code expected_mutual_information}; log-factorials come from commons-math3's log-gamma.
   */
  public static double expectedMutualInformation(Contingency c) {
    long[] a = c.rows();
    long[] b = c.cols();
    if (a.length == 1 || b.length == 1) {
      return 0.0;
    }
    int n = Math.toIntExact(c.n());
    long maxAb = 0;
    for (long v : a) {
      maxAb = Math.max(maxAb, v);
    }
    for (long v : b) {
      maxAb = Math.max(maxAb, v);
    }
    double[] lg = new double[n + 2];
    for (int m = 1; m < lg.length; m++) {
      lg[m] = Gamma.logGamma(m);
    }
    double logN = Math.log(n);
    double glnN = lg[n + 1];
    double emi = 0;
    for (int i = 0; i < a.length; i++) {
      int ai = (int) a[i];
      double logA = Math.log(ai);
      for (int j = 0; j < b.length; j++) {
        int bj = (int) b[j];
        double logB = Math.log(bj);
        double fixed = lg[ai + 1] + lg[bj + 1] + lg[n - ai + 1] + lg[n - bj + 1] - glnN;
        int start = Math.max(1, ai - n + bj);
        int end = Math.min(ai, bj);
        for (int nij = start; nij <= end; nij++) {
          double term2 = logN + Math.log(nij) - logA - logB;
          double gln = fixed - lg[nij + 1] - lg[ai - nij + 1] - lg[bj - nij + 1] - lg[n - ai - bj + nij + 1];
          emi += ((double) nij / n) * term2 * Math.exp(gln);
        }
      }
    }
    return emi;
  }

  /** Adjusted mutual information (Vinh, Epps and Bailey 2010) with the given average. */
  public static double adjustedMutualInformation(Contingency c, Average average) {
    if (trivial(c)) {
      return 1.0;
    }
    double mi = mutualInformation(c);
    double emi = expectedMutualInformation(c);
    double normalizer = average.of(classEntropy(c), clusterEntropy(c));
    double den = normalizer - emi;
    den = den < 0 ? Math.min(den, -EPS) : Math.max(den, EPS);
    return (mi - emi) / den;
  }

  /** Fowlkes-Mallows index: geometric mean of pairwise precision and recall. */
  public static double fowlkesMallows(Contingency c) {
    long n = c.n();
    long tk = -n;
    for (long[] row : c.raw()) {
      for (long v : row) {
        tk += v * v;
      }
    }
    long pk = -n;
    for (long v : c.cols()) {
      pk += v * v;
    }
    long qk = -n;
    for (long v : c.rows()) {
      qk += v * v;
    }
    return tk != 0 ? Math.sqrt((double) tk / pk) * Math.sqrt((double) tk / qk) : 0.0;
  }

  /** Homogeneity: each cluster holds members of a single class (1 when classes have no entropy). */
  public static double homogeneity(Contingency c) {
    double h = classEntropy(c);
    return h != 0 ? mutualInformation(c) / h : 1.0;
  }

  /** Completeness: all members of a class are in one cluster (1 when clusters have no entropy). */
  public static double completeness(Contingency c) {
    double h = clusterEntropy(c);
    return h != 0 ? mutualInformation(c) / h : 1.0;
  }

  /** V-measure with weight {@code beta} (1: harmonic mean of homogeneity and completeness). */
  public static double vMeasure(Contingency c, double beta) {
    double h = homogeneity(c);
    double k = completeness(c);
    if (h + k == 0.0) {
      return 0.0;
    }
    return (1 + beta) * h * k / (beta * h + k);
  }

  /** Purity: the fraction of rows that belong to their cluster's majority class. */
  public static double purity(Contingency c) {
    long[][] t = c.raw();
    long sum = 0;
    for (int j = 0; j < c.cols().length; j++) {
      long best = 0;
      for (long[] row : t) {
        best = Math.max(best, row[j]);
      }
      sum += best;
    }
    return c.n() == 0 ? 1.0 : (double) sum / c.n();
  }
}
