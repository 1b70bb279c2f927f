package clusterlab.weka;

import clusterlab.charts.ClusterProfileChart;
import clusterlab.charts.CondensedTreeChart;
import clusterlab.charts.DendrogramChart;
import clusterlab.charts.DendrogramLayout;
import clusterlab.charts.KDistanceChart;
import clusterlab.charts.KSweepChart;
import clusterlab.charts.OutlierHistogramChart;
import clusterlab.charts.Projection;
import clusterlab.charts.ReachabilityChart;
import clusterlab.charts.ScatterChart;
import clusterlab.charts.SilhouetteChart;
import clusterlab.charts.TsneMap;
import clusterlab.core.Dataset;
import clusterlab.core.Progress;
import clusterlab.core.density.DbscanModel;
import clusterlab.core.density.HdbscanModel;
import clusterlab.core.density.KDistance;
import clusterlab.core.density.OpticsModel;
import clusterlab.core.distance.Metric;
import clusterlab.core.evaluation.Silhouette;
import clusterlab.core.evaluation.SilhouetteResult;
import clusterlab.core.hierarchical.MergeHistory;
import clusterlab.core.neighbors.NeighborIndexes;
import clusterlab.core.select.KCurve;
import clusterlab.weka.hierarchical.HierarchicalClustererBase;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jfree.chart.JFreeChart;
import weka.clusterers.Clusterer;
import weka.core.Instances;
import weka.core.OptionHandler;
import weka.core.Utils;

/**
 * Every chart that applies to a trained Weka clusterer on its training data, built with the
 * {@code clusterlab.charts} builders from the clusterer's core results ({@code getModel()},
 * merge histories, K curves). Shared by the {@code ClusterCharts} command line and the
 * KnowledgeFlow chart step; any clusterer gets the scatter, t-SNE map, silhouette and profile charts, and
 * ClusterLab's own add what their models hold (dendrogram, K sweep, k-distance, reachability,
 * condensed tree, outlier scores).
 */
public final class ClustererCharts {

  /** The chart families, by their command-line names. */
  public enum Kind {
    SCATTER, TSNE, SILHOUETTE, DENDROGRAM, KSWEEP, KDISTANCE, REACHABILITY, CONDENSED, OUTLIERS, PROFILE;

    /** The command-line name, e.g. "ksweep". */
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** Parses "all" or a comma-separated list of names. */
    public static Set<Kind> parse(String spec) {
      if (spec == null || spec.isBlank() || spec.trim().equalsIgnoreCase("all")) {
        return EnumSet.allOf(Kind.class);
      }
      Set<Kind> out = EnumSet.noneOf(Kind.class);
      for (String s : spec.split(",")) {
        Kind k = null;
        for (Kind c : values()) {
          if (c.id().equals(s.trim().toLowerCase(Locale.ROOT))) {
            k = c;
          }
        }
        if (k == null) {
          StringBuilder names = new StringBuilder("all");
          for (Kind c : values()) {
            names.append('|').append(c.id());
          }
          throw new IllegalArgumentException("unknown chart '" + s.trim() + "'; choose " + names);
        }
        out.add(k);
      }
      return out;
    }
  }

  private final Clusterer clusterer;
  private final Instances train;
  private final String description;
  private final ScatterChart.Outline outline;
  private Dataset data;
  private String[] columns;
  private String[] rowLabels;
  private int[] labels;

  /**
   * @param clusterer a clusterer built on {@code train}
   * @param train the training instances without the class attribute
   * @param outline cluster outlines on the scatter, or null for the default (ellipses for
   *     centroid clusterers, none otherwise)
   */
  public ClustererCharts(Clusterer clusterer, Instances train, ScatterChart.Outline outline) {
    this.clusterer = clusterer;
    this.train = train;
    this.outline = outline;
    String opts = clusterer instanceof OptionHandler ? Utils.joinOptions(((OptionHandler) clusterer).getOptions()) : "";
    this.description = clusterer.getClass().getSimpleName() + (opts.isEmpty() ? "" : " " + shorten(opts)) + " on "
        + train.relationName().replaceAll("-weka\\.filters\\..*$", "");
  }

  /** Options with package names dropped from class names ("weka.clusterers.centroid.KMeans" -> "KMeans"), at most 100 characters. */
  static String shorten(String s) {
    String t = s.replaceAll("(?<![\\w.])(?:[a-z][a-z0-9_]*\\.)+([A-Z]\\w*)", "$1").replaceAll("\\s+\"(?=\\s|$)", "\"")
        .replaceAll("\\s+", " ");
    return t.length() > 100 ? t.substring(0, 97) + "..." : t;
  }

  /** The rows as the core sees them (class removed, nominal attributes one-hot, nothing rescaled). */
  private void prepare() throws Exception {
    if (data != null) {
      return;
    }
    InstancesConverter conv = InstancesConverter.fit(train, InstancesConverter.NominalHandling.ONE_HOT, true);
    data = conv.convert(train);
    columns = conv.columnNames();
    int la = conv.labelAttribute();
    if (la >= 0) {
      rowLabels = new String[train.numInstances()];
      for (int i = 0; i < rowLabels.length; i++) {
        rowLabels[i] = train.instance(i).isMissing(la) ? null : train.instance(i).stringValue(la);
      }
    }
    labels = QualitySupport.assign(clusterer, train);
  }

  /** The chart families that apply to this clusterer. */
  public Set<Kind> applicable() {
    Set<Kind> k = EnumSet.of(Kind.SCATTER, Kind.SILHOUETTE, Kind.PROFILE);
    if (train.numInstances() >= 4) {
      k.add(Kind.TSNE);
    }
    if (chooseK(clusterer) != null) {
      k.add(Kind.KSWEEP);
    }
    Clusterer c = inner(clusterer);
    if (c instanceof HierarchicalClustererBase) {
      k.add(Kind.DENDROGRAM);
    }
    if (c instanceof weka.clusterers.density.DBSCAN) {
      k.add(Kind.KDISTANCE);
    }
    if (c instanceof weka.clusterers.density.OPTICS) {
      k.add(Kind.REACHABILITY);
    }
    if (c instanceof weka.clusterers.density.HDBSCAN) {
      k.add(Kind.CONDENSED);
      k.add(Kind.OUTLIERS);
    }
    return k;
  }

  /**
   * Builds the requested charts that apply, by file-name stem ("scatter", "silhouette",
   * "profile-heatmap", ...), in a stable order.
   */
  public Map<String, JFreeChart> build(Set<Kind> wanted) throws Exception {
    prepare();
    Map<String, JFreeChart> out = new LinkedHashMap<>();
    Set<Kind> todo = EnumSet.copyOf(wanted.isEmpty() ? EnumSet.allOf(Kind.class) : wanted);
    todo.retainAll(applicable());
    Clusterer inner = inner(clusterer);
    boolean filtered = isFiltered(clusterer);
    if (todo.contains(Kind.SCATTER)) {
      out.put("scatter", scatter(inner));
    }
    if (todo.contains(Kind.TSNE)) {
      // t-SNE of (a sample of) the standardized rows, cancelled by interrupting the calling thread
      out.put("tsne", TsneMap.of(data, labels).parameters(description).build(WekaProgress.of("t-SNE map", false)));
    }
    if (todo.contains(Kind.SILHOUETTE)) {
      if (countClusters() >= 2) {
        SilhouetteResult s = new Silhouette(Metric.EUCLIDEAN, 0, data.n() > 20000 ? 20000 : 0, 1).compute(data, labels,
            Progress.NONE);
        out.put("silhouette", SilhouetteChart.of(s, labels).parameters(description).build());
      }
    }
    if (todo.contains(Kind.KSWEEP)) {
      KCurve curve = chooseK(clusterer).getCurve();
      out.put("ksweep", KSweepChart.of(curve).parameters(description).build());
    }
    if (todo.contains(Kind.DENDROGRAM)) {
      HierarchicalClustererBase h = (HierarchicalClustererBase) inner;
      MergeHistory tree = h.getMergeHistory();
      out.put("dendrogram", DendrogramChart.of(tree).leafLabels(rowLabels)
          .cut(DendrogramLayout.Cut.clusters(Math.max(1, h.numberOfClusters()))).parameters(description).build());
    }
    if (todo.contains(Kind.KDISTANCE)) {
      DbscanModel m = ((weka.clusterers.density.DBSCAN) inner).getModel();
      int k = Math.max(1, m.minPts() - 1);
      double[] curve = m.kDistanceCurve();
      if (curve == null && !filtered && data.n() > k) { // a filtered clusterer's rows are not these
        curve = KDistance.curve(NeighborIndexes.build(NeighborIndexes.Kind.AUTO, data, m.distance()), data, k, 0);
      }
      if (curve != null) {
        out.put("kdistance", KDistanceChart.of(curve, k).eps(m.eps()).parameters(description).build());
      }
    }
    if (todo.contains(Kind.REACHABILITY)) {
      weka.clusterers.density.OPTICS o = (weka.clusterers.density.OPTICS) inner;
      OpticsModel m = o.getModel().optics();
      ReachabilityChart r = ReachabilityChart.of(m).parameters(description);
      if (o.getXiClusters() != null) {
        r.xi(o.getXiClusters());
      } else {
        r.labels(labels);
      }
      out.put("reachability", r.build());
    }
    if (todo.contains(Kind.CONDENSED)) {
      HdbscanModel m = ((weka.clusterers.density.HDBSCAN) inner).getModel();
      out.put("condensed", CondensedTreeChart.of(m).parameters(description).build());
    }
    if (todo.contains(Kind.OUTLIERS)) {
      HdbscanModel m = ((weka.clusterers.density.HDBSCAN) inner).getModel();
      out.put("outliers", OutlierHistogramChart.of(m.outlierScores()).labels(m.labels()).parameters(description).build());
    }
    if (todo.contains(Kind.PROFILE)) {
      ClusterProfileChart p = ClusterProfileChart.of(data, labels).attributeNames(columns).parameters(description);
      out.put("profile-heatmap", p.heatMap());
      out.put("profile-parallel", p.parallelCoordinates());
    }
    return out;
  }

  /**
   * The clusterer whose model the charts read: through FilteredClusterer (any
   * SingleClustererEnhancer) and ChooseK (its chosen clusterer). The rows stay the unfiltered
   * ones, which is what the scatter and profiles show; the labels are the wrapper's.
   */
  static Clusterer inner(Clusterer c) {
    for (int guard = 0; guard < 16; guard++) {
      if (c instanceof weka.clusterers.meta.ChooseK) {
        c = ((weka.clusterers.meta.ChooseK) c).getChosenClusterer();
      } else if (c instanceof weka.clusterers.SingleClustererEnhancer) {
        c = ((weka.clusterers.SingleClustererEnhancer) c).getClusterer();
      } else {
        return c;
      }
    }
    return c;
  }

  private static weka.clusterers.meta.ChooseK chooseK(Clusterer c) {
    for (int guard = 0; guard < 16; guard++) {
      if (c instanceof weka.clusterers.meta.ChooseK) {
        return (weka.clusterers.meta.ChooseK) c;
      } else if (c instanceof weka.clusterers.SingleClustererEnhancer) {
        c = ((weka.clusterers.SingleClustererEnhancer) c).getClusterer();
      } else {
        return null;
      }
    }
    return null;
  }

  private static boolean isFiltered(Clusterer c) {
    for (int guard = 0; guard < 16 && c != null; guard++) {
      if (c instanceof weka.clusterers.FilteredClusterer) {
        return true;
      }
      c = c instanceof weka.clusterers.meta.ChooseK ? ((weka.clusterers.meta.ChooseK) c).getChosenClusterer()
          : c instanceof weka.clusterers.SingleClustererEnhancer ? ((weka.clusterers.SingleClustererEnhancer) c).getClusterer()
          : null;
    }
    return false;
  }

  private int countClusters() {
    boolean[] seen = new boolean[labels.length + 1];
    int k = 0;
    for (int l : labels) {
      if (l >= 0 && l < seen.length && !seen[l]) {
        seen[l] = true;
        k++;
      }
    }
    return k;
  }

  private JFreeChart scatter(Clusterer inner) {
    boolean centroidBased = centroids(inner) != null;
    Projection p = data.d() == 2 ? Projection.columns(data, 0, 1, columns)
        : data.d() == 1 ? null : Projection.pca(data, true); // factoextra's fviz_cluster default: standardized
    if (p == null) {
      double[] y = new double[data.n()];
      double[] x = new double[data.n()];
      for (int i = 0; i < x.length; i++) {
        x[i] = data.get(i, 0);
      }
      p = Projection.of(x, y, columns[0], "", "column " + columns[0]);
    }
    ScatterChart s = ScatterChart.of(p, labels).parameters(description);
    double[] centroids = isFiltered(clusterer) ? null : centroids(inner);
    if (centroids != null && p.isLinear() && centroids.length % data.d() == 0) {
      int k = centroids.length / data.d();
      double[][] rows = new double[k][];
      for (int c = 0; c < k; c++) {
        rows[c] = java.util.Arrays.copyOfRange(centroids, c * data.d(), (c + 1) * data.d());
      }
      s.centroids(rows);
    } else {
      s.centroidMeans();
    }
    s.outline(outline != null ? outline : centroidBased ? ScatterChart.Outline.ELLIPSE : ScatterChart.Outline.NONE);
    return s.build();
  }

  /** Row-major centroids of ClusterLab's centroid clusterers, or null. */
  private static double[] centroids(Clusterer c) {
    if (c instanceof weka.clusterers.centroid.KMeans) {
      return ((weka.clusterers.centroid.KMeans) c).getModel().centroids();
    }
    if (c instanceof weka.clusterers.centroid.MiniBatchKMeans) {
      return ((weka.clusterers.centroid.MiniBatchKMeans) c).getModel().centroids();
    }
    if (c instanceof weka.clusterers.centroid.BisectingKMeans) {
      return ((weka.clusterers.centroid.BisectingKMeans) c).getModel().centroids();
    }
    return null;
  }

  /** A one-line description of the clusterer and data, used as every chart's subtitle. */
  public String description() {
    return description;
  }

  /** The names of all chart families, for help texts. */
  public static String names() {
    List<String> n = new ArrayList<>();
    n.add("all");
    for (Kind k : Kind.values()) {
      n.add(k.id());
    }
    return String.join("|", n);
  }
}
