package clusterlab.gui.model;

import java.util.BitSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.swing.event.ChangeEvent;
import javax.swing.event.ChangeListener;

/**
 * The rows the user has selected, shared by every chart of one result: a chart that selects (a
 * rectangle on the scatter, a cluster's bars on the silhouette plot, a subtree of the dendrogram)
 * writes here, and every chart that listens highlights the same rows. Row indices are those of the
 * training data. Not thread-safe: used on the Swing event thread, like the charts.
 */
public final class PointSelection {

  private final int rows;
  private final BitSet selected = new BitSet();
  private final List<ChangeListener> listeners = new CopyOnWriteArrayList<>();

  /** @param rows number of rows that can be selected (0..rows-1) */
  public PointSelection(int rows) {
    if (rows < 0) {
      throw new IllegalArgumentException("rows must be at least 0, got " + rows);
    }
    this.rows = rows;
  }

  /** Number of selectable rows. */
  public int rows() {
    return rows;
  }

  /** Replaces the selection ({@code add}: adds to it) and notifies the listeners once. */
  public void select(int[] which, boolean add) {
    BitSet next = add ? (BitSet) selected.clone() : new BitSet();
    for (int r : which) {
      if (r < 0 || r >= rows) {
        throw new IllegalArgumentException("row " + r + " is not in 0.." + (rows - 1));
      }
      next.set(r);
    }
    if (!next.equals(selected)) {
      selected.clear();
      selected.or(next);
      fire();
    }
  }

  /** Selects every row whose label is {@code label} (a whole cluster; -1 = the noise). */
  public void selectLabel(int[] labels, int label, boolean add) {
    int count = 0;
    for (int l : labels) {
      count += l == label ? 1 : 0;
    }
    int[] which = new int[count];
    int k = 0;
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] == label) {
        which[k++] = i;
      }
    }
    select(which, add);
  }

  /** Empties the selection. */
  public void clear() {
    if (!selected.isEmpty()) {
      selected.clear();
      fire();
    }
  }

  /** True when row {@code i} is selected. */
  public boolean isSelected(int i) {
    return selected.get(i);
  }

  /** Number of selected rows. */
  public int count() {
    return selected.cardinality();
  }

  /** The selected rows in increasing order. */
  public int[] selectedRows() {
    return selected.stream().toArray();
  }

  public void addChangeListener(ChangeListener l) {
    listeners.add(l);
  }

  public void removeChangeListener(ChangeListener l) {
    listeners.remove(l);
  }

  private void fire() {
    ChangeEvent e = new ChangeEvent(this);
    for (ChangeListener l : listeners) {
      l.stateChanged(e);
    }
  }
}
