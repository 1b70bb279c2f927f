package weka.clusterers.evaluation;

import clusterlab.core.profile.PAdjust;
import clusterlab.core.profile.ProfileWriter;
import clusterlab.weka.CommandLineData;
import clusterlab.weka.ProfileSupport;
import clusterlab.weka.QualitySupport;
import clusterlab.weka.StrictOptions;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Vector;
import weka.clusterers.AbstractClusterer;
import weka.clusterers.Clusterer;
import weka.core.Instances;
import weka.core.Option;
import weka.core.OptionMetadata;
import weka.core.TechnicalInformation;
import weka.core.TechnicalInformationHandler;
import weka.core.Utils;

/**
 * Command-line cluster profiles: who is in each segment. Trains a clusterer (or reads an existing
 * labelling) and describes every segment against the rest of the data with
 * {@link clusterlab.core.profile.ClusterProfiler} and J48 surrogate rules, as text, CSV or JSON.
 * Run it with {@code java weka.Run ClusterProfile -t data.arff -W <clusterer> -- <its options>}.
 */
public class ClusterProfile extends clusterlab.weka.CommandLineTool implements TechnicalInformationHandler {

  private String trainFile = "";
  private String classIndex = "";
  private String clustererSpec = DEFAULT_CLUSTERER;
  private String[] clustererOptions = new String[0];
  private String labelAttribute = "";
  private String ordinal = "";
  private PAdjust correction = PAdjust.HOLM;
  private double alpha = clusterlab.core.profile.ClusterProfile.ALPHA;
  private int top = clusterlab.core.profile.ClusterProfile.TOP;
  private boolean noTrees;
  private double treeConfidence = 0.25;
  private int treeMinLeaf;
  private int numThreads;
  private String output = "";
  private boolean csv;
  private boolean json;

  private static final String DEFAULT_CLUSTERER = "weka.clusterers.centroid.KPrototypes";

  @Override
  public String globalInfo() {
    return "Describes each segment of a clustering against the rest of the data, in numbers and in plain words. "
        + "It trains the clusterer given with -W (class attribute removed; default KPrototypes, which takes numeric and "
        + "nominal attributes with missing values), or reads an existing labelling (-label-attribute), then reports "
        + "for every segment its size and share; for numeric attributes the mean and median against the rest and "
        + "overall, the difference in overall standard deviations, Cohen's d and Welch's t-test; for nominal ones the "
        + "over-represented values with their lift, Cramer's V and a chi-square test; all p-values corrected together "
        + "(Holm by default); the most distinguishing attributes in one sentence per segment; and a J48 one-vs-rest "
        + "decision tree per segment read as rules, with its fidelity. Output as text, -csv or -json.\n\n"
        + "For more information see:\n" + getTechnicalInformation().toString();
  }

  @Override
  public TechnicalInformation getTechnicalInformation() {
    TechnicalInformation t = new TechnicalInformation(TechnicalInformation.Type.BOOK);
    t.setValue(TechnicalInformation.Field.AUTHOR, "Jacob Cohen");
    t.setValue(TechnicalInformation.Field.TITLE, "Statistical Power Analysis for the Behavioral Sciences (2nd ed.)");
    t.setValue(TechnicalInformation.Field.PUBLISHER, "Lawrence Erlbaum");
    t.setValue(TechnicalInformation.Field.YEAR, "1988");
    TechnicalInformation h = t.add(TechnicalInformation.Type.ARTICLE);
    h.setValue(TechnicalInformation.Field.AUTHOR, "Sture Holm");
    h.setValue(TechnicalInformation.Field.TITLE, "A simple sequentially rejective multiple test procedure");
    h.setValue(TechnicalInformation.Field.JOURNAL, "Scandinavian Journal of Statistics");
    h.setValue(TechnicalInformation.Field.VOLUME, "6");
    h.setValue(TechnicalInformation.Field.PAGES, "65-70");
    h.setValue(TechnicalInformation.Field.YEAR, "1979");
    TechnicalInformation q = t.add(TechnicalInformation.Type.BOOK);
    q.setValue(TechnicalInformation.Field.AUTHOR, "J. Ross Quinlan");
    q.setValue(TechnicalInformation.Field.TITLE, "C4.5: Programs for Machine Learning");
    q.setValue(TechnicalInformation.Field.PUBLISHER, "Morgan Kaufmann");
    q.setValue(TechnicalInformation.Field.YEAR, "1993");
    return t;
  }

  @Override
  public Enumeration<Option> listOptions() {
    Vector<Option> v = new Vector<>();
    v.add(new Option("\tData file (any format Weka reads).", "t", 1, "-t <file>"));
    v.add(new Option("\tClass attribute (index, first or last): removed before clustering and not profiled.", "c", 1,
        "-c <index|first|last>"));
    v.add(new Option("\tClusterer to train, options after --. (default " + DEFAULT_CLUSTERER + ")", "W", 1,
        "-W <class name>"));
    for (Enumeration<Option> e = annotatedOptions(); e.hasMoreElements();) {
      v.add(e.nextElement());
    }
    return v.elements();
  }

  private Enumeration<Option> annotatedOptions() {
    return weka.core.Option.listOptionsForClassHierarchy(getClass(), Object.class).elements();
  }

  /**
   * Strict parsing ({@link StrictOptions}): a bad value fails naming its option; the clusterer's own
   * options follow {@code --}.
   */
  @Override
  public void setOptions(String[] options) throws Exception {
    String w = Utils.getOption('W', options);
    clustererSpec = w.isEmpty() ? DEFAULT_CLUSTERER : w;
    trainFile = Utils.getOption('t', options);
    classIndex = Utils.getOption('c', options);
    StrictOptions.applyAnnotated(options, this, Object.class);
    if (csv && json) {
      throw new IllegalArgumentException("choose one output format: -csv or -json, not both");
    }
    clustererOptions = Utils.partitionOptions(options);
    Utils.checkForRemainingOptions(options);
  }

  @Override
  public String[] getOptions() {
    List<String> o = new ArrayList<>();
    if (!trainFile.isEmpty()) {
      Collections.addAll(o, "-t", trainFile);
    }
    if (!classIndex.isEmpty()) {
      Collections.addAll(o, "-c", classIndex);
    }
    if (!labelAttribute.isEmpty()) {
      Collections.addAll(o, "-label-attribute", labelAttribute);
    }
    if (!ordinal.isEmpty()) {
      Collections.addAll(o, "-ordinal", ordinal);
    }
    Collections.addAll(o, "-correction", correction.id(), "-alpha", "" + alpha, "-top", "" + top,
        "-tree-confidence", "" + treeConfidence, "-tree-min-leaf", "" + treeMinLeaf, "-num-threads", "" + numThreads);
    if (noTrees) {
      o.add("-no-trees");
    }
    if (!output.isEmpty()) {
      Collections.addAll(o, "-o", output);
    }
    if (csv) {
      o.add("-csv");
    }
    if (json) {
      o.add("-json");
    }
    Collections.addAll(o, "-W", clustererSpec);
    if (clustererOptions.length > 0) {
      o.add("--");
      o.addAll(Arrays.asList(clustererOptions));
    }
    return o.toArray(new String[0]);
  }

  public String getDataFile() {
    return trainFile;
  }

  public void setDataFile(String f) {
    trainFile = f == null ? "" : f;
  }

  public String getClassAttribute() {
    return classIndex;
  }

  public void setClassAttribute(String c) {
    classIndex = c == null ? "" : c;
  }

  /** The clusterer (class name), trained unless a label attribute is given. */
  public String getClusterer() {
    return clustererSpec;
  }

  public void setClusterer(String spec, String... options) {
    clustererSpec = spec;
    clustererOptions = options.clone();
  }

  @OptionMetadata(displayName = "labelAttribute", description = "Profile an existing labelling held in this attribute "
      + "(index, first, last or name; -1, missing or 'noise' = noise) instead of training a clusterer.",
      commandLineParamName = "label-attribute", commandLineParamSynopsis = "-label-attribute <att>", displayOrder = 1)
  public String getLabelAttribute() {
    return labelAttribute;
  }

  public void setLabelAttribute(String a) {
    labelAttribute = a == null ? "" : a;
  }

  @OptionMetadata(displayName = "ordinal", description = "Nominal attributes whose values are ordered (a range of "
      + "attribute numbers of the data, e.g. 1,4-5): profiled with their median value.",
      commandLineParamName = "ordinal", commandLineParamSynopsis = "-ordinal <range>", displayOrder = 2)
  public String getOrdinal() {
    return ordinal;
  }

  public void setOrdinal(String r) {
    ordinal = clusterlab.weka.AttributeRanges.check("ordinal", r);
  }

  @OptionMetadata(displayName = "correction", description = "Multiple-testing correction of the p-values: holm, bh "
      + "(Benjamini-Hochberg), bonferroni or none. (default holm)", commandLineParamName = "correction",
      commandLineParamSynopsis = "-correction <holm|bh|bonferroni|none>", displayOrder = 3)
  public String getCorrection() {
    return correction.id();
  }

  public void setCorrection(String c) {
    correction = PAdjust.byId(c);
  }

  @OptionMetadata(displayName = "alpha", description = "Significance level of the corrected p-values. (default 0.05)",
      commandLineParamName = "alpha", commandLineParamSynopsis = "-alpha <number>", displayOrder = 4)
  public double getAlpha() {
    return alpha;
  }

  public void setAlpha(double a) {
    alpha = ProfileSupport.alpha(a);
  }

  @OptionMetadata(displayName = "top", description = "Distinguishing attributes named per segment. (default 3)",
      commandLineParamName = "top", commandLineParamSynopsis = "-top <int>", displayOrder = 5)
  public int getTop() {
    return top;
  }

  public void setTop(int t) {
    clusterlab.core.Check.atLeast("top", t, 1);
    top = t;
  }

  @OptionMetadata(displayName = "noTrees", description = "Skip the J48 surrogate trees.", commandLineParamName = "no-trees",
      commandLineParamSynopsis = "-no-trees", commandLineParamIsFlag = true, displayOrder = 6)
  public boolean getNoTrees() {
    return noTrees;
  }

  public void setNoTrees(boolean b) {
    noTrees = b;
  }

  @OptionMetadata(displayName = "treeConfidence", description = "J48 pruning confidence of the surrogate trees "
      + "(smaller prunes more). (default 0.25)", commandLineParamName = "tree-confidence",
      commandLineParamSynopsis = "-tree-confidence <number>", displayOrder = 7)
  public double getTreeConfidence() {
    return treeConfidence;
  }

  public void setTreeConfidence(double c) {
    treeConfidence = ProfileSupport.treeConfidence(c);
  }

  @OptionMetadata(displayName = "treeMinLeaf", description = "Minimum rows per leaf of the surrogate trees (0 = 1% of "
      + "the rows, at least 2). (default 0)", commandLineParamName = "tree-min-leaf",
      commandLineParamSynopsis = "-tree-min-leaf <int>", displayOrder = 8)
  public int getTreeMinLeaf() {
    return treeMinLeaf;
  }

  public void setTreeMinLeaf(int m) {
    clusterlab.core.Check.atLeast("treeMinLeaf", m, 0);
    treeMinLeaf = m;
  }

  @OptionMetadata(displayName = "numThreads", description = "Worker threads for the contrasts and the trees (0 = all "
      + "cores). (default 0)", commandLineParamName = "num-threads", commandLineParamSynopsis = "-num-threads <int>",
      displayOrder = 9)
  public int getNumThreads() {
    return numThreads;
  }

  public void setNumThreads(int n) {
    numThreads = n;
  }

  @OptionMetadata(displayName = "output", description = "Write the profile to this file instead of the console.",
      commandLineParamName = "o", commandLineParamSynopsis = "-o <file>", displayOrder = 10)
  public String getOutput() {
    return output;
  }

  public void setOutput(String f) {
    output = f == null ? "" : f;
  }

  @OptionMetadata(displayName = "csv", description = "Write the profile as CSV.", commandLineParamName = "csv",
      commandLineParamSynopsis = "-csv", commandLineParamIsFlag = true, displayOrder = 11)
  public boolean getCsv() {
    return csv;
  }

  public void setCsv(boolean b) {
    csv = b;
  }

  @OptionMetadata(displayName = "json", description = "Write the profile as JSON.", commandLineParamName = "json",
      commandLineParamSynopsis = "-json", commandLineParamIsFlag = true, displayOrder = 12)
  public boolean getJson() {
    return json;
  }

  public void setJson(boolean b) {
    json = b;
  }

  @Override
  protected void execute(PrintStream out) throws Exception {
    profile(out);
  }

  /** Clusters (or reads the labels), profiles, and prints or writes the result. */
  public void profile(PrintStream out) throws Exception {
    Instances data = CommandLineData.read(trainFile);
    if (!classIndex.isEmpty()) {
      data.setClassIndex(CommandLineData.attributeIndex(data, classIndex, "-c"));
    }
    ProfileSupport.Settings s = settings();
    int[] labels;
    String scheme;
    int exclude = -1;
    if (!labelAttribute.isEmpty()) {
      int att = CommandLineData.attributeIndex(data, labelAttribute, "-label-attribute");
      if (att == data.classIndex()) {
        throw new IllegalArgumentException("the label attribute cannot also be the class (-c)");
      }
      labels = QualitySupport.labelsFromAttribute(data, att);
      exclude = att;
      scheme = "labels of attribute " + data.attribute(att).name();
    } else {
      Clusterer clusterer = AbstractClusterer.forName(clustererSpec, clustererOptions.clone());
      Instances train = QualitySupport.withoutClass(data);
      clusterer.buildClusterer(train);
      labels = QualitySupport.assign(clusterer, train);
      scheme = clustererSpec + " " + Utils.joinOptions(clustererOptions);
    }
    clusterlab.core.profile.ClusterProfile profile = ProfileSupport.profile(data, labels, s, exclude);
    ProfileWriter w = new ProfileWriter(profile, alpha, top);
    String text = csv ? w.csv() : json ? w.json() : "=== Run information ===\n\nScheme:    " + scheme.trim()
        + "\nRelation:  " + data.relationName() + "\nInstances: " + data.numInstances() + "\n\n" + w.text();
    if (output.isEmpty()) {
      out.print(text);
      out.flush();
    } else {
      File f = new File(output);
      if (f.getAbsoluteFile().getParentFile() != null) {
        Files.createDirectories(f.getAbsoluteFile().getParentFile().toPath());
      }
      Files.writeString(f.toPath(), text, StandardCharsets.UTF_8);
      out.println("wrote " + f.getPath());
    }
  }

  private ProfileSupport.Settings settings() {
    ProfileSupport.Settings s = new ProfileSupport.Settings();
    s.ordinal = ordinal;
    s.correction = correction;
    s.trees = !noTrees;
    s.treeConfidence = treeConfidence;
    s.treeMinLeaf = treeMinLeaf;
    s.threads = numThreads;
    return s;
  }

  /** Command line: prints the profile, or the error and exits with status 1. */
  public static void main(String[] args) {
    main(new ClusterProfile(), args);
  }
}
