package clusterlab.weka;

import clusterlab.core.mixed.MixedTable;
import clusterlab.core.profile.ClusterProfile;
import clusterlab.core.profile.ClusterProfiler;
import clusterlab.core.profile.PAdjust;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import weka.core.Attribute;
import weka.core.Instances;
import weka.filters.Filter;
import weka.filters.unsupervised.attribute.Remove;

/**
 * Profiles a clustering of Weka data, shared by the {@code ClusterProfile} command line, the
 * {@code ClusterProfiler} KnowledgeFlow step and the Explorer tab: the numeric and nominal
 * attributes (class excluded, string and relational ones skipped) go through the mixed-type path
 * ({@link MixedConverter}, so missing values and nominal attributes are fine), the core
 * {@link ClusterProfiler} contrasts each segment with the rest, and {@link SurrogateTrees} adds a
 * J48 one-vs-rest rule set per segment.
 */
public final class ProfileSupport {

  private ProfileSupport() {
  }

  /** Profile settings shared by the adapters. */
  public static final class Settings implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Weka range of nominal attributes whose values are ordered (median level, ranks). */
    public String ordinal = "";
    /** Multiple-testing correction. */
    public PAdjust correction = PAdjust.HOLM;
    /** Whether to grow the surrogate trees. */
    public boolean trees = true;
    /** J48 pruning confidence of the surrogate trees. */
    public double treeConfidence = 0.25;
    /** J48 minimum leaf size (0 = 1% of the rows). */
    public int treeMinLeaf;
    /** Worker threads (contrasts, and one tree per thread), {@code <= 0} for all cores. */
    public int threads;
  }

  /** A checked significance level: in (0, 1). */
  public static double alpha(double a) {
    if (!(a > 0 && a < 1)) {
      throw new IllegalArgumentException("alpha must be between 0 and 1 (exclusive), got " + a);
    }
    return a;
  }

  /** A checked J48 pruning confidence: in (0, 0.5]. */
  public static double treeConfidence(double c) {
    if (!(c > 0 && c <= 0.5)) {
      throw new IllegalArgumentException("treeConfidence must be in (0, 0.5] (J48 -C), got " + c);
    }
    return c;
  }

  /**
   * The profile of {@code labels} (one per row of {@code data}, -1 = noise) over the numeric and
   * nominal attributes of {@code data} other than its class and the {@code exclude}d ones (0-based,
   * e.g. the attribute that holds the labels).
   */
  public static ClusterProfile profile(Instances data, int[] labels, Settings s, int... exclude) throws Exception {
    if (data.numInstances() == 0) {
      throw new IllegalArgumentException("no rows to profile: the data set '" + data.relationName() + "' is empty");
    }
    if (labels.length != data.numInstances()) {
      throw new IllegalArgumentException(labels.length + " cluster labels for " + data.numInstances() + " rows");
    }
    Instances used = profiled(data, exclude);
    MixedConverter conv = MixedConverter.fit(used, ordinalAfterRemoval(data, used, s.ordinal), "");
    MixedTable table = conv.convert(used);
    String[][] levels = new String[conv.columns()][];
    for (int u = 0; u < conv.columns(); u++) {
      Attribute a = conv.attribute(u);
      if (a.isNominal()) {
        levels[u] = new String[Math.max(1, a.numValues())];
        for (int l = 0; l < levels[u].length; l++) {
          levels[u][l] = l < a.numValues() ? a.value(l) : "(none)";
        }
      }
    }
    ClusterProfile profile = new ClusterProfiler(s.correction, s.threads).profile(table, labels, levels);
    if (s.trees) {
      profile = profile.withSurrogates(new SurrogateTrees(s.treeConfidence, s.treeMinLeaf).grow(used, labels, s.threads));
    }
    return profile;
  }

  /**
   * The ordinal range, given in the attribute numbers of the input data, as numbers of the
   * profiled attributes (which lack the class and any string attributes).
   */
  static String ordinalAfterRemoval(Instances data, Instances used, String ordinal) {
    if (ordinal == null || ordinal.isBlank()) {
      return "";
    }
    weka.core.Range r = new weka.core.Range();
    try {
      r.setRanges(ordinal.trim());
      r.setUpper(data.numAttributes() - 1);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the ordinal attribute range '" + ordinal + "' is not valid for "
          + data.numAttributes() + " attributes: " + e.getMessage(), e);
    }
    List<String> out = new ArrayList<>();
    for (int a = 0; a < data.numAttributes(); a++) {
      Attribute kept = r.isInRange(a) ? used.attribute(data.attribute(a).name()) : null;
      if (kept != null && kept.isNominal()) {
        out.add(Integer.toString(kept.index() + 1));
      }
    }
    return String.join(",", out);
  }

  /** The numeric and nominal attributes other than the class, with the class unset. */
  static Instances profiled(Instances data, int... exclude) throws Exception {
    List<Integer> drop = new ArrayList<>();
    java.util.Set<Integer> excluded = new java.util.HashSet<>();
    for (int e : exclude) {
      excluded.add(e);
    }
    for (int a = 0; a < data.numAttributes(); a++) {
      Attribute att = data.attribute(a);
      if (a == data.classIndex() || excluded.contains(a) || !(att.isNumeric() || att.isNominal())) {
        drop.add(a);
      }
    }
    if (drop.size() == data.numAttributes()) {
      throw new IllegalArgumentException("nothing to profile: '" + data.relationName()
          + "' has no numeric or nominal attribute besides the class and the labels");
    }
    Instances copy = new Instances(data);
    copy.setClassIndex(-1);
    if (drop.isEmpty()) {
      return copy;
    }
    Remove rm = new Remove();
    rm.setAttributeIndicesArray(drop.stream().mapToInt(Integer::intValue).toArray());
    rm.setInputFormat(copy);
    return Filter.useFilter(copy, rm);
  }
}
