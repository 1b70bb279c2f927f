package clusterlab.cli;

import clusterlab.report.DataAudit;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import weka.core.Attribute;
import weka.core.Instances;
import weka.core.converters.ConverterUtils.DataSource;

/**
 * The report's input: the data file read by Weka, the class attribute resolved, and the checks that
 * stop a report before anything is written, each message naming the file, the attribute or the
 * option and saying what to do.
 */
final class ReportInput {

  final String path;
  final Instances data;
  /** Index of the class attribute, or -1. */
  final int classIndex;
  /** The first string attribute, used to label rows (dendrogram leaves), or -1. */
  final int labelAttribute;
  /**
   * The string attribute holding the documents when the data is a text corpus (a string attribute and no
   * numeric one besides the class), or -1: the report then clusters the documents' topic proportions.
   */
  final int textAttribute;

  private ReportInput(String path, Instances data, int classIndex, int labelAttribute, int textAttribute) {
    this.path = path;
    this.data = data;
    this.classIndex = classIndex;
    this.labelAttribute = labelAttribute;
    this.textAttribute = textAttribute;
  }

  /** Reads and checks {@code path}; {@code classSpec} is first, last, a 1-based index, a name or empty. */
  static ReportInput read(String path, String classSpec) {
    File f = new File(path);
    if (!f.isFile()) {
      throw new IllegalArgumentException("data file not found: " + f.getAbsolutePath()
          + " (-t): give the path of an ARFF or CSV file, or leave -t out to use the bundled data");
    }
    Instances data;
    try {
      data = DataSource.read(path);
    } catch (Exception e) {
      throw new IllegalArgumentException("cannot read " + path + " (-t) as data: " + firstLine(e)
          + ". Give an ARFF or CSV file (or any format Weka's loaders read, chosen by the file extension)", e);
    }
    if (data == null) {
      throw new IllegalArgumentException("cannot read " + path + " (-t): Weka has no loader for its extension; "
          + "give an .arff or .csv file");
    }
    int cls = classSpec.isEmpty() ? -1 : attributeIndex(data, classSpec, path);
    data.setClassIndex(cls);
    boolean numeric = check(data, path, cls);
    int label = -1;
    for (int j = 0; j < data.numAttributes() && label < 0; j++) {
      if (j != cls && data.attribute(j).isString()) {
        label = j;
      }
    }
    // a corpus: its string attribute is the documents, far too long to label dendrogram leaves
    return numeric ? new ReportInput(path, data, cls, label, -1) : new ReportInput(path, data, cls, -1, label);
  }

  private static String firstLine(Exception e) {
    String m = e.getMessage() == null ? e.toString() : e.getMessage();
    int nl = m.indexOf('\n');
    return nl > 0 ? m.substring(0, nl) : m;
  }

  /** Whether the data has a numeric attribute besides the class (false: a text corpus, checked to have a string one). */
  private static boolean check(Instances data, String path, int cls) {
    if (data.numInstances() < 3) {
      throw new IllegalArgumentException(path + " has " + data.numInstances() + " row" + (data.numInstances() == 1 ? "" : "s")
          + "; a clustering report needs at least 3 rows (better dozens): give a larger data set");
    }
    List<String> empty = new ArrayList<>();
    boolean numeric = false;
    boolean text = false;
    for (int j = 0; j < data.numAttributes(); j++) {
      if (j == cls) {
        continue;
      }
      Attribute a = data.attribute(j);
      if (data.attributeStats(j).missingCount == data.numInstances()) {
        empty.add(a.name() + " (attribute " + (j + 1) + ")");
      } else if (a.isNumeric()) {
        numeric = true;
      } else if (a.isString()) {
        text = true;
      }
    }
    if (!empty.isEmpty()) {
      throw new IllegalArgumentException(path + ": " + String.join(", ", empty) + (empty.size() == 1 ? " has" : " have")
          + " no value in any row; remove " + (empty.size() == 1 ? "it" : "them")
          + " (java weka.Run weka.filters.unsupervised.attribute.Remove -R <index> -i in.arff -o out.arff) and run again");
    }
    if (!numeric && !text) {
      throw new IllegalArgumentException(path + " has no numeric attribute besides the class; the report clusters "
          + "numeric data (nominal attributes are one-hot encoded beside them) or the documents of a string "
          + "attribute (by their topics). For nominal-only data use "
          + "weka.clusterers.centroid.KMedoids with weka.core.GowerDistance, or convert with NominalToBinary first");
    }
    return numeric;
  }

  /** first, last, a 1-based index or a name. */
  static int attributeIndex(Instances data, String spec, String path) {
    if (spec.equalsIgnoreCase("first")) {
      return 0;
    }
    if (spec.equalsIgnoreCase("last")) {
      return data.numAttributes() - 1;
    }
    try {
      int i = Integer.parseInt(spec);
      if (i < 1 || i > data.numAttributes()) {
        throw new IllegalArgumentException("-c " + spec + ": " + path + " has attributes 1.." + data.numAttributes());
      }
      return i - 1;
    } catch (NumberFormatException e) {
      Attribute a = data.attribute(spec);
      if (a == null) {
        throw new IllegalArgumentException("-c " + spec + ": " + path + " has no attribute of that name; give first, "
            + "last, a 1-based index or one of its attribute names");
      }
      return a.index();
    }
  }

  /** The columns as the audit reads them (NaN for missing). */
  DataAudit audit() {
    int d = data.numAttributes();
    List<String> names = new ArrayList<>();
    List<DataAudit.Kind> kinds = new ArrayList<>();
    List<double[]> values = new ArrayList<>();
    for (int j = 0; j < d; j++) {
      if (j == classIndex) {
        continue;
      }
      Attribute a = data.attribute(j);
      names.add(a.name());
      kinds.add(a.isNumeric() ? DataAudit.Kind.NUMERIC : a.isNominal() ? DataAudit.Kind.NOMINAL
          : a.isString() ? DataAudit.Kind.STRING : DataAudit.Kind.OTHER);
      double[] v = data.attributeToDoubleArray(j);
      for (int i = 0; i < v.length; i++) {
        if (data.instance(i).isMissing(j)) {
          v[i] = Double.NaN;
        }
      }
      values.add(v);
    }
    return DataAudit.of(names.toArray(new String[0]), kinds.toArray(new DataAudit.Kind[0]), values.toArray(new double[0][]));
  }

  /** Row labels from the string attribute, or null. */
  String[] rowLabels() {
    if (labelAttribute < 0) {
      return null;
    }
    String[] l = new String[data.numInstances()];
    for (int i = 0; i < l.length; i++) {
      l[i] = data.instance(i).isMissing(labelAttribute) ? null : data.instance(i).stringValue(labelAttribute);
    }
    return l;
  }
}
