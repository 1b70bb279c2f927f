package clusterlab.core.anomaly;

import clusterlab.core.Check;
import clusterlab.core.density.HdbscanModel;

/**
 * GLOSH, the global-local outlier score from hierarchies (Campello, Moulavi, Zimek and Sander 2015),
 * read from an HDBSCAN model: {@code 1 - eps_max(C) / eps(x)}, where eps(x) is the density level at
 * which the row leaves its cluster tree node C and eps_max(C) the level at which the densest part of C
 * vanishes. In [0, 1]; it is local (each row is compared with its own cluster) yet global (the tree
 * compares clusters of different densities). New rows are scored as {@link HdbscanModel#outlierScore}.
 */
public final class Glosh implements AnomalyModel {

  private static final long serialVersionUID = 1L;

  private final HdbscanModel model;
  private final int d;

  private Glosh(HdbscanModel model, int d) {
    this.model = model;
    this.d = d;
  }

  /** The GLOSH scores of an HDBSCAN model fitted on {@code d}-column rows. */
  public static Glosh of(HdbscanModel model, int d) {
    Check.notNull("model", model);
    Check.atLeast("d (columns)", d, 1);
    return new Glosh(model, d);
  }

  @Override
  public AnomalyMethod method() {
    return AnomalyMethod.GLOSH;
  }

  @Override
  public int d() {
    return d;
  }

  /** The HDBSCAN model the scores come from. */
  public HdbscanModel model() {
    return model;
  }

  @Override
  public double[] trainingScores() {
    return model.outlierScores();
  }

  @Override
  public double score(double[] x, int off) {
    AnomalyModel.checkRow(x, off, d());
    return model.outlierScore(x, off);
  }
}
