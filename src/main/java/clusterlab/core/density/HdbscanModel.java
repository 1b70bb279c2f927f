package clusterlab.core.density;

import clusterlab.core.Check;
import clusterlab.core.Dataset;
import clusterlab.core.Partition;
import clusterlab.core.TrainingRows;
import clusterlab.core.neighbors.LazyIndex;
import clusterlab.core.distance.Distance;
import clusterlab.core.neighbors.NeighborIndex;
import clusterlab.core.neighbors.NeighborIndexes;
import java.io.Serializable;

/**
 * A fitted HDBSCAN clustering: labels (-1 = noise, clusters numbered by their smallest row),
 * membership probabilities, GLOSH outlier scores, core distances, the cluster tree (births,
 * deaths, stabilities, parents) and what approximate prediction of new rows needs.
 *
 * <p>Membership probability (McInnes et al. 2017): a row's density level when it leaves its
 * cluster relative to the densest level reached in that cluster, {@code eps_min / eps_row} in
 * distances; 1 for the most persistent rows, towards 0 at the fringe; 0 for noise.
 */
public final class HdbscanModel implements Partition, Serializable {

  private static final long serialVersionUID = 1L;

  private final int n;
  private final int d;
  private final double[] points;
  private final double[] core;
  private final ClusterTree tree;
  private final int[] labels;
  private final double[] probabilities;
  private final double[] outlierScores;
  private final int numClusters;
  private final int[] treeClusterOfLabel;
  private final double[] minEpsOfLabel;
  private final int minClusterSize;
  private final int minSamples;
  private final Distance distance;
  private final double[] minLeafDeath;
  private final LazyIndex index;
  private final TrainingRows trainingRows;

  HdbscanModel(Dataset data, double[] core, ClusterTree tree, boolean[] selected, int minClusterSize, int minSamples,
      Distance distance) {
    this.n = data.n();
    this.d = data.d();
    this.points = data.values().clone();
    this.core = core;
    this.tree = tree;
    this.minClusterSize = minClusterSize;
    this.minSamples = minSamples;
    this.distance = distance;
    int m = tree.clusters;
    int[] selectedAncestor = new int[m];
    for (int c = 0; c < m; c++) { // parents have smaller ids than their children
      selectedAncestor[c] = selected[c] ? c : (tree.parent[c] >= 0 && c > 0 ? selectedAncestor[tree.parent[c]] : -1);
    }
    int[] labelOfCluster = new int[m];
    java.util.Arrays.fill(labelOfCluster, -1);
    labels = new int[n];
    int next = 0;
    int[] treeOfLabel = new int[m];
    for (int i = 0; i < n; i++) {
      int s = selectedAncestor[tree.clusterOfRow[i]];
      if (s < 0) {
        labels[i] = -1;
        continue;
      }
      if (labelOfCluster[s] < 0) {
        treeOfLabel[next] = s;
        labelOfCluster[s] = next++;
      }
      labels[i] = labelOfCluster[s];
    }
    numClusters = next;
    treeClusterOfLabel = java.util.Arrays.copyOf(treeOfLabel, next);
    minEpsOfLabel = new double[next];
    java.util.Arrays.fill(minEpsOfLabel, Double.POSITIVE_INFINITY);
    for (int i = 0; i < n; i++) {
      if (labels[i] >= 0) {
        minEpsOfLabel[labels[i]] = Math.min(minEpsOfLabel[labels[i]], tree.epsOfRow[i]);
      }
    }
    probabilities = new double[n];
    for (int i = 0; i < n; i++) {
      if (labels[i] >= 0) {
        probabilities[i] = probability(minEpsOfLabel[labels[i]], tree.epsOfRow[i]);
      }
    }
    outlierScores = tree.glosh();
    minLeafDeath = tree.minLeafDeath();
    index = new LazyIndex(points, n, d, distance, NeighborIndexes.Kind.AUTO);
    trainingRows = new TrainingRows(points, n, d);
  }

  private static double probability(double minEps, double eps) {
    if (eps <= minEps) {
      return 1.0;
    }
    return minEps / eps;
  }

  /** Cluster of every row, -1 for noise. */
  public int[] labels() {
    return labels.clone();
  }

  public int numClusters() {
    return numClusters;
  }

  /** Rows per cluster. */
  public int[] clusterSizes() {
    int[] s = new int[numClusters];
    for (int l : labels) {
      if (l >= 0) {
        s[l]++;
      }
    }
    return s;
  }

  public int noiseCount() {
    int c = 0;
    for (int l : labels) {
      c += l < 0 ? 1 : 0;
    }
    return c;
  }

  /** Membership probability of every row (0 for noise). */
  public double[] probabilities() {
    return probabilities.clone();
  }

  /** GLOSH outlier score of every row, in [0, 1]: higher is more outlying. */
  public double[] outlierScores() {
    return outlierScores.clone();
  }

  /** Core distance of every row (minSamples-th nearest, itself included). */
  public double[] coreDistances() {
    return core.clone();
  }

  /** Stability of each flat cluster (excess of mass in 1/distance units). */
  public double[] clusterStabilities() {
    double[] s = new double[numClusters];
    for (int l = 0; l < numClusters; l++) {
      s[l] = tree.stability[treeClusterOfLabel[l]];
    }
    return s;
  }

  /** Number of nodes of the cluster tree (root included). */
  public int treeSize() {
    return tree.clusters;
  }

  /** Parent of tree node c (-1 for the root 0). */
  public int treeParent(int c) {
    return tree.parent[c];
  }

  /** Distance at which tree node c appears. */
  public double treeBirth(int c) {
    return tree.birth[c];
  }

  /** Distance at which tree node c splits or vanishes. */
  public double treeDeath(int c) {
    return tree.death[c];
  }

  /** Stability of tree node c. */
  public double treeStability(int c) {
    return tree.stability[c];
  }

  /** Tree node a row leaves from, and the distance at which it leaves. */
  public int treeNodeOfRow(int i) {
    return tree.clusterOfRow[i];
  }

  public double exitDistanceOfRow(int i) {
    return tree.epsOfRow[i];
  }

  public int minClusterSize() {
    return minClusterSize;
  }

  public int minSamples() {
    return minSamples;
  }

  /**
   * Approximate prediction (McInnes et al., {@code approximate_predict}): the new row's core
   * distance is taken among the training rows; it joins the cluster of the training row to
   * which its mutual-reachability distance is smallest, if that distance is below the cluster's
   * birth, else it is noise. Returns {label, probability} packed as label + probability in
   * {@link Prediction}.
   */
  public Prediction predict(double[] x, int off) {
    int row = trainingRow(x, off);
    if (row >= 0) {
      return new Prediction(labels[row], probabilities[row]);
    }
    double[] near = nearestByMutualReachability(x, off);
    int best = (int) near[0];
    double bestMr = near[1];
    int label = best < 0 ? -1 : labels[best];
    if (label < 0 || bestMr > tree.birth[treeClusterOfLabel[label]]) {
      return new Prediction(-1, 0);
    }
    return new Prediction(label, probability(minEpsOfLabel[label], bestMr));
  }

  /**
   * Approximate GLOSH score of a new row (as McInnes et al.'s {@code approximate_predict_scores}):
   * the row is taken to leave the tree node of its mutual-reachability nearest training row at
   * that distance, so {@code 1 - eps_max(node) / mr}, clipped to [0, 1].
   */
  public double outlierScore(double[] x, int off) {
    int row = trainingRow(x, off);
    if (row >= 0) {
      return outlierScores[row];
    }
    double[] near = nearestByMutualReachability(x, off);
    int best = (int) near[0];
    double s = 1.0 - minLeafDeath[tree.clusterOfRow[best]] / near[1];
    return Double.isNaN(s) ? 0.0 : Math.max(0.0, Math.min(1.0, s));
  }

  /** {row, mutual-reachability distance} of the training row nearest to x in that distance. */
  private double[] nearestByMutualReachability(double[] x, int off) {
    Check.notNull("x", x);
    if (x.length - off < d) {
      throw new IllegalArgumentException("the row has " + (x.length - off) + " values, the model was fitted on " + d);
    }
    NeighborIndex idx = index.get();
    int k = Math.min(n, Math.max(minSamples, 1));
    int[] rows = new int[k];
    double[] dists = new double[k];
    int found = idx.knn(x, off, k, -1, rows, dists);
    // the new row counts as its own first neighbour, as in the core distances of training rows
    double coreX = minSamples <= 1 ? 0 : dists[Math.min(found, minSamples - 1) - 1];
    int best = -1;
    double bestMr = Double.POSITIVE_INFINITY;
    for (int j = 0; j < found; j++) {
      double mr = Math.max(Math.max(coreX, core[rows[j]]), dists[j]);
      if (mr < bestMr || (mr == bestMr && rows[j] < best)) {
        bestMr = mr;
        best = rows[j];
      }
    }
    return new double[] {best, bestMr};
  }

  /** The training row equal to {@code x[off ..]}, or -1; checks the row's length. */
  private int trainingRow(double[] x, int off) {
    Check.notNull("x", x);
    if (x.length - off < d) {
      throw new IllegalArgumentException("the row has " + (x.length - off) + " values, the model was fitted on " + d);
    }
    return trainingRows.find(x, off);
  }

  @Override
  public int predict(double[] row) {
    return predict(row, 0).label();
  }

  /**
   * The membership probability in the cluster's slot (at least 1e-12, so that a member is never
   * mistaken for noise), all zeros for noise.
   */
  @Override
  public double[] memberships(double[] row) {
    double[] m = new double[numClusters];
    Prediction p = predict(row, 0);
    if (p.label() >= 0) {
      m[p.label()] = Math.max(p.probability(), 1e-12);
    }
    return m;
  }

  /** A predicted label (-1 for noise) and membership probability. */
  public static final class Prediction implements Serializable {
    private static final long serialVersionUID = 1L;
    private final int label;
    private final double probability;

    Prediction(int label, double probability) {
      this.label = label;
      this.probability = probability;
    }

    public int label() {
      return label;
    }

    public double probability() {
      return probability;
    }
  }
}
