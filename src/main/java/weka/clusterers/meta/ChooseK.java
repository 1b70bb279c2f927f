package weka.clusterers.meta;

import java.util.Arrays;
import weka.core.Tag;
import weka.core.SelectedTag;
import clusterlab.core.Check;
import clusterlab.core.Dataset;
import clusterlab.core.evaluation.InternalIndex;
import clusterlab.core.evaluation.InternalIndexes;
import clusterlab.core.select.ChooseKOptions;
import clusterlab.core.select.KCurve;
import clusterlab.weka.InstancesConverter;
import clusterlab.weka.InstancesConverter.NominalHandling;
import clusterlab.weka.ParameterCount;
import clusterlab.weka.StrictOptions;
import clusterlab.weka.ThreadsOption;
import clusterlab.weka.WekaProgress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import weka.clusterers.AbstractClusterer;
import weka.clusterers.Clusterer;
import weka.clusterers.DensityBasedClusterer;
import weka.clusterers.NumberOfClustersRequestable;
import weka.clusterers.RandomizableClusterer;
import weka.core.Attribute;
import weka.core.Capabilities;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.OptionHandler;
import weka.core.OptionMetadata;
import weka.core.Randomizable;
import weka.core.TechnicalInformation;
import weka.core.TechnicalInformationHandler;
import weka.core.Utils;
import weka.core.WeightedInstancesHandler;

/**
 * Meta-clusterer choosing the number of clusters: wraps any {@link NumberOfClustersRequestable}
 * clusterer (ClusterLab's KMeans, SimpleKMeans, EM, ...) and runs ClusterLab's
 * {@link clusterlab.core.select.ChooseK} core over a range of K. The whole curve is kept
 * ({@link #getCurve()}) for the elbow chart.
 */
public class ChooseK extends RandomizableClusterer implements WeightedInstancesHandler, TechnicalInformationHandler {

  private static final long serialVersionUID = 1L;

  private Clusterer clusterer = new weka.clusterers.centroid.KMeans();
  private int minK = ChooseKOptions.defaults().minK();
  private int maxK = ChooseKOptions.defaults().maxK();
  private String criterion = ChooseKOptions.defaults().criterion();
  private double sensitivity = ChooseKOptions.defaults().sensitivity();
  private int gapReferences = ChooseKOptions.defaults().gapReferences();
  private String indices = "silhouette,calinski_harabasz,davies_bouldin";
  private int numThreads = ThreadsOption.DEFAULT;
  private boolean oneHot;

  private InstancesConverter converter;
  private Instances numericHeader;
  private transient Dataset training;
  private transient Instances trainingInstances;
  private KCurve curve;
  private Clusterer chosen;
  private clusterlab.weka.TrainingQuality quality;

  public ChooseK() {
    setSeed(1);
  }

  public String globalInfo() {
    return "Chooses the number of clusters K for any clusterer by the elbow, the gap statistic, BIC or a validity index. "
        + "It builds the wrapped clusterer (any clusterer whose number of clusters can be set: KMeans, SimpleKMeans, "
        + "EM, ...) for every K in [minK, maxK], in parallel, and keeps the model at the K the criterion picks. Criteria: 'elbow' (the knee of the inertia curve found by Kneedle, Satopaa et al. 2011, "
        + "with its sensitivity S), 'gap' (the gap statistic of Tibshirani et al. 2001 over B uniform reference sets), "
        + "'bic' (-2 log L + p ln n; for density-based clusterers such as EM their log-likelihood, p counting a mean and a "
        + "standard deviation per numeric attribute per cluster plus k-1 priors unless the clusterer reports its own count; "
        + "for any other clusterer the labelling read as spherical Gaussians with one shared variance, X-means' score of "
        + "k-means, Pelleg and Moore 2000) or the "
        + "name of any internal validity index listed in 'indices' (e.g. silhouette: highest wins). Inertia (within-"
        + "cluster sum of squares around the cluster means) is computed from the labels, so any clusterer works. The "
        + "whole curve K -> every criterion is printed as a table and kept for charts (getCurve). Numeric attributes "
        + "only unless one-hot is on; the class is ignored; nothing is rescaled.\n\nFor more information see:\n"
        + getTechnicalInformation().toString();
  }

  @Override
  public TechnicalInformation getTechnicalInformation() {
    TechnicalInformation t = new TechnicalInformation(TechnicalInformation.Type.INPROCEEDINGS);
    t.setValue(TechnicalInformation.Field.AUTHOR, "Ville Satopaa and Jeannie Albrecht and David Irwin and Barath Raghavan");
    t.setValue(TechnicalInformation.Field.TITLE, "Finding a \"Kneedle\" in a Haystack: Detecting Knee Points in System Behavior");
    t.setValue(TechnicalInformation.Field.BOOKTITLE, "31st International Conference on Distributed Computing Systems Workshops");
    t.setValue(TechnicalInformation.Field.PAGES, "166-171");
    t.setValue(TechnicalInformation.Field.YEAR, "2011");
    TechnicalInformation g = t.add(TechnicalInformation.Type.ARTICLE);
    g.setValue(TechnicalInformation.Field.AUTHOR, "Robert Tibshirani and Guenther Walther and Trevor Hastie");
    g.setValue(TechnicalInformation.Field.TITLE, "Estimating the number of clusters in a data set via the gap statistic");
    g.setValue(TechnicalInformation.Field.JOURNAL, "Journal of the Royal Statistical Society: Series B");
    g.setValue(TechnicalInformation.Field.VOLUME, "63");
    g.setValue(TechnicalInformation.Field.NUMBER, "2");
    g.setValue(TechnicalInformation.Field.PAGES, "411-423");
    g.setValue(TechnicalInformation.Field.YEAR, "2001");
    return t;
  }

  /** Strict parsing; {@code -W} takes the wrapped clusterer's class name and options in one quoted string. */
  @Override
  public void setOptions(String[] options) throws Exception {
    String spec = Utils.getOption('W', options);
    // an explicit -indices "" means no index (StrictOptions reads an empty value as "the default")
    boolean indicesGiven = Utils.getOptionPos("indices", options) >= 0;
    String indexList = Utils.getOption("indices", options);
    StrictOptions.setClustererOptions(this, options);
    if (indicesGiven) {
      setIndices(indexList);
    }
    if (!spec.isEmpty()) {
      String[] parts = Utils.splitOptions(spec);
      String cls = parts[0];
      parts[0] = "";
      setClusterer(AbstractClusterer.forName(cls, parts));
    }
  }

  /** Weka's options, plus {@code -indices ""} when no index is asked for (Weka leaves an empty value out). */
  @Override
  public String[] getOptions() {
    List<String> options = new ArrayList<>(Arrays.asList(super.getOptions()));
    if (indices.isEmpty()) {
      options.add("-indices");
      options.add("");
    }
    return options.toArray(new String[0]);
  }

  private NominalHandling nominal() {
    return oneHot ? NominalHandling.ONE_HOT : NominalHandling.REFUSE;
  }

  @Override
  public Capabilities getCapabilities() {
    return InstancesConverter.capabilities(this, nominal(), true);
  }

  @Override
  public void buildClusterer(Instances data) throws Exception {
    curve = null;
    chosen = null;
    clusterlab.weka.DataCheck.testWithFail(this, data);
    if (maxK < minK) {
      throw new IllegalArgumentException("maxK (" + maxK + ") must be at least minK (" + minK + ")");
    }
    converter = InstancesConverter.fit(data, nominal(), true);
    Dataset dataset = converter.convert(data);
    if (dataset.n() < maxK) {
      throw new IllegalArgumentException("maxK (" + maxK + " clusters) exceeds the number of training instances ("
          + dataset.n() + "): lower -max-k or use more data");
    }
    training = dataset;
    trainingInstances = converter.toInstances(dataset, data.relationName());
    numericHeader = new Instances(trainingInstances, 0);
    clusterlab.core.select.ChooseK<Clusterer> core = new clusterlab.core.select.ChooseK<>(coreOptions());
    WekaProgress progress = WekaProgress.of("ChooseK", getDebug());
    try {
      clusterlab.core.select.ChooseK.Selection<Clusterer> sel =
          progress.run(() -> core.run(dataset, this::fit, getSeed(), progress));
      curve = sel.curve();
      chosen = sel.model();
      // a ClusterLab clusterer prints the quality of its partition itself; for any other, ChooseK does
      quality = chosen instanceof clusterlab.weka.PartitioningClusterer ? null
          : clusterlab.weka.TrainingQuality.of(data, sel.labels(), null, numThreads);
    } finally {
      training = null;
      trainingInstances = null;
    }
  }

  /** The core's options from these Weka options. */
  private ChooseKOptions coreOptions() {
    return ChooseKOptions.builder().kRange(minK, maxK).criterion(criterion).sensitivity(sensitivity)
        .indices(loadIndices()).gapReferences(gapReferences).threads(numThreads).build();
  }

  /** Builds a copy of the wrapped clusterer with k clusters on a dataset; thread-safe. */
  private clusterlab.core.select.ChooseK.Fit<Clusterer> fit(Dataset ds, int k, long seed) {
    try {
      Clusterer c = AbstractClusterer.makeCopy(clusterer);
      ((NumberOfClustersRequestable) c).setNumClusters(k);
      if (c instanceof Randomizable) {
        ((Randomizable) c).setSeed((int) (seed ^ (seed >>> 32)) & Integer.MAX_VALUE);
      }
      // the training rows are built into Instances once; the gap statistic's reference sets are new data
      Instances inst = ds == training ? new Instances(trainingInstances) : converter.toInstances(ds, numericHeader.relationName());
      c.buildClusterer(inst);
      int[] labels = new int[ds.n()];
      double ll = 0;
      boolean density = c instanceof DensityBasedClusterer;
      for (int i = 0; i < ds.n(); i++) {
        try {
          labels[i] = c.clusterInstance(inst.instance(i));
        } catch (Exception unclustered) {
          labels[i] = -1; // Weka's way of saying "noise"
        }
        if (density) {
          ll += ds.weight(i) * ((DensityBasedClusterer) c).logDensityForInstance(inst.instance(i));
        }
      }
      int p = c instanceof ParameterCount ? (int) ((ParameterCount) c).numberOfFreeParameters() : parameters(k, ds.d());
      return density ? new clusterlab.core.select.ChooseK.Fit<>(labels, ll, p, c)
          : new clusterlab.core.select.ChooseK.Fit<>(labels, c);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("the wrapped clusterer failed at K = " + k + ": " + e.getMessage(), e);
    }
  }

  /**
   * Free parameters of a diagonal Gaussian mixture on d numeric columns: k means, k sds per column, k-1 priors;
   * used for density-based clusterers that do not report their own count ({@link ParameterCount}).
   */
  private static int parameters(int k, int d) {
    return k * 2 * d + (k - 1);
  }

  private List<InternalIndex> loadIndices() {
    List<InternalIndex> list = new ArrayList<>();
    for (String name : indices.split(",")) {
      String spec = name.trim();
      if (spec.isEmpty()) {
        continue;
      }
      if (!spec.contains(".")) {
        list.add(InternalIndexes.byName(spec, numThreads));
        continue;
      }
      try {
        list.add((InternalIndex) Class.forName(spec).getConstructor().newInstance());
      } catch (ReflectiveOperationException | ClassCastException e) {
        throw new IllegalArgumentException("indices: '" + spec + "' is neither one of " + InternalIndexes.NAMES
            + " nor a clusterlab.core.evaluation.InternalIndex class with a no-argument constructor (" + e + ")");
      }
    }
    return list;
  }

  @Override
  public int clusterInstance(Instance instance) throws Exception {
    checkBuilt();
    return chosen.clusterInstance(numeric(instance));
  }

  @Override
  public double[] distributionForInstance(Instance instance) throws Exception {
    checkBuilt();
    return chosen.distributionForInstance(numeric(instance));
  }

  private Instance numeric(Instance instance) {
    Instance x = new DenseInstance(instance.weight(), converter.vector(instance));
    x.setDataset(numericHeader);
    return x;
  }

  @Override
  public int numberOfClusters() throws Exception {
    checkBuilt();
    return chosen.numberOfClusters();
  }

  private void checkBuilt() {
    if (chosen == null) {
      throw new IllegalStateException("the clusterer has not been built yet: call buildClusterer first");
    }
  }

  /** The evaluated curve (K -> inertia and every criterion, the picks, the knee), or null before training. */
  public KCurve getCurve() {
    return curve;
  }

  /** The wrapped clusterer as built at the chosen K, or null before training. */
  public Clusterer getChosenClusterer() {
    return chosen;
  }

  @OptionMetadata(displayName = "clusterer", description = "The clusterer to tune; its number of clusters must be settable (NumberOfClustersRequestable).",
      commandLineParamName = "W", commandLineParamSynopsis = "-W \"<class name> [options]\"", displayOrder = 1)
  public Clusterer getClusterer() {
    return clusterer;
  }

  public void setClusterer(Clusterer c) {
    if (!(c instanceof NumberOfClustersRequestable)) {
      throw new IllegalArgumentException("the wrapped clusterer must let its number of clusters be set "
          + "(NumberOfClustersRequestable), got " + (c == null ? "null" : c.getClass().getName()));
    }
    if (!(c instanceof OptionHandler)) {
      throw new IllegalArgumentException("the wrapped clusterer must be an OptionHandler, got " + c.getClass().getName());
    }
    clusterer = c;
  }

  @OptionMetadata(displayName = "minK", description = "Smallest K tried (at least 1).",
      commandLineParamName = "min-k", commandLineParamSynopsis = "-min-k <int>", displayOrder = 2)
  public int getMinK() {
    return minK;
  }

  public void setMinK(int k) {
    Check.atLeast("minK", k, 1);
    minK = k;
  }

  @OptionMetadata(displayName = "maxK", description = "Largest K tried (at least minK, at most the number of instances).",
      commandLineParamName = "max-k", commandLineParamSynopsis = "-max-k <int>", displayOrder = 3)
  public int getMaxK() {
    return maxK;
  }

  public void setMaxK(int k) {
    Check.atLeast("maxK", k, 1);
    maxK = k;
  }

  /** The criteria offered: elbow, gap, BIC and every built-in internal index (a drop-down in the GUI). */
  static final Tag[] CRITERIA = criteria();

  private static Tag[] criteria() {
    List<String> names = new ArrayList<>(List.of(clusterlab.core.select.ChooseK.ELBOW,
        clusterlab.core.select.KCurve.GAP, clusterlab.core.select.KCurve.BIC));
    names.addAll(InternalIndexes.NAMES);
    Tag[] tags = new Tag[names.size()];
    for (int i = 0; i < tags.length; i++) {
      tags[i] = new Tag(i, names.get(i), names.get(i), false);
    }
    return tags;
  }

  @OptionMetadata(displayName = "criterion", description = "How K is chosen: elbow, gap statistic, BIC, or the best value of an internal index (it must be listed in 'indices').",
      commandLineParamName = "criterion", commandLineParamSynopsis = "-criterion <elbow|gap|bic|index name>", displayOrder = 4)
  public SelectedTag getCriterion() {
    for (Tag t : CRITERIA) {
      if (t.getIDStr().equals(criterion)) {
        return new SelectedTag(t.getID(), CRITERIA);
      }
    }
    return new SelectedTag(0, CRITERIA);
  }

  public void setCriterion(SelectedTag c) {
    if (c == null || c.getTags() != CRITERIA && c.getTags().length != CRITERIA.length) {
      throw new IllegalArgumentException("criterion must be one of " + Arrays.toString(CRITERIA) + ", got " + c);
    }
    criterion = c.getSelectedTag().getIDStr();
  }

  @OptionMetadata(displayName = "sensitivity", description = "Kneedle's sensitivity S for the elbow (at least 0; 1 as in the paper; larger is more conservative).",
      commandLineParamName = "sensitivity", commandLineParamSynopsis = "-sensitivity <double>", displayOrder = 5)
  public double getSensitivity() {
    return sensitivity;
  }

  public void setSensitivity(double s) {
    Check.nonNegative("sensitivity", s);
    sensitivity = s;
  }

  @OptionMetadata(displayName = "gapReferences", description = "B, reference data sets for the gap statistic (0 = gap not computed; the gap criterion needs at least 1, 10 is common).",
      commandLineParamName = "gap-refs", commandLineParamSynopsis = "-gap-refs <int>", displayOrder = 6)
  public int getGapReferences() {
    return gapReferences;
  }

  public void setGapReferences(int b) {
    Check.atLeast("gapReferences", b, 0);
    gapReferences = b;
  }

  @OptionMetadata(displayName = "indices", description = "Comma-separated internal validity indices computed for every K: silhouette, simplified_silhouette, calinski_harabasz, davies_bouldin, dunn (Euclidean), or class names of clusterlab.core.evaluation.InternalIndex implementations; empty for none.",
      commandLineParamName = "indices", commandLineParamSynopsis = "-indices <name,name,...>", displayOrder = 7)
  public String getIndices() {
    return indices;
  }

  public void setIndices(String s) {
    indices = s == null ? "" : s.trim();
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

  @OptionMetadata(displayName = "oneHotNominal", description = "Encode nominal attributes as one 0/1 column per value instead of refusing them.",
      commandLineParamName = "one-hot", commandLineParamSynopsis = "-one-hot", commandLineParamIsFlag = true, displayOrder = 9)
  public boolean getOneHotNominal() {
    return oneHot;
  }

  public void setOneHotNominal(boolean b) {
    oneHot = b;
  }

  @Override
  public String toString() {
    if (curve == null) {
      return "ChooseK: no model built yet.";
    }
    StringBuilder sb = new StringBuilder("ChooseK (ClusterLab)\n====================\n\n");
    sb.append("Clusterer: ").append(clusterer.getClass().getName()).append('\n');
    sb.append(String.format(Locale.ROOT, "Chosen K: %d by %s%n", curve.chosenK(), curve.criterion()));
    if (!curve.note().isEmpty()) {
      sb.append("Note: ").append(curve.note()).append('\n');
    }
    for (Map.Entry<String, Integer> e : curve.picks().entrySet()) {
      sb.append(String.format(Locale.ROOT, "  %-20s picks K = %s%n", e.getKey(), e.getValue() < 0 ? "none" : e.getValue()));
    }
    sb.append('\n').append(String.format(Locale.ROOT, "%5s", "K"));
    List<String> cols = curve.columnNames();
    for (String c : cols) {
      sb.append(String.format(Locale.ROOT, " %18s", c));
    }
    sb.append('\n');
    int[] ks = curve.ks();
    for (int i = 0; i < ks.length; i++) {
      sb.append(String.format(Locale.ROOT, "%5d", ks[i]));
      for (String c : cols) {
        double v = curve.column(c)[i];
        sb.append(String.format(Locale.ROOT, " %18s", Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.8g", v)));
      }
      sb.append(ks[i] == curve.chosenK() ? "  <- chosen" : "").append('\n');
    }
    sb.append("\n=== Model at K = ").append(curve.chosenK()).append(" ===\n\n").append(chosen.toString());
    if (quality != null) {
      sb.append('\n').append(quality.text());
    }
    return sb.toString();
  }

  public static void main(String[] args) {
    runClusterer(new ChooseK(), args);
  }
}
