package clusterlab.core.evaluation;

import clusterlab.core.distance.Metric;
import java.util.List;

/**
 * The internal indices by their report names, so that model selection (ChooseK) and command lines
 * can ask for "silhouette" instead of a class name and constructor arguments.
 */
public final class InternalIndexes {

  /** Names understood by {@link #byName}. */
  public static final List<String> NAMES = List.of("silhouette", "simplified_silhouette", "calinski_harabasz",
      "davies_bouldin", "dunn");

  private InternalIndexes() {
  }

  /**
   * The index called {@code name} (case-insensitive, '-' or '_'), Euclidean where a distance is
   * needed.
   *
   * @param threads worker threads, {@code <= 0} for all cores
   * @throws IllegalArgumentException listing the known names
   */
  public static InternalIndex byName(String name, int threads) {
    switch (name.trim().toLowerCase(java.util.Locale.ROOT).replace('-', '_')) {
      case "silhouette":
        return new Silhouette(Metric.EUCLIDEAN, threads, 0, 0L);
      case "simplified_silhouette":
        return new SimplifiedSilhouette(Metric.EUCLIDEAN, threads);
      case "calinski_harabasz":
        return new CalinskiHarabasz(threads);
      case "davies_bouldin":
        return new DaviesBouldin(threads);
      case "dunn":
        return new Dunn(Metric.EUCLIDEAN, threads);
      default:
        throw new IllegalArgumentException("unknown internal index '" + name + "'; choose from " + NAMES);
    }
  }
}
