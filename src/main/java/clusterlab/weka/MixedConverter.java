package clusterlab.weka;

import clusterlab.core.mixed.ColumnType;
import clusterlab.core.mixed.MixedTable;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import weka.core.Attribute;
import weka.core.Capabilities;
import weka.core.Capabilities.Capability;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Range;

/**
 * The mixed-type bridge from Weka's {@link Instances} to the core's {@link MixedTable}, for the
 * components built for mixed data (Gower distance, k-medoids on Gower, k-prototypes, cluster
 * profiles). It is a separate, explicit path: {@link InstancesConverter}, which every numeric
 * component uses, keeps refusing nominal attributes and missing values by default.
 *
 * <ul>
 *   <li>numeric (and date) attributes become numeric columns, nothing rescaled;
 *   <li>nominal attributes become category codes in their declared value order: nominal by
 *       default, ordinal when listed in the ordinal range (ranked by the declared order, as R's
 *       ordered factors), asymmetric binary when listed in the asymmetric range (exactly two
 *       values; the first declared value means "absent");
 *   <li>missing values are kept (NaN) for the algorithms to leave out pairwise; infinite values
 *       and string or relational attributes are refused with a message naming them;
 *   <li>the class attribute, when set, is ignored; instance weights are carried along.
 * </ul>
 */
public final class MixedConverter implements Serializable {

  private static final long serialVersionUID = 1L;

  private final Instances header;
  private final int[] source;
  private final ColumnType[] types;
  private final int[] levels;
  private final String[] names;

  private MixedConverter(Instances header, int[] source, ColumnType[] types, int[] levels, String[] names) {
    this.header = header;
    this.source = source;
    this.types = types;
    this.levels = levels;
    this.names = names;
  }

  /**
   * Fits the column layout to a training header.
   *
   * @param ordinal Weka range of attributes (1-based, "first-last" etc.) whose nominal values are
   *     ordered; empty for none
   * @param asymmetric Weka range of two-valued nominal attributes that are asymmetric binary;
   *     empty for none
   */
  public static MixedConverter fit(Instances data, String ordinal, String asymmetric) {
    return fit(data, ordinal, asymmetric, "first-last", false);
  }

  /**
   * As {@link #fit(Instances, String, String)}, using only the attributes in {@code selected}
   * (a Weka range; {@code invert} to use all others). Attributes left out may be of any type.
   */
  public static MixedConverter fit(Instances data, String ordinal, String asymmetric, String selected, boolean invert) {
    if (data == null) {
      throw new IllegalArgumentException("no training data given (null)");
    }
    Range ord = range(ordinal, data, "ordinal", false);
    Range asym = range(asymmetric, data, "asymmetric", false);
    Range use = range(selected, data, "attribute indices", invert);
    List<Integer> src = new ArrayList<>();
    List<ColumnType> t = new ArrayList<>();
    List<Integer> lv = new ArrayList<>();
    List<String> nm = new ArrayList<>();
    for (int a = 0; a < data.numAttributes(); a++) {
      if (a == data.classIndex() || !use.isInRange(a)) {
        continue;
      }
      Attribute att = data.attribute(a);
      ColumnType type;
      if (att.isNumeric()) {
        type = ColumnType.NUMERIC;
      } else if (att.isNominal()) {
        if (asym.isInRange(a)) {
          if (att.numValues() != 2) {
            throw new IllegalArgumentException("attribute '" + att.name() + "' is listed as asymmetric binary but has "
                + att.numValues() + " values; asymmetric binary attributes need exactly two (the first means absent)");
          }
          type = ColumnType.ASYMMETRIC_BINARY;
        } else {
          type = ord.isInRange(a) ? ColumnType.ORDINAL : ColumnType.NOMINAL;
        }
      } else {
        throw new IllegalArgumentException("attribute '" + att.name() + "' is a " + Attribute.typeToString(att)
            + " attribute; mixed-type components use numeric and nominal attributes: remove it (Remove, RemoveType)"
            + " or convert it (StringToNominal) first");
      }
      src.add(a);
      t.add(type);
      lv.add(att.isNominal() ? Math.max(1, att.numValues()) : 0);
      nm.add(att.name());
    }
    if (src.isEmpty()) {
      throw new IllegalArgumentException("no usable attribute: the data has no numeric or nominal attribute besides the class");
    }
    int[] s = src.stream().mapToInt(Integer::intValue).toArray();
    int[] l = lv.stream().mapToInt(Integer::intValue).toArray();
    return new MixedConverter(new Instances(data, 0), s, t.toArray(new ColumnType[0]), l, nm.toArray(new String[0]));
  }

  private static Range range(String spec, Instances data, String what, boolean invert) {
    Range r = new Range();
    r.setInvert(invert);
    try {
      r.setRanges(spec == null ? "" : spec.trim());
      r.setUpper(data.numAttributes() - 1);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the " + what + " attribute range '" + spec + "' is not valid for "
          + data.numAttributes() + " attributes: " + e.getMessage(), e);
    }
    return r;
  }

  /** Capabilities of the mixed path: numeric, date and nominal attributes, missing values, any class. */
  public static Capabilities capabilities(Object owner) {
    Capabilities c = new Capabilities(owner instanceof weka.core.CapabilitiesHandler
        ? (weka.core.CapabilitiesHandler) owner : null);
    c.disableAll();
    c.enable(Capability.NUMERIC_ATTRIBUTES);
    c.enable(Capability.DATE_ATTRIBUTES);
    c.enable(Capability.NOMINAL_ATTRIBUTES);
    c.enable(Capability.BINARY_ATTRIBUTES);
    c.enable(Capability.UNARY_ATTRIBUTES);
    c.enable(Capability.EMPTY_NOMINAL_ATTRIBUTES);
    c.enable(Capability.MISSING_VALUES);
    c.enable(Capability.NO_CLASS);
    c.enable(Capability.NOMINAL_CLASS);
    c.enable(Capability.NUMERIC_CLASS);
    c.enable(Capability.DATE_CLASS);
    c.enable(Capability.STRING_CLASS);
    c.enable(Capability.MISSING_CLASS_VALUES);
    c.setMinimumNumberInstances(1);
    return c;
  }

  /** Converts all rows (missing values as NaN; instance weights kept). */
  public MixedTable convert(Instances data) {
    if (data.numInstances() == 0) {
      throw new IllegalArgumentException("the training data has no instances: cannot cluster an empty data set");
    }
    String why = header.equalHeadersMsg(data);
    if (why != null) {
      throw new IllegalArgumentException("the data does not have the attributes the model was trained on: " + why);
    }
    int n = data.numInstances();
    int m = source.length;
    double[] v = new double[n * m];
    double[] w = new double[n];
    boolean weighted = false;
    for (int i = 0; i < n; i++) {
      Instance inst = data.instance(i);
      write(inst, i, v, i * m);
      w[i] = inst.weight();
      weighted |= w[i] != 1.0;
    }
    return MixedTable.of(v, n, types, levels, names, weighted ? w : null);
  }

  /** One (new) instance as a row in the table's layout. */
  public double[] vector(Instance inst) {
    double[] out = new double[source.length];
    write(inst, -1, out, 0);
    return out;
  }

  private void write(Instance inst, int row, double[] out, int off) {
    for (int u = 0; u < source.length; u++) {
      double x = inst.isMissing(source[u]) ? Double.NaN : inst.value(source[u]);
      if (Double.isInfinite(x)) {
        throw new IllegalArgumentException("infinite value in " + (row >= 0 ? "row " + (row + 1) + ", " : "")
            + "attribute '" + names[u] + "': replace or remove infinite values first");
      }
      out[off + u] = x;
    }
  }

  /** Number of columns. */
  public int columns() {
    return source.length;
  }

  /** Column types (a copy). */
  public ColumnType[] types() {
    return types.clone();
  }

  /** Column names (a copy). */
  public String[] names() {
    return names.clone();
  }

  /** The Weka attribute behind column {@code u}. */
  public Attribute attribute(int u) {
    return header.attribute(source[u]);
  }

  /** A readable cell value: the number, the nominal label, or "?" when missing. */
  public String format(int u, double value) {
    if (Double.isNaN(value)) {
      return "?";
    }
    Attribute att = attribute(u);
    if (att.isNominal()) {
      return att.value((int) value);
    }
    return weka.core.Utils.doubleToString(value, 6);
  }

  /** The training header (no rows). */
  public Instances header() {
    return header;
  }
}
