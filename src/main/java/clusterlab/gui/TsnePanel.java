package clusterlab.gui;

import clusterlab.charts.TsneMap;
import clusterlab.core.Dataset;
import clusterlab.core.Progress;
import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.awt.event.HierarchyEvent;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.SwingUtilities;
import javax.swing.SwingWorker;
import org.jfree.chart.ChartPanel;
import org.jfree.chart.JFreeChart;
import weka.gui.Logger;

/**
 * The "t-SNE map" tab of the Cluster Lab tab: the clustering on show drawn on a t-SNE embedding of
 * its rows (the {@link TsneMap} chart of the CLI and the KnowledgeFlow). t-SNE takes seconds even on
 * the 2,000 rows TsneMap samples at most, so, like the Segments profile, the embedding is computed
 * off the event thread and only once the tab is first shown, with its per cent done in the tab and
 * in Weka's status bar and a Cancel button (Compute starts it again). A re-cut only recolours the
 * map (t-SNE does not look at the labels); a new clustering supersedes, and cancels, an embedding
 * still being computed.
 */
public final class TsnePanel extends JPanel {

  private static final long serialVersionUID = 1L;

  /** Shown while the map waits for the tab to be opened. */
  public static final String PENDING = "The t-SNE map is computed when this tab is opened.";

  private final JLabel status = new JLabel(PENDING);
  private final JProgressBar bar = new JProgressBar(0, 100);
  private final JButton cancel = new JButton("Cancel");
  private final JButton compute = new JButton("Compute");
  private final JPanel centre = new JPanel(new BorderLayout());
  private final AtomicLong request = new AtomicLong();
  private final transient Logger log;
  private transient TsneMap map;
  private transient TsneMap pending;
  private transient int[] labels;
  private transient SwingWorker<JFreeChart, Void> worker;
  private ChartPanel chartPanel;

  /** @param log where the progress goes (Weka's status bar in the Explorer); may be null */
  public TsnePanel(Logger log) {
    super(new BorderLayout());
    this.log = log;
    setName("tsne");
    status.setName("tsne-status");
    bar.setName("tsne-progress");
    cancel.setName("tsne-cancel");
    compute.setName("tsne-compute");
    bar.setStringPainted(true);
    cancel.setEnabled(false);
    compute.setEnabled(false);
    cancel.addActionListener(e -> cancel());
    compute.addActionListener(e -> ensureComputed());
    JPanel top = new JPanel(new FlowLayout(FlowLayout.LEFT, 6, 2));
    top.add(status);
    top.add(bar);
    top.add(cancel);
    top.add(compute);
    add(top, BorderLayout.NORTH);
    add(centre, BorderLayout.CENTER);
    addHierarchyListener(e -> {
      if ((e.getChangeFlags() & HierarchyEvent.SHOWING_CHANGED) != 0 && isShowing()) {
        ensureComputed();
      }
    });
  }

  /**
   * A new clustering: its map (of {@code points}, one label per row, -1 = noise) is embedded now in
   * the background when the panel is on screen, else when it is first shown.
   */
  public void show(Dataset points, int[] rowLabels, String parameters) {
    request.incrementAndGet();
    stop();
    map = null;
    labels = rowLabels;
    pending = TsneMap.of(points, rowLabels).parameters(parameters);
    setChart(null);
    status.setText(PENDING);
    bar.setValue(0);
    compute.setEnabled(false);
    if (isShowing()) {
      ensureComputed();
    }
  }

  /** A re-cut of the clustering on show: the map, if embedded, is recoloured at once. */
  public void relabel(int[] rowLabels, String parameters) {
    labels = rowLabels;
    if (pending != null) {
      pending.parameters(parameters);
    }
    if (map != null) {
      map.parameters(parameters);
      setChart(map.chart(rowLabels));
    }
  }

  /** Starts embedding the pending map, if any (the tab was opened, or Compute pressed). */
  public void ensureComputed() {
    if (pending == null || worker != null) {
      return;
    }
    TsneMap todo = pending;
    long id = request.get();
    status.setText("Embedding the rows with t-SNE...");
    bar.setValue(0);
    cancel.setEnabled(true);
    compute.setEnabled(false);
    worker = new SwingWorker<JFreeChart, Void>() {
      @Override
      protected JFreeChart doInBackground() {
        return todo.build(new Progress() {
          @Override
          public void report(String stage, double fraction, String message) {
            if (!Double.isNaN(fraction)) {
              SwingUtilities.invokeLater(() -> progressed(id, fraction, message));
            }
          }

          @Override
          public boolean isCancelled() {
            return Thread.currentThread().isInterrupted() || request.get() != id;
          }
        });
      }

      @Override
      protected void done() {
        finished(this, id, todo);
      }
    };
    worker.execute();
  }

  private void progressed(long id, double fraction, String message) {
    if (id != request.get() || worker == null) {
      return;
    }
    int pct = (int) Math.round(100 * Math.min(1, fraction));
    bar.setValue(pct);
    status.setText("Embedding the rows with t-SNE: " + message);
    if (log != null) {
      log.statusMessage(String.format(Locale.ROOT, "t-SNE map: %d%% (%s)", pct, message));
    }
  }

  private void finished(SwingWorker<JFreeChart, Void> w, long id, TsneMap todo) {
    if (w != worker || id != request.get()) {
      return;
    }
    worker = null;
    cancel.setEnabled(false);
    try {
      JFreeChart chart = w.get();
      pending = null;
      map = todo;
      bar.setValue(100);
      status.setText("t-SNE map: " + todo.result().iterations() + " iterations, KL divergence "
          + String.format(Locale.ROOT, "%.3f", todo.result().klDivergence()));
      setChart(labels == null ? chart : todo.chart(labels));
      if (log != null) {
        log.statusMessage("t-SNE map drawn");
      }
    } catch (ExecutionException e) {
      Throwable c = e.getCause() == null ? e : e.getCause();
      if (c instanceof Progress.CancelledException) {
        cancelled();
      } else {
        compute.setEnabled(true);
        status.setText("No t-SNE map: " + (c.getMessage() == null ? c.toString() : c.getMessage()));
      }
    } catch (InterruptedException | java.util.concurrent.CancellationException e) {
      cancelled();
    }
  }

  private void cancelled() {
    status.setText("t-SNE map cancelled; Compute starts it again.");
    compute.setEnabled(true);
    if (log != null) {
      log.statusMessage("t-SNE map cancelled");
    }
  }

  /** Cancels the embedding being computed (the Cancel button); Compute starts it again. */
  public void cancel() {
    SwingWorker<JFreeChart, Void> w = worker;
    if (w == null) {
      return;
    }
    worker = null;
    w.cancel(true);
    cancel.setEnabled(false);
    cancelled();
  }

  /** Stops an embedding being computed (a newer clustering, or the view is discarded). */
  public void stop() {
    SwingWorker<JFreeChart, Void> w = worker;
    worker = null;
    cancel.setEnabled(false);
    if (w != null) {
      w.cancel(true);
    }
  }

  private void setChart(JFreeChart chart) {
    centre.removeAll();
    chartPanel = null;
    if (chart != null) {
      chartPanel = new ChartPanel(chart, false, true, false, true, true);
      chartPanel.setName(ResultView.TSNE);
      chartPanel.setMouseWheelEnabled(true);
      chartPanel.setMaximumDrawWidth(4000);
      chartPanel.setMaximumDrawHeight(3000);
      centre.add(chartPanel, BorderLayout.CENTER);
    }
    centre.revalidate();
    centre.repaint();
  }

  /** The map's chart panel once embedded, else null. */
  public ChartPanel chartPanel() {
    return chartPanel;
  }

  /** True while the embedding is being computed. */
  public boolean isComputing() {
    return worker != null;
  }

  /** The status line shown above the map. */
  public String statusText() {
    return status.getText();
  }

  /** The per cent done shown by the progress bar. */
  public int percentDone() {
    return bar.getValue();
  }
}
