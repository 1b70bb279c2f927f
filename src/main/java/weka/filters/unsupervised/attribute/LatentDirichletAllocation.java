package weka.filters.unsupervised.attribute;

import clusterlab.core.Check;
import clusterlab.core.sparse.SparseDataset;
import clusterlab.core.topics.Corpus;
import clusterlab.core.topics.GibbsLda;
import clusterlab.core.topics.LdaOptions;
import clusterlab.core.topics.TopicModel;
import clusterlab.core.topics.TopicQuality;
import clusterlab.weka.ParallelFilter;
import clusterlab.weka.SparseInstancesConverter;
import clusterlab.weka.WekaProgress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import weka.core.Attribute;
import weka.core.Capabilities.Capability;
import weka.core.Capabilities;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.OptionMetadata;
import weka.core.SparseInstance;
import weka.core.TechnicalInformation;
import weka.core.TechnicalInformationHandler;
import weka.filters.UnsupervisedFilter;

/**
 * Weka filter over ClusterLab's LDA core ({@link GibbsLda}): word-count attributes in, document-topic
 * proportions appended. The first batch trains the model (and holds some documents out to measure
 * perplexity); later batches are placed by inference against the trained topics.
 */
public class LatentDirichletAllocation extends ParallelFilter implements UnsupervisedFilter, TechnicalInformationHandler {

  private static final long serialVersionUID = 1L;

  private int numTopics = 10;
  private int iterations = LdaOptions.DEFAULT_ITERATIONS;
  private double alphaSum = LdaOptions.DEFAULT_ALPHA_SUM;
  private double beta = LdaOptions.DEFAULT_BETA;
  private int optimizeInterval = LdaOptions.DEFAULT_OPTIMIZE_INTERVAL;
  private int burnIn = LdaOptions.DEFAULT_BURN_IN;
  private int inferIterations = 100;
  private double heldOutPercent = 10;
  private int topWords = 10;
  private int seed = 1;
  private boolean removeWords;

  private SparseInstancesConverter converter;
  private TopicModel model;
  private String report;

  public String globalInfo() {
    return "Latent Dirichlet allocation finds the topics of a document collection and appends each document's topic "
        + "proportions as attributes (topic1 to topicK).\n\n"
        + "Input: word counts, as StringToWordVector makes them with outputWordCounts on (no TF/IDF, no length "
        + "normalisation); numeric attributes other than the class are the words and must hold whole non-negative "
        + "numbers, string and date attributes pass through untouched, a nominal attribute must be the class (set the document category as class). Sparse instances are read without densifying. "
        + "Training is collapsed Gibbs sampling with the SparseLDA sampler, multi-threaded like Mallet's "
        + "ParallelTopicModel (results are reproducible for a seed and a thread count), with the document-topic prior "
        + "alpha optimised during sampling. A share of the first batch is held out to measure perplexity by "
        + "document completion; the top words of every topic, their UMass coherence and the perplexity are written "
        + "to the log and shown by toString. Held-out documents and every later batch are placed by Gibbs inference "
        + "against the trained topics.\n\nFor more information see:\n" + getTechnicalInformation().toString();
  }

  @Override
  public TechnicalInformation getTechnicalInformation() {
    TechnicalInformation t = new TechnicalInformation(TechnicalInformation.Type.ARTICLE);
    t.setValue(TechnicalInformation.Field.AUTHOR, "David M. Blei and Andrew Y. Ng and Michael I. Jordan");
    t.setValue(TechnicalInformation.Field.TITLE, "Latent Dirichlet allocation");
    t.setValue(TechnicalInformation.Field.JOURNAL, "Journal of Machine Learning Research");
    t.setValue(TechnicalInformation.Field.VOLUME, "3");
    t.setValue(TechnicalInformation.Field.PAGES, "993-1022");
    t.setValue(TechnicalInformation.Field.YEAR, "2003");
    TechnicalInformation g = t.add(TechnicalInformation.Type.ARTICLE);
    g.setValue(TechnicalInformation.Field.AUTHOR, "Thomas L. Griffiths and Mark Steyvers");
    g.setValue(TechnicalInformation.Field.TITLE, "Finding scientific topics");
    g.setValue(TechnicalInformation.Field.JOURNAL, "Proceedings of the National Academy of Sciences");
    g.setValue(TechnicalInformation.Field.VOLUME, "101");
    g.setValue(TechnicalInformation.Field.PAGES, "5228-5235");
    g.setValue(TechnicalInformation.Field.YEAR, "2004");
    TechnicalInformation y = t.add(TechnicalInformation.Type.INPROCEEDINGS);
    y.setValue(TechnicalInformation.Field.AUTHOR, "Limin Yao and David Mimno and Andrew McCallum");
    y.setValue(TechnicalInformation.Field.TITLE, "Efficient methods for topic model inference on streaming document collections");
    y.setValue(TechnicalInformation.Field.BOOKTITLE, "Proceedings of the 15th ACM SIGKDD International Conference on Knowledge Discovery and Data Mining");
    y.setValue(TechnicalInformation.Field.PAGES, "937-946");
    y.setValue(TechnicalInformation.Field.YEAR, "2009");
    TechnicalInformation w = t.add(TechnicalInformation.Type.INPROCEEDINGS);
    w.setValue(TechnicalInformation.Field.AUTHOR, "Hanna M. Wallach and David Mimno and Andrew McCallum");
    w.setValue(TechnicalInformation.Field.TITLE, "Rethinking LDA: why priors matter");
    w.setValue(TechnicalInformation.Field.BOOKTITLE, "Advances in Neural Information Processing Systems 22");
    w.setValue(TechnicalInformation.Field.PAGES, "1973-1981");
    w.setValue(TechnicalInformation.Field.YEAR, "2009");
    TechnicalInformation m = t.add(TechnicalInformation.Type.INPROCEEDINGS);
    m.setValue(TechnicalInformation.Field.AUTHOR, "David Mimno and Hanna M. Wallach and Edmund Talley and Miriam Leenders and Andrew McCallum");
    m.setValue(TechnicalInformation.Field.TITLE, "Optimizing semantic coherence in topic models");
    m.setValue(TechnicalInformation.Field.BOOKTITLE, "Proceedings of the 2011 Conference on Empirical Methods in Natural Language Processing");
    m.setValue(TechnicalInformation.Field.PAGES, "262-272");
    m.setValue(TechnicalInformation.Field.YEAR, "2011");
    return t;
  }

  @Override
  public Capabilities getCapabilities() {
    Capabilities c = super.getCapabilities();
    c.disableAll();
    c.enable(Capability.NUMERIC_ATTRIBUTES); // the word counts
    c.enable(Capability.STRING_ATTRIBUTES);  // passed through (e.g. the document text or an ID)
    c.enable(Capability.DATE_ATTRIBUTES);
    c.enableAllClasses();
    c.enable(Capability.MISSING_CLASS_VALUES);
    c.enable(Capability.NO_CLASS);
    c.setMinimumNumberInstances(0);
    return c;
  }

  @Override
  protected Instances determineOutputFormat(Instances input) {
    ArrayList<Attribute> atts = new ArrayList<>();
    int classIndex = -1;
    for (int a = 0; a < input.numAttributes(); a++) {
      if (removeWords && isWord(input, a)) {
        continue;
      }
      if (a == input.classIndex()) {
        classIndex = atts.size();
      }
      atts.add((Attribute) input.attribute(a).copy());
    }
    for (int t = 0; t < numTopics; t++) {
      atts.add(new Attribute(topicName(input, t)));
    }
    Instances out = new Instances(input.relationName() + "-lda" + numTopics, atts, 0);
    out.setClassIndex(classIndex);
    return out;
  }

  private static boolean isWord(Instances header, int a) {
    Attribute att = header.attribute(a);
    return a != header.classIndex() && att.isNumeric() && !att.isDate();
  }

  /** "topic1", or "topic1_" when the input already has such an attribute. */
  private static String topicName(Instances input, int t) {
    String name = "topic" + (t + 1);
    while (input.attribute(name) != null) {
      name += "_";
    }
    return name;
  }

  @Override
  protected Instances process(Instances data) throws Exception {
    if (numTopics < 2) {
      throw new IllegalArgumentException("numTopics must be at least 2, got " + numTopics);
    }
    double[][] theta;
    if (!isFirstBatchDone()) {
      theta = train(data);
    } else {
      theta = infer(converter.convertAllowEmpty(data), 0x5DEECE66DL);
    }
    return output(data, theta);
  }

  private double[][] train(Instances data) throws Exception {
    converter = SparseInstancesConverter.fit(data, true);
    SparseDataset counts = converter.convert(data);
    String[] words = converter.columnNames();
    Corpus corpus = Corpus.fromCounts(counts, words);
    int n = corpus.numDocuments();
    if (numTopics > n) {
      throw new IllegalArgumentException("the number of topics (" + numTopics + ") exceeds the number of documents (" + n
          + "): lower numTopics (-K) or use more documents");
    }
    int[] order = shuffled(n);
    int held = (int) Math.floor(n * heldOutPercent / 100.0);
    if (n - held < numTopics || held < 1) {
      held = 0;
    }
    int[] trainDocs = Arrays.copyOfRange(order, held, n);
    int[] heldDocs = Arrays.copyOfRange(order, 0, held);
    Arrays.sort(trainDocs);
    Arrays.sort(heldDocs);
    Corpus training = held == 0 ? corpus : corpus.subset(trainDocs);
    WekaProgress progress = WekaProgress.of("LatentDirichletAllocation", getDebug());
    GibbsLda lda = LdaOptions.builder(numTopics).alphaSum(alphaSum).beta(beta).iterations(iterations).burnIn(burnIn)
        .optimizeInterval(optimizeInterval).threads(threads()).lda();
    model = progress.run(() -> lda.fit(training, seed, progress));
    double[][] theta = new double[n][];
    for (int i = 0; i < trainDocs.length; i++) {
      theta[trainDocs[i]] = model.trainingTheta(i);
    }
    Corpus heldOut = corpus.subset(heldDocs);
    for (int i = 0; i < heldDocs.length; i++) {
      theta[heldDocs[i]] = model.infer(heldOut.document(i), inferIterations, seed + 31L * heldDocs[i]);
    }
    double perplexity = held == 0 ? Double.NaN
        : TopicQuality.documentCompletionPerplexity(model, heldOut, inferIterations, seed);
    double[] coherence = TopicQuality.umassCoherence(model, training, Math.max(2, topWords));
    report = describe(words, n, corpus, held, perplexity, coherence);
    log(report);
    return theta;
  }

  private int[] shuffled(int n) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    SplittableRandom rng = new SplittableRandom(seed);
    for (int i = n - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    return order;
  }

  private double[][] infer(SparseDataset counts, long salt) {
    Corpus corpus = Corpus.fromCounts(counts, converter.columnNames());
    double[][] theta = new double[corpus.numDocuments()][];
    for (int d = 0; d < theta.length; d++) {
      theta[d] = model.infer(corpus.document(d), inferIterations, seed ^ salt + d);
    }
    return theta;
  }

  private void log(String message) {
    weka.core.logging.Logger.log(weka.core.logging.Logger.Level.INFO, message);
    if (getDebug()) {
      System.err.println(message);
    }
  }

  private String describe(String[] words, int n, Corpus corpus, int held, double perplexity, double[] coherence) {
    StringBuilder sb = new StringBuilder("Latent Dirichlet allocation (ClusterLab)\n");
    sb.append(String.format(Locale.ROOT, "%d documents (%d held out), %d words in the vocabulary, %d tokens; %d topics, "
        + "%d Gibbs sweeps, %.3g tokens/s%n", n, held, corpus.vocabularySize(), corpus.numTokens(), numTopics,
        model.iterations(), model.tokensPerSecond()));
    double[] alpha = model.alpha();
    sb.append(String.format(Locale.ROOT, "alpha sum %.4g%s, beta %.4g%n", Arrays.stream(alpha).sum(),
        optimizeInterval > 0 ? " (optimised)" : "", model.beta()));
    sb.append(held == 0 ? "held-out perplexity: not measured (no documents held out)\n"
        : String.format(Locale.ROOT, "held-out perplexity (document completion, %d documents): %.2f%n", held, perplexity));
    sb.append(String.format(Locale.ROOT, "mean UMass coherence of the top %d words: %.3f%n%n",
        Math.max(2, topWords), Arrays.stream(coherence).average().orElse(Double.NaN)));
    double[] share = model.topicShares();
    for (int t = 0; t < numTopics; t++) {
      sb.append(String.format(Locale.ROOT, "topic%-3d alpha %.4f  share %5.1f%%  coherence %8.2f :", t + 1, alpha[t],
          100 * share[t], coherence[t]));
      for (int w : model.topWords(t, topWords)) {
        sb.append(' ').append(words[w]);
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  private Instances output(Instances data, double[][] theta) {
    Instances out = determineOutputFormat(new Instances(data, 0));
    int kept = out.numAttributes() - numTopics;
    for (int i = 0; i < data.numInstances(); i++) {
      Instance inst = data.instance(i);
      double[] vals = new double[out.numAttributes()];
      for (int a = 0, m = 0; a < data.numAttributes(); a++) {
        if (removeWords && isWord(data, a)) {
          continue;
        }
        vals[m] = copyValue(inst, a, out.attribute(m));
        m++;
      }
      System.arraycopy(theta[i], 0, vals, kept, numTopics);
      Instance o = inst instanceof SparseInstance ? new SparseInstance(inst.weight(), vals)
          : new DenseInstance(inst.weight(), vals);
      out.add(o);
    }
    return out;
  }

  private static double copyValue(Instance inst, int a, Attribute target) {
    if (inst.isMissing(a)) {
      return weka.core.Utils.missingValue();
    }
    if (target.isString()) {
      return target.addStringValue(inst.stringValue(a));
    }
    if (target.isRelationValued()) {
      return target.addRelation(inst.relationalValue(a));
    }
    return inst.value(a);
  }

  /** The trained topic model, or null before the first batch. */
  public TopicModel getModel() {
    return model;
  }

  /** The words (attribute names) of the model's vocabulary, or null before the first batch. */
  public String[] getVocabulary() {
    return converter == null ? null : converter.columnNames();
  }

  @Override
  public String toString() {
    return report == null ? "LatentDirichletAllocation: no model trained yet." : report;
  }

  @OptionMetadata(displayName = "numTopics", description = "Number of topics K (at least 2, at most the number of documents).",
      commandLineParamName = "K", commandLineParamSynopsis = "-K <int>", displayOrder = 1)
  public int getNumTopics() {
    return numTopics;
  }

  public void setNumTopics(int k) {
    Check.atLeast("numTopics", k, 2);
    numTopics = k;
  }

  @OptionMetadata(displayName = "iterations", description = "Gibbs sampling sweeps over the corpus (at least 1).",
      commandLineParamName = "I", commandLineParamSynopsis = "-I <int>", displayOrder = 2)
  public int getIterations() {
    return iterations;
  }

  public void setIterations(int n) {
    Check.atLeast("iterations", n, 1);
    iterations = n;
  }

  @OptionMetadata(displayName = "alphaSum", description = "Initial sum of the document-topic prior alpha (each topic starts at alphaSum / K); positive.",
      commandLineParamName = "alpha", commandLineParamSynopsis = "-alpha <double>", displayOrder = 3)
  public double getAlphaSum() {
    return alphaSum;
  }

  public void setAlphaSum(double a) {
    Check.positive("alphaSum", a);
    alphaSum = a;
  }

  @OptionMetadata(displayName = "beta", description = "Topic-word prior beta (symmetric, positive); smaller values give sparser topics.",
      commandLineParamName = "beta", commandLineParamSynopsis = "-beta <double>", displayOrder = 4)
  public double getBeta() {
    return beta;
  }

  public void setBeta(double b) {
    Check.positive("beta", b);
    beta = b;
  }

  @OptionMetadata(displayName = "optimizeInterval", description = "Sweeps between optimisations of alpha (Minka's fixed point, as Mallet); 0 keeps alpha fixed.",
      commandLineParamName = "optimize-interval", commandLineParamSynopsis = "-optimize-interval <int>", displayOrder = 5)
  public int getOptimizeInterval() {
    return optimizeInterval;
  }

  public void setOptimizeInterval(int n) {
    Check.atLeast("optimizeInterval", n, 0);
    optimizeInterval = n;
  }

  @OptionMetadata(displayName = "burnIn", description = "Sweeps before alpha is first optimised (at least 0).",
      commandLineParamName = "burn-in", commandLineParamSynopsis = "-burn-in <int>", displayOrder = 6)
  public int getBurnIn() {
    return burnIn;
  }

  public void setBurnIn(int n) {
    Check.atLeast("burnIn", n, 0);
    burnIn = n;
  }

  @OptionMetadata(displayName = "inferIterations", description = "Gibbs sweeps to place a held-out or new document against the trained topics (at least 1).",
      commandLineParamName = "infer-iterations", commandLineParamSynopsis = "-infer-iterations <int>", displayOrder = 7)
  public int getInferIterations() {
    return inferIterations;
  }

  public void setInferIterations(int n) {
    Check.atLeast("inferIterations", n, 1);
    inferIterations = n;
  }

  @OptionMetadata(displayName = "heldOutPercent", description = "Percentage of the first batch's documents held out of training to measure perplexity (0 to 50); they still get topic proportions, by inference.",
      commandLineParamName = "held-out", commandLineParamSynopsis = "-held-out <percent>", displayOrder = 8)
  public double getHeldOutPercent() {
    return heldOutPercent;
  }

  public void setHeldOutPercent(double p) {
    Check.inRange("heldOutPercent", p, 0, 50);
    heldOutPercent = p;
  }

  @OptionMetadata(displayName = "topWords", description = "Number of top words per topic in the report (at least 1).",
      commandLineParamName = "top-words", commandLineParamSynopsis = "-top-words <int>", displayOrder = 9)
  public int getTopWords() {
    return topWords;
  }

  public void setTopWords(int n) {
    Check.atLeast("topWords", n, 1);
    topWords = n;
  }

  @OptionMetadata(displayName = "removeWords", description = "Drop the word-count attributes from the output, keeping only the other attributes and the topic proportions.",
      commandLineParamName = "remove-words", commandLineParamSynopsis = "-remove-words", commandLineParamIsFlag = true, displayOrder = 10)
  public boolean getRemoveWords() {
    return removeWords;
  }

  public void setRemoveWords(boolean b) {
    removeWords = b;
  }

  @OptionMetadata(displayName = "seed", description = "Random seed of the sampler.",
      commandLineParamName = "S", commandLineParamSynopsis = "-S <int>", displayOrder = 12)
  public int getSeed() {
    return seed;
  }

  public void setSeed(int s) {
    seed = s;
  }

  public static void main(String[] args) {
    runFilter(new LatentDirichletAllocation(), args);
  }
}
