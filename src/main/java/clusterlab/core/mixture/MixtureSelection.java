package clusterlab.core.mixture;

import clusterlab.core.Check;
import clusterlab.core.Dataset;
import clusterlab.core.Progress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Model choice over a range of numbers of components and covariance types in one run, as R's
 * {@code mclust} does: every (type, k) is fitted with the same settings and seed, and the model of
 * lowest BIC, AIC or ICL is kept, with the whole table for the user (Fraley and Raftery 2002;
 * Biernacki, Celeux and Govaert 2000 for ICL). Cells that cannot be fitted (more components than
 * rows) are listed with their reason instead of failing the run.
 */
public final class MixtureSelection {

  /** Criterion minimised. */
  public enum Criterion {
    /** {@code -2 log L + p ln N}. */
    BIC,
    /** {@code -2 log L + 2 p}. */
    AIC,
    /** BIC plus twice the classification entropy. */
    ICL;

    double of(MixtureModel m) {
      switch (this) {
        case AIC:
          return m.aic();
        case ICL:
          return m.icl();
        default:
          return m.bic();
      }
    }
  }

  /** One fitted cell of the table ({@code model} null and {@code failure} set when it could not be fitted). */
  public static final class Cell implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    public final CovarianceType type;
    public final int k;
    public final MixtureModel model;
    public final String failure;

    Cell(CovarianceType type, int k, MixtureModel model, String failure) {
      this.type = type;
      this.k = k;
      this.model = model;
      this.failure = failure;
    }
  }

  /** The table and the kept model. */
  public static final class Result implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private final List<Cell> cells;
    private final Cell best;
    private final Criterion criterion;

    Result(List<Cell> cells, Cell best, Criterion criterion) {
      this.cells = Collections.unmodifiableList(cells);
      this.best = best;
      this.criterion = criterion;
    }

    /** Every (type, k) tried, types in the order given, k ascending. */
    public List<Cell> cells() {
      return cells;
    }

    /** The cell of lowest criterion. */
    public Cell best() {
      return best;
    }

    /** The criterion minimised. */
    public Criterion criterion() {
      return criterion;
    }
  }

  private final int minK;
  private final int maxK;
  private final List<CovarianceType> types;
  private final Criterion criterion;

  public MixtureSelection(int minK, int maxK, List<CovarianceType> types, Criterion criterion) {
    Check.atLeast("minimum number of components", minK, 1);
    Check.atLeast("maximum number of components", maxK, minK);
    Check.notNull("criterion", criterion);
    if (types == null || types.isEmpty()) {
      throw new IllegalArgumentException("give at least one covariance type to choose among");
    }
    this.minK = minK;
    this.maxK = maxK;
    this.types = List.copyOf(types);
    this.criterion = criterion;
  }

  /**
   * Fits every cell with the same EM {@code settings} and keeps the lowest criterion.
   *
   * @param settings how EM runs in every cell: init, restarts, iterations, tolerance, reg_covar, threads
   */
  public Result run(Dataset data, EmOptions settings, long seed, Progress progress) {
    List<Cell> cells = new ArrayList<>();
    Cell best = null;
    for (CovarianceType type : types) {
      for (int k = minK; k <= maxK; k++) {
        progress.checkCancelled();
        Cell cell;
        if (k > data.n()) {
          cell = new Cell(type, k, null, "more components than rows (" + data.n() + ")");
        } else {
          MixtureModel m = new GaussianMixture(k, type, settings).fit(data, seed, progress);
          cell = new Cell(type, k, m, null);
          if (best == null || criterion.of(m) < criterion.of(best.model)) {
            best = cell;
          }
        }
        cells.add(cell);
      }
    }
    if (best == null) {
      throw new IllegalArgumentException("no model could be fitted: the data has " + data.n()
          + " rows, fewer than the smallest number of components " + minK);
    }
    return new Result(cells, best, criterion);
  }
}
