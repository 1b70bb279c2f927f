package clusterlab.gui.model;

import clusterlab.core.density.OpticsModel;
import clusterlab.weka.hierarchical.HierarchicalClustererBase;
import weka.clusterers.AbstractClusterer;
import weka.clusterers.Clusterer;
import weka.clusterers.density.DBSCAN;

/**
 * What dragging a line on a chart does to a result: the dendrogram's cut line re-cuts the tree at a
 * height (the core's {@code MergeHistory.cutHeight}, no re-clustering), the k-distance plot's eps
 * line re-runs DBSCAN at the new eps, and the reachability plot's eps line extracts the DBSCAN
 * clustering from the OPTICS ordering. Each gives new labels and, where the clusterer can follow,
 * a model that reports exactly those labels (so that "Save model" saves what is shown).
 */
public abstract class Relabel {

  /** Which line is dragged. */
  public enum Line {
    CUT_HEIGHT, EPS
  }

  private final Line line;

  Relabel(Line line) {
    this.line = line;
  }

  /** The line this re-labelling follows. */
  public Line line() {
    return line;
  }

  /** New labels for {@code value}. */
  protected abstract int[] labels(ClusterResult r, double value) throws Exception;

  /** The model for {@code value}, or null when the clusterer cannot follow (the original is kept). */
  protected abstract Clusterer model(ClusterResult r, double value) throws Exception;

  /**
   * The result re-labelled at {@code value}, with its quality indices recomputed; may take a while
   * (DBSCAN on large data), so call it off the event thread.
   */
  public ClusterResult apply(ClusterResult r, double value) throws Exception {
    if (Double.isNaN(value) || value < 0) {
      throw new IllegalArgumentException((line == Line.EPS ? "eps" : "cut height") + " must be at least 0, got " + value);
    }
    Clusterer model = model(r, value);
    int[] labels = model != null && model != r.clusterer() ? ClusterAnalyzer.labels(model, r.trainData()) : labels(r, value);
    return r.relabelled(labels, model, r.points() == null ? null : ClusterAnalyzer.evaluate(r.points(), labels, r.data()),
        line == Line.CUT_HEIGHT ? value : Double.NaN, line == Line.EPS ? value : Double.NaN);
  }

  /** The re-labelling a result offers for a line, or null when that line does not apply to it. */
  public static Relabel forResult(ClusterResult r, Line line) {
    if (line == Line.CUT_HEIGHT && r.extras().tree != null) {
      return new TreeCut();
    }
    if (line == Line.EPS && r.clusterer() instanceof DBSCAN) {
      return new DbscanEps();
    }
    if (line == Line.EPS && r.extras().optics != null) {
      return new OpticsEps();
    }
    return null;
  }

  /** Cut the merge history at a height. */
  static final class TreeCut extends Relabel {
    TreeCut() {
      super(Line.CUT_HEIGHT);
    }

    @Override
    protected int[] labels(ClusterResult r, double value) {
      return r.extras().tree.cutHeight(value);
    }

    @Override
    protected Clusterer model(ClusterResult r, double value) throws Exception {
      if (!(r.clusterer() instanceof HierarchicalClustererBase)) {
        return null; // a tree read from Newick: labels only
      }
      HierarchicalClustererBase copy = (HierarchicalClustererBase) AbstractClusterer.makeCopy(r.clusterer());
      copy.recutAtHeight(value);
      return copy;
    }
  }

  /** DBSCAN again at the new eps (same minPts, distance and index). */
  static final class DbscanEps extends Relabel {
    DbscanEps() {
      super(Line.EPS);
    }

    @Override
    protected int[] labels(ClusterResult r, double value) throws Exception {
      return ((DBSCAN) model(r, value)).getModel().labels();
    }

    @Override
    protected Clusterer model(ClusterResult r, double value) throws Exception {
      if (value <= 0) {
        throw new IllegalArgumentException("eps must be greater than 0, got " + value);
      }
      DBSCAN copy = new DBSCAN(); // the options, not the fitted model, are copied
      copy.setOptions(((DBSCAN) r.clusterer()).getOptions());
      copy.setAutoEps(false);
      copy.setEps(value);
      copy.buildClusterer(r.trainData());
      return copy;
    }
  }

  /** The DBSCAN clustering at eps read off the OPTICS ordering (Ankerst et al. 1999, section 4.1). */
  static final class OpticsEps extends Relabel {
    OpticsEps() {
      super(Line.EPS);
    }

    @Override
    protected int[] labels(ClusterResult r, double value) {
      OpticsModel m = r.extras().optics;
      return m.extractDbscan(value);
    }

    @Override
    protected Clusterer model(ClusterResult r, double value) {
      return null; // OPTICS keeps its xi clusters for new data; the eps labels are the shown and saved ones
    }
  }
}
