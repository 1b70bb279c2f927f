package clusterlab.core.profile;

import clusterlab.core.Check;
import clusterlab.core.mixed.ColumnType;
import clusterlab.core.mixed.MixedTable;
import clusterlab.core.parallel.Parallel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Describes the segments of any clustering of a mixed table: who is in segment 3, in numbers and in
 * plain words. For each segment and attribute it contrasts the segment with the rest of the data:
 * numbers by mean, median, standardized difference, Cohen's d and Welch's t-test; categories by
 * their level shares, lift, adjusted residuals, Cramér's V and a chi-square test. All p-values of
 * the profile form one family and are corrected together ({@link PAdjust}, Holm by default), and
 * attributes are ranked by one effect scale ({@link Contrast#effect()}).
 *
 * <p>Works from labels alone, so any clusterer's assignment can be profiled; noise (label -1)
 * belongs to no segment but counts in "overall" and in every segment's "rest". Missing values are
 * left out attribute by attribute. Ordinal columns are profiled as categories (with their median
 * level), asymmetric binary ones as two-level categories. Row weights are not used: each row counts
 * once, as in the tests' textbook forms.
 */
public final class ClusterProfiler {

  private final PAdjust correction;
  private final int threads;

  /** Holm's correction, all cores. */
  public ClusterProfiler() {
    this(PAdjust.HOLM, 0);
  }

  /**
   * @param correction the multiple-testing correction of every p-value of the profile
   * @param threads worker threads over the (segment, attribute) contrasts, {@code <= 0} for all
   *     cores; the result does not depend on it (every contrast is computed by one thread)
   */
  public ClusterProfiler(PAdjust correction, int threads) {
    this.correction = Check.notNull("correction", correction);
    this.threads = threads;
  }

  /**
   * Profiles the clustering.
   *
   * @param table the rows that were clustered (or any attributes of them)
   * @param labels one cluster per row, 0-based, -1 for noise
   * @param levelNames per column its level labels (categorical columns), or null for "1", "2", ...
   */
  public ClusterProfile profile(MixedTable table, int[] labels, String[][] levelNames) {
    Check.notNull("table", table);
    Check.notNull("labels", labels);
    if (labels.length != table.n()) {
      throw new IllegalArgumentException("there are " + labels.length + " labels for " + table.n() + " rows");
    }
    int k = 0;
    int noise = 0;
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] < -1) {
        throw new IllegalArgumentException("label of row " + (i + 1) + " is " + labels[i] + "; use 0.. for clusters, -1 for noise");
      }
      k = Math.max(k, labels[i] + 1);
      noise += labels[i] == -1 ? 1 : 0;
    }
    long[] sizes = new long[k];
    for (int l : labels) {
      if (l >= 0) {
        sizes[l]++;
      }
    }
    String[][] levels = new String[table.m()][];
    for (int j = 0; j < table.m(); j++) {
      levels[j] = table.type(j) == ColumnType.NUMERIC ? null : names(levelNames, table, j);
    }
    int m = table.m();
    double[] medians = new double[m]; // overall medians, once per column rather than once per segment
    Parallel.forRange(m, threads, (chunk, from, to) -> {
      for (int j = from; j < to; j++) {
        medians[j] = table.type(j) == ColumnType.NUMERIC ? overallMedian(table, j) : Double.NaN;
      }
    });
    Contrast[] all = new Contrast[k * m];
    Parallel.forRange(k * m, threads, (chunk, from, to) -> {
      for (int t = from; t < to; t++) {
        int c = t / m;
        int j = t % m;
        if (sizes[c] > 0 && sizes[c] < table.n()) {
          all[t] = table.type(j) == ColumnType.NUMERIC ? numeric(table, labels, c, j, medians[j]) : category(table, labels, c, j, levels[j]);
        }
      }
    });
    List<List<Contrast>> raw = new ArrayList<>();
    for (int c = 0; c < k; c++) {
      List<Contrast> list = new ArrayList<>();
      for (int j = 0; j < m; j++) {
        if (all[c * m + j] != null) {
          list.add(all[c * m + j]);
        }
      }
      raw.add(list);
    }
    List<Segment> segments = adjust(raw, sizes, table.n());
    String[] columns = new String[table.m()];
    Arrays.setAll(columns, table::name);
    return new ClusterProfile(table.n(), noise, columns, correction, segments);
  }

  private List<Segment> adjust(List<List<Contrast>> raw, long[] sizes, int n) {
    double[] p = raw.stream().flatMap(List::stream).mapToDouble(Contrast::p).toArray();
    double[] q = correction.adjust(p);
    List<Segment> out = new ArrayList<>();
    int t = 0;
    for (int c = 0; c < raw.size(); c++) {
      List<Contrast> adjusted = new ArrayList<>();
      for (Contrast x : raw.get(c)) {
        adjusted.add(x.withPAdjusted(q[t++]));
      }
      out.add(new Segment(c, sizes[c], (double) sizes[c] / n, adjusted, null));
    }
    return out;
  }

  private static String[] names(String[][] levelNames, MixedTable table, int j) {
    int levels = table.levels(j);
    if (levelNames != null && levelNames[j] != null) {
      if (levelNames[j].length != levels) {
        throw new IllegalArgumentException("column '" + table.name(j) + "' has " + levels + " levels but "
            + levelNames[j].length + " level names");
      }
      return levelNames[j].clone();
    }
    String[] s = new String[levels];
    Arrays.setAll(s, l -> Integer.toString(l + 1));
    return s;
  }

  private static double overallMedian(MixedTable table, int j) {
    double[] v = new double[table.n()];
    int n = 0;
    for (int i = 0; i < table.n(); i++) {
      double x = table.get(i, j);
      if (!Double.isNaN(x)) {
        v[n++] = x;
      }
    }
    return Tests.median(v, n);
  }

  static NumericContrast numeric(MixedTable table, int[] labels, int c, int j, double medianAll) {
    int n = table.n();
    double[] in = new double[n];
    int nIn = 0;
    int nAll = 0;
    long missingIn = 0;
    double sumIn = 0;
    double sumAll = 0;
    for (int i = 0; i < n; i++) {
      double x = table.get(i, j);
      if (Double.isNaN(x)) {
        missingIn += labels[i] == c ? 1 : 0;
        continue;
      }
      nAll++;
      sumAll += x;
      if (labels[i] == c) {
        in[nIn++] = x;
        sumIn += x;
      }
    }
    int nRest = nAll - nIn;
    double meanIn = nIn == 0 ? Double.NaN : sumIn / nIn;
    double meanAll = nAll == 0 ? Double.NaN : sumAll / nAll;
    double meanRest = nRest == 0 ? Double.NaN : (sumAll - sumIn) / nRest;
    double ssIn = 0;
    double ssRest = 0;
    for (int i = 0; i < n; i++) {
      double x = table.get(i, j);
      if (!Double.isNaN(x)) {
        if (labels[i] == c) {
          ssIn += (x - meanIn) * (x - meanIn);
        } else {
          ssRest += (x - meanRest) * (x - meanRest);
        }
      }
    }
    double varIn = nIn > 1 ? ssIn / (nIn - 1) : Double.NaN;
    double varRest = nRest > 1 ? ssRest / (nRest - 1) : Double.NaN;
    // total sum of squares = within + between (exact decomposition, no second pass)
    double ssAll = ssIn + ssRest + (nIn > 0 && nRest > 0
        ? (double) nIn * nRest / nAll * (meanIn - meanRest) * (meanIn - meanRest) : 0);
    double sdAll = nAll > 1 ? Math.sqrt(ssAll / (nAll - 1)) : Double.NaN;
    double pooled = nAll > 2 ? Math.sqrt((ssIn + ssRest) / (nAll - 2)) : Double.NaN;
    double diff = meanIn - meanRest;
    double d = pooled > 0 ? diff / pooled : Double.NaN;
    double r = ssAll > 0 && nIn > 0 && nRest > 0 ? diff * Math.sqrt((double) nIn * nRest / nAll / ssAll) : Double.NaN;
    double stdDiff = sdAll > 0 ? (meanIn - meanAll) / sdAll : Double.NaN;
    double[] t = Tests.welch(meanIn, varIn, nIn, meanRest, varRest, nRest);
    double medianIn = Tests.median(in, nIn);
    return new NumericContrast(table.name(j), j, nIn, nRest, missingIn, meanIn, meanRest, meanAll, sdAll, medianIn,
        medianAll, stdDiff, d, r, t[0], t[1], t[2], Double.NaN);
  }

  static CategoryContrast category(MixedTable table, int[] labels, int c, int j, String[] levelNames) {
    int levels = table.levels(j);
    long[] in = new long[levels];
    long[] rest = new long[levels];
    long missingIn = 0;
    for (int i = 0; i < table.n(); i++) {
      double x = table.get(i, j);
      if (Double.isNaN(x)) {
        missingIn += labels[i] == c ? 1 : 0;
      } else if (labels[i] == c) {
        in[(int) x]++;
      } else {
        rest[(int) x]++;
      }
    }
    long nIn = Arrays.stream(in).sum();
    long nRest = Arrays.stream(rest).sum();
    double total = nIn + nRest;
    double chi2 = 0;
    int used = 0;
    double[] residual = new double[levels];
    Arrays.fill(residual, Double.NaN);
    for (int l = 0; l < levels; l++) {
      long col = in[l] + rest[l];
      if (col == 0) {
        continue;
      }
      used++;
      double eIn = nIn * col / total;
      double eRest = nRest * col / total;
      if (eIn > 0 && eRest > 0) {
        chi2 += (in[l] - eIn) * (in[l] - eIn) / eIn + (rest[l] - eRest) * (rest[l] - eRest) / eRest;
        residual[l] = (in[l] - eIn) / Math.sqrt(eIn * (1 - nIn / total) * (1 - col / total));
      }
    }
    boolean testable = nIn > 0 && nRest > 0 && used > 1;
    int df = testable ? used - 1 : 0;
    double p = testable ? Tests.chiSquareUpper(chi2, df) : Double.NaN;
    double v = testable ? Math.sqrt(chi2 / total) : Double.NaN;
    if (!testable) {
      chi2 = Double.NaN;
    }
    boolean ordered = table.type(j) == ColumnType.ORDINAL;
    int medianIn = ordered ? Tests.medianLevel(in) : -1;
    int medianAll = -1;
    if (ordered) {
      long[] all = new long[levels];
      Arrays.setAll(all, l -> in[l] + rest[l]);
      medianAll = Tests.medianLevel(all);
    }
    return new CategoryContrast(table.name(j), j, ordered, levelNames, in, rest, missingIn, chi2, df, v, residual,
        medianIn, medianAll, p, Double.NaN);
  }
}
