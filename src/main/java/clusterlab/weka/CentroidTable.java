package clusterlab.weka;

import java.util.Locale;

/**
 * The per-cluster table the centroid clusterers print in {@code toString}: one column per
 * cluster, summary rows (size, inertia, ...) and then one row per attribute with the centroid
 * coordinates.
 */
public final class CentroidTable {

  private final String[] names;
  private final int k;
  private final StringBuilder sb = new StringBuilder();

  /** A table for {@code k} clusters over the converter's column names. */
  public CentroidTable(String[] names, int k) {
    this.names = names;
    this.k = k;
    label("Attribute");
    for (int c = 0; c < k; c++) {
      sb.append(String.format(Locale.ROOT, " %12s", "cluster " + c));
    }
    sb.append('\n');
  }

  /** Adds a summary row, e.g. "(size)" with one value per cluster. */
  public CentroidTable row(String title, double[] perCluster) {
    label(title);
    for (int c = 0; c < k; c++) {
      sb.append(String.format(Locale.ROOT, " %12.6g", perCluster[c]));
    }
    sb.append('\n');
    return this;
  }

  /** Adds a row of text cells (e.g. a medoid's nominal values), one per cluster. */
  public CentroidTable text(String title, String[] perCluster) {
    label(title);
    for (int c = 0; c < k; c++) {
      String v = perCluster[c];
      sb.append(String.format(Locale.ROOT, " %12s", v.length() > 12 ? v.substring(0, 12) : v));
    }
    sb.append('\n');
    return this;
  }

  /** The table text so far. */
  @Override
  public String toString() {
    return sb.toString();
  }

  /** Adds one row per attribute from row-major {@code k * d} centroids and returns the table text. */
  public String centroids(double[] centroids) {
    for (int j = 0; j < names.length; j++) {
      label(names[j]);
      for (int c = 0; c < k; c++) {
        sb.append(String.format(Locale.ROOT, " %12.6g", centroids[c * names.length + j]));
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  private void label(String s) {
    sb.append(String.format(Locale.ROOT, "%-24s", s.length() > 24 ? s.substring(0, 24) : s));
  }
}
