package clusterlab.weka;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Vector;
import weka.core.Instances;
import weka.core.Option;
import weka.core.OptionMetadata;
import weka.core.Utils;

/**
 * The base of the command-line tools that judge a clustering of one data file
 * ({@code ClusterQuality}, {@code ClusterProfile}): they read {@code -t} (with the class {@code -c}),
 * train the clusterer named by {@code -W} with its own options after {@code --}, or read an
 * existing labelling ({@code -label-attribute}), use {@code -num-threads} worker threads and print
 * text, {@code -csv} or {@code -json}.
 *
 * <p>The options are the tool's {@code @OptionMetadata} properties, parsed by {@link StrictOptions}
 * (a bad value fails naming its option), listed and written back from the same annotations, so the
 * help, the parser and {@code getOptions} cannot disagree; a subclass declares only its own options.
 */
public abstract class ClustererTool extends CommandLineTool {

  private String dataFile = "";
  private String classAttribute = "";
  private String labelAttribute = "";
  private String clustererSpec;
  private String[] clustererOptions = new String[0];
  private int numThreads = ThreadsOption.DEFAULT;
  private boolean csv;
  private boolean json;

  /** The clusterer trained when {@code -W} is not given. */
  protected abstract String defaultClusterer();

  /** The options, from the annotations, with {@code -W} and the clusterer's own options. */
  @Override
  public Enumeration<Option> listOptions() {
    Vector<Option> v = new Vector<>(StrictOptions.listAnnotated(getClass(), CommandLineTool.class));
    v.add(new Option("\tClusterer to train, its options after --. (default " + defaultClusterer() + ")", "W", 1,
        "-W <class name>"));
    return v.elements();
  }

  /**
   * Strict parsing ({@link StrictOptions}): a bad value fails naming its option (-S abc, -B x)
   * instead of a bare NumberFormatException; the clusterer's own options follow {@code --}.
   */
  @Override
  public void setOptions(String[] options) throws Exception {
    String w = Utils.getOption('W', options);
    StrictOptions.applyAnnotated(options, this, CommandLineTool.class);
    if (csv && json) {
      throw new IllegalArgumentException("choose one output format: -csv or -json, not both");
    }
    clustererSpec = w.isEmpty() ? null : w;
    clustererOptions = Utils.partitionOptions(options);
    Utils.checkForRemainingOptions(options);
  }

  /** The settings as {@link #setOptions} reads them back. */
  @Override
  public String[] getOptions() {
    List<String> o = new ArrayList<>(StrictOptions.getAnnotated(this, CommandLineTool.class));
    Collections.addAll(o, "-W", getClusterer());
    if (clustererOptions.length > 0) {
      o.add("--");
      o.addAll(Arrays.asList(clustererOptions));
    }
    return o.toArray(new String[0]);
  }

  /** Reads {@code -t} and sets the class given by {@code -c}. */
  protected Instances readData() throws Exception {
    Instances data = CommandLineData.read(dataFile);
    if (!classAttribute.isEmpty()) {
      data.setClassIndex(CommandLineData.attributeIndex(data, classAttribute, "-c"));
    }
    return data;
  }

  /** The clusterer (class name), trained unless a label attribute is given. */
  public String getClusterer() {
    return clustererSpec == null ? defaultClusterer() : clustererSpec;
  }

  /** Sets the clusterer to train and its options. */
  public void setClusterer(String spec, String... options) {
    clustererSpec = spec;
    clustererOptions = options.clone();
  }

  /** The clusterer's own options (a copy). */
  protected String[] clustererOptions() {
    return clustererOptions.clone();
  }

  /** The output format: text, csv or json. */
  protected String format() {
    return csv ? "csv" : json ? "json" : "text";
  }

  /** The thread count ({@code <= 0}: all cores). */
  protected int threads() {
    return numThreads;
  }

  @OptionMetadata(displayName = "dataFile", description = "Data file (any format Weka reads).",
      commandLineParamName = "t", commandLineParamSynopsis = "-t <file>", displayOrder = 1)
  public String getDataFile() {
    return dataFile;
  }

  public void setDataFile(String f) {
    dataFile = f == null ? "" : f;
  }

  @OptionMetadata(displayName = "classAttribute", description = "Class attribute (index, first or last): removed "
      + "before clustering, so the clusters are found without it.",
      commandLineParamName = "c", commandLineParamSynopsis = "-c <index|first|last>", displayOrder = 2)
  public String getClassAttribute() {
    return classAttribute;
  }

  public void setClassAttribute(String c) {
    classAttribute = c == null ? "" : c;
  }

  @OptionMetadata(displayName = "labelAttribute", description = "Use an existing labelling held in this attribute "
      + "(index, first, last or name; -1, missing or 'noise' = noise) instead of training a clusterer.",
      commandLineParamName = "label-attribute", commandLineParamSynopsis = "-label-attribute <att>", displayOrder = 3)
  public String getLabelAttribute() {
    return labelAttribute;
  }

  public void setLabelAttribute(String a) {
    labelAttribute = a == null ? "" : a;
  }

  @OptionMetadata(displayName = ThreadsOption.DISPLAY_NAME, description = ThreadsOption.DESCRIPTION,
      commandLineParamName = ThreadsOption.NAME, commandLineParamSynopsis = ThreadsOption.SYNOPSIS,
      displayOrder = ThreadsOption.DISPLAY_ORDER)
  public int getNumThreads() {
    return numThreads;
  }

  public void setNumThreads(int n) {
    numThreads = n;
  }

  @OptionMetadata(displayName = "csv", description = "Print CSV instead of the text report.",
      commandLineParamName = "csv", commandLineParamSynopsis = "-csv", commandLineParamIsFlag = true, displayOrder = 90)
  public boolean getCsv() {
    return csv;
  }

  public void setCsv(boolean b) {
    csv = b;
  }

  @OptionMetadata(displayName = "json", description = "Print JSON instead of the text report.",
      commandLineParamName = "json", commandLineParamSynopsis = "-json", commandLineParamIsFlag = true, displayOrder = 91)
  public boolean getJson() {
    return json;
  }

  public void setJson(boolean b) {
    json = b;
  }
}
