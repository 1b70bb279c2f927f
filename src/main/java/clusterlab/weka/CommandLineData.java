package clusterlab.weka;

import java.io.File;
import weka.core.Instances;
import weka.core.converters.ConverterUtils.DataSource;

/**
 * Reading the data file and resolving attribute arguments for the command-line tools
 * ({@code ClusterQuality}, {@code ClusterCharts}, {@code ClusterProfile}), with messages that name
 * the option, the file and what to give instead.
 */
public final class CommandLineData {

  private CommandLineData() {
  }

  /** Reads the file given with {@code -t}. */
  public static Instances read(String file) {
    if (file == null || file.isEmpty()) {
      throw new IllegalArgumentException("no data: give a data file with -t <file>");
    }
    File in = new File(file);
    if (!in.isFile()) {
      throw new IllegalArgumentException("data file not found: " + in.getAbsolutePath()
          + " (-t): give the path of an ARFF, CSV or other file Weka reads");
    }
    Instances data;
    try {
      data = DataSource.read(file);
    } catch (Exception e) {
      throw new IllegalArgumentException("cannot read data file " + file + " (-t): " + e.getMessage(), e);
    }
    if (data == null) {
      throw new IllegalArgumentException("cannot read data file " + file + " (-t): Weka has no loader for it");
    }
    return data;
  }

  /**
   * The 0-based index of the attribute given as a 1-based index, "first", "last" or a name.
   *
   * @param option the option that gave it, for the message ("-c", "-label-attribute")
   */
  public static int attributeIndex(Instances data, String spec, String option) {
    if (spec.equalsIgnoreCase("first")) {
      return 0;
    }
    if (spec.equalsIgnoreCase("last")) {
      return data.numAttributes() - 1;
    }
    try {
      int i = Integer.parseInt(spec);
      if (i < 1 || i > data.numAttributes()) {
        throw new IllegalArgumentException(option + ": attribute index " + i + " out of range 1.." + data.numAttributes());
      }
      return i - 1;
    } catch (NumberFormatException e) {
      if (data.attribute(spec) == null) {
        throw new IllegalArgumentException(option + ": no attribute '" + spec
            + "'; give an index (1-based), first, last or a name");
      }
      return data.attribute(spec).index();
    }
  }
}
