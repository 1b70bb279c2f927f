package clusterlab.charts;

import clusterlab.core.Check;
import clusterlab.core.density.HdbscanModel;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.RoundRectangle2D;
import java.awt.geom.Path2D;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.annotations.XYShapeAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.DefaultXYDataset;

/**
 * The HDBSCAN condensed tree (Campello et al. 2013; McInnes et al. 2017's
 * {@code condensed_tree_.plot}): every cluster of the tree as an icicle whose width is the number
 * of rows still in it, narrowing as rows fall out going down to smaller distances (higher
 * density), with the clusters the selection kept filled in their label colours and ringed. Laid
 * out from the parent array by flat loops (parents have smaller ids than their children).
 */
public final class CondensedTreeChart {

  /** Vertices per icicle side at most. */
  private static final int STEPS = 80;

  private final HdbscanModel model;
  private String title;
  private String parameters;

  private CondensedTreeChart(HdbscanModel model) {
    Check.notNull("model", model);
    this.model = model;
  }

  /** A condensed tree of the model. */
  public static CondensedTreeChart of(HdbscanModel model) {
    return new CondensedTreeChart(model);
  }

  /** Chart title (default "HDBSCAN condensed tree"). */
  public CondensedTreeChart title(String title) {
    this.title = title;
    return this;
  }

  /** Subtitle naming the clusterer and its parameters. */
  public CondensedTreeChart parameters(String parameters) {
    this.parameters = parameters;
    return this;
  }

  /**
   * The tree node each label was selected as: the lowest common ancestor of the nodes its rows
   * leave from (a selected node's rows leave from it or from its descendants, and a split node's
   * two children both hold rows).
   */
  static int[] selectedNodes(HdbscanModel model) {
    int[] labels = model.labels();
    int[] node = new int[model.numClusters()];
    Arrays.fill(node, -1);
    for (int i = 0; i < labels.length; i++) {
      int l = labels[i];
      if (l < 0) {
        continue;
      }
      int a = model.treeNodeOfRow(i);
      int b = node[l];
      if (b < 0) {
        node[l] = a;
        continue;
      }
      while (a != b) {
        if (a > b) {
          a = model.treeParent(a);
        } else {
          b = model.treeParent(b);
        }
      }
      node[l] = a;
    }
    return node;
  }

  /** Builds the chart. */
  public JFreeChart build() {
    int m = model.treeSize();
    int n = model.labels().length;
    int[] direct = new int[m];
    for (int i = 0; i < n; i++) {
      direct[model.treeNodeOfRow(i)]++;
    }
    double[][] exits = new double[m][];
    for (int c = 0; c < m; c++) {
      exits[c] = new double[direct[c]];
    }
    int[] fill = new int[m];
    for (int i = 0; i < n; i++) {
      int c = model.treeNodeOfRow(i);
      exits[c][fill[c]++] = model.exitDistanceOfRow(i);
    }
    int[] size = direct.clone();
    for (int c = m - 1; c > 0; c--) {
      size[model.treeParent(c)] += size[c];
    }
    // horizontal intervals: each child gets a share of its parent's interval in proportion to its size
    double[] lo = new double[m];
    double[] width = new double[m];
    double[] used = new double[m];
    double[] childRows = new double[m];
    for (int c = 1; c < m; c++) {
      childRows[model.treeParent(c)] += size[c];
    }
    width[0] = n;
    for (int c = 1; c < m; c++) {
      int p = model.treeParent(c);
      width[c] = width[p] * size[c] / childRows[p];
      lo[c] = lo[p] + used[p];
      used[p] += width[c];
    }
    int[] selected = selectedNodes(model);
    int[] labelOfNode = new int[m];
    Arrays.fill(labelOfNode, -1);
    for (int l = 0; l < selected.length; l++) {
      if (selected[l] >= 0) {
        labelOfNode[selected[l]] = l;
      }
    }
    double top = model.treeBirth(0);
    double bottom = Double.POSITIVE_INFINITY;
    for (int c = 0; c < m; c++) {
      bottom = Math.min(bottom, model.treeDeath(c));
    }
    if (!(top > bottom)) {
      top = bottom + 1;
    }
    DefaultXYDataset none = new DefaultXYDataset();
    NumberAxis x = new NumberAxis("Clusters of the condensed tree (width: rows still in the cluster, " + ChartTheme.count(n)
        + " at the top)");
    x.setTickLabelsVisible(false);
    x.setTickMarksVisible(false);
    x.setRange(-0.02 * n, 1.02 * n);
    NumberAxis y = new NumberAxis("Distance (eps); density \u03bb = 1/eps grows downward");
    y.setRange(Math.max(0, bottom - 0.04 * (top - bottom)), top + 0.04 * (top - bottom));
    XYPlot plot = new XYPlot(none, x, y, new XYLineAndShapeRenderer());
    plot.setDomainGridlinesVisible(false);
    Color other = new Color(0xC5, 0xCB, 0xD3);
    for (int c = 0; c < m; c++) {
      double centre = lo[c] + width[c] / 2;
      double scale = 0.94 * width[c] / Math.max(1, size[c]); // a small gap between siblings
      double[] e = exits[c];
      Arrays.sort(e);
      Path2D.Double shape = icicle(centre, scale, size[c], e, model.treeBirth(c), model.treeDeath(c));
      int l = labelOfNode[c];
      Color fillColour = l >= 0 ? ChartTheme.translucent(l, 220) : other;
      plot.addAnnotation(new XYShapeAnnotation(shape, new BasicStroke(0.5f), fillColour.darker(), fillColour), false);
      if (c > 0) {
        int p = model.treeParent(c);
        double pc = lo[p] + width[p] / 2;
        plot.addAnnotation(new XYLineAnnotation(pc, model.treeDeath(p), centre, model.treeDeath(p),
            new BasicStroke(1f), ChartTheme.NEUTRAL), false);
      }
      if (l >= 0) {
        double h = model.treeBirth(c) - model.treeDeath(c);
        double w = Math.max(0.94 * width[c], 0.01 * n);
        double padX = 0.004 * n;
        double padY = 0.03 * (top - bottom);
        plot.addAnnotation(new XYShapeAnnotation(new RoundRectangle2D.Double(centre - w / 2 - padX,
            model.treeDeath(c) - padY, w + 2 * padX, h + 2 * padY, 0.03 * n, 0.08 * (top - bottom)),
            new BasicStroke(1.8f), ChartTheme.ACCENT, null), false);
        XYTextAnnotation t = w >= 0.09 * n
            ? ChartTheme.note("cluster " + l, centre, model.treeDeath(c) + h / 2, Color.WHITE, TextAnchor.CENTER)
            : ChartTheme.note(Integer.toString(l), centre, model.treeDeath(c) + h + padY, ChartTheme.ACCENT,
                TextAnchor.BOTTOM_CENTER);
        t.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
        plot.addAnnotation(t, false);
      }
    }
    List<String> subs = new ArrayList<>();
    subs.add(parameters);
    subs.add("minClusterSize = " + model.minClusterSize() + ", minSamples = " + model.minSamples() + "; " + m
        + " tree clusters, " + model.numClusters() + " selected (framed, in label colours), "
        + ChartTheme.count(model.noiseCount()) + " noise rows");
    return ChartTheme.chart(title != null ? title : "HDBSCAN condensed tree", plot, false, subs.toArray(new String[0]));
  }

  /**
   * The outline of one cluster: full width at its birth, narrowing by one row at each exit
   * distance (sampled to {@value #STEPS} steps), down to its death, symmetric about the centre.
   */
  private static Path2D.Double icicle(double centre, double scale, int rows, double[] exitsAscending, double birth,
      double death) {
    int k = exitsAscending.length;
    int steps = Math.min(k, STEPS);
    double[] ys = new double[steps + 2];
    double[] ws = new double[steps + 2];
    ys[0] = birth;
    ws[0] = rows;
    // walk down from the birth: rows with exit >= y have left
    for (int s = 1; s <= steps; s++) {
      int idx = k - (int) Math.round((double) s * k / steps); // rows left: k - idx
      idx = Math.max(0, Math.min(k - 1, idx));
      ys[s] = Math.min(birth, Math.max(death, exitsAscending[idx]));
      ws[s] = rows - (k - idx);
    }
    ys[steps + 1] = death;
    ws[steps + 1] = Math.max(0, ws[steps]);
    Path2D.Double p = new Path2D.Double();
    p.moveTo(centre - ws[0] * scale / 2, ys[0]);
    for (int s = 1; s < ys.length; s++) {
      p.lineTo(centre - ws[s - 1] * scale / 2, ys[s]);
      p.lineTo(centre - ws[s] * scale / 2, ys[s]);
    }
    for (int s = ys.length - 1; s >= 1; s--) {
      p.lineTo(centre + ws[s] * scale / 2, ys[s]);
      p.lineTo(centre + ws[s - 1] * scale / 2, ys[s]);
    }
    p.lineTo(centre + ws[0] * scale / 2, ys[0]);
    p.closePath();
    return p;
  }
}
