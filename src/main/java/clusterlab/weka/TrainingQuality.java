package clusterlab.weka;

import clusterlab.core.Dataset;
import clusterlab.core.distance.Distance;
import clusterlab.core.distance.Metric;
import clusterlab.core.evaluation.QualityEvaluator;
import clusterlab.core.evaluation.QualityReport;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.Locale;
import weka.core.Instances;

/**
 * The quality of a clusterer's training partition as every ClusterLab clusterer prints it under its
 * model (the Explorer's Cluster tab, {@code weka.Run}, the KnowledgeFlow's text viewer): silhouette,
 * Davies-Bouldin and Calinski-Harabasz, with the noise policy stated, so the handbook's evaluation
 * step happens where Weka users already look. Written once here and used by
 * {@link PartitioningClusterer} and {@code ChooseK}.
 *
 * <p>Computed lazily, on the first {@link #text()} (so building a model, e.g. inside ChooseK's sweep
 * or a benchmark, costs nothing extra), and before serialization, so that a saved model prints the
 * same figures as the one that was saved. Cheap on big data: Davies-Bouldin and Calinski-Harabasz are
 * O(n d); the silhouette, O(n^2 d) when exact, is exact up to {@link #SILHOUETTE_EXACT_UP_TO}
 * clustered rows and above that estimated on a seeded random sample of that many rows (scikit-learn's
 * {@code sample_size}), which the text says. Dunn's index and the external indices are left to
 * {@code ClusterQuality} and the ClusterQualityEvaluator step, which the text names.
 */
public final class TrainingQuality implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Largest number of clustered rows with an exact silhouette; above it, a sample of this size. */
  public static final int SILHOUETTE_EXACT_UP_TO = 3000;

  /** Largest training table (rows x attributes) copied densely for the indices (sparse word counts can be far larger). */
  static final long MAX_CELLS = 20_000_000L;

  /** Seed of the silhouette sample (fixed: the same model prints the same figures). */
  static final long SAMPLE_SEED = 1;

  private transient Instances data;
  private transient int[] labels;
  private final Distance distance;
  private final int threads;
  private String text;

  private TrainingQuality(Instances data, int[] labels, Distance distance, int threads) {
    this.data = data;
    this.labels = labels;
    this.distance = distance;
    this.threads = threads;
  }

  /**
   * The quality of {@code labels} ({@code -1} = noise) on the training {@code data}, computed when
   * first asked for.
   *
   * @param distance the distance of the silhouette (the clusterer's own where it has one)
   * @param threads worker threads, {@code <= 0} for all cores
   */
  public static TrainingQuality of(Instances data, int[] labels, Distance distance, int threads) {
    return new TrainingQuality(data, labels, distance == null ? Metric.EUCLIDEAN : distance, threads);
  }

  /** The section printed under the model (computed on the first call, then kept). */
  public synchronized String text() {
    if (text == null) {
      text = compute();
      data = null;
      labels = null;
    }
    return text;
  }

  private void writeObject(ObjectOutputStream out) throws IOException {
    text();
    out.defaultWriteObject();
  }

  private String compute() {
    StringBuilder sb = new StringBuilder("=== Quality of the training partition ===\n\n");
    if (data == null || labels == null) {
      return sb.append("Not available: the training data was not kept.\n").toString();
    }
    if (labels.length != data.numInstances()) {
      return sb.append("Not available: the model labels ").append(labels.length).append(" rows but the training data now has ")
          .append(data.numInstances()).append(" (trained incrementally, or the data was changed after training).\n")
          .toString();
    }
    long cells = (long) data.numInstances() * data.numAttributes();
    if (cells > MAX_CELLS) {
      return sb.append("Not computed: the training data has ").append(data.numInstances()).append(" rows x ")
          .append(data.numAttributes()).append(" attributes, more than the ").append(MAX_CELLS)
          .append(" cells evaluated here (a dense copy); evaluate a sample with ClusterQuality.\n").toString();
    }
    Dataset rows;
    try {
      rows = QualitySupport.dataset(data);
    } catch (IllegalArgumentException e) {
      return sb.append("Not computed: ").append(e.getMessage()).append('\n').toString();
    }
    int noise = 0;
    for (int l : labels) {
      noise += l < 0 ? 1 : 0;
    }
    int clustered = labels.length - noise;
    int sample = clustered > SILHOUETTE_EXACT_UP_TO ? SILHOUETTE_EXACT_UP_TO : 0;
    QualityReport r = QualityEvaluator.builder().distance(distance).threads(threads).dunn(false)
        .silhouetteSample(sample, SAMPLE_SEED).build().evaluate(rows, labels, null);
    String name = distance instanceof Metric ? ((Metric) distance).id() : distance.name();
    line(sb, "Silhouette (" + name + ")", r.value("silhouette"), "higher is better, -1 to 1");
    line(sb, "Davies-Bouldin", r.value("davies_bouldin"), "lower is better, 0 at best");
    line(sb, "Calinski-Harabasz", r.value("calinski_harabasz"), "higher is better");
    sb.append(String.format(Locale.ROOT, "%nRows: %d   clustered: %d   noise: %d%n", labels.length, clustered, noise));
    sb.append("Noise policy: rows the clusterer leaves as noise (no cluster) are left out of all three indices, which are "
        + "computed over the clustered rows only.\n");
    sb.append("Data: the training attributes as the indices see them (class ignored, nominal one-hot, nothing "
        + "rescaled); Davies-Bouldin and Calinski-Harabasz are Euclidean by definition.\n");
    if (sample > 0) {
      sb.append(String.format(Locale.ROOT, "Silhouette estimated on a random sample of %d of the %d clustered rows "
          + "(seed %d): the exact silhouette is O(n^2) and is computed only up to %d rows.%n", sample, clustered,
          SAMPLE_SEED, SILHOUETTE_EXACT_UP_TO));
    }
    for (String note : r.notes()) {
      if (!note.startsWith("dunn") && !note.startsWith("silhouette: estimated")) {
        sb.append("Note: ").append(note).append('\n');
      }
    }
    sb.append("More indices (Dunn, against the class, bootstrap stability): weka.Run "
        + "weka.clusterers.evaluation.ClusterQuality, or the ClusterQualityEvaluator KnowledgeFlow step.\n");
    return sb.toString();
  }

  private static void line(StringBuilder sb, String name, double v, String direction) {
    sb.append(String.format(Locale.ROOT, "%-28s %12s   (%s)%n", name + ":", Double.isNaN(v) ? "undefined"
        : String.format(Locale.ROOT, "%.4f", v), direction));
  }
}
