package weka.clusterers.density;

import clusterlab.core.Check;
import clusterlab.core.Dataset;
import clusterlab.core.Progress;
import clusterlab.core.density.Dbscan;
import clusterlab.core.density.DbscanModel;
import clusterlab.weka.density.NeighbourhoodClusterer;
import java.util.Locale;
import weka.core.OptionMetadata;
import weka.core.TechnicalInformation;
import weka.core.WeightedInstancesHandler;

/**
 * Weka adapter for ClusterLab's DBSCAN core ({@link Dbscan}): spatial-index range queries in
 * parallel, O(n) memory, noise reported as unclustered, new instances assigned by the nearest
 * core point, and eps chosen from the k-distance knee on request.
 */
public class DBSCAN extends NeighbourhoodClusterer<DbscanModel> implements WeightedInstancesHandler {

  private static final long serialVersionUID = 1L;

  private double eps = 0.5;
  private int minPts = 5;
  private boolean autoEps;

  public String globalInfo() {
    return "DBSCAN finds clusters as dense regions of the data and reports the rows in sparse regions as noise. "
        + "DBSCAN density-based clustering (Ester et al. 1996) with k-d tree / ball tree neighbour search, "
        + "multi-threaded and in O(n) memory.\n\nA row with at least minPts rows (itself included, as in scikit-learn "
        + "and ELKI) within distance eps is a core point; core points within eps of each other form a cluster; "
        + "other rows within eps of a core point are border points of its cluster; the rest is noise, which "
        + "clusterInstance refuses (ClusterEvaluation lists it as unclustered). New instances join the cluster of "
        + "the nearest core point within eps. With -auto-eps, eps is the knee (Kneedle) of the sorted k-distance "
        + "curve, k = minPts - 1, and toString reports the value chosen. Attribute values are used as given: "
        + "standardize first when attributes have different scales.\n\nFor more information see:\n"
        + getTechnicalInformation().toString();
  }

  @Override
  public TechnicalInformation getTechnicalInformation() {
    TechnicalInformation t = new TechnicalInformation(TechnicalInformation.Type.INPROCEEDINGS);
    t.setValue(TechnicalInformation.Field.AUTHOR, "Martin Ester and Hans-Peter Kriegel and Joerg Sander and Xiaowei Xu");
    t.setValue(TechnicalInformation.Field.TITLE, "A density-based algorithm for discovering clusters in large spatial databases with noise");
    t.setValue(TechnicalInformation.Field.BOOKTITLE, "Proceedings of the Second International Conference on Knowledge Discovery and Data Mining (KDD-96)");
    t.setValue(TechnicalInformation.Field.PAGES, "226-231");
    t.setValue(TechnicalInformation.Field.YEAR, "1996");
    t.setValue(TechnicalInformation.Field.PUBLISHER, "AAAI Press");
    return t;
  }

  @Override
  protected boolean servesGrid() {
    return true;
  }

  @Override
  protected DbscanModel fit(Dataset dataset, Progress progress) {
    checkIndexFitsDistance();
    if (autoEps && dataset.n() < minPts) {
      throw new IllegalArgumentException("choosing eps automatically with minPts = " + minPts + " needs at least "
          + minPts + " instances, the data has " + dataset.n() + "; set eps with -E or lower -M");
    }
    Dbscan db = autoEps ? Dbscan.autoEps(minPts, metric(), indexKind(), threads())
        : new Dbscan(eps, minPts, metric(), indexKind(), threads());
    return db.fit(dataset, progress);
  }

  @OptionMetadata(displayName = "eps", description = "Neighbourhood radius eps (greater than 0); ignored with autoEps.",
      commandLineParamName = "E", commandLineParamSynopsis = "-E <double>", displayOrder = 1)
  public double getEps() {
    return eps;
  }

  public void setEps(double e) {
    Check.positive("eps", e);
    eps = e;
  }

  @OptionMetadata(displayName = "minPts", description = "Rows within eps, the row itself included (as scikit-learn's min_samples and ELKI's minPts), that make a core point (at least 1).",
      commandLineParamName = "M", commandLineParamSynopsis = "-M <int>", displayOrder = 2)
  public int getMinPts() {
    return minPts;
  }

  public void setMinPts(int m) {
    if (m < 1) {
      throw new IllegalArgumentException("minPts must be at least 1 (the row itself counts), got " + m);
    }
    minPts = m;
  }

  @OptionMetadata(displayName = "autoEps", description = "Choose eps as the knee of the sorted k-distance curve (k = minPts - 1, Kneedle); needs minPts >= 2.",
      commandLineParamName = "auto-eps", commandLineParamSynopsis = "-auto-eps", commandLineParamIsFlag = true, displayOrder = 3)
  public boolean getAutoEps() {
    return autoEps;
  }

  public void setAutoEps(boolean b) {
    autoEps = b;
  }

  @Override
  protected String describeModel() {
    DbscanModel model = getModel();
    if (model == null) {
      return "DBSCAN: no model built yet.";
    }
    int n = model.labels().length;
    StringBuilder sb = new StringBuilder("DBSCAN (ClusterLab)\n===================\n\n");
    sb.append(String.format(Locale.ROOT, "eps: %.6g%s   minPts: %d   distance: %s%n", model.eps(),
        model.epsChosenAutomatically() ? " (chosen: knee of the k-distance curve, k = " + (model.minPts() - 1) + ")" : "",
        model.minPts(), metric().id()));
    sb.append(String.format(Locale.ROOT, "Clusters: %d%n", model.numClusters()));
    sb.append(String.format(Locale.ROOT, "Core points: %d   Border points: %d   Noise: %d (%.1f%%)%n%n", model.coreCount(),
        model.borderCount(), model.noiseCount(), 100.0 * model.noiseCount() / n));
    sb.append("Cluster sizes:\n").append(sizes(model.clusterSizes(), n));
    return sb.toString();
  }

  public static void main(String[] args) {
    runClusterer(new DBSCAN(), args);
  }
}
