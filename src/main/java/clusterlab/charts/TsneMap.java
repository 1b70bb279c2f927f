package clusterlab.charts;

import clusterlab.core.Check;
import clusterlab.core.Dataset;
import clusterlab.core.Progress;
import clusterlab.core.tsne.TSNE;
import clusterlab.core.tsne.TsneOptions;
import clusterlab.core.tsne.TsneResult;
import org.jfree.chart.JFreeChart;

/**
 * The t-SNE map of a clustering (the handbook's coloured t-SNE map; van der Maaten and Hinton
 * 2008): the rows, standardized by default, embedded in two dimensions by ClusterLab's t-SNE
 * (exact up to 1,000 rows, Barnes-Hut above), drawn as a {@link ScatterChart} coloured by cluster
 * with each cluster's mean position marked. t-SNE costs O(n log n) per iteration and its picture
 * does not improve with more rows than the eye can separate, so above {@link #DEFAULT_MAX_ROWS}
 * rows a seeded random sample is embedded, and the chart says so. The perplexity is lowered to
 * (rows - 1) / 3 for small samples, as t-SNE needs.
 */
public final class TsneMap {

  /** Rows embedded at most; more are sampled. */
  public static final int DEFAULT_MAX_ROWS = 2_000;

  private final Dataset data;
  private final int[] labels;
  private double perplexity = 30;
  private int maxRows = DEFAULT_MAX_ROWS;
  private long seed = 1;
  private boolean standardize = true;
  private int threads;
  private String parameters;
  private String title;
  private TsneResult result;
  private int[] rows;
  private double usedPerplexity;

  private TsneMap(Dataset data, int[] labels) {
    Check.notNull("data", data);
    Check.notNull("labels", labels);
    if (labels.length != data.n()) {
      throw new IllegalArgumentException("there are " + labels.length + " labels for " + data.n() + " rows");
    }
    Check.enoughRows(data, 4, "a t-SNE map needs at least 4 rows");
    this.data = data;
    this.labels = labels;
  }

  /** A t-SNE map of {@code data} coloured by {@code labels} (-1 = noise). */
  public static TsneMap of(Dataset data, int[] labels) {
    return new TsneMap(data, labels);
  }

  /** Perplexity (default 30; lowered to (rows - 1) / 3 when there are fewer rows). */
  public TsneMap perplexity(double perplexity) {
    Check.positive("perplexity", perplexity);
    this.perplexity = perplexity;
    return this;
  }

  /** Rows embedded at most (at least 4; default {@value #DEFAULT_MAX_ROWS}). */
  public TsneMap maxRows(int maxRows) {
    Check.atLeast("maxRows", maxRows, 4);
    this.maxRows = maxRows;
    return this;
  }

  /** Seed of the sample and of the embedding. */
  public TsneMap seed(long seed) {
    this.seed = seed;
    return this;
  }

  /** Whether the columns are standardized first (default true: no column dominates by its unit). */
  public TsneMap standardize(boolean standardize) {
    this.standardize = standardize;
    return this;
  }

  /** Worker threads of the embedding ({@code <= 0}: all cores). */
  public TsneMap threads(int threads) {
    this.threads = threads;
    return this;
  }

  /** A subtitle naming the clusterer and its parameters. */
  public TsneMap parameters(String parameters) {
    this.parameters = parameters;
    return this;
  }

  /** Chart title (default "Clusters on a t-SNE map"). */
  public TsneMap title(String title) {
    this.title = title;
    return this;
  }

  /**
   * Embeds the (sampled) rows and builds the chart.
   *
   * @param progress reports the embedding's iterations and can cancel it
   * @throws Progress.CancelledException when {@code progress} is cancelled
   */
  public JFreeChart build(Progress progress) {
    Check.notNull("progress", progress);
    int n = data.n();
    int[] chosen = Projection.fitRows(n, maxRows, seed);
    Dataset sample = sample(chosen);
    double perp = Math.min(perplexity, (chosen.length - 1) / 3.0);
    result = new TSNE(TsneOptions.builder().perplexity(perp).threads(threads).build()).fit(sample, seed, progress);
    rows = chosen;
    usedPerplexity = perp;
    return chart(labels);
  }

  /**
   * The map of the latest {@link #build} coloured by other labels of the same rows (a re-cut),
   * without embedding again: t-SNE does not look at the labels.
   *
   * @throws IllegalStateException before {@link #build}
   */
  public JFreeChart chart(int[] newLabels) {
    if (result == null) {
      throw new IllegalStateException("build the map (embed the rows) before colouring it again");
    }
    Check.notNull("labels", newLabels);
    int n = data.n();
    if (newLabels.length != n) {
      throw new IllegalArgumentException("there are " + newLabels.length + " labels for " + n + " rows");
    }
    int m = rows.length;
    double[] x = new double[m];
    double[] y = new double[m];
    int[] lab = new int[m];
    for (int i = 0; i < m; i++) {
      x[i] = result.get(i, 0);
      y[i] = result.get(i, 1);
      lab[i] = newLabels[rows[i]];
    }
    String desc = "t-SNE map" + (standardize ? " of the standardized data" : "") + " (perplexity "
        + ChartTheme.num(usedPerplexity) + ", KL divergence " + ChartTheme.num(result.klDivergence())
        + (m < n ? "; a random " + ChartTheme.count(m) + " of " + ChartTheme.count(n) + " rows embedded" : "") + ")";
    Projection p = Projection.of(x, y, "t-SNE 1", "t-SNE 2", "a " + desc);
    String sub = parameters == null || parameters.isEmpty() ? desc : parameters + "; " + desc;
    return ScatterChart.of(p, lab).centroidMeans().parameters(sub)
        .title(title != null ? title : "Clusters on a t-SNE map").build();
  }

  /** The embedding of the latest {@link #build}, or null before. */
  public TsneResult result() {
    return result;
  }

  /** The chosen rows, standardized (constant columns left at 0) when asked. */
  private Dataset sample(int[] rows) {
    int d = data.d();
    int m = rows.length;
    double[] v = new double[m * d];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < d; j++) {
        v[i * d + j] = data.get(rows[i], j);
      }
    }
    if (standardize) {
      for (int j = 0; j < d; j++) {
        double mean = 0;
        for (int i = 0; i < m; i++) {
          mean += v[i * d + j];
        }
        mean /= m;
        double ss = 0;
        for (int i = 0; i < m; i++) {
          double z = v[i * d + j] - mean;
          ss += z * z;
        }
        double sd = Math.sqrt(ss / (m - 1));
        for (int i = 0; i < m; i++) {
          v[i * d + j] = sd > 0 ? (v[i * d + j] - mean) / sd : 0;
        }
      }
    }
    return Dataset.of(v, m, d);
  }
}
