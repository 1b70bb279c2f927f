package clusterlab.weka.hierarchical;

/** How the hierarchical adapters turn the tree into flat clusters. */
public enum CutBy {
  /** Exactly the requested number of clusters. */
  COUNT,
  /** Largest subtrees whose merges are all at most the height threshold (SciPy fcluster 'distance'). */
  HEIGHT,
  /** Largest subtrees with no inconsistency coefficient above the threshold (SciPy fcluster 'inconsistent'). */
  INCONSISTENCY
}
