package clusterlab.weka.density;

import clusterlab.core.Partition;
import clusterlab.core.distance.Metric;
import clusterlab.core.neighbors.NeighborIndexes;
import clusterlab.weka.PartitioningClusterer;
import clusterlab.weka.Tags;
import weka.core.OptionMetadata;
import weka.core.SelectedTag;

/**
 * The family base of the density clusterers (DBSCAN, OPTICS, HDBSCAN), which find clusters through
 * neighbourhood queries: on top of {@link PartitioningClusterer}, only the family's own options,
 * the distance {@code -distance} and the neighbour index {@code -index}. Noise is the base's: a
 * noise row throws in {@code clusterInstance}, so {@code ClusterEvaluation} counts it as
 * "unclustered" instead of forcing it into a cluster.
 *
 * <p>(Named for the neighbourhoods, not "density clusterer", so that it is not confused with
 * Weka's {@code DensityBasedClusterer}, the interface of probabilistic clusterers.)
 *
 * @param <M> the core model
 */
public abstract class NeighbourhoodClusterer<M extends Partition> extends PartitioningClusterer<M> {

  private static final long serialVersionUID = 1L;

  private Metric distance = Metric.EUCLIDEAN;
  private NeighborIndexes.Kind index = NeighborIndexes.Kind.AUTO;

  protected Metric metric() {
    return distance;
  }

  /** The silhouette in the model output uses the clusterer's own distance. */
  @Override
  protected clusterlab.core.distance.Distance qualityDistance() {
    return distance;
  }

  protected NeighborIndexes.Kind indexKind() {
    return index;
  }

  @OptionMetadata(displayName = "distance", description = "Distance between rows (no rescaling is done: standardize first if attributes have different scales).",
      commandLineParamName = "distance", commandLineParamSynopsis = "-distance " + Tags.DISTANCES, displayOrder = 20)
  public SelectedTag getDistance() {
    return Tags.select(distance);
  }

  public void setDistance(SelectedTag tag) {
    distance = Tags.value(tag, Metric.class);
  }

  @OptionMetadata(displayName = "neighbourIndex", description = "Neighbour search: auto (k-d tree up to 15 dimensions, ball tree above, linear scan for non-metric distances;"
      + " DBSCAN in 1 to 3 dimensions: an exact grid of eps-cells), or a fixed choice (grid: DBSCAN only).",
      commandLineParamName = "index", commandLineParamSynopsis = "-index <auto|kd-tree|ball-tree|linear-scan|grid>", displayOrder = 21)
  public SelectedTag getNeighbourIndex() {
    return Tags.select(index);
  }

  public void setNeighbourIndex(SelectedTag tag) {
    index = Tags.value(tag, NeighborIndexes.Kind.class);
  }

  /** Whether this clusterer can run on DBSCAN's grid of eps-cells ({@code -index grid}); only DBSCAN can. */
  protected boolean servesGrid() {
    return false;
  }

  /** Checks that the chosen index can serve the chosen distance, before any work is done. */
  protected void checkIndexFitsDistance() {
    if (index == NeighborIndexes.Kind.GRID && !servesGrid()) {
      throw new IllegalArgumentException("-index grid serves DBSCAN's fixed eps only, not " + getClass().getSimpleName()
          + "; choose -index auto, kd-tree, ball-tree or linear-scan");
    }
    if (index == NeighborIndexes.Kind.GRID && NeighborIndexes.choose(1, distance) != NeighborIndexes.Kind.KD_TREE) {
      throw new IllegalArgumentException("-index grid supports the euclidean, manhattan and chebyshev distances, not "
          + distance.id() + "; choose -index auto, ball-tree or linear-scan");
    }
    if (index == NeighborIndexes.Kind.KD_TREE && NeighborIndexes.choose(1, distance) != NeighborIndexes.Kind.KD_TREE) {
      throw new IllegalArgumentException("the kd-tree index supports the euclidean, manhattan and chebyshev distances,"
          + " not " + distance.id() + "; choose -index auto, ball-tree or linear-scan");
    }
    if (index == NeighborIndexes.Kind.BALL_TREE && !distance.isMetric()) {
      throw new IllegalArgumentException("the ball-tree index needs a metric distance, not " + distance.id()
          + "; choose -index auto or linear-scan");
    }
  }

  /**
   * How noise looks in Weka, said in every density model's output: Weka has no "noise" cluster, so
   * the Cluster tab's assignment plot draws noise rows as missing-value marks without a legend entry.
   */
  protected static final String NOISE_NOTE = "Noise rows belong to no cluster: Weka's evaluation counts them as "
      + "unclustered, and the Cluster tab's 'Visualize cluster assignments' draws them as missing-value marks (M) "
      + "with no legend entry. To see noise as a value of its own, add the clusters to the data with the "
      + "AddDensityCluster filter (Preprocess tab; noise is the value 'noise') and plot that attribute.\n";

  /** One line per cluster: its size and share of the rows, then how noise shows in Weka ({@link #NOISE_NOTE}). */
  protected static String sizes(int[] sizes, int total) {
    StringBuilder sb = new StringBuilder();
    for (int c = 0; c < sizes.length; c++) {
      sb.append(String.format(java.util.Locale.ROOT, "  cluster %d: %d (%.1f%%)%n", c, sizes[c], 100.0 * sizes[c] / total));
    }
    return sb.append('\n').append(NOISE_NOTE).toString();
  }
}
