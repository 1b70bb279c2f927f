package clusterlab.weka;

import clusterlab.core.profile.SurrogateTree;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import weka.classifiers.trees.J48;
import weka.classifiers.trees.j48.ClassifierTree;
import weka.classifiers.trees.j48.Distribution;
import weka.core.Attribute;
import weka.core.Instances;

/**
 * One-vs-rest surrogate decision trees (Weka's J48, C4.5) that imitate a clustering segment by
 * segment, read as rules: "IF AGE = 18-24 AND HOUSEHOLDER = Family" describes a segment in the
 * attributes' own terms, and the tree's fidelity (how many rows it places on the right side of
 * the segment boundary) says how far such a description can be trusted. Explaining a clustering
 * by a classifier trained on its labels is the approach of e.g. Kauffmann et al. (2022) and of the
 * usual "profile the segments with a decision tree" practice in marketing analytics.
 */
public final class SurrogateTrees {

  private final double confidence;
  private final int minLeaf;

  /**
   * @param confidence J48's pruning confidence (-C; smaller prunes more)
   * @param minLeaf minimum rows per leaf (-M); 0 for 1% of the rows, at least 2, which keeps the rules few
   */
  public SurrogateTrees(double confidence, int minLeaf) {
    ProfileSupport.treeConfidence(confidence);
    if (minLeaf < 0) {
      throw new IllegalArgumentException("tree minimum leaf size must be 0 (automatic) or more, got " + minLeaf);
    }
    this.confidence = confidence;
    this.minLeaf = minLeaf;
  }

  /**
   * One tree per non-empty segment that does not hold every row, grown on {@code threads} threads
   * ({@code <= 0}: all cores; the trees do not depend on it).
   *
   * @param data the profiled attributes only (no class set), one row per label
   * @param labels cluster per row, -1 for noise (always "rest")
   */
  public List<SurrogateTree> grow(Instances data, int[] labels, int threads) throws Exception {
    int k = 0;
    for (int l : labels) {
      k = Math.max(k, l + 1);
    }
    int[] sizes = new int[k];
    for (int l : labels) {
      if (l >= 0) {
        sizes[l]++;
      }
    }
    int leaf = minLeaf > 0 ? minLeaf : Math.max(2, data.numInstances() / 100);
    SurrogateTree[] trees = new SurrogateTree[k];
    Exception[] failure = new Exception[1];
    clusterlab.core.parallel.Parallel.forRange(k, threads, (chunk, from, to) -> {
      for (int c = from; c < to; c++) {
        if (sizes[c] > 0 && sizes[c] < labels.length) {
          try {
            trees[c] = grow(data, labels, c, leaf);
          } catch (Exception e) {
            synchronized (failure) {
              failure[0] = failure[0] == null ? e : failure[0];
            }
          }
        }
      }
    });
    if (failure[0] != null) {
      throw failure[0];
    }
    List<SurrogateTree> out = new ArrayList<>();
    for (SurrogateTree t : trees) {
      if (t != null) {
        out.add(t);
      }
    }
    return out;
  }

  private SurrogateTree grow(Instances data, int[] labels, int c, int leaf) throws Exception {
    Instances d = new Instances(data);
    d.setClassIndex(-1);
    List<String> values = List.of("rest", "segment " + c);
    d.insertAttributeAt(new Attribute("(segment " + c + ")", values), d.numAttributes());
    int cls = d.numAttributes() - 1;
    for (int i = 0; i < d.numInstances(); i++) {
      d.instance(i).setValue(cls, labels[i] == c ? 1 : 0);
    }
    d.setClassIndex(cls);
    RootedJ48 tree = new RootedJ48();
    tree.setConfidenceFactor((float) confidence);
    tree.setMinNumObj(leaf);
    tree.buildClassifier(d);
    int right = 0;
    for (int i = 0; i < d.numInstances(); i++) {
      right += (int) tree.classifyInstance(d.instance(i)) == (int) d.instance(i).classValue() ? 1 : 0;
    }
    List<SurrogateTree.Rule> rules = new ArrayList<>();
    collect(tree.root(), d, new ArrayList<>(), rules);
    rules.sort((a, b) -> Double.compare(b.inSegment(), a.inSegment()));
    String learner = String.format(Locale.ROOT, "J48 -C %s -M %d", Float.toString((float) confidence), leaf);
    return new SurrogateTree(c, (double) right / d.numInstances(), tree.measureNumLeaves() > 0
        ? (int) tree.measureNumLeaves() : 1, rules, learner);
  }

  /** Depth-first over the tree, keeping the leaves whose majority is the segment. */
  private static void collect(ClassifierTree node, Instances header, List<String> path, List<SurrogateTree.Rule> out) {
    if (node.isLeaf()) {
      Distribution dist = node.getLocalModel().distribution();
      if (dist.total() > 0 && dist.perClass(1) > dist.perClass(0)) {
        out.add(new SurrogateTree.Rule(path, dist.total(), dist.perClass(1)));
      }
      return;
    }
    ClassifierTree[] sons = node.getSons();
    for (int i = 0; i < sons.length; i++) {
      List<String> p = new ArrayList<>(path);
      p.add(node.getLocalModel().leftSide(header) + node.getLocalModel().rightSide(i, header));
      collect(sons[i], header, p, out);
    }
  }

  /** J48 whose tree can be walked (its root is protected in Weka). */
  private static final class RootedJ48 extends J48 {
    private static final long serialVersionUID = 1L;

    ClassifierTree root() {
      return m_root;
    }
  }
}
