package clusterlab.core.anomaly;

/**
 * The anomaly scores ClusterLab computes, each the outlier view of one of its clustering models.
 * Every score grows with outlyingness.
 */
public enum AnomalyMethod {
  /** GLOSH of HDBSCAN (Campello et al. 2015): 1 - eps_max / eps of the row's tree node, in [0, 1]. */
  GLOSH,
  /** Negative log-density of a Gaussian mixture fitted to the data. */
  MIXTURE,
  /** Euclidean distance to the nearest k-means centroid. */
  CENTROID,
  /** Distance to the k-th nearest neighbour (Ramaswamy et al. 2000), or the mean of the k (Angiulli and Pizzuti 2002). */
  KNN,
  /** Local outlier factor (Breunig et al. 2000), about 1 for inliers. */
  LOF,
  /** DBSCAN noise: 1 for a noise row, 0 for a row in a cluster. */
  DBSCAN
}
