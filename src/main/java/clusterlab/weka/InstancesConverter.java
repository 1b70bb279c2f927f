package clusterlab.weka;

import clusterlab.core.Dataset;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import weka.core.Attribute;
import weka.core.Capabilities;
import weka.core.Capabilities.Capability;
import weka.core.Instance;
import weka.core.Instances;

/**
 * The one bridge from Weka's {@link Instances} to the core's {@link Dataset}, shared by every
 * ClusterLab adapter so that all of them treat attributes the same way:
 *
 * <ul>
 *   <li>numeric attributes are used as they are: <b>nothing is rescaled</b>. Weka's
 *       {@code EuclideanDistance} range-normalises by default, no other tool does; in ClusterLab
 *       scaling is the user's explicit choice (Standardize, Normalize, RobustScaler first);
 *   <li>nominal attributes are refused with a message, or one-hot encoded (one 0/1 column per
 *       value) when the user asks for it;
 *   <li>string attributes are refused, or skipped as row labels (every clusterer: dendrogram leaves,
 *       outputs; never in distances);
 *   <li>the class attribute, when set, is always ignored;
 *   <li>instance weights are carried to the core;
 *   <li>missing values are refused with a message that names the row and the attribute: the user
 *       picks a replacement in a filter first (ReplaceMissingValues, MedianImputer, KNNImputer).
 * </ul>
 *
 * <p>Filters whose job is to deal with missing values, or that pass every attribute they do not
 * transform through untouched, use the filter policy instead ({@link #forFilter}): missing values
 * become NaN, attributes that are not used (strings, dates, nominal ones unless one-hot) are left
 * out rather than refused, and infinite values are still refused. {@link #read}/{@link #write} move
 * values between the instances and a row-major array; {@link #toInstances} is the way back from a
 * core {@link Dataset} to Weka, for meta-algorithms that hand the converted columns to another
 * clusterer.
 *
 * <p>A converter is fitted on the training header once and then converts training rows and new
 * instances with the same column layout, which is what keeps {@code clusterInstance} on test data
 * consistent with training.
 */
public final class InstancesConverter implements Serializable {

  private static final long serialVersionUID = 1L;

  /** What to do with nominal attributes. */
  public enum NominalHandling {
    /** Refuse nominal attributes with a message. */
    REFUSE,
    /** Encode each nominal attribute as one 0/1 column per value. */
    ONE_HOT
  }

  /** What to do with missing values. */
  public enum MissingValues {
    /** Refuse them with a message naming the row and the attribute (every clusterer). */
    REFUSE,
    /** Read them as NaN (every one-hot column of a missing nominal value): filters that impute or skip them. */
    AS_NAN
  }

  private final Instances header;
  private final int[] sourceAttribute; // per used attribute: its index in the header
  private final int[] firstColumn;     // per used attribute: first output column
  private final boolean[] oneHot;      // per used attribute: one-hot encoded?
  private final String[] columnNames;
  private final int labelAttribute;
  private final MissingValues missing;

  private InstancesConverter(Instances header, int[] sourceAttribute, int[] firstColumn, boolean[] oneHot,
      String[] columnNames, int labelAttribute, MissingValues missing) {
    this.header = header;
    this.sourceAttribute = sourceAttribute;
    this.firstColumn = firstColumn;
    this.oneHot = oneHot;
    this.columnNames = columnNames;
    this.labelAttribute = labelAttribute;
    this.missing = missing;
  }

  /**
   * The filter policy: the numeric (non-date) attributes other than the class, then, when
   * {@code oneHotNominal}, one 0/1 column per value of each nominal one; missing values read as NaN;
   * every other attribute left out (the filter passes it through). Unlike {@link #fit}, no usable
   * attribute is not an error here: {@link #columns()} is then 0 and the filter has nothing to do.
   */
  public static InstancesConverter forFilter(Instances data, boolean oneHotNominal) {
    if (data == null) {
      throw new IllegalArgumentException("no data given (null)");
    }
    List<Integer> source = new ArrayList<>();
    List<Integer> first = new ArrayList<>();
    List<Boolean> hot = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int pass = 0; pass < (oneHotNominal ? 2 : 1); pass++) {
      for (int a = 0; a < data.numAttributes(); a++) {
        Attribute att = data.attribute(a);
        boolean numeric = att.isNumeric() && !att.isDate();
        if (a == data.classIndex() || (pass == 0 ? !numeric : !att.isNominal())) {
          continue;
        }
        source.add(a);
        first.add(names.size());
        hot.add(pass == 1);
        if (pass == 0) {
          names.add(att.name());
        } else {
          for (int v = 0; v < att.numValues(); v++) {
            names.add(att.name() + "=" + att.value(v));
          }
        }
      }
    }
    return new InstancesConverter(new Instances(data, 0), toArray(source), toArray(first), toBooleans(hot),
        names.toArray(new String[0]), -1, MissingValues.AS_NAN);
  }

  /**
   * Fits the column layout to a training header.
   *
   * @param data training data (only its header is kept)
   * @param nominal what to do with nominal attributes
   * @param stringsAsLabels true to skip string attributes (the first becomes the row label), false
   *     to refuse them
   * @throws IllegalArgumentException when an attribute cannot be used, or none is left
   */
  public static InstancesConverter fit(Instances data, NominalHandling nominal, boolean stringsAsLabels) {
    if (data == null) {
      throw new IllegalArgumentException("no training data given (null)");
    }
    List<Integer> source = new ArrayList<>();
    List<Integer> first = new ArrayList<>();
    List<Boolean> hot = new ArrayList<>();
    List<String> names = new ArrayList<>();
    int label = -1;
    for (int a = 0; a < data.numAttributes(); a++) {
      if (a == data.classIndex()) {
        continue;
      }
      Attribute att = data.attribute(a);
      if (att.isNumeric() && !att.isDate()) {
        source.add(a);
        first.add(names.size());
        hot.add(false);
        names.add(att.name());
      } else if (att.isNominal()) {
        if (nominal != NominalHandling.ONE_HOT) {
          throw new IllegalArgumentException("attribute '" + att.name() + "' is nominal; this clusterer uses"
              + " numeric attributes only: turn on one-hot encoding of nominal attributes (-one-hot),"
              + " convert it with NominalToBinary, or remove it (and if it is the class, set it as the class so it is ignored)");
        }
        source.add(a);
        first.add(names.size());
        hot.add(true);
        for (int v = 0; v < att.numValues(); v++) {
          names.add(att.name() + "=" + att.value(v));
        }
      } else if (att.isString() && stringsAsLabels) {
        if (label < 0) {
          label = a;
        }
      } else {
        String type = Attribute.typeToString(att);
        throw new IllegalArgumentException("attribute '" + att.name() + "' is a " + type + " attribute; this"
            + " component uses numeric" + (nominal == NominalHandling.ONE_HOT ? " and nominal" : "")
            + " attributes only: remove it (Remove, RemoveType) or convert it to numeric first");
      }
    }
    if (names.isEmpty()) {
      throw new IllegalArgumentException("no usable attribute: the data has no numeric attribute"
          + (nominal == NominalHandling.ONE_HOT ? " or nominal" : "") + " besides the class; add numeric attributes"
          + (nominal == NominalHandling.ONE_HOT ? "" : " or turn on one-hot encoding of nominal attributes"));
    }
    return new InstancesConverter(new Instances(data, 0), toArray(source), toArray(first),
        toBooleans(hot), names.toArray(new String[0]), label, MissingValues.REFUSE);
  }

  /**
   * The capabilities this conversion honestly supports: numeric attributes (plus nominal ones when
   * one-hot encoding is on, string ones when used as labels), any class (it is ignored), no
   * missing values. Adapters start from this and add their own constraints.
   */
  public static Capabilities capabilities(Object owner, NominalHandling nominal, boolean stringsAsLabels) {
    Capabilities c = new Capabilities(owner instanceof weka.core.CapabilitiesHandler
        ? (weka.core.CapabilitiesHandler) owner : null);
    c.disableAll();
    c.enable(Capability.NUMERIC_ATTRIBUTES);
    if (nominal == NominalHandling.ONE_HOT) {
      c.enable(Capability.NOMINAL_ATTRIBUTES);
    }
    if (stringsAsLabels) {
      c.enable(Capability.STRING_ATTRIBUTES);
    }
    c.enable(Capability.NO_CLASS);
    c.enable(Capability.NOMINAL_CLASS);
    c.enable(Capability.NUMERIC_CLASS);
    c.enable(Capability.DATE_CLASS);
    c.enable(Capability.STRING_CLASS);
    c.enable(Capability.MISSING_CLASS_VALUES);
    c.setMinimumNumberInstances(1);
    return c;
  }

  /** Number of core columns. */
  public int columns() {
    return columnNames.length;
  }

  /** Names of the core columns ("att" for numeric, "att=value" for one-hot columns). */
  public String[] columnNames() {
    return columnNames.clone();
  }

  /** The training header (no rows). */
  public Instances header() {
    return header;
  }

  /** Indices in the header of the attributes the columns come from, in column order (one per attribute). */
  public int[] attributes() {
    return sourceAttribute.clone();
  }

  /** Index of the string attribute used as row label, or -1 when there is none. */
  public int labelAttribute() {
    return labelAttribute;
  }

  /**
   * Converts all rows (instance weights kept; all-1 weights become an unweighted dataset).
   *
   * @throws IllegalArgumentException for an empty data set, a header that differs from the
   *     training header, or a missing value (naming the row and attribute)
   */
  public Dataset convert(Instances data) {
    if (data.numInstances() == 0) {
      throw new IllegalArgumentException("the training data has no instances: cannot cluster an empty data set");
    }
    if (missing != MissingValues.REFUSE) {
      throw new IllegalStateException("a converter that reads missing values as NaN makes no Dataset: use read()");
    }
    checkCompatible(data);
    int n = data.numInstances();
    int d = columns();
    double[] values = new double[n * d];
    double[] weights = new double[n];
    boolean weighted = false;
    for (int i = 0; i < n; i++) {
      Instance inst = data.instance(i);
      write(inst, i, values, i * d, false);
      weights[i] = inst.weight();
      weighted |= weights[i] != 1.0;
    }
    try {
      return Dataset.weighted(values, n, d, weighted ? weights : null); // the one finiteness check
    } catch (IllegalArgumentException e) {
      for (int i = 0; i < n; i++) {
        write(data.instance(i), i, values, i * d, true); // name the attribute of the first bad value
      }
      throw e;
    }
  }

  /**
   * Row-major values of every row (the filter policy: NaN where missing, when this converter reads
   * missing values as NaN), without weights.
   *
   * @throws IllegalArgumentException naming the row and attribute of an infinite (or, under
   *     {@link MissingValues#REFUSE}, missing) value
   */
  public double[] read(Instances data) {
    int n = data.numInstances();
    int d = columns();
    double[] values = new double[n * d];
    for (int i = 0; i < n; i++) {
      write(data.instance(i), i, values, i * d, true);
    }
    return values;
  }

  /**
   * A copy of {@code data} (same header, weights kept) with the attribute of column j of row i set
   * to {@code values[i * d + j]} (NaN = missing): the way back for filters that transform the
   * values in place. Only for a layout without one-hot columns (one column per attribute).
   */
  public Instances write(Instances data, double[] values) {
    for (boolean h : oneHot) {
      if (h) {
        throw new IllegalStateException("one-hot columns cannot be written back into their nominal attribute");
      }
    }
    Instances out = new Instances(data, data.numInstances());
    int d = columns();
    for (int i = 0; i < data.numInstances(); i++) {
      Instance copy = (Instance) data.instance(i).copy();
      for (int j = 0; j < d; j++) {
        double v = values[i * d + j];
        if (Double.isNaN(v)) {
          copy.setMissing(sourceAttribute[j]);
        } else {
          copy.setValue(sourceAttribute[j], v);
        }
      }
      out.add(copy);
    }
    return out;
  }

  /**
   * The way back: {@code data} as instances of one numeric attribute per column (named as
   * {@link #columnNames()}), weights kept, for handing the converted columns to another Weka
   * clusterer (ChooseK's wrapped clusterer).
   */
  public Instances toInstances(Dataset data, String relation) {
    if (data.d() != columns()) {
      throw new IllegalArgumentException("the dataset has " + data.d() + " columns, the converter " + columns());
    }
    ArrayList<Attribute> atts = new ArrayList<>();
    for (String name : columnNames) {
      atts.add(new Attribute(name));
    }
    Instances out = new Instances(relation, atts, data.n());
    int d = data.d();
    for (int i = 0; i < data.n(); i++) {
      double[] row = new double[d];
      System.arraycopy(data.values(), i * d, row, 0, d);
      out.add(new weka.core.DenseInstance(data.weight(i), row));
    }
    return out;
  }

  /** Converts one (new) instance into a core row. */
  public double[] vector(Instance inst) {
    double[] out = new double[columns()];
    write(inst, -1, out, 0, true);
    return out;
  }

  /**
   * Writes one instance's columns. A missing nominal value is always caught here (its one-hot index
   * would be garbage); numeric values are checked only when {@code check}: {@link #convert} leaves
   * them to the one finiteness check of {@link Dataset} and comes back here only to name a bad value.
   */
  private void write(Instance inst, int row, double[] out, int off, boolean check) {
    for (int u = 0; u < sourceAttribute.length; u++) {
      int a = sourceAttribute[u];
      double v = inst.value(a);
      if ((check || oneHot[u]) && (Double.isNaN(v) || inst.isMissing(a))) {
        if (missing == MissingValues.REFUSE) {
          throw new IllegalArgumentException("missing value in " + (row >= 0 ? "row " + (row + 1) + ", " : "")
              + "attribute '" + header.attribute(a).name() + "': replace missing values first"
              + " (ReplaceMissingValues, MedianImputer or KNNImputer) or remove those rows");
        }
        int width = oneHot[u] ? header.attribute(a).numValues() : 1;
        java.util.Arrays.fill(out, off + firstColumn[u], off + firstColumn[u] + width, Double.NaN);
        continue;
      }
      if (check && Double.isInfinite(v)) {
        throw new IllegalArgumentException("infinite value in " + (row >= 0 ? "row " + (row + 1) + ", " : "")
            + "attribute '" + header.attribute(a).name() + "': replace or remove infinite values first");
      }
      if (oneHot[u]) {
        int values = header.attribute(a).numValues();
        for (int j = 0; j < values; j++) {
          out[off + firstColumn[u] + j] = 0;
        }
        out[off + firstColumn[u] + (int) v] = 1;
      } else {
        out[off + firstColumn[u]] = v;
      }
    }
  }

  private void checkCompatible(Instances data) {
    String why = header.equalHeadersMsg(data);
    if (why != null) {
      throw new IllegalArgumentException("the data does not have the attributes the model was trained on: " + why);
    }
  }

  private static int[] toArray(List<Integer> list) {
    int[] a = new int[list.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = list.get(i);
    }
    return a;
  }

  private static boolean[] toBooleans(List<Boolean> list) {
    boolean[] a = new boolean[list.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = list.get(i);
    }
    return a;
  }
}
