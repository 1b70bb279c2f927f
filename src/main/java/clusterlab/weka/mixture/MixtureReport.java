package clusterlab.weka.mixture;

import clusterlab.core.mixture.CovarianceType;
import clusterlab.core.mixture.MixtureModel;
import clusterlab.core.mixture.MixtureSelection;
import clusterlab.weka.Tags;
import java.util.Locale;

/**
 * The parts of a Gaussian mixture's {@code toString} beyond the means table: the model-choice
 * table of a {@code -select} run and the correlation matrices of full and tied covariances.
 */
public final class MixtureReport {

  /** Correlation matrices are printed up to this many attributes (beyond it they are unreadable). */
  static final int MAX_CORRELATION_COLUMNS = 12;

  private MixtureReport() {
  }

  /** One line per (type, k): log-likelihood, parameters, BIC, AIC, ICL; the kept cell marked. */
  public static String selectionTable(MixtureSelection.Result result) {
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "Model choice by %s (lower is better)%n",
        result.criterion()));
    sb.append(String.format(Locale.ROOT, "%-10s %4s %16s %8s %16s %16s %16s%n", "covariance", "k", "log-likelihood",
        "params", "BIC", "AIC", "ICL"));
    for (MixtureSelection.Cell c : result.cells()) {
      if (c.model == null) {
        sb.append(String.format(Locale.ROOT, "%-10s %4d   not fitted: %s%n", Tags.word(c.type), c.k, c.failure));
        continue;
      }
      MixtureModel m = c.model;
      sb.append(String.format(Locale.ROOT, "%-10s %4d %16.4f %8d %16.4f %16.4f %16.4f%s%n", Tags.word(c.type), c.k,
          m.logLikelihood(), m.parameters(), m.bic(), m.aic(), m.icl(), c == result.best() ? "  <- chosen" : ""));
    }
    return sb.toString();
  }

  /** Correlation matrix of each component (once for tied), or a note when there are too many attributes. */
  public static String correlations(MixtureModel model, String[] names) {
    int d = model.d();
    if (d < 2) {
      return "";
    }
    if (d > MAX_CORRELATION_COLUMNS) {
      return "\n(correlation matrices of " + d + " attributes not printed; see getModel().components())\n";
    }
    StringBuilder sb = new StringBuilder();
    int shown = model.covarianceType() == CovarianceType.TIED ? 1 : model.numClusters();
    for (int c = 0; c < shown; c++) {
      sb.append(shown == 1 ? "\nCorrelations (shared by all components)\n" : "\nCorrelations, component " + c + "\n");
      double[] cov = model.components().covarianceMatrix(c);
      sb.append(String.format(Locale.ROOT, "%-16s", ""));
      for (int j = 0; j < d; j++) {
        sb.append(String.format(Locale.ROOT, " %8s", abbreviate(names[j], 8)));
      }
      sb.append('\n');
      for (int i = 0; i < d; i++) {
        sb.append(String.format(Locale.ROOT, "%-16s", abbreviate(names[i], 16)));
        for (int j = 0; j < d; j++) {
          double r = cov[i * d + j] / Math.sqrt(cov[i * d + i] * cov[j * d + j]);
          sb.append(String.format(Locale.ROOT, " %8.3f", r));
        }
        sb.append('\n');
      }
    }
    return sb.toString();
  }

  private static String abbreviate(String s, int width) {
    return s.length() > width ? s.substring(0, width) : s;
  }
}
