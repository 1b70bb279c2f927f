package clusterlab.gui;

import clusterlab.weka.ProfileSupport;
import java.awt.BorderLayout;
import java.awt.Font;
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
 * The profile is computed off the event thread; a newer clustering (a re-cut) supersedes a
 * profile still being computed.
 */
public final class SegmentsPanel extends JPanel {

  private static final long serialVersionUID = 1L;

  private final JTextArea text = new JTextArea();
  private final AtomicLong request = new AtomicLong();

  public SegmentsPanel() {
    super(new BorderLayout());
    setName("segments");
    text.setName("segments-text");
    text.setEditable(false);
    text.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 12));
    add(new JScrollPane(text), BorderLayout.CENTER);
  }

  /** Profiles {@code labels} (one per row of {@code data}, -1 = noise) in the background and shows it. */
  public void show(Instances data, int[] labels) {
    long id = request.incrementAndGet();
    text.setText("Profiling the segments...");
    new SwingWorker<String, Void>() {
      @Override
      protected String doInBackground() throws Exception {
        return ProfileSupport.profile(data, labels, new ProfileSupport.Settings()).toText();
      }

      @Override
      protected void done() {
        if (id != request.get()) {
          return;
        }
        try {
          text.setText(get());
        } catch (ExecutionException e) {
          Throwable c = e.getCause() == null ? e : e.getCause();
          text.setText("No profile: " + (c.getMessage() == null ? c.toString() : c.getMessage()));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        text.setCaretPosition(0);
      }
    }.execute();
  }

  /** The text shown now. */
  public String text() {
    return text.getText();
  }
}
