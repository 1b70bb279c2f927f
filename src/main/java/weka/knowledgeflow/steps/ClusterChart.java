package weka.knowledgeflow.steps;

import clusterlab.charts.ChartExport;
import clusterlab.charts.ChartTheme;
import clusterlab.charts.ScatterChart;
import clusterlab.core.Check;
import clusterlab.weka.ClustererHandOver;
import clusterlab.weka.ClustererCharts;
import clusterlab.weka.QualitySupport;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import weka.core.Instances;
import weka.core.OptionMetadata;
import weka.core.WekaException;
import weka.gui.knowledgeflow.KFGUIConsts;
import weka.knowledgeflow.Data;
import weka.knowledgeflow.StepManager;

/**
 * KnowledgeFlow step drawing the charts of a trained clusterer: takes a {@code batchClusterer}
 * connection (from the Clusterer step, which carries its training set) and emits one
 * {@code image} per chart that applies (scatter, silhouette, profiles; dendrogram, K sweep,
 * k-distance, reachability, condensed tree, outlier scores where the clusterer has them) for
 * Weka's ImageViewer and ImageSaver. The charts are the {@code clusterlab.charts} builders'.
 */
@KFStep(name = "ClusterChart", category = "Visualization",
    toolTipText = "Charts of a clusterer: scatter, silhouette, dendrogram, K sweep, k-distance, reachability, condensed tree, profiles",
    iconPath = KFGUIConsts.BASE_ICON_PATH + "ModelPerformanceChart.gif")
public class ClusterChart extends BaseStep {

  private static final long serialVersionUID = 1L;

  private String charts = "all";
  private int width = ChartTheme.WIDTH;
  private String outline = "auto";

  @Override
  public String globalInfo() {
    return "Draws the charts that apply to the clusterer it receives and sends each as an image. "
        + "The clusterer arrives on a batchClusterer connection and the charts, drawn on its training set, go to "
        + "ImageViewer and ImageSaver: the scatter on the principal components with centroids, "
        + "the silhouette plot and cluster profiles for any clusterer, plus the dendrogram (hierarchical), the K sweep "
        + "panel (ChooseK), the k-distance plot (DBSCAN), the reachability plot (OPTICS), and the condensed tree and "
        + "outlier score histogram (HDBSCAN). Choose which with the charts property.";
  }

  @OptionMetadata(displayName = "charts", description = "Charts to draw, comma-separated, or all (those that apply): "
      + "scatter, silhouette, dendrogram, ksweep, kdistance, reachability, condensed, outliers, profile.", displayOrder = 1)
  public String getCharts() {
    return charts;
  }

  public void setCharts(String c) {
    ClustererCharts.Kind.parse(c);
    charts = c;
  }

  @OptionMetadata(displayName = "width", description = "Image width in pixels (heights follow each chart).", displayOrder = 2)
  public int getWidth() {
    return width;
  }

  public void setWidth(int w) {
    Check.inRange("width", w, 300, 8000);
    width = w;
  }

  @OptionMetadata(displayName = "outline", description = "Cluster outlines on the scatter: auto, none, hull or ellipse.",
      displayOrder = 3)
  public String getOutline() {
    return outline;
  }

  public void setOutline(String o) {
    outlineOf(o);
    outline = o;
  }

  private static ScatterChart.Outline outlineOf(String o) {
    switch (o == null ? "" : o.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "auto":
        return null;
      case "none":
        return ScatterChart.Outline.NONE;
      case "hull":
        return ScatterChart.Outline.CONVEX_HULL;
      case "ellipse":
        return ScatterChart.Outline.ELLIPSE;
      default:
        throw new IllegalArgumentException("outline must be auto, none, hull or ellipse, got '" + o + "'");
    }
  }

  /** Keeps FlowRunner waiting while a clusterer is on its way here (see {@link ClustererHandOver}). */
  private transient ClustererHandOver claim;

  @Override
  public void stepInit() {
    claim = ClustererHandOver.claimFromUpstream(getStepManager(), claim);
  }

  @Override
  public void stop() {
    super.stop();
    ClustererHandOver.release(getStepManager());
  }

  @Override
  public List<String> getIncomingConnectionTypes() {
    List<String> r = new ArrayList<>();
    if (getStepManager().numIncomingConnectionsOfType(StepManager.CON_BATCH_CLUSTERER) == 0) {
      r.add(StepManager.CON_BATCH_CLUSTERER);
    }
    return r;
  }

  @Override
  public List<String> getOutgoingConnectionTypes() {
    List<String> r = new ArrayList<>();
    if (getStepManager().numIncomingConnections() > 0) {
      r.add(StepManager.CON_IMAGE);
    }
    return r;
  }

  @Override
  public void processIncoming(Data data) throws WekaException {
    weka.clusterers.Clusterer clusterer = data.getPayloadElement(StepManager.CON_BATCH_CLUSTERER);
    Instances train = data.getPayloadElement(StepManager.CON_AUX_DATA_TRAININGSET);
    Integer setNum = data.getPayloadElement(StepManager.CON_AUX_DATA_SET_NUM, 1);
    Integer maxSetNum = data.getPayloadElement(StepManager.CON_AUX_DATA_MAX_SET_NUM, 1);
    if (setNum == 1) {
      getStepManager().processing();
    }
    if (train == null) {
      throw new WekaException("ClusterChart needs the training set with the clusterer: connect a Clusterer step trained "
          + "from a TrainingSetMaker (batchClusterer connection)");
    }
    try {
      String spec = getStepManager().environmentSubstitute(charts);
      ClustererCharts cc = new ClustererCharts(clusterer, QualitySupport.withoutClass(train), outlineOf(outline));
      Map<String, JFreeChart> built = cc.build(ClustererCharts.Kind.parse(spec));
      if (built.isEmpty()) {
        getStepManager().logWarning("none of the charts asked for (" + spec + ") applies to "
            + clusterer.getClass().getSimpleName());
      }
      for (Map.Entry<String, JFreeChart> e : built.entrySet()) {
        if (isStopRequested()) {
          break;
        }
        getStepManager().statusMessage("Drawing " + e.getKey() + " (set " + setNum + " of " + maxSetNum + ")");
        JFreeChart chart = e.getValue();
        int height = (int) Math.round(ChartTheme.preferredHeight(chart) * width / (double) ChartTheme.WIDTH);
        BufferedImage img = ChartExport.toImage(chart, width, height);
        Data out = ClustererHandOver.inThisThread(new Data(StepManager.CON_IMAGE, img));
        out.setPayloadElement(StepManager.CON_AUX_DATA_TEXT_TITLE, clusterer.getClass().getSimpleName() + " "
            + e.getKey() + " (" + train.relationName() + (maxSetNum > 1 ? ", set " + setNum : "") + ")");
        getStepManager().outputData(out);
      }
    } catch (WekaException e) {
      throw e;
    } catch (Exception e) {
      throw new WekaException(e);
    }
    if (isStopRequested()) {
      getStepManager().interrupted();
    } else if (setNum.intValue() == maxSetNum.intValue()) {
      getStepManager().finished();
    }
  }
}
