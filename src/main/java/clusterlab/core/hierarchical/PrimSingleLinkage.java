package clusterlab.core.hierarchical;

import clusterlab.core.Dataset;
import clusterlab.core.Progress;
import clusterlab.core.distance.Distance;
import clusterlab.core.mst.DensePrim;

/**
 * Single linkage as a minimum spanning tree (M&uuml;llner 2011, section 3.3, "MST-linkage";
 * fastcluster's {@code MST_linkage_core_vector}): Prim's sequence from the project's one dense
 * Prim ({@link DensePrim}, O(n&sup2;) distance evaluations, O(n&middot;d) memory, the same tree for
 * any thread count), edges sorted stably by weight and relabelled, which gives the same merge
 * history as SciPy's {@code mst_single_linkage}. (On squared Euclidean keys, two edges whose
 * lengths round to the same double but whose squares differ are not a tie; either is a minimum
 * spanning tree edge of that length.)
 */
final class PrimSingleLinkage {

  private PrimSingleLinkage() {
  }

  static MergeHistory run(Dataset data, Distance distance, int threads, Progress progress) {
    return MergeHistoryBuilder.fromPrim(DensePrim.sequence(data, null, distance, threads, progress, "single linkage"));
  }
}
