package clusterlab.core.kmeans;

import clusterlab.core.Check;
import clusterlab.core.Dataset;
import clusterlab.core.Progress;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Bisecting k-means (Steinbach, Karypis and Kumar 2000, "A comparison of document clustering
 * techniques"): start from one cluster and repeatedly split one leaf in two by 2-means until there
 * are k leaves. The leaf split is the one with the largest SSE (the default, as scikit-learn's
 * {@code bisecting_strategy="biggest_inertia"}) or the largest total weight. The splits form a
 * binary tree, kept in the model and exported as Newick with SSE-based heights.
 */
public final class BisectingKMeans {

  /** Which leaf is split next. */
  public enum SplitRule {
    /** The leaf with the largest within-cluster sum of squares. */
    LARGEST_SSE,
    /** The leaf with the largest total row weight. */
    LARGEST_SIZE
  }

  private final int k;
  private final SplitRule rule;
  private final KMeans twoMeans;

  /**
   * <pre>{@code new BisectingKMeans(8, SplitRule.LARGEST_SSE, KMeansOptions.defaults())}</pre>
   *
   * @param k number of leaves, at least 1
   * @param rule which leaf is split next; scikit-learn's default is {@link SplitRule#LARGEST_SSE}
   *     ({@code bisecting_strategy="biggest_inertia"})
   * @param options iterations, seeding, restarts (the lowest SSE wins) and threads of each 2-means
   *     split, which runs Lloyd's iterations
   */
  public BisectingKMeans(int k, SplitRule rule, KMeansOptions options) {
    Check.atLeast("k (number of clusters)", k, 1);
    Check.notNull("rule", rule);
    this.k = k;
    this.rule = rule;
    this.twoMeans = new KMeans(2, KMeans.Algorithm.LLOYD, options);
  }

  /** Fits the tree; the same seed always gives the same tree. */
  public BisectingModel fit(Dataset data, long seed, Progress progress) {
    Check.notNull("data", data);
    Check.enoughRows(data, k, "k = " + k + " clusters");
    int d = data.d();
    SplittableRandom rng = new SplittableRandom(seed);
    List<BisectingModel.Node> nodes = new ArrayList<>();
    List<int[]> members = new ArrayList<>();
    int[] all = new int[data.n()];
    for (int i = 0; i < all.length; i++) {
      all[i] = i;
    }
    nodes.add(node(data, all, -1, nodes));
    members.add(all);
    List<Integer> leaves = new ArrayList<>(List.of(0));
    while (leaves.size() < k) {
      progress.checkCancelled();
      int pick = choose(nodes, members, leaves, data);
      int[] lab;
      if (pick < 0) {
        // every leaf holds identical rows: as k-means does with fewer distinct rows than k, the
        // remaining clusters stay empty (the first leaf "splits" into itself and an empty cluster)
        pick = 0;
        lab = new int[members.get(leaves.get(0)).length];
      } else {
        Dataset sub = data.subset(members.get(leaves.get(pick)));
        lab = twoMeans.fit(sub, rng.nextLong(), Progress.NONE).labels();
      }
      int parent = leaves.get(pick);
      int[] rows = members.get(parent);
      int left = 0;
      for (int l : lab) {
        if (l == 0) {
          left++;
        }
      }
      int[] a = new int[left];
      int[] b = new int[rows.length - left];
      for (int i = 0, ia = 0, ib = 0; i < rows.length; i++) {
        if (lab[i] == 0) {
          a[ia++] = rows[i];
        } else {
          b[ib++] = rows[i];
        }
      }
      BisectingModel.Node pa = nodes.get(parent);
      int ida = nodes.size();
      nodes.add(node(data, a, parent, nodes));
      members.add(a);
      int idb = nodes.size();
      nodes.add(node(data, b, parent, nodes));
      members.add(b);
      nodes.set(parent, pa.withChildren(ida, idb));
      members.set(parent, null);
      leaves.remove(pick);
      leaves.add(pick, idb);
      leaves.add(pick, ida);
      progress.report("bisecting-k-means", (double) leaves.size() / k, leaves.size() + " clusters");
    }
    return BisectingModel.build(nodes, members, data.n(), d);
  }

  /** Index into {@code leaves} of the leaf to split, or -1 when none can be split. */
  private int choose(List<BisectingModel.Node> nodes, List<int[]> members, List<Integer> leaves, Dataset data) {
    int best = -1;
    for (int i = 0; i < leaves.size(); i++) {
      int id = leaves.get(i);
      if (!splittable(data, members.get(id))) {
        continue;
      }
      BisectingModel.Node n = nodes.get(id);
      double score = rule == SplitRule.LARGEST_SSE ? n.sse() : n.weight();
      if (best < 0) {
        best = i;
        continue;
      }
      BisectingModel.Node b = nodes.get(leaves.get(best));
      double bs = rule == SplitRule.LARGEST_SSE ? b.sse() : b.weight();
      if (score > bs) {
        best = i;
      }
    }
    return best;
  }

  /** At least two distinct rows of positive weight. */
  private static boolean splittable(Dataset data, int[] rows) {
    int d = data.d();
    int first = -1;
    for (int r : rows) {
      if (data.weight(r) <= 0) {
        continue;
      }
      if (first < 0) {
        first = r;
      } else if (KMeansKernels.squaredDistance(data.values(), r * d, data.values(), first * d, d) > 0) {
        return true;
      }
    }
    return false;
  }

  private static BisectingModel.Node node(Dataset data, int[] rows, int parent, List<BisectingModel.Node> nodes) {
    int d = data.d();
    if (rows.length == 0) { // an empty cluster sits at its parent's centre, so that no row is predicted into it
      return new BisectingModel.Node(parent, -1, -1, 0, 0, 0, nodes.get(parent).centroid());
    }
    double[] v = data.values();
    double[] c = new double[d];
    double w = 0;
    for (int r : rows) {
      double wr = data.weight(r);
      w += wr;
      for (int j = 0; j < d; j++) {
        c[j] += wr * v[r * d + j];
      }
    }
    for (int j = 0; j < d; j++) {
      c[j] = w > 0 ? c[j] / w : v[rows[0] * d + j];
    }
    double sse = 0;
    for (int r : rows) {
      sse += data.weight(r) * KMeansKernels.squaredDistance(v, r * d, c, 0, d);
    }
    return new BisectingModel.Node(parent, -1, -1, rows.length, w, sse, c);
  }
}
