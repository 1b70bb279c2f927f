package clusterlab.core.anomaly;

import clusterlab.core.Check;
import clusterlab.core.density.DbscanModel;

/**
 * DBSCAN's verdict as a score: 1 for a noise row (neither a core point nor within eps of one), 0
 * for a row in a cluster. A binary score ranks all noise rows alike, so its ROC AUC is that of one
 * operating point; the flag needs no threshold. New rows are noise when no core point is within eps
 * ({@link DbscanModel#predict}).
 */
public final class DbscanNoise implements AnomalyModel {

  private static final long serialVersionUID = 1L;

  private final DbscanModel model;
  private final int d;

  private DbscanNoise(DbscanModel model, int d) {
    this.model = model;
    this.d = d;
  }

  /** The noise indicator of a DBSCAN model fitted on {@code d}-column rows. */
  public static DbscanNoise of(DbscanModel model, int d) {
    Check.notNull("model", model);
    Check.atLeast("d (columns)", d, 1);
    return new DbscanNoise(model, d);
  }

  @Override
  public AnomalyMethod method() {
    return AnomalyMethod.DBSCAN;
  }

  @Override
  public int d() {
    return d;
  }

  /** The DBSCAN model the verdicts come from. */
  public DbscanModel model() {
    return model;
  }

  @Override
  public double[] trainingScores() {
    int[] labels = model.labels();
    double[] s = new double[labels.length];
    for (int i = 0; i < s.length; i++) {
      s[i] = labels[i] < 0 ? 1 : 0;
    }
    return s;
  }

  @Override
  public double score(double[] x, int off) {
    AnomalyModel.checkRow(x, off, d);
    return model.predict(x, off) < 0 ? 1 : 0;
  }
}
