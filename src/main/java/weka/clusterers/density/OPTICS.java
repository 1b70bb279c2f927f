package weka.clusterers.density;

import clusterlab.core.Check;
import clusterlab.core.Dataset;
import clusterlab.core.Progress;
import clusterlab.core.density.Optics;
import clusterlab.core.density.OpticsModel;
import clusterlab.core.density.XiPartition;
import clusterlab.weka.Weighting;
import clusterlab.weka.density.NeighbourhoodClusterer;
import java.util.Locale;
import weka.core.OptionMetadata;
import weka.core.TechnicalInformation;

/**
 * Weka adapter for ClusterLab's OPTICS core ({@link Optics}) with ξ cluster extraction. It never
 * opens a window: the reachability plot data is available from {@link #getModel()} for the charts.
 */
public class OPTICS extends NeighbourhoodClusterer<XiPartition> {

  private static final long serialVersionUID = 1L;

  private int minPts = 5;
  private double maxEps = 0;
  private double xi = 0.05;
  private int minClusterSize = 0;
  private boolean noPredecessorCorrection;


  public String globalInfo() {
    return "OPTICS orders the rows by density reachability and extracts the clusters of every density level from the reachability plot. "
        + "OPTICS (Ankerst et al. 1999): orders the rows so that density-based clusters at every density level "
        + "appear as valleys of the reachability plot, and extracts clusters with the xi-steep method (scikit-learn's "
        + "cluster_optics_xi, with the predecessor correction of Schubert and Gertz 2018). Never opens a window: "
        + "the ordering, reachability, core distances and predecessors are available from getModel() for plots.\n\n"
        + "Rows in no xi cluster are noise, which clusterInstance refuses (ClusterEvaluation lists it as "
        + "unclustered). A new instance joins the cluster of its nearest training row when it lies within that "
        + "row's core distance, else it is noise. Attribute values are used as given.\n\nFor more information see:\n"
        + getTechnicalInformation().toString();
  }

  @Override
  public TechnicalInformation getTechnicalInformation() {
    TechnicalInformation t = new TechnicalInformation(TechnicalInformation.Type.INPROCEEDINGS);
    t.setValue(TechnicalInformation.Field.AUTHOR, "Mihael Ankerst and Markus M. Breunig and Hans-Peter Kriegel and Joerg Sander");
    t.setValue(TechnicalInformation.Field.TITLE, "OPTICS: Ordering Points To Identify the Clustering Structure");
    t.setValue(TechnicalInformation.Field.BOOKTITLE, "ACM SIGMOD International Conference on Management of Data");
    t.setValue(TechnicalInformation.Field.PAGES, "49-60");
    t.setValue(TechnicalInformation.Field.YEAR, "1999");
    return t;
  }

  @Override
  protected XiPartition fit(Dataset dataset, Progress progress) {
    checkIndexFitsDistance();
    Weighting.refuseWeights(dataset, "OPTICS");
    if (dataset.n() < minPts) {
      throw new IllegalArgumentException("OPTICS with minPts = " + minPts + " needs at least " + minPts
          + " instances, the data has " + dataset.n() + "; lower -M or use more data");
    }
    OpticsModel optics = new Optics(minPts, maxEps <= 0 ? Double.POSITIVE_INFINITY : maxEps, metric(), indexKind(),
        threads()).fit(dataset, progress);
    OpticsModel.XiResult xiResult = optics.extractXi(xi, minClusterSize <= 0 ? Math.max(2, minPts) : minClusterSize,
        !noPredecessorCorrection);
    return new XiPartition(optics, xiResult, Dataset.of(dataset.values().clone(), dataset.n(), dataset.d()), metric(),
        indexKind());
  }

  /** The ξ clusters (labels and nested plot ranges), or null before training. */
  public OpticsModel.XiResult getXiClusters() {
    return getModel() == null ? null : getModel().xi();
  }

  @OptionMetadata(displayName = "minPts", description = "Rows within a neighbourhood, the row itself included (scikit-learn's min_samples), that make a core point (at least 2).",
      commandLineParamName = "M", commandLineParamSynopsis = "-M <int>", displayOrder = 1)
  public int getMinPts() {
    return minPts;
  }

  public void setMinPts(int m) {
    Check.atLeast("minPts", m, 2);
    minPts = m;
  }

  @OptionMetadata(displayName = "maxEps", description = "Largest neighbourhood radius searched; 0 means unlimited (exact, O(n^2) time); a finite value is faster.",
      commandLineParamName = "max-eps", commandLineParamSynopsis = "-max-eps <double>", displayOrder = 2)
  public double getMaxEps() {
    return maxEps;
  }

  public void setMaxEps(double e) {
    if (!(e >= 0) || Double.isInfinite(e)) {
      throw new IllegalArgumentException("maxEps must be a finite number of at least 0 (0 = unlimited), got " + e);
    }
    maxEps = e;
  }

  @OptionMetadata(displayName = "xi", description = "Minimum relative steepness of a cluster boundary in the reachability plot, between 0 and 1 (exclusive).",
      commandLineParamName = "xi", commandLineParamSynopsis = "-xi <double>", displayOrder = 3)
  public double getXi() {
    return xi;
  }

  public void setXi(double x) {
    if (!(x > 0 && x < 1)) {
      throw new IllegalArgumentException("xi must be between 0 and 1 (exclusive), got " + x);
    }
    xi = x;
  }

  @OptionMetadata(displayName = "minClusterSize", description = "Smallest xi cluster (at least 2); 0 uses minPts, as scikit-learn.",
      commandLineParamName = "min-cluster-size", commandLineParamSynopsis = "-min-cluster-size <int>", displayOrder = 4)
  public int getMinClusterSize() {
    return minClusterSize;
  }

  public void setMinClusterSize(int m) {
    if (m != 0 && m < 2) {
      throw new IllegalArgumentException("minClusterSize must be 0 (use minPts) or at least 2, got " + m);
    }
    minClusterSize = m;
  }

  @OptionMetadata(displayName = "noPredecessorCorrection", description = "Turn off the predecessor correction of xi clusters (Schubert and Gertz 2018).",
      commandLineParamName = "no-predecessor-correction", commandLineParamSynopsis = "-no-predecessor-correction",
      commandLineParamIsFlag = true, displayOrder = 5)
  public boolean getNoPredecessorCorrection() {
    return noPredecessorCorrection;
  }

  public void setNoPredecessorCorrection(boolean b) {
    noPredecessorCorrection = b;
  }

  @Override
  protected String describeModel() {
    if (getModel() == null) {
      return "OPTICS: no model built yet.";
    }
    int[] labels = getModel().labels();
    OpticsModel.XiResult xiResult = getModel().xi();
    int n = labels.length;
    int noise = 0;
    for (int l : labels) {
      noise += l < 0 ? 1 : 0;
    }
    int[] s = new int[xiResult.numClusters()];
    for (int l : labels) {
      if (l >= 0) {
        s[l]++;
      }
    }
    StringBuilder sb = new StringBuilder("OPTICS (ClusterLab)\n===================\n\n");
    sb.append(String.format(Locale.ROOT, "minPts: %d   maxEps: %s   xi: %.4g   distance: %s%n", minPts,
        maxEps <= 0 ? "unlimited" : String.format(Locale.ROOT, "%.6g", maxEps), xi, metric().id()));
    sb.append(String.format(Locale.ROOT, "Xi clusters: %d (%d in the hierarchy)   Noise: %d (%.1f%%)%n%n", s.length,
        xiResult.hierarchy().length, noise, 100.0 * noise / n));
    sb.append("Cluster sizes:\n").append(sizes(s, n));
    return sb.toString();
  }

  public static void main(String[] args) {
    runClusterer(new OPTICS(), args);
  }
}
