package clusterlab.weka;

import clusterlab.core.Partition;
import clusterlab.core.kmeans.KMeans.Init;
import clusterlab.core.kmeans.KMeansOptions;
import weka.core.OptionMetadata;
import weka.core.SelectedTag;

/**
 * The k-means family (k-means, mini-batch and bisecting k-means): a {@link CentroidClusterer} with
 * the k-means seeding {@code -init} (random rows, k-means++, k-means||), declared once here.
 * K-medoids and k-prototypes seed differently and declare their own {@code -init}.
 *
 * @param <M> the core model
 */
public abstract class KMeansSeededClusterer<M extends Partition> extends CentroidClusterer<M> {

  private static final long serialVersionUID = 1L;

  private Init init = KMeansOptions.defaults().init();

  /** The seeding chosen. */
  protected Init init() {
    return init;
  }

  @OptionMetadata(displayName = "init", description = "Seeding of the initial centroids: random rows, k-means++ (greedy, as scikit-learn) or k-means|| (Bahmani et al. 2012, few parallel passes).",
      commandLineParamName = "init", commandLineParamSynopsis = "-init <random|kmeans-plus-plus|kmeans-parallel>", displayOrder = 2)
  public SelectedTag getInit() {
    return Tags.select(init);
  }

  public void setInit(SelectedTag tag) {
    init = Tags.value(tag, Init.class);
  }
}
