package clusterlab.core.anomaly;

import clusterlab.core.Check;
import clusterlab.core.Dataset;
import clusterlab.core.Progress;
import clusterlab.core.density.Dbscan;
import clusterlab.core.density.Hdbscan;
import clusterlab.core.distance.Distance;
import clusterlab.core.distance.Metric;
import clusterlab.core.kmeans.KMeans;
import clusterlab.core.kmeans.KMeansOptions;
import clusterlab.core.mixture.CovarianceType;
import clusterlab.core.mixture.EmOptions;
import clusterlab.core.mixture.GaussianMixture;
import clusterlab.core.neighbors.NeighborIndexes;

/**
 * One configuration for every {@link AnomalyMethod}: which score, and the few settings each needs.
 * Immutable and validated as a whole when built; {@link #of} gives the defaults and {@link #builder}
 * changes a few: {@code AnomalyDetector.builder(AnomalyMethod.LOF).neighbours(20).build().fit(data, seed, progress)}.
 *
 * <ul>
 *   <li>{@code neighbours}: k of the k-NN distance and of LOF, minPts of HDBSCAN (GLOSH) and DBSCAN;
 *   <li>{@code components}: k of k-means (centroid) and of the Gaussian mixture;
 *   <li>{@code covariance}: the mixture's covariance type;
 *   <li>{@code eps}: DBSCAN's radius, NaN for the knee of the k-distance curve;
 *   <li>{@code distance}: of the neighbour methods (k-means and mixtures are Euclidean by nature).
 * </ul>
 */
public final class AnomalyDetector {

  /** Default neighbours (k of k-NN and LOF, minPts of HDBSCAN and DBSCAN). */
  public static final int DEFAULT_NEIGHBOURS = 10;
  /** Default clusters of k-means and components of the mixture. */
  public static final int DEFAULT_COMPONENTS = 3;

  private final AnomalyMethod method;
  private final int neighbours;
  private final KnnDistance.Aggregate aggregate;
  private final int components;
  private final CovarianceType covariance;
  private final double eps;
  private final Distance distance;
  private final int threads;

  private AnomalyDetector(Builder b) {
    method = Check.notNull("method", b.method);
    Check.atLeast("neighbours", b.neighbours, 1);
    if (method == AnomalyMethod.GLOSH || (method == AnomalyMethod.DBSCAN && Double.isNaN(b.eps))) {
      Check.atLeast("neighbours (minPts of " + method.name() + ")", b.neighbours, 2);
    }
    neighbours = b.neighbours;
    aggregate = Check.notNull("aggregate", b.aggregate);
    Check.atLeast("components", b.components, 1);
    components = b.components;
    covariance = Check.notNull("covariance", b.covariance);
    if (!Double.isNaN(b.eps)) {
      Check.positive("eps", b.eps);
    }
    eps = b.eps;
    distance = Check.notNull("distance", b.distance);
    threads = b.threads;
  }

  /** {@code method} with the defaults: 10 neighbours (k-th distance), 3 components (full covariances), automatic eps, Euclidean, all cores. */
  public static AnomalyDetector of(AnomalyMethod method) {
    return builder(method).build();
  }

  /** A builder for {@code method} holding the defaults of {@link #of}. */
  public static Builder builder(AnomalyMethod method) {
    return new Builder(method);
  }

  /** A builder holding this configuration, to change a few settings. */
  public Builder toBuilder() {
    return new Builder(method).neighbours(neighbours).aggregate(aggregate).components(components)
        .covariance(covariance).eps(eps).distance(distance).threads(threads);
  }

  /** Collects the settings; {@link #build()} validates them together (minPts of GLOSH and DBSCAN, eps, ...). */
  public static final class Builder {
    private final AnomalyMethod method;
    private int neighbours = DEFAULT_NEIGHBOURS;
    private KnnDistance.Aggregate aggregate = KnnDistance.Aggregate.KTH;
    private int components = DEFAULT_COMPONENTS;
    private CovarianceType covariance = CovarianceType.FULL;
    private double eps = Double.NaN;
    private Distance distance = Metric.EUCLIDEAN;
    private int threads;

    private Builder(AnomalyMethod method) {
      this.method = method;
    }

    /** k of the k-NN distance and of LOF, minPts of HDBSCAN (GLOSH) and DBSCAN. */
    public Builder neighbours(int k) {
      neighbours = k;
      return this;
    }

    /** How the k-NN score combines the k distances. */
    public Builder aggregate(KnnDistance.Aggregate a) {
      aggregate = a;
      return this;
    }

    /** k of k-means (centroid) and of the Gaussian mixture. */
    public Builder components(int k) {
      components = k;
      return this;
    }

    /** The mixture's covariance type. */
    public Builder covariance(CovarianceType c) {
      covariance = c;
      return this;
    }

    /** DBSCAN's eps; NaN (the default) takes the knee of the k-distance curve. */
    public Builder eps(double e) {
      eps = e;
      return this;
    }

    /** The distance of the neighbour methods (k-means and mixtures are Euclidean by nature). */
    public Builder distance(Distance d) {
      distance = d;
      return this;
    }

    /** Worker threads, 0 or less for all cores; scores do not depend on it. */
    public Builder threads(int t) {
      threads = t;
      return this;
    }

    /** The validated configuration. */
    public AnomalyDetector build() {
      return new AnomalyDetector(this);
    }
  }

  public AnomalyMethod method() {
    return method;
  }

  /**
   * Fits the method's model on {@code data} and scores its rows. k-means and the mixture use
   * {@code seed} (10 k-means++ restarts; the mixture from one k-means run, scikit-learn's defaults).
   *
   * @throws IllegalArgumentException when the data cannot support the method (too few rows for the
   *     components, a distance k-means or the mixture cannot use), with the reason and the fix
   */
  public AnomalyModel fit(Dataset data, long seed, Progress progress) {
    Check.notNull("data", data);
    Progress p = progress == null ? Progress.NONE : progress;
    switch (method) {
      case KNN:
        return KnnDistance.fit(data, neighbours, aggregate, distance, threads);
      case LOF:
        return LocalOutlierFactorModel.fit(data, neighbours, distance, threads);
      case GLOSH:
        Check.enoughRows(data, 2, "GLOSH compares each row with its HDBSCAN cluster tree");
        return Glosh.of(Hdbscan.likeR(Math.min(neighbours, data.n()), distance, threads).fit(data, p), data.d());
      case DBSCAN: {
        Dbscan db = new Dbscan(eps, neighbours, distance, NeighborIndexes.Kind.AUTO, threads);
        return DbscanNoise.of(db.fit(data, p), data.d());
      }
      case CENTROID:
        euclideanOnly();
        tooFewRows(data, "k-means clusters");
        return CentroidDistance.of(new KMeans(components, KMeansOptions.builder().numInit(10).threads(threads).build())
            .fit(data, seed, p), data);
      default:
        euclideanOnly();
        tooFewRows(data, "mixture components");
        GaussianMixture gm = new GaussianMixture(components, covariance, EmOptions.builder().threads(threads).build());
        return MixtureDensity.of(gm.fit(data, seed, p), data);
    }
  }

  private void euclideanOnly() {
    if (distance != Metric.EUCLIDEAN) {
      throw new IllegalArgumentException("the " + method.name().toLowerCase(java.util.Locale.ROOT) + " score is "
          + "Euclidean by construction, got distance " + distance.name() + "; use euclidean or a neighbour method "
          + "(knn, lof, glosh, dbscan)");
    }
  }

  private void tooFewRows(Dataset data, String what) {
    if (data.n() < components) {
      throw new IllegalArgumentException(components + " " + what + " need at least as many rows, got " + data.n()
          + "; lower the number of components");
    }
  }
}
