package weka.clusterers.evaluation;

import clusterlab.core.profile.PAdjust;
import clusterlab.core.profile.ProfileWriter;
import clusterlab.weka.ClustererTool;
import clusterlab.weka.CommandLineData;
import clusterlab.weka.ProfileSupport;
import clusterlab.weka.QualitySupport;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import weka.clusterers.AbstractClusterer;
import weka.clusterers.Clusterer;
import weka.core.Instances;
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
public class ClusterProfile extends ClustererTool implements TechnicalInformationHandler {

  private String ordinal = "";
  private PAdjust correction = PAdjust.HOLM;
  private double alpha = clusterlab.core.profile.ClusterProfile.ALPHA;
  private int top = clusterlab.core.profile.ClusterProfile.TOP;
  private boolean noTrees;
  private double treeConfidence = 0.25;
  private int treeMinLeaf;
  private String output = "";

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
  protected String defaultClusterer() {
    return DEFAULT_CLUSTERER;
  }

  @OptionMetadata(displayName = "ordinal", description = "Nominal attributes whose values are ordered (a range of "
      + "attribute numbers of the data, e.g. 1,4-5): profiled with their median value.",
      commandLineParamName = "ordinal", commandLineParamSynopsis = "-ordinal <range>", displayOrder = 4)
  public String getOrdinal() {
    return ordinal;
  }

  public void setOrdinal(String r) {
    ordinal = clusterlab.weka.AttributeRanges.check("ordinal", r);
  }

  @OptionMetadata(displayName = "correction", description = "Multiple-testing correction of the p-values: holm, bh "
      + "(Benjamini-Hochberg), bonferroni or none. (default holm)", commandLineParamName = "correction",
      commandLineParamSynopsis = "-correction <holm|bh|bonferroni|none>", displayOrder = 5)
  public String getCorrection() {
    return correction.id();
  }

  public void setCorrection(String c) {
    correction = PAdjust.byId(c);
  }

  @OptionMetadata(displayName = "alpha", description = "Significance level of the corrected p-values. (default 0.05)",
      commandLineParamName = "alpha", commandLineParamSynopsis = "-alpha <number>", displayOrder = 6)
  public double getAlpha() {
    return alpha;
  }

  public void setAlpha(double a) {
    alpha = ProfileSupport.alpha(a);
  }

  @OptionMetadata(displayName = "top", description = "Distinguishing attributes named per segment. (default 3)",
      commandLineParamName = "top", commandLineParamSynopsis = "-top <int>", displayOrder = 7)
  public int getTop() {
    return top;
  }

  public void setTop(int t) {
    clusterlab.core.Check.atLeast("top", t, 1);
    top = t;
  }

  @OptionMetadata(displayName = "noTrees", description = "Skip the J48 surrogate trees.", commandLineParamName = "no-trees",
      commandLineParamSynopsis = "-no-trees", commandLineParamIsFlag = true, displayOrder = 8)
  public boolean getNoTrees() {
    return noTrees;
  }

  public void setNoTrees(boolean b) {
    noTrees = b;
  }

  @OptionMetadata(displayName = "treeConfidence", description = "J48 pruning confidence of the surrogate trees "
      + "(smaller prunes more). (default 0.25)", commandLineParamName = "tree-confidence",
      commandLineParamSynopsis = "-tree-confidence <number>", displayOrder = 9)
  public double getTreeConfidence() {
    return treeConfidence;
  }

  public void setTreeConfidence(double c) {
    treeConfidence = ProfileSupport.treeConfidence(c);
  }

  @OptionMetadata(displayName = "treeMinLeaf", description = "Minimum rows per leaf of the surrogate trees (0 = 1% of "
      + "the rows, at least 2). (default 0)", commandLineParamName = "tree-min-leaf",
      commandLineParamSynopsis = "-tree-min-leaf <int>", displayOrder = 10)
  public int getTreeMinLeaf() {
    return treeMinLeaf;
  }

  public void setTreeMinLeaf(int m) {
    clusterlab.core.Check.atLeast("treeMinLeaf", m, 0);
    treeMinLeaf = m;
  }

  @OptionMetadata(displayName = "output", description = "Write the profile to this file instead of the console.",
      commandLineParamName = "o", commandLineParamSynopsis = "-o <file>", displayOrder = 12)
  public String getOutput() {
    return output;
  }

  public void setOutput(String f) {
    output = f == null ? "" : f;
  }

  @Override
  protected void execute(PrintStream out) throws Exception {
    profile(out);
  }

  /** Clusters (or reads the labels), profiles, and prints or writes the result. */
  public void profile(PrintStream out) throws Exception {
    Instances data = readData();
    String labelAttribute = getLabelAttribute();
    String clustererSpec = getClusterer();
    String[] clustererOptions = clustererOptions();
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
    String format = format();
    String text = format.equals("csv") ? w.csv() : format.equals("json") ? w.json() : "=== Run information ===\n\nScheme:    " + scheme.trim()
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
    s.threads = threads();
    return s;
  }

  /** Command line: prints the profile, or the error and exits with status 1. */
  public static void main(String[] args) {
    main(new ClusterProfile(), args);
  }
}
