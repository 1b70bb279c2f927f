package weka.filters.unsupervised.attribute;

import clusterlab.core.Check;
import clusterlab.core.Dataset;
import clusterlab.core.distance.Metric;
import clusterlab.core.neighbors.VpTree;
import clusterlab.core.prep.MedianImputer;
import clusterlab.core.tsne.TransformOptions;
import clusterlab.core.tsne.TsneOptions;
import clusterlab.core.tsne.TsneResult;
import clusterlab.core.tsne.TsneTransform;
import clusterlab.weka.InstancesConverter;
import clusterlab.weka.ParallelFilter;
import clusterlab.weka.Tags;
import clusterlab.weka.WekaProgress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import weka.core.Attribute;
import weka.core.Capabilities.Capability;
import weka.core.Capabilities;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.OptionMetadata;
import weka.core.Randomizable;
import weka.core.SelectedTag;
import weka.core.TechnicalInformation;
import weka.core.TechnicalInformationHandler;
import weka.filters.UnsupervisedFilter;

/**
 * Weka filter over ClusterLab's t-SNE core ({@link clusterlab.core.tsne.TSNE}): replaces the
 * numeric (and one-hot encoded nominal) attributes by a 2-D or 3-D embedding, keeping the class
 * and every other attribute so the map can be coloured by class or cluster. Later batches are
 * embedded into the first batch's map by {@link TsneTransform} (openTSNE's transform; Poličar,
 * Stražar and Zupan, J. Stat. Softw. 109(3), 2024) or, on request, by the neighbour average of
 * {@link TsneResult#place}.
 */
public class TSNE extends ParallelFilter implements UnsupervisedFilter, Randomizable, TechnicalInformationHandler {

  private static final long serialVersionUID = 1L;

  /** How instances of later batches get their coordinates. */
  public enum NewPoints {
    /** Optimised against the fixed first-batch embedding, openTSNE's transform ({@link TsneTransform}). */
    OPTIMISE,
    /** The affinity-weighted average of their nearest first-batch instances' coordinates ({@link TsneResult#place}). */
    NEIGHBOURS
  }

  private int dimensions = 2;
  private double perplexity = 30;
  private double earlyExaggeration = 12;
  private int exaggerationIterations = 250;
  private int maxIterations = 1000;
  private double learningRate;
  private double theta = 0.5;
  private clusterlab.core.tsne.TSNE.Method method = clusterlab.core.tsne.TSNE.Method.AUTO;
  private clusterlab.core.tsne.TSNE.Init init = clusterlab.core.tsne.TSNE.Init.PCA;
  private clusterlab.core.tsne.TSNE.Neighbours neighbours = clusterlab.core.tsne.TSNE.Neighbours.AUTO;
  private int seed = 1;
  private boolean ignoreNominal;
  private NewPoints newPoints = NewPoints.OPTIMISE;
  private boolean refuseNewInstances;

  // first-batch state
  private InstancesConverter columns;
  private int[] kept;
  private MedianImputer imputer;
  private double[] training;
  private int trainingColumns;
  private TsneResult result;
  private transient VpTree index;

  public String globalInfo() {
    return "t-distributed stochastic neighbour embedding (t-SNE): a 2-D or 3-D map in which similar instances "
        + "lie close together, for looking at cluster structure.\n\n"
        + "The numeric attributes (and the nominal ones as 0/1 columns, unless ignoreNominal) are replaced by the "
        + "embedding coordinates tsne1, tsne2[, tsne3]; the class attribute and all string, date and nominal attributes "
        + "are kept, so the map can be coloured by class or cluster. Nothing is rescaled: standardize or robust-scale "
        + "first when attributes have different units. Missing values are replaced by the first batch's column medians "
        + "(apply MedianImputer or KNNImputer first for better choices).\n\n"
        + "Exact gradient for up to 1000 instances, Barnes-Hut up to 5000 (quadtree/octree repulsion), "
        + "FFT-accelerated interpolation (FIt-SNE) above in 2-D, chosen automatically; k-NN affinities by a vantage-point "
        + "tree up to 10000 instances and by NN-descent (approximate, as openTSNE) above; perplexity calibrated per point "
        + "by binary search; "
        + "early exaggeration 12 for 250 iterations; momentum 0.5 then 0.8 with gains; learning rate auto = "
        + "max(n / exaggeration / 4, 50); PCA initialisation; multi-threaded. Follows scikit-learn's TSNE. The KL "
        + "divergence is written to Weka's log every 50 iterations; interrupting the thread (stopping a flow) "
        + "stops the optimisation.\n\n"
        + "Later batches: t-SNE has no mapping for new points. By default each new instance is optimised against the "
        + "fixed first-batch map, as openTSNE's transform does (Poličar, Stražar and Zupan 2024): it starts at the median "
        + "position of its nearest first-batch instances and moves for 250 iterations under the attraction of its "
        + "neighbours (perplexity 5) and the repulsion of every first-batch point; new instances do not move the map or "
        + "each other. newPoints = neighbours places them at the affinity-weighted average of their neighbours instead "
        + "(faster, but pulled towards the middle of the neighbourhood). Turn on refuseNewInstances to get an error "
        + "instead.\n\n"
        + "For more information see:\n" + getTechnicalInformation().toString();
  }

  @Override
  public TechnicalInformation getTechnicalInformation() {
    TechnicalInformation t = new TechnicalInformation(TechnicalInformation.Type.ARTICLE);
    t.setValue(TechnicalInformation.Field.AUTHOR, "Laurens van der Maaten and Geoffrey Hinton");
    t.setValue(TechnicalInformation.Field.TITLE, "Visualizing Data using t-SNE");
    t.setValue(TechnicalInformation.Field.JOURNAL, "Journal of Machine Learning Research");
    t.setValue(TechnicalInformation.Field.VOLUME, "9");
    t.setValue(TechnicalInformation.Field.PAGES, "2579-2605");
    t.setValue(TechnicalInformation.Field.YEAR, "2008");
    TechnicalInformation bh = t.add(TechnicalInformation.Type.ARTICLE);
    bh.setValue(TechnicalInformation.Field.AUTHOR, "Laurens van der Maaten");
    bh.setValue(TechnicalInformation.Field.TITLE, "Accelerating t-SNE using Tree-Based Algorithms");
    bh.setValue(TechnicalInformation.Field.JOURNAL, "Journal of Machine Learning Research");
    bh.setValue(TechnicalInformation.Field.VOLUME, "15");
    bh.setValue(TechnicalInformation.Field.PAGES, "3221-3245");
    bh.setValue(TechnicalInformation.Field.YEAR, "2014");
    TechnicalInformation fft = t.add(TechnicalInformation.Type.ARTICLE);
    fft.setValue(TechnicalInformation.Field.AUTHOR,
        "George C. Linderman, Manas Rachh, Jeremy G. Hoskins, Stefan Steinerberger and Yuval Kluger");
    fft.setValue(TechnicalInformation.Field.TITLE,
        "Fast interpolation-based t-SNE for improved visualization of single-cell RNA-seq data");
    fft.setValue(TechnicalInformation.Field.JOURNAL, "Nature Methods");
    fft.setValue(TechnicalInformation.Field.VOLUME, "16");
    fft.setValue(TechnicalInformation.Field.PAGES, "243-245");
    fft.setValue(TechnicalInformation.Field.YEAR, "2019");
    TechnicalInformation lr = t.add(TechnicalInformation.Type.ARTICLE);
    lr.setValue(TechnicalInformation.Field.AUTHOR, "Anna C. Belkina and others");
    lr.setValue(TechnicalInformation.Field.TITLE,
        "Automated optimized parameters for T-distributed stochastic neighbor embedding improve visualization and analysis of large datasets");
    lr.setValue(TechnicalInformation.Field.JOURNAL, "Nature Communications");
    lr.setValue(TechnicalInformation.Field.VOLUME, "10");
    lr.setValue(TechnicalInformation.Field.YEAR, "2019");
    TechnicalInformation open = t.add(TechnicalInformation.Type.ARTICLE);
    open.setValue(TechnicalInformation.Field.AUTHOR, "Pavlin G. Poličar and Martin Stražar and Blaž Zupan");
    open.setValue(TechnicalInformation.Field.TITLE,
        "openTSNE: A Modular Python Library for t-SNE Dimensionality Reduction and Embedding");
    open.setValue(TechnicalInformation.Field.JOURNAL, "Journal of Statistical Software");
    open.setValue(TechnicalInformation.Field.VOLUME, "109");
    open.setValue(TechnicalInformation.Field.NUMBER, "3");
    open.setValue(TechnicalInformation.Field.YEAR, "2024");
    return t;
  }

  @Override
  public Capabilities getCapabilities() {
    Capabilities c = super.getCapabilities();
    c.disableAll();
    c.enable(Capability.NUMERIC_ATTRIBUTES);
    c.enable(Capability.NOMINAL_ATTRIBUTES);
    c.enable(Capability.STRING_ATTRIBUTES);
    c.enable(Capability.DATE_ATTRIBUTES);
    c.enable(Capability.MISSING_VALUES);
    c.enableAllClasses();
    c.enable(Capability.MISSING_CLASS_VALUES);
    c.enable(Capability.NO_CLASS);
    c.setMinimumNumberInstances(0);
    return c;
  }

  @Override
  protected Instances determineOutputFormat(Instances input) throws Exception {
    columns = InstancesConverter.forFilter(input, !ignoreNominal);
    List<Integer> keep = new ArrayList<>();
    for (int a = 0; a < input.numAttributes(); a++) {
      Attribute att = input.attribute(a);
      boolean embedded = a != input.classIndex() && att.isNumeric() && !att.isDate();
      if (!embedded) {
        keep.add(a);
      }
    }
    kept = keep.stream().mapToInt(Integer::intValue).toArray();
    if (columns.columns() == 0) {
      throw new IllegalArgumentException("t-SNE found no attribute to embed: it needs numeric attributes "
          + (ignoreNominal ? "(nominal attributes are ignored: turn off ignoreNominal to use them)" : "or nominal ones")
          + " besides the class");
    }
    ArrayList<Attribute> atts = new ArrayList<>();
    for (int k = 0; k < dimensions; k++) {
      atts.add(new Attribute("tsne" + (k + 1)));
    }
    int classIndex = -1;
    for (int a : kept) {
      if (a == input.classIndex()) {
        classIndex = atts.size();
      }
      atts.add((Attribute) input.attribute(a).copy());
    }
    Instances out = new Instances(input.relationName() + "-tsne", atts, 0);
    out.setClassIndex(classIndex);
    return out;
  }

  @Override
  protected Instances process(Instances data) throws Exception {
    int d = columns.columns();
    double[] raw = columns.read(data);
    int n = data.numInstances();
    double[] y;
    if (!isFirstBatchDone()) {
      imputer = MedianImputer.fit(raw, n, d);
      training = fill(imputer.transform(raw, n));
      trainingColumns = d;
      WekaProgress progress = WekaProgress.of("TSNE", getDebug());
      Dataset rows = Dataset.of(training, n, d);
      result = progress.run(() -> configured().fit(rows, seed, progress));
      index = null;
      y = result.embedding();
    } else {
      if (refuseNewInstances) {
        throw new IllegalStateException("t-SNE cannot embed new instances (refuseNewInstances is on): filter all the "
            + "data in one batch, or turn refuseNewInstances off to embed new instances into the first batch's map");
      }
      y = n == 0 ? new double[0] : embedNew(Dataset.of(fill(imputer.transform(raw, n)), n, d));
    }
    return output(data, y);
  }

  /** Coordinates of a later batch in the first batch's map, as newPoints says. */
  private double[] embedNew(Dataset rows) throws Exception {
    Dataset train = Dataset.of(training, result.n(), trainingColumns);
    if (index == null) {
      index = new VpTree(train, Metric.EUCLIDEAN);
    }
    if (newPoints() == NewPoints.NEIGHBOURS) {
      return result.place(train, index, rows, threads());
    }
    TsneTransform transform = TransformOptions.builder().threads(threads()).transform();
    WekaProgress progress = WekaProgress.of("TSNE", getDebug());
    return progress.run(() -> transform.transform(result, train, index, rows, progress)).embedding();
  }

  /** Columns with no observed value in the first batch have a NaN median: they become 0 (no influence). */
  private static double[] fill(double[] v) {
    for (int i = 0; i < v.length; i++) {
      if (Double.isNaN(v[i])) {
        v[i] = 0.0;
      }
    }
    return v;
  }

  private Instances output(Instances data, double[] y) throws Exception {
    Instances out = determineOutputFormat(new Instances(data, 0));
    int n = data.numInstances();
    for (int i = 0; i < n; i++) {
      Instance inst = data.instance(i);
      double[] vals = new double[out.numAttributes()];
      for (int k = 0; k < dimensions; k++) {
        vals[k] = y[i * dimensions + k];
      }
      for (int m = 0; m < kept.length; m++) {
        int a = kept[m];
        Attribute target = out.attribute(dimensions + m);
        if (inst.isMissing(a)) {
          vals[dimensions + m] = weka.core.Utils.missingValue();
        } else if (target.isString()) {
          vals[dimensions + m] = target.addStringValue(inst.stringValue(a));
        } else if (target.isRelationValued()) {
          vals[dimensions + m] = target.addRelation(inst.relationalValue(a));
        } else {
          vals[dimensions + m] = inst.value(a);
        }
      }
      out.add(new DenseInstance(inst.weight(), vals));
    }
    return out;
  }

  private clusterlab.core.tsne.TSNE configured() {
    return new clusterlab.core.tsne.TSNE(TsneOptions.builder().dims(dimensions).perplexity(perplexity)
        .earlyExaggeration(earlyExaggeration).exaggerationIterations(exaggerationIterations).maxIterations(maxIterations)
        .learningRate(learningRate).theta(theta).method(method).neighbours(neighbours).init(init).threads(threads())
        .build());
  }

  /** The fitted embedding of the first batch (KL divergence, KL curve, sigmas), or null before. */
  public TsneResult getResult() {
    return result;
  }

  @OptionMetadata(displayName = "dimensions", description = "Output dimensions: 2 or 3.",
      commandLineParamName = "dims", commandLineParamSynopsis = "-dims <2|3>", displayOrder = 1)
  public int getDimensions() {
    return dimensions;
  }

  public void setDimensions(int d) {
    if (d != 2 && d != 3) {
      throw new IllegalArgumentException("dimensions must be 2 or 3, got " + d);
    }
    dimensions = d;
  }

  @OptionMetadata(displayName = "perplexity", description = "Perplexity, the effective number of neighbours each point "
      + "attends to (typically 5-50; must be less than the number of instances).",
      commandLineParamName = "P", commandLineParamSynopsis = "-P <double>", displayOrder = 2)
  public double getPerplexity() {
    return perplexity;
  }

  public void setPerplexity(double p) {
    Check.positive("perplexity", p);
    perplexity = p;
  }

  @OptionMetadata(displayName = "maxIterations", description = "Total gradient-descent iterations, including the "
      + "early-exaggeration phase (at least 1; scikit-learn's default 1000).",
      commandLineParamName = "I", commandLineParamSynopsis = "-I <int>", displayOrder = 3)
  public int getMaxIterations() {
    return maxIterations;
  }

  public void setMaxIterations(int it) {
    Check.atLeast("maxIterations", it, 1);
    maxIterations = it;
  }

  @OptionMetadata(displayName = "learningRate", description = "Learning rate; 0 means auto = max(n / earlyExaggeration "
      + "/ 4, 50).", commandLineParamName = "L", commandLineParamSynopsis = "-L <double>", displayOrder = 4)
  public double getLearningRate() {
    return learningRate;
  }

  public void setLearningRate(double lr) {
    if (!(lr >= 0) || Double.isInfinite(lr)) {
      throw new IllegalArgumentException("learningRate must be a finite number of at least 0 (0 = auto), got " + lr);
    }
    learningRate = lr;
  }

  @OptionMetadata(displayName = "earlyExaggeration", description = "Factor by which the input affinities are "
      + "exaggerated in the first phase (at least 1).",
      commandLineParamName = "E", commandLineParamSynopsis = "-E <double>", displayOrder = 5)
  public double getEarlyExaggeration() {
    return earlyExaggeration;
  }

  public void setEarlyExaggeration(double e) {
    if (!(e >= 1) || Double.isInfinite(e)) {
      throw new IllegalArgumentException("earlyExaggeration must be a finite number of at least 1, got " + e);
    }
    earlyExaggeration = e;
  }

  @OptionMetadata(displayName = "exaggerationIterations", description = "Iterations of the early-exaggeration phase "
      + "(at least 0).", commandLineParamName = "exaggeration-iterations",
      commandLineParamSynopsis = "-exaggeration-iterations <int>", displayOrder = 6)
  public int getExaggerationIterations() {
    return exaggerationIterations;
  }

  public void setExaggerationIterations(int it) {
    Check.atLeast("exaggerationIterations", it, 0);
    exaggerationIterations = it;
  }

  @OptionMetadata(displayName = "method", description = "Gradient: auto (exact up to 1000 instances, Barnes-Hut "
      + "up to 5000, FFT above in 2-D, Barnes-Hut above in 3-D), exact (O(n^2) memory), barnes-hut, or fft "
      + "(FFT-accelerated interpolation of the repulsion, FIt-SNE; 2-D only).",
      commandLineParamName = "method", commandLineParamSynopsis = "-method <auto|exact|barnes-hut|fft>",
      displayOrder = 7)
  public SelectedTag getMethod() {
    return Tags.select(method);
  }

  public void setMethod(SelectedTag tag) {
    method = Tags.value(tag, clusterlab.core.tsne.TSNE.Method.class);
  }

  @OptionMetadata(displayName = "neighbours", description = "How the 3 * perplexity nearest neighbours of the "
      + "input affinities are found (Barnes-Hut and FFT): auto (exact up to 10000 instances, approximate above), exact "
      + "(vantage-point tree), or approximate (NN-descent from a random-projection forest, recall 0.99 or more on the "
      + "benchmarks; results still depend only on the seed).",
      commandLineParamName = "knn", commandLineParamSynopsis = "-knn <auto|exact|approximate>", displayOrder = 8)
  public SelectedTag getNeighbours() {
    return Tags.select(neighbours);
  }

  public void setNeighbours(SelectedTag tag) {
    neighbours = Tags.value(tag, clusterlab.core.tsne.TSNE.Neighbours.class);
  }

  @OptionMetadata(displayName = "theta", description = "Barnes-Hut opening angle in [0, 1]: larger is faster and "
      + "coarser.", commandLineParamName = "theta", commandLineParamSynopsis = "-theta <double>", displayOrder = 9)
  public double getTheta() {
    return theta;
  }

  public void setTheta(double t) {
    if (!(t >= 0 && t <= 1)) {
      throw new IllegalArgumentException("theta (Barnes-Hut angle) must be in [0, 1], got " + t);
    }
    theta = t;
  }

  @OptionMetadata(displayName = "init", description = "Initial embedding: pca (first principal components, "
      + "scaled to standard deviation 1e-4, as scikit-learn) or random.",
      commandLineParamName = "init", commandLineParamSynopsis = "-init <pca|random>", displayOrder = 10)
  public SelectedTag getInit() {
    return Tags.select(init);
  }

  public void setInit(SelectedTag tag) {
    init = Tags.value(tag, clusterlab.core.tsne.TSNE.Init.class);
  }

  @OptionMetadata(displayName = "seed", description = "Random seed (random initialisation, vantage points, NN-descent).",
      commandLineParamName = "S", commandLineParamSynopsis = "-S <int>", displayOrder = 11)
  @Override
  public int getSeed() {
    return seed;
  }

  @Override
  public void setSeed(int s) {
    seed = s;
  }

  @OptionMetadata(displayName = "ignoreNominal", description = "Leave nominal attributes out of the distances (they "
      + "are still kept in the output) instead of encoding them as 0/1 columns.",
      commandLineParamName = "ignore-nominal", commandLineParamSynopsis = "-ignore-nominal",
      commandLineParamIsFlag = true, displayOrder = 13)
  public boolean getIgnoreNominal() {
    return ignoreNominal;
  }

  public void setIgnoreNominal(boolean b) {
    ignoreNominal = b;
  }

  @OptionMetadata(displayName = "newPoints", description = "How instances of later batches are embedded into the "
      + "first batch's map: optimise (openTSNE's transform: from the median of their nearest first-batch instances, "
      + "250 iterations against the fixed map, which does not move) or neighbours (the affinity-weighted average of "
      + "their nearest first-batch instances: faster, pulled towards the middle of the neighbourhood).",
      commandLineParamName = "new-points", commandLineParamSynopsis = "-new-points <optimise|neighbours>",
      displayOrder = 14)
  public SelectedTag getNewPoints() {
    return Tags.select(newPoints());
  }

  /** The placement of later batches; a filter serialized before the option existed has none and optimises. */
  private NewPoints newPoints() {
    return newPoints == null ? NewPoints.OPTIMISE : newPoints;
  }

  public void setNewPoints(SelectedTag tag) {
    newPoints = Tags.value(tag, NewPoints.class);
  }

  @OptionMetadata(displayName = "refuseNewInstances", description = "Refuse later batches with an error instead of "
      + "embedding new instances into the first batch's map (as newPoints says).",
      commandLineParamName = "refuse-new", commandLineParamSynopsis = "-refuse-new", commandLineParamIsFlag = true,
      displayOrder = 15)
  public boolean getRefuseNewInstances() {
    return refuseNewInstances;
  }

  public void setRefuseNewInstances(boolean b) {
    refuseNewInstances = b;
  }

  @Override
  public String toString() {
    if (result == null) {
      return "TSNE: no data filtered yet.";
    }
    return String.format(Locale.ROOT, "TSNE (ClusterLab): %d instances, %d-D, method %s, perplexity %.4g, "
        + "learning rate %.4g, %d iterations, KL divergence %.6f", result.n(), result.dims(),
        Tags.word(result.method()), result.perplexity(), result.learningRate(), result.iterations(),
        result.klDivergence());
  }

  public static void main(String[] args) {
    runFilter(new TSNE(), args);
  }
}
