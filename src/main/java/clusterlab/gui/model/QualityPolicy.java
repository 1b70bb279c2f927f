package clusterlab.gui.model;

import clusterlab.weka.QualitySupport;

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

  private QualityPolicy() {
  }

  /** Index settings for {@code rows} rows. */
  public static QualitySupport.Settings forRows(int rows) {
    QualitySupport.Settings s = new QualitySupport.Settings();
    if (rows > EXACT_ROWS) {
      s.silhouetteSample = SAMPLE;
      s.dunn = false;
    }
    return s;
  }
}
