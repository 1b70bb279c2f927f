package clusterlab.gui;

import clusterlab.weka.ProfileSupport;
import java.awt.BorderLayout;
import java.awt.Font;
import java.awt.event.HierarchyEvent;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.SwingWorker;
import weka.core.Instances;

/**
 * The "Segments" tab of the Cluster Lab tab: the cluster profile of {@link ProfileSupport} (who is
 * in each segment, in plain words, with the evidence and the J48 rules) for the clustering on show.
 * The profile (contrasts over every row and one J48 tree per segment: tens of seconds of both
 * cores at a million rows) is computed off the event thread and only once the tab is first shown,
 * so it never competes with opening the charts; a newer clustering (a re-cut) supersedes, and
 * interrupts, a profile still being computed.
 */
public final class SegmentsPanel extends JPanel {

  private static final long serialVersionUID = 1L;

  /** Shown while the profile waits for the tab to be opened. */
  public static final String PENDING = "The cluster profile is computed when this tab is opened.";

  private final JTextArea text = new JTextArea();
  private final AtomicLong request = new AtomicLong();
  private transient Instances pendingData;
  private transient int[] pendingLabels;
  private transient SwingWorker<String, Void> worker;

  public SegmentsPanel() {
    super(new BorderLayout());
    setName("segments");
    text.setName("segments-text");
    text.setEditable(false);
    text.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 12));
    add(new JScrollPane(text), BorderLayout.CENTER);
    addHierarchyListener(e -> {
      if ((e.getChangeFlags() & HierarchyEvent.SHOWING_CHANGED) != 0 && isShowing()) {
        ensureComputed();
      }
    });
  }

  /**
   * The profile of {@code labels} (one per row of {@code data}, -1 = noise) is to be shown: computed
   * now in the background when the panel is on screen, else when it is first shown.
   */
  public void show(Instances data, int[] labels) {
    request.incrementAndGet();
    stop();
    pendingData = data;
    pendingLabels = labels;
    text.setText(PENDING);
    if (isShowing()) {
      ensureComputed();
    }
  }

  /** Starts computing the pending profile, if any (the tab was opened). */
  public void ensureComputed() {
    if (pendingData == null) {
      return;
    }
    Instances data = pendingData;
    int[] labels = pendingLabels;
    pendingData = null;
    pendingLabels = null;
    long id = request.get();
    text.setText("Profiling the segments...");
    worker = new SwingWorker<String, Void>() {
      @Override
      protected String doInBackground() throws Exception {
        return ProfileSupport.profile(data, labels, new ProfileSupport.Settings()).toText();
      }

      @Override
      protected void done() {
        if (id != request.get() || isCancelled()) {
          return;
        }
        try {
          text.setText(get());
        } catch (ExecutionException e) {
          Throwable c = e.getCause() == null ? e : e.getCause();
          text.setText("No profile: " + (c.getMessage() == null ? c.toString() : c.getMessage()));
        } catch (InterruptedException | java.util.concurrent.CancellationException e) {
          return;
        }
        text.setCaretPosition(0);
      }
    };
    worker.execute();
  }

  /** Interrupts a profile being computed (a newer clustering, or the view is discarded). */
  public void stop() {
    if (worker != null && !worker.isDone()) {
      worker.cancel(true);
    }
    worker = null;
  }

  /** The text shown now. */
  public String text() {
    return text.getText();
  }
}
