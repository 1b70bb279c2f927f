package clusterlab.core.select;

import clusterlab.core.Check;
import clusterlab.core.evaluation.InternalIndex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a {@link ChooseK} sweep evaluates and how it picks K, validated when built (the criterion
 * must be computable from the other settings). {@link #defaults()} sweep K = 1..10 and pick the
 * elbow of the inertia curve with Kneedle's S = 1; change a few with {@link #builder()}:
 * <pre>{@code
 * ChooseKOptions gap = ChooseKOptions.builder().kRange(2, 8).criterion(KCurve.GAP).gapReferences(10).build();
 * new ChooseK<KMeansModel>(gap).run(data, clustering, seed, Progress.NONE);
 * }</pre>
 *
 * @param ks the K values to try: distinct, each at least 1, kept sorted; default 1..10
 * @param criterion how K is chosen: {@link ChooseK#ELBOW} (the default), {@link KCurve#GAP},
 *     {@link KCurve#BIC} or the name of one of {@code indices}
 * @param sensitivity Kneedle's S for the elbow, at least 0; default 1, the paper's (Satopää et al. 2011)
 * @param indices internal indices computed for every K; default none
 * @param gapReferences B, the reference sets of the gap statistic, at least 0 (0: not computed, the
 *     default; the gap criterion needs at least 1)
 * @param threads worker threads over the K values, {@code <= 0} for all cores (the default); the
 *     result does not depend on the count
 */
public record ChooseKOptions(int[] ks, String criterion, double sensitivity, List<InternalIndex> indices,
    int gapReferences, int threads) {

  /** Checks every setting; sorts and copies {@code ks}, copies {@code indices}. */
  public ChooseKOptions {
    ks = sortedDistinct(Check.notNull("ks", ks));
    Check.notNull("criterion", criterion);
    Check.nonNegative("sensitivity", sensitivity);
    indices = List.copyOf(Check.notNull("indices", indices));
    Check.atLeast("gapReferences", gapReferences, 0);
    List<String> known = new ArrayList<>(List.of(ChooseK.ELBOW, KCurve.GAP, KCurve.BIC));
    for (InternalIndex idx : indices) {
      known.add(idx.name());
    }
    if (!known.contains(criterion)) {
      throw new IllegalArgumentException("criterion '" + criterion + "' is not one of " + known);
    }
    if (criterion.equals(KCurve.GAP) && gapReferences < 1) {
      throw new IllegalArgumentException("the gap criterion needs gapReferences (B) of at least 1, got " + gapReferences);
    }
    if (criterion.equals(ChooseK.ELBOW) && ks.length < 3) {
      throw new IllegalArgumentException("the elbow criterion needs at least 3 K values, got " + ks.length);
    }
  }

  private static int[] sortedDistinct(int[] given) {
    int[] ks = given.clone();
    Arrays.sort(ks);
    if (ks.length == 0) {
      throw new IllegalArgumentException("ks must list at least one K value");
    }
    for (int i = 0; i < ks.length; i++) {
      Check.atLeast("K", ks[i], 1);
      if (i > 0 && ks[i] == ks[i - 1]) {
        throw new IllegalArgumentException("K = " + ks[i] + " is listed twice; list every K once");
      }
    }
    return ks;
  }

  /** The K values, sorted (a copy). */
  @Override
  public int[] ks() {
    return ks.clone();
  }

  /** The smallest K. */
  public int minK() {
    return ks[0];
  }

  /** The largest K. */
  public int maxK() {
    return ks[ks.length - 1];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ChooseKOptions c && Arrays.equals(ks, c.ks) && criterion.equals(c.criterion)
        && Double.compare(sensitivity, c.sensitivity) == 0 && indices.equals(c.indices)
        && gapReferences == c.gapReferences && threads == c.threads;
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(ks) + java.util.Objects.hash(criterion, sensitivity, indices, gapReferences, threads);
  }

  @Override
  public String toString() {
    return "ChooseKOptions[ks=" + Arrays.toString(ks) + ", criterion=" + criterion + ", sensitivity=" + sensitivity
        + ", indices=" + indices + ", gapReferences=" + gapReferences + ", threads=" + threads + "]";
  }

  /** The defaults. */
  public static ChooseKOptions defaults() {
    return builder().build();
  }

  /** A builder holding the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these settings, to change a few. */
  public Builder toBuilder() {
    return new Builder().ks(ks).criterion(criterion).sensitivity(sensitivity).indices(indices)
        .gapReferences(gapReferences).threads(threads);
  }

  /** Collects settings; {@link #build()} validates them. */
  public static final class Builder {
    private int[] ks = range(1, 10);
    private String criterion = ChooseK.ELBOW;
    private double sensitivity = 1;
    private List<InternalIndex> indices = List.of();
    private int gapReferences;
    private int threads;

    private Builder() {
    }

    /** The K values to try (copied). */
    public Builder ks(int... k) {
      ks = Check.notNull("ks", k).clone();
      return this;
    }

    /** K = from, from + 1, ..., to. */
    public Builder kRange(int from, int to) {
      if (to < from) {
        throw new IllegalArgumentException("the largest K (" + to + ") must be at least the smallest (" + from + ")");
      }
      ks = range(from, to);
      return this;
    }

    public Builder criterion(String c) {
      criterion = c;
      return this;
    }

    public Builder sensitivity(double s) {
      sensitivity = s;
      return this;
    }

    public Builder indices(List<InternalIndex> list) {
      indices = list;
      return this;
    }

    public Builder gapReferences(int b) {
      gapReferences = b;
      return this;
    }

    public Builder threads(int t) {
      threads = t;
      return this;
    }

    /** The validated settings. */
    public ChooseKOptions build() {
      return new ChooseKOptions(ks, criterion, sensitivity, indices, gapReferences, threads);
    }

    private static int[] range(int from, int to) {
      int[] r = new int[to - from + 1];
      for (int i = 0; i < r.length; i++) {
        r[i] = from + i;
      }
      return r;
    }
  }
}
