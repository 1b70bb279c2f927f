package clusterlab.weka;

import clusterlab.core.sparse.SparseDataset;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import weka.core.Attribute;
import weka.core.Instance;
import weka.core.Instances;

/**
 * The sparse path from Weka's {@link Instances} to the core's {@link SparseDataset}: only the
 * stored values of each instance are read ({@code numValues()}, {@code index(p)},
 * {@code valueSparse(p)}), so a {@code SparseInstance} from {@code StringToWordVector} is never
 * densified, and a dense instance simply contributes its non-zeros.
 *
 * <p>It follows {@link InstancesConverter}'s rules for numeric attributes (nothing rescaled, class
 * ignored, weights carried, missing and infinite values refused naming row and attribute). Other
 * attributes are either refused with a message or, for filters that pass them through untouched,
 * skipped.
 */
public final class SparseInstancesConverter implements Serializable {

  private static final long serialVersionUID = 1L;

  private final Instances header;
  private final int[] columnOf;     // per header attribute: core column, or -1 when not used
  private final int[] sourceOf;     // per core column: header attribute
  private final String[] columnNames;

  private SparseInstancesConverter(Instances header, int[] columnOf, int[] sourceOf, String[] columnNames) {
    this.header = header;
    this.columnOf = columnOf;
    this.sourceOf = sourceOf;
    this.columnNames = columnNames;
  }

  /**
   * Fits the column layout: every numeric attribute except the class becomes a column.
   *
   * @param data training data (only its header is kept)
   * @param skipOthers true to skip nominal, string, date and relational attributes (a filter
   *     passing them through), false to refuse them with a message
   * @throws IllegalArgumentException when an attribute cannot be used or no numeric attribute is left
   */
  public static SparseInstancesConverter fit(Instances data, boolean skipOthers) {
    if (data == null) {
      throw new IllegalArgumentException("no training data given (null)");
    }
    int[] columnOf = new int[data.numAttributes()];
    List<Integer> source = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int a = 0; a < data.numAttributes(); a++) {
      columnOf[a] = -1;
      if (a == data.classIndex()) {
        continue;
      }
      Attribute att = data.attribute(a);
      if (att.isNumeric() && !att.isDate()) {
        columnOf[a] = names.size();
        source.add(a);
        names.add(att.name());
      } else if (!skipOthers) {
        throw new IllegalArgumentException("attribute '" + att.name() + "' is a " + Attribute.typeToString(att)
            + " attribute; this component uses numeric attributes (e.g. word counts from StringToWordVector) only:"
            + " set it as the class so it is ignored, or remove it (Remove, RemoveType)");
      }
    }
    if (names.isEmpty()) {
      throw new IllegalArgumentException("no usable attribute: the data has no numeric attribute besides the class;"
          + " turn text into word counts first (StringToWordVector)");
    }
    int[] src = source.stream().mapToInt(Integer::intValue).toArray();
    return new SparseInstancesConverter(new Instances(data, 0), columnOf, src, names.toArray(new String[0]));
  }

  /** Number of core columns. */
  public int columns() {
    return columnNames.length;
  }

  /** The attribute names of the core columns (the words, for text). */
  public String[] columnNames() {
    return columnNames.clone();
  }

  /** Header attribute index of core column {@code j}. */
  public int attributeOf(int j) {
    return sourceOf[j];
  }

  /** The training header (no rows). */
  public Instances header() {
    return header;
  }

  /**
   * Converts all rows without densifying (instance weights kept; all-1 weights give an
   * unweighted dataset).
   *
   * @throws IllegalArgumentException for an empty data set, a header that differs from the
   *     training header, or a missing or infinite value (naming the row and attribute)
   */
  public SparseDataset convert(Instances data) {
    if (data.numInstances() == 0) {
      throw new IllegalArgumentException("the training data has no instances: cannot cluster an empty data set");
    }
    return convertAllowEmpty(data);
  }

  /** As {@link #convert}, but an empty batch gives an empty dataset (a filter's later batches). */
  public SparseDataset convertAllowEmpty(Instances data) {
    String why = header.equalHeadersMsg(data);
    if (why != null) {
      throw new IllegalArgumentException("the data does not have the attributes the model was trained on: " + why);
    }
    SparseDataset.Builder b = new SparseDataset.Builder(columns());
    for (int i = 0; i < data.numInstances(); i++) {
      Instance inst = data.instance(i);
      appendRow(inst, i, b);
      b.endRow(inst.weight());
    }
    return b.build();
  }

  /** One (new) instance as a one-row sparse dataset with the training layout. */
  public SparseDataset row(Instance inst) {
    SparseDataset.Builder b = new SparseDataset.Builder(columns());
    appendRow(inst, -1, b);
    b.endRow(1.0);
    return b.build();
  }

  private void appendRow(Instance inst, int row, SparseDataset.Builder b) {
    int last = -1;
    for (int p = 0; p < inst.numValues(); p++) {
      int a = inst.index(p);
      int col = a < columnOf.length ? columnOf[a] : -1;
      if (col < 0) {
        continue;
      }
      double v = inst.valueSparse(p);
      if (Double.isNaN(v)) {
        throw new IllegalArgumentException("missing value in " + (row >= 0 ? "row " + (row + 1) + ", " : "")
            + "attribute '" + header.attribute(a).name() + "': replace missing values first"
            + " (ReplaceMissingValues, MedianImputer) or remove those rows");
      }
      if (Double.isInfinite(v)) {
        throw new IllegalArgumentException("infinite value in " + (row >= 0 ? "row " + (row + 1) + ", " : "")
            + "attribute '" + header.attribute(a).name() + "': replace or remove infinite values first");
      }
      if (v != 0 && col > last) {
        b.add(col, v);
        last = col;
      }
    }
  }
}
