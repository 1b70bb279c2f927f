package weka.knowledgeflow.steps;

import clusterlab.core.Check;
import clusterlab.core.profile.ClusterProfile;
import clusterlab.core.profile.PAdjust;
import clusterlab.core.profile.ProfileWriter;
import clusterlab.weka.ProfileSupport;
import clusterlab.weka.QualitySupport;
import java.util.List;
import java.util.Locale;
import weka.core.Instances;
import weka.core.OptionMetadata;
import weka.gui.knowledgeflow.KFGUIConsts;
import weka.knowledgeflow.Data;
import weka.knowledgeflow.StepManager;

/**
 * KnowledgeFlow step describing the segments of a trained clusterer: takes a {@code batchClusterer}
 * connection (from the Clusterer step) and emits, per training (and test) set, the cluster profile
 * of {@link ProfileSupport} as a {@code text} connection, formatted as the readable report, CSV or
 * JSON, for a TextViewer or TextSaver.
 */
@KFStep(name = "ClusterProfiler", category = "Evaluation",
    toolTipText = "Who is in each segment: sizes, attribute contrasts with effect sizes and tests, J48 rules",
    iconPath = KFGUIConsts.BASE_ICON_PATH + "ClustererPerformanceEvaluator.gif")
public class ClusterProfiler extends clusterlab.weka.ClustererResultStep {

  private static final long serialVersionUID = 1L;

  private String ordinal = "";
  private String correction = PAdjust.HOLM.id();
  private double alpha = ClusterProfile.ALPHA;
  private int top = ClusterProfile.TOP;
  private boolean noTrees;
  private double treeConfidence = 0.25;
  private int treeMinLeaf;
  private String format = "text";
  private String outputFile = "";

  @Override
  public String globalInfo() {
    return "Describes each segment of the clusterer it receives against the rest of the data. For each cluster of the "
        + "clusterer arriving on a batchClusterer connection: size and share; numeric attributes by mean and median "
        + "against the rest, standardized difference, Cohen's d and Welch's t-test; nominal attributes by their "
        + "over-represented values with lift, Cramer's V and a chi-square test; p-values corrected together (Holm by "
        + "default); the most distinguishing attributes in one sentence; and a J48 one-vs-rest tree read as rules, with "
        + "its fidelity. Outputs the profile as text: the readable report, CSV or JSON (format).";
  }

  @OptionMetadata(displayName = "ordinal", description = "Nominal attributes whose values are ordered (a range of "
      + "attribute numbers such as 1,4-5): profiled with their median value.", displayOrder = 1)
  public String getOrdinal() {
    return ordinal;
  }

  public void setOrdinal(String r) {
    ordinal = r != null && r.contains("${") ? r.trim() : clusterlab.weka.AttributeRanges.check("ordinal", r);
  }

  @OptionMetadata(displayName = "correction", description = "Multiple-testing correction: holm, bh, bonferroni or none.",
      displayOrder = 2)
  public String getCorrection() {
    return correction;
  }

  public void setCorrection(String c) {
    correction = PAdjust.byId(c).id();
  }

  @OptionMetadata(displayName = "alpha", description = "Significance level of the corrected p-values.", displayOrder = 3)
  public double getAlpha() {
    return alpha;
  }

  public void setAlpha(double a) {
    alpha = ProfileSupport.alpha(a);
  }

  @OptionMetadata(displayName = "top", description = "Distinguishing attributes named per segment.", displayOrder = 4)
  public int getTop() {
    return top;
  }

  public void setTop(int t) {
    Check.atLeast("top", t, 1);
    top = t;
  }

  @OptionMetadata(displayName = "noTrees", description = "Skip the J48 surrogate trees.", displayOrder = 5)
  public boolean getNoTrees() {
    return noTrees;
  }

  public void setNoTrees(boolean b) {
    noTrees = b;
  }

  @OptionMetadata(displayName = "treeConfidence", description = "J48 pruning confidence of the surrogate trees (smaller "
      + "prunes more).", displayOrder = 6)
  public double getTreeConfidence() {
    return treeConfidence;
  }

  public void setTreeConfidence(double c) {
    treeConfidence = ProfileSupport.treeConfidence(c);
  }

  @OptionMetadata(displayName = "treeMinLeaf", description = "Minimum rows per leaf of the surrogate trees (0 = 1% of the "
      + "rows, at least 2).", displayOrder = 7)
  public int getTreeMinLeaf() {
    return treeMinLeaf;
  }

  public void setTreeMinLeaf(int m) {
    Check.atLeast("treeMinLeaf", m, 0);
    treeMinLeaf = m;
  }

  @OptionMetadata(displayName = "format", description = "Output: text (the readable report), csv or json.", displayOrder = 8)
  public String getFormat() {
    return format;
  }

  public void setFormat(String f) {
    String s = f == null ? "" : f.trim().toLowerCase(Locale.ROOT);
    if (!s.equals("text") && !s.equals("csv") && !s.equals("json")) {
      throw new IllegalArgumentException("format must be text, csv or json, got '" + f + "'");
    }
    format = s;
  }

  @OptionMetadata(displayName = "outputFile", description = "Also write the output to this file (environment variables "
      + "such as ${WEKA_HOME} allowed; a test set's profile goes to the same name with -test before the extension; "
      + "empty = text connection only). Unlike TextSaver it keeps the name as given, e.g. profile.csv.", displayOrder = 9)
  public String getOutputFile() {
    return outputFile;
  }

  public void setOutputFile(String f) {
    outputFile = f == null ? "" : f.trim();
  }

  @Override
  protected List<String> outputs() {
    return List.of(StepManager.CON_TEXT);
  }

  @Override
  protected void report(weka.clusterers.Clusterer clusterer, Instances set, String which, String name, int setNum,
      int maxSetNum) throws Exception {
    getStepManager().statusMessage("Cluster profile (" + which + " set " + setNum + " of " + maxSetNum + ")");
    int[] labels = QualitySupport.assign(clusterer, set);
    ProfileSupport.Settings s = new ProfileSupport.Settings();
    s.ordinal = getStepManager().environmentSubstitute(ordinal);
    s.correction = PAdjust.byId(correction);
    s.trees = !noTrees;
    s.treeConfidence = treeConfidence;
    s.treeMinLeaf = treeMinLeaf;
    s.threads = threads();
    ProfileWriter w = new ProfileWriter(ProfileSupport.profile(set, labels, s), alpha, top);
    String text = format.equals("csv") ? w.csv() : format.equals("json") ? w.json()
        : "=== Cluster profile of " + which + " instances ===\n\nScheme: " + name
            + (clusterer instanceof weka.core.OptionHandler
                ? " " + weka.core.Utils.joinOptions(((weka.core.OptionHandler) clusterer).getOptions()) : "")
            + "\nRelation: " + set.relationName() + "\n\n" + w.text();
    if (!outputFile.isEmpty()) {
      write(text, which);
    }
    Data t = new Data(StepManager.CON_TEXT, text);
    t.setPayloadElement(StepManager.CON_AUX_DATA_TEXT_TITLE, name + " profile " + which + " (" + setNum + " of "
        + maxSetNum + ")");
    send(t);
  }

  private void write(String text, String which) throws java.io.IOException {
    String name = getStepManager().environmentSubstitute(outputFile);
    if (which.equals("test")) {
      int dot = name.lastIndexOf('.');
      name = dot > name.lastIndexOf(java.io.File.separatorChar) ? name.substring(0, dot) + "-test" + name.substring(dot)
          : name + "-test";
    }
    java.nio.file.Path path = java.nio.file.Path.of(name).toAbsolutePath();
    java.nio.file.Files.createDirectories(path.getParent());
    java.nio.file.Files.writeString(path, text, java.nio.charset.StandardCharsets.UTF_8);
    getStepManager().logBasic("wrote " + path);
  }
}
