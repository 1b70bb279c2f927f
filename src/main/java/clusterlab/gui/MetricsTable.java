package clusterlab.gui;

import clusterlab.core.evaluation.QualityReport;
import java.awt.BorderLayout;
import java.awt.Dimension;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTable;
import javax.swing.JTextArea;
import javax.swing.table.AbstractTableModel;

/**
 * Every quality index of the current clustering as a table (index, value, which direction is
 * better, group), with the report's notes below it (why an index is NaN, whether the silhouette
 * was sampled). Refreshed after every run and every drag of a cut or eps line.
 */
public final class MetricsTable extends JPanel {

  private static final long serialVersionUID = 1L;

  private final Model model = new Model();
  private final JTable table = new JTable(model);
  private final JTextArea notes = new JTextArea(4, 30);

  public MetricsTable() {
    super(new BorderLayout());
    table.setName("metricsTable");
    table.setAutoCreateRowSorter(false);
    table.getColumnModel().getColumn(0).setPreferredWidth(150);
    table.getColumnModel().getColumn(1).setPreferredWidth(90);
    table.getColumnModel().getColumn(2).setPreferredWidth(70);
    notes.setEditable(false);
    notes.setLineWrap(true);
    notes.setWrapStyleWord(true);
    notes.setName("metricsNotes");
    JScrollPane top = new JScrollPane(table);
    top.setPreferredSize(new Dimension(330, 360));
    JSplitPane split = new JSplitPane(JSplitPane.VERTICAL_SPLIT, top, new JScrollPane(notes));
    split.setResizeWeight(0.8);
    add(split, BorderLayout.CENTER);
  }

  /** Shows a report (null: empty table). */
  public void show(QualityReport report) {
    model.rows = report == null ? new ArrayList<>() : report.entries();
    model.fireTableDataChanged();
    notes.setText(report == null ? "" : String.join("\n", report.notes()));
    notes.setCaretPosition(0);
  }

  /** The value shown for an index, NaN when absent. */
  public double value(String index) {
    for (QualityReport.Entry e : model.rows) {
      if (e.name().equals(index)) {
        return e.value();
      }
    }
    return Double.NaN;
  }

  /** The table (for tests and for copying). */
  public JTable table() {
    return table;
  }

  static String format(double v) {
    if (Double.isNaN(v)) {
      return "undefined";
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e12) {
      return Long.toString((long) v);
    }
    return String.format(Locale.ROOT, "%.4f", v);
  }

  private static final class Model extends AbstractTableModel {
    private static final long serialVersionUID = 1L;
    private static final String[] COLUMNS = {"Index", "Value", "Better", "Kind"};
    List<QualityReport.Entry> rows = new ArrayList<>();

    @Override
    public int getRowCount() {
      return rows.size();
    }

    @Override
    public int getColumnCount() {
      return COLUMNS.length;
    }

    @Override
    public String getColumnName(int c) {
      return COLUMNS[c];
    }

    @Override
    public Object getValueAt(int r, int c) {
      QualityReport.Entry e = rows.get(r);
      switch (c) {
        case 0:
          return e.name().replace('_', ' ');
        case 1:
          return format(e.value());
        case 2:
          return e.direction() == QualityReport.Direction.HIGHER ? "higher"
              : e.direction() == QualityReport.Direction.LOWER ? "lower" : "";
        default:
          return e.group().name().toLowerCase(Locale.ROOT);
      }
    }
  }
}
