package clusterlab.core.hierarchical;

import java.io.Serializable;

/**
 * A rule that cuts a {@link MergeHistory} into flat clusters (compare ELKI's
 * {@code extraction/CutDendrogramByNumberOfClusters} and {@code CutDendrogramByHeight}): by a
 * number of clusters ({@link CutByCount}), by a height threshold ({@link CutByHeight}) or by the
 * inconsistency coefficient ({@link CutByInconsistency}). Each reduces to marking which merges are
 * carried out; labels are numbered 0, 1, ... in the order in which clusters first appear along the
 * rows, for every rule.
 */
public interface DendrogramCut extends Serializable {

  /** The kinds of cut, as an option offers them. */
  enum Criterion {
    /** Exactly the requested number of clusters. */
    COUNT,
    /** Largest subtrees whose merges are all at most the height threshold (SciPy fcluster 'distance'). */
    HEIGHT,
    /** Largest subtrees with no inconsistency coefficient above the threshold (SciPy fcluster 'inconsistent'). */
    INCONSISTENCY
  }

  /** Labels 0..k-1 of the rows of {@code tree}. */
  int[] labels(MergeHistory tree);

  /** The rule in a few words, for reports ("3 clusters", "height <= 1.5"). */
  String describe();

  /**
   * The cut a set of options describes: {@code criterion} picks which of the other settings is
   * used.
   */
  static DendrogramCut of(Criterion criterion, int count, double height, double inconsistency, int depth) {
    switch (criterion) {
      case HEIGHT:
        return new CutByHeight(height);
      case INCONSISTENCY:
        return new CutByInconsistency(inconsistency, depth);
      default:
        return new CutByCount(count);
    }
  }
}
