package clusterlab.core.mixture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clusterlab.core.Dataset;
import clusterlab.core.Progress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * BIC curves against R's mclust (tools/fixtures/mixture_mclust.R) on Old Faithful and iris, for the
 * four models both have (VII spherical, VVI diag, EEE tied, VVV full), G = 1..6: our log-density at
 * mclust's parameters gives its log-likelihood and (sign flipped) its BIC; EM continued from them
 * stays at mclust's optimum; and our own fits (k-means start, restarts) choose the same model.
 */
class MclustFixtureTest {

  static final class Cell {
    CovarianceType type;
    int k;
    double bic;
    double loglik;
    double[] pro;
    double[] means;
    double[] cov;
  }

  static List<Cell> cells(String name) {
    List<String> ls = MixtureFixtures.lines("mclust_" + name + ".txt");
    List<Cell> out = new ArrayList<>();
    for (int i = 0; i < ls.size(); i += 4) {
      String[] head = ls.get(i).split(",");
      Cell c = new Cell();
      for (CovarianceType t : CovarianceType.values()) {
        if (t.mclustName().equals(head[1])) {
          c.type = t;
        }
      }
      c.k = Integer.parseInt(head[2]);
      c.bic = Double.parseDouble(head[3]);
      c.loglik = Double.parseDouble(head[4]);
      c.pro = MixtureFixtures.values(ls.get(i + 1));
      c.means = MixtureFixtures.values(ls.get(i + 2));
      c.cov = MixtureFixtures.values(ls.get(i + 3));
      out.add(c);
    }
    return out;
  }

  @ParameterizedTest
  @ValueSource(strings = {"faithful", "iris"})
  void bicAtMclustParametersAndFromThere(String name) {
    Dataset data = MixtureFixtures.data(name);
    List<Cell> cells = cells(name);
    assertTrue(cells.size() >= 20, "most of the 24 cells are fitted by mclust");
    for (Cell c : cells) {
      String what = name + " " + c.type.mclustName() + " G=" + c.k;
      Gaussians g = new Gaussians(c.type, c.k, data.d(), c.means, c.cov);
      double ll = 0;
      RowTile tile = new RowTile(c.k, data.d(), 1);
      double[] logW = Em.logs(c.pro);
      for (int i = 0; i < data.n(); i++) {
        tile.load(data.values(), i, 1);
        g.logDensities(tile);
        tile.normalise(logW);
        ll += tile.logDensity[0];
      }
      // mclust reports the log-likelihood of its last E-step, before the final M-step that produced the
      // parameters it returns: at those parameters the likelihood is equal or (by EM's monotonicity) slightly higher
      assertEquals(c.loglik, ll, 1e-5 * Math.abs(c.loglik), what + " log-likelihood at mclust's parameters");
      assertTrue(ll >= c.loglik - 1e-9 * Math.abs(c.loglik), what + ": not below mclust's last E-step");
      double ourBic = -2 * ll + c.type.parameters(c.k, data.d()) * Math.log(data.n());
      assertEquals(-c.bic, ourBic, 1e-5 * Math.abs(c.bic), what + " BIC (mclust's sign flipped)");
      assertEquals(-c.bic + 2 * (c.loglik - ll), ourBic, 1e-9 * Math.abs(c.bic), what + " BIC formula and parameter count");
      // EM continued from mclust's result (no reg_covar, as mclust without a prior) never does worse; mclust stops
      // at a relative log-likelihood change of 1e-5, so on slow ridges (faithful VVI G=4, iris VVV G=4) it gains a little
      MixtureModel m = new GaussianMixture(c.k, c.type,
          EmOptions.builder().maxIterations(500).tolerance(1e-10).regCovar(0).threads(1).build())
          .fitFrom(data, normalised(c.pro), g, Progress.NONE);
      assertTrue(m.bic() <= -c.bic + 1e-6 * Math.abs(c.bic), what + " BIC after EM from mclust's parameters: "
          + m.bic() + " vs " + -c.bic);
      assertTrue(m.logLikelihood() >= c.loglik - 1e-6 * Math.abs(c.loglik), what + ": EM never lowers the likelihood");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"faithful", "iris"})
  void ownFitsChooseMclustsModel(String name) {
    Dataset data = MixtureFixtures.data(name);
    Cell best = null;
    for (Cell c : cells(name)) {
      if (best == null || c.bic > best.bic) {
        best = c;
      }
    }
    MixtureSelection.Result r = new MixtureSelection(1, 6, List.of(CovarianceType.values()), MixtureSelection.Criterion.BIC)
        .run(data,
            EmOptions.builder().numInit(5).maxIterations(500).tolerance(1e-6).regCovar(0).threads(1).build(), 1, Progress.NONE);
    assertEquals(best.type, r.best().type, name + ": covariance type chosen by BIC");
    assertEquals(best.k, r.best().k, name + ": number of components chosen by BIC");
    assertEquals(-best.bic, r.best().model.bic(), 1e-4 * Math.abs(best.bic), name + ": best BIC");
  }

  private static double[] normalised(double[] p) {
    double s = 0;
    for (double v : p) {
      s += v;
    }
    double[] out = p.clone();
    for (int i = 0; i < out.length; i++) {
      out[i] /= s;
    }
    return out;
  }
}
