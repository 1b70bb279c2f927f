package clusterlab.core.anomaly;

import clusterlab.core.Check;
import clusterlab.core.Dataset;
import clusterlab.core.mixture.MixtureModel;
import java.util.Arrays;

/**
 * Negative log-density under a fitted Gaussian mixture, {@code -log sum_k w_k N(x; mu_k, Sigma_k)}
 * (scikit-learn's {@code -score_samples}): the statistical outlier score, which takes the shape and
 * the spread of every component into account, so a row at the edge of a wide component scores lower
 * than one at the same distance from a tight one.
 */
public final class MixtureDensity implements AnomalyModel {

  private static final long serialVersionUID = 1L;

  private final MixtureModel model;
  private final double[] training;

  private MixtureDensity(MixtureModel model, double[] training) {
    this.model = model;
    this.training = training;
  }

  /** Scores the rows of {@code data} (on which {@code model} was fitted) and keeps the mixture. */
  public static MixtureDensity of(MixtureModel model, Dataset data) {
    Check.notNull("model", model);
    Check.notNull("data", data);
    if (data.d() != model.d()) {
      throw new IllegalArgumentException("the data have " + data.d() + " columns, the mixture " + model.d());
    }
    MixtureDensity m = new MixtureDensity(model, null);
    double[] scores = new double[data.n()];
    for (int i = 0; i < scores.length; i++) {
      scores[i] = m.score(data.values(), i * data.d());
    }
    return new MixtureDensity(model, scores);
  }

  @Override
  public AnomalyMethod method() {
    return AnomalyMethod.MIXTURE;
  }

  @Override
  public int d() {
    return model.d();
  }

  /** The mixture the densities come from. */
  public MixtureModel model() {
    return model;
  }

  @Override
  public double[] trainingScores() {
    return training.clone();
  }

  @Override
  public double score(double[] x, int off) {
    AnomalyModel.checkRow(x, off, d());
    return -model.logDensity(Arrays.copyOfRange(x, off, off + d()));
  }
}
