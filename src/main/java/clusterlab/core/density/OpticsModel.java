package clusterlab.core.density;

import clusterlab.core.Check;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The result of {@link Optics}: the ordering, and per row its reachability distance, core
 * distance and predecessor (the row it was reached from, -1 for the first row of each connected
 * part). The reachability plot is {@code reachability(ordering[i])} against position i.
 */
public final class OpticsModel implements Serializable {

  private static final long serialVersionUID = 1L;

  private final int[] ordering;
  private final double[] reachability;
  private final double[] coreDistances;
  private final int[] predecessor;
  private final int minPts;
  private final double maxEps;

  OpticsModel(int[] ordering, double[] reachability, double[] coreDistances, int[] predecessor, int minPts,
      double maxEps) {
    this.ordering = ordering;
    this.reachability = reachability;
    this.coreDistances = coreDistances;
    this.predecessor = predecessor;
    this.minPts = minPts;
    this.maxEps = maxEps;
  }

  /** Rows in processing order. */
  public int[] ordering() {
    return ordering.clone();
  }

  /** Reachability distance of every row (indexed by row, infinity for the first of each part). */
  public double[] reachability() {
    return reachability.clone();
  }

  /** Reachability in ordering order: the reachability plot. */
  public double[] reachabilityPlot() {
    double[] out = new double[ordering.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = reachability[ordering[i]];
    }
    return out;
  }

  /** Core distance of every row (infinity when not core within maxEps). */
  public double[] coreDistances() {
    return coreDistances.clone();
  }

  /** Predecessor of every row, -1 when none. */
  public int[] predecessor() {
    return predecessor.clone();
  }

  public int minPts() {
    return minPts;
  }

  public double maxEps() {
    return maxEps;
  }

  /**
   * A DBSCAN-equivalent flat clustering at radius {@code eps <= maxEps} (Ankerst et al., section
   * 4.1; scikit-learn's {@code cluster_optics_dbscan}): labels, -1 for noise.
   */
  public int[] extractDbscan(double eps) {
    Check.positive("eps", eps);
    int n = ordering.length;
    int[] labels = new int[n];
    int label = -1;
    for (int pos = 0; pos < n; pos++) {
      int row = ordering[pos];
      boolean core = coreDistances[row] <= eps;
      if (reachability[row] > eps) {
        if (core) {
          label++;
          labels[row] = label;
        } else {
          labels[row] = -1;
        }
      } else {
        labels[row] = label;
      }
    }
    return labels;
  }

  /** The clusters found by {@link #extractXi}: flat labels and the nested [start, end] ranges of the plot. */
  public static final class XiResult implements Serializable {
    private static final long serialVersionUID = 1L;
    private final int[] labels;
    private final int[][] hierarchy;

    XiResult(int[] labels, int[][] hierarchy) {
      this.labels = labels;
      this.hierarchy = hierarchy;
    }

    /** Label of every row (-1: in no leaf cluster). */
    public int[] labels() {
      return labels.clone();
    }

    /** Every cluster as {start, end} positions of the ordering (inclusive), nested ones before the ones containing them. */
    public int[][] hierarchy() {
      int[][] out = new int[hierarchy.length][];
      for (int i = 0; i < out.length; i++) {
        out[i] = hierarchy[i].clone();
      }
      return out;
    }

    public int numClusters() {
      int m = -1;
      for (int l : labels) {
        m = Math.max(m, l);
      }
      return m + 1;
    }
  }

  /**
   * ξ-steep cluster extraction (Ankerst et al. 1999, section 4.3, with the predecessor correction of
   * Schubert and Gertz 2018), with scikit-learn's {@code cluster_optics_xi} semantics.
   *
   * @param xi minimum relative steepness of a cluster boundary, in (0, 1)
   * @param minClusterSize smallest cluster (at least 2); scikit-learn's default is minPts
   * @param predecessorCorrection apply the predecessor correction
   */
  public XiResult extractXi(double xi, int minClusterSize, boolean predecessorCorrection) {
    if (!(xi > 0 && xi < 1)) {
      throw new IllegalArgumentException("xi must be between 0 and 1 (exclusive), got " + xi);
    }
    Check.atLeast("minClusterSize", minClusterSize, 2);
    int n = ordering.length;
    double[] r = new double[n + 1];
    int[] predPlot = new int[n];
    for (int i = 0; i < n; i++) {
      r[i] = reachability[ordering[i]];
      predPlot[i] = predecessor[ordering[i]];
    }
    r[n] = Double.POSITIVE_INFINITY;
    List<int[]> clusters = XiSteep.clusters(r, predPlot, ordering, xi, minPts, minClusterSize, predecessorCorrection);
    int[] plotLabels = new int[n];
    java.util.Arrays.fill(plotLabels, -1);
    int label = 0;
    for (int[] c : clusters) {
      boolean free = true;
      for (int i = c[0]; i <= c[1] && free; i++) {
        free = plotLabels[i] == -1;
      }
      if (free) {
        for (int i = c[0]; i <= c[1]; i++) {
          plotLabels[i] = label;
        }
        label++;
      }
    }
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[ordering[i]] = plotLabels[i];
    }
    return new XiResult(labels, clusters.toArray(new int[0][]));
  }

  /** The ξ-steep area search, kept apart from the model because it is long. */
  static final class XiSteep {
    private XiSteep() {
    }

    private static final class Sda {
      final int start;
      final int end;
      double mib;

      Sda(int start, int end) {
        this.start = start;
        this.end = end;
      }
    }

    static List<int[]> clusters(double[] r, int[] pred, int[] ordering, double xi, int minSamples, int minClusterSize,
        boolean correction) {
      int n = r.length - 1;
      double xic = 1 - xi;
      boolean[] steepUp = new boolean[n];
      boolean[] steepDown = new boolean[n];
      boolean[] down = new boolean[n];
      boolean[] up = new boolean[n];
      for (int i = 0; i < n; i++) {
        double ratio = r[i] / r[i + 1]; // inf/inf = NaN: neither steep nor up nor down, as numpy
        steepUp[i] = ratio <= xic;
        steepDown[i] = ratio >= 1 / xic;
        down[i] = ratio > 1;
        up[i] = ratio < 1;
      }
      List<Sda> sdas = new ArrayList<>();
      List<int[]> clusters = new ArrayList<>();
      int index = 0;
      double mib = 0;
      for (int steep = 0; steep < n; steep++) {
        if (!(steepUp[steep] || steepDown[steep]) || steep < index) {
          continue;
        }
        for (int i = index; i <= steep; i++) {
          mib = Math.max(mib, r[i]);
        }
        sdas = filter(sdas, mib, xic, r);
        if (steepDown[steep]) {
          int dEnd = extend(steepDown, up, steep, minSamples);
          sdas.add(new Sda(steep, dEnd));
          index = dEnd + 1;
          mib = r[index];
        } else {
          int uStart = steep;
          int uEnd = extend(steepUp, down, uStart, minSamples);
          index = uEnd + 1;
          mib = r[index];
          List<int[]> found = new ArrayList<>();
          for (Sda sda : sdas) {
            int cStart = sda.start;
            int cEnd = uEnd;
            if (r[cEnd + 1] * xic < sda.mib) {
              continue;
            }
            double dMax = r[sda.start];
            if (dMax * xic >= r[cEnd + 1]) {
              while (r[cStart + 1] > r[cEnd + 1] && cStart < sda.end) {
                cStart++;
              }
            } else if (r[cEnd + 1] * xic >= dMax) {
              while (r[cEnd - 1] > dMax && cEnd > uStart) {
                cEnd--;
              }
            }
            if (correction) {
              int[] c = correct(r, pred, ordering, cStart, cEnd);
              if (c == null) {
                continue;
              }
              cStart = c[0];
              cEnd = c[1];
            }
            if (cEnd - cStart + 1 < minClusterSize || cStart > sda.end || cEnd < uStart) {
              continue;
            }
            found.add(new int[] {cStart, cEnd});
          }
          Collections.reverse(found);
          clusters.addAll(found);
        }
      }
      return clusters;
    }

    private static List<Sda> filter(List<Sda> sdas, double mib, double xic, double[] r) {
      List<Sda> res = new ArrayList<>();
      if (Double.isInfinite(mib)) {
        return res;
      }
      for (Sda s : sdas) {
        if (mib <= r[s.start] * xic) {
          s.mib = Math.max(s.mib, mib);
          res.add(s);
        }
      }
      return res;
    }

    private static int extend(boolean[] steep, boolean[] xward, int start, int minSamples) {
      int n = steep.length;
      int nonXward = 0;
      int end = start;
      for (int index = start; index < n; index++) {
        if (steep[index]) {
          nonXward = 0;
          end = index;
        } else if (!xward[index]) {
          nonXward++;
          if (nonXward > minSamples) {
            break;
          }
        } else {
          return end;
        }
      }
      return end;
    }

    private static int[] correct(double[] r, int[] pred, int[] ordering, int s, int e) {
      while (s < e) {
        if (r[s] > r[e]) {
          return new int[] {s, e};
        }
        // scikit-learn 1.2 looks the predecessor row up as a position of the ordering
        // (ordering[predecessor], with numpy's -1 meaning the last position); kept for identical results
        int pe = ordering[pred[e] < 0 ? ordering.length - 1 : pred[e]];
        for (int i = s; i < e; i++) {
          if (pe == ordering[i]) {
            return new int[] {s, e};
          }
        }
        e--;
      }
      return null;
    }
  }
}
