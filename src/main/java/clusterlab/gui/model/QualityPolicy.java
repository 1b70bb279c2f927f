package clusterlab.gui.model;

import clusterlab.core.evaluation.QualityEvaluator;

/**
 * How exhaustively the tab computes the quality indices for a result of a given size, so that the
 * metrics table answers within a second or two after every drag of a cut line: exact silhouette and
 * Dunn's index (both O(n^2) distances) up to {@link #EXACT_ROWS} rows; above that, the silhouette
 * on a seeded sample of {@link #SAMPLE} rows and no Dunn index, which the table then says in its
 * notes.
 */
public final class QualityPolicy {

  /** Largest data set evaluated exactly. */
  public static final int EXACT_ROWS = 5000;
  /** Silhouette sample size above {@link #EXACT_ROWS}. */
  public static final int SAMPLE = 3000;
  /** Seed of the silhouette sample. */
  public static final long SAMPLE_SEED = 1;

  private QualityPolicy() {
  }

  /** The evaluator for {@code rows} rows. */
  public static QualityEvaluator forRows(int rows) {
    QualityEvaluator.Builder b = QualityEvaluator.builder();
    if (rows > EXACT_ROWS) {
      b.silhouetteSample(SAMPLE, SAMPLE_SEED).dunn(false);
    }
    return b.build();
  }
}
