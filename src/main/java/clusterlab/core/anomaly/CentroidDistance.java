package clusterlab.core.anomaly;

import clusterlab.core.Check;
import clusterlab.core.Dataset;
import clusterlab.core.kmeans.KMeansModel;

/**
 * Distance to the nearest k-means centroid: the outlier score a k-means segmentation already
 * implies (a row far from every cluster centre fits no segment). Global and spherical: it finds
 * rows far from all clusters, not rows in a sparse corner of a wide cluster (use LOF for those).
 */
public final class CentroidDistance implements AnomalyModel {

  private static final long serialVersionUID = 1L;

  private final KMeansModel model;
  private final double[] training;

  private CentroidDistance(KMeansModel model, double[] training) {
    this.model = model;
    this.training = training;
  }

  /** Scores the rows of {@code data} (on which {@code model} was fitted) and keeps the centroids. */
  public static CentroidDistance of(KMeansModel model, Dataset data) {
    Check.notNull("model", model);
    Check.notNull("data", data);
    if (data.d() != model.d()) {
      throw new IllegalArgumentException("the data have " + data.d() + " columns, the k-means model " + model.d());
    }
    CentroidDistance c = new CentroidDistance(model, null);
    double[] scores = new double[data.n()];
    double[] v = data.values();
    for (int i = 0; i < scores.length; i++) {
      scores[i] = c.score(v, i * data.d());
    }
    return new CentroidDistance(model, scores);
  }

  @Override
  public AnomalyMethod method() {
    return AnomalyMethod.CENTROID;
  }

  @Override
  public int d() {
    return model.d();
  }

  /** The k-means model the distances refer to. */
  public KMeansModel model() {
    return model;
  }

  @Override
  public double[] trainingScores() {
    return training.clone();
  }

  @Override
  public double score(double[] x, int off) {
    AnomalyModel.checkRow(x, off, d());
    double best = Double.POSITIVE_INFINITY;
    for (double s : model.squaredDistances(x, off)) {
      best = Math.min(best, s);
    }
    return Math.sqrt(best);
  }
}
