package weka.clusterers.centroid;

import clusterlab.core.Check;
import clusterlab.core.Dataset;
import clusterlab.core.Progress;
import clusterlab.core.distance.Distance;
import clusterlab.core.distance.Gower;
import clusterlab.core.distance.Metric;
import clusterlab.core.medoids.KMedoids.Init;
import clusterlab.core.medoids.KMedoids.Memory;
import clusterlab.core.medoids.KMedoids.Method;
import clusterlab.core.medoids.KMedoidsModel;
import clusterlab.core.mixed.MixedTable;
import clusterlab.weka.CentroidClusterer;
import clusterlab.weka.CentroidTable;
import clusterlab.weka.MixedConverter;
import clusterlab.weka.Tags;
import java.util.Locale;
import weka.core.Capabilities;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.OptionMetadata;
import weka.core.SelectedTag;
import weka.core.TechnicalInformation;
import weka.core.TechnicalInformationHandler;
import weka.core.WeightedInstancesHandler;

/**
 * Weka adapter for ClusterLab's k-medoids core ({@link clusterlab.core.medoids.KMedoids}): PAM with
 * the FasterPAM swap or CLARA, on the Euclidean family or on Gower's coefficient for mixed data.
 * With Gower it reads the data through the explicit mixed-type path ({@link MixedConverter}), so
 * nominal attributes and missing values are accepted; with the other distances through the shared
 * numeric {@link InstancesConverter}, which refuses them.
 */
public class KMedoids extends CentroidClusterer<KMedoidsModel> implements WeightedInstancesHandler, TechnicalInformationHandler {

  private static final long serialVersionUID = 1L;

  /** The distances k-medoids offers: the shared vocabulary plus Gower. */
  public enum DistanceChoice {
    EUCLIDEAN, SQEUCLIDEAN, MANHATTAN, CHEBYSHEV, COSINE, GOWER
  }

  private DistanceChoice distance = DistanceChoice.EUCLIDEAN;
  private Init init = Init.BUILD;
  private Method method = Method.PAM;
  private Memory memory = Memory.AUTO;
  private int maxPasses = 100;
  private int samples = 5;
  private int sampleSize;
  private String ordinal = "";
  private String asymmetric = "";

  private MixedConverter mixed;

  public String globalInfo() {
    return "k-medoids clustering (PAM with the FasterPAM swap, or CLARA for large data) on any distance, including "
        + "Gower's coefficient for mixed numeric and nominal data with missing values. The medoids are real "
        + "training instances (reported by row number and values), so each cluster has an actual representative "
        + "and no mean is ever taken. Initialisation by BUILD (deterministic, as R's cluster::pam), k-medoids++ "
        + "or random rows; the dissimilarity matrix is precomputed when it fits in two thirds of the free heap, otherwise "
        + "distances are computed on demand in O(n) memory; multi-threaded with results independent of the "
        + "thread count.\n\nWith the Euclidean family only numeric attributes are used (nominal ones refused or "
        + "one-hot encoded, missing values refused) and nothing is rescaled; with -distance gower numeric "
        + "attributes are range-normalised by Gower's definition, nominal ones compared by mismatch (ordinal "
        + "and asymmetric binary ones as declared), and missing values left out pairwise. The class attribute is "
        + "ignored.\n\nFor more information see:\n" + getTechnicalInformation().toString();
  }

  @Override
  public TechnicalInformation getTechnicalInformation() {
    TechnicalInformation t = new TechnicalInformation(TechnicalInformation.Type.ARTICLE);
    t.setValue(TechnicalInformation.Field.AUTHOR, "Erich Schubert and Peter J. Rousseeuw");
    t.setValue(TechnicalInformation.Field.TITLE, "Fast and eager k-medoids clustering: O(k) runtime improvement of the PAM, CLARA, and CLARANS algorithms");
    t.setValue(TechnicalInformation.Field.JOURNAL, "Information Systems");
    t.setValue(TechnicalInformation.Field.VOLUME, "101");
    t.setValue(TechnicalInformation.Field.PAGES, "101804");
    t.setValue(TechnicalInformation.Field.YEAR, "2021");
    TechnicalInformation k = t.add(TechnicalInformation.Type.BOOK);
    k.setValue(TechnicalInformation.Field.AUTHOR, "Leonard Kaufman and Peter J. Rousseeuw");
    k.setValue(TechnicalInformation.Field.TITLE, "Finding Groups in Data: An Introduction to Cluster Analysis (chapters 2 and 3, PAM and CLARA)");
    k.setValue(TechnicalInformation.Field.PUBLISHER, "Wiley");
    k.setValue(TechnicalInformation.Field.YEAR, "1990");
    TechnicalInformation g = t.add(TechnicalInformation.Type.ARTICLE);
    g.setValue(TechnicalInformation.Field.AUTHOR, "J. C. Gower");
    g.setValue(TechnicalInformation.Field.TITLE, "A general coefficient of similarity and some of its properties");
    g.setValue(TechnicalInformation.Field.JOURNAL, "Biometrics");
    g.setValue(TechnicalInformation.Field.VOLUME, "27");
    g.setValue(TechnicalInformation.Field.PAGES, "857-871");
    g.setValue(TechnicalInformation.Field.YEAR, "1971");
    return t;
  }

  @Override
  public Capabilities getCapabilities() {
    return distance == DistanceChoice.GOWER ? MixedConverter.capabilities(this) : super.getCapabilities();
  }

  /** With Gower the data go through the mixed-type path; otherwise through the shared numeric one. */
  @Override
  protected KMedoidsModel fitInstances(Instances data, Progress progress) throws Exception {
    mixed = null;
    if (distance != DistanceChoice.GOWER) {
      return super.fitInstances(data, progress);
    }
    mixed = MixedConverter.fit(data, ordinal, asymmetric);
    MixedTable table = mixed.convert(data);
    checkEnoughRows(table.n());
    return core().fit(table.values(), table.n(), table.m(), table.weights(), Gower.fit(table), getSeed(), progress);
  }

  @Override
  protected KMedoidsModel fit(Dataset ds, Progress progress) {
    checkEnoughRows(ds.n());
    return core().fit(ds.values(), ds.n(), ds.d(), ds.weights(), metric(), getSeed(), progress);
  }

  private clusterlab.core.medoids.KMedoids core() {
    return clusterlab.core.medoids.KMedoids.builder(getNumClusters()).init(init).method(method).memory(memory)
        .maxPasses(maxPasses).samples(samples).sampleSize(sampleSize).threads(threads()).build();
  }

  @Override
  protected double[] row(Instance instance) {
    checkBuilt();
    return mixed != null ? mixed.vector(instance) : super.row(instance);
  }

  /** The silhouette in the model output uses the medoids' distance (Euclidean on one-hot data for Gower). */
  @Override
  protected Distance qualityDistance() {
    return distance == DistanceChoice.GOWER ? Metric.EUCLIDEAN : metric();
  }

  private Distance metric() {
    return distance == DistanceChoice.SQEUCLIDEAN ? Metric.SQUARED_EUCLIDEAN : Metric.byId(Tags.word(distance));
  }

  @OptionMetadata(displayName = "distance", description = "Dissimilarity: euclidean, sqeuclidean, manhattan, chebyshev, cosine (numeric attributes as given) or gower (mixed numeric/nominal data with missing values).",
      commandLineParamName = "distance", commandLineParamSynopsis = "-distance <euclidean|sqeuclidean|manhattan|chebyshev|cosine|gower>", displayOrder = 2)
  public SelectedTag getDistance() {
    return Tags.select(distance);
  }

  public void setDistance(SelectedTag tag) {
    distance = Tags.value(tag, DistanceChoice.class);
  }

  @OptionMetadata(displayName = "init", description = "Initial medoids: build (Kaufman and Rousseeuw's greedy BUILD, deterministic, as R's pam), kmedoids-plus-plus (D^2-weighted random rows) or random.",
      commandLineParamName = "init", commandLineParamSynopsis = "-init <build|kmedoids-plus-plus|random>", displayOrder = 3)
  public SelectedTag getInit() {
    return Tags.select(init);
  }

  public void setInit(SelectedTag tag) {
    init = Tags.value(tag, Init.class);
  }

  @OptionMetadata(displayName = "method", description = "pam (FasterPAM on all rows) or clara (FasterPAM on samples, judged on all rows; for large data).",
      commandLineParamName = "method", commandLineParamSynopsis = "-method <pam|clara>", displayOrder = 4)
  public SelectedTag getMethod() {
    return Tags.select(method);
  }

  public void setMethod(SelectedTag tag) {
    method = Tags.value(tag, Method.class);
  }

  @OptionMetadata(displayName = "memory", description = "PAM's dissimilarities: auto (the n x n matrix when 8n^2 bytes fit in two thirds of the free heap, else on demand), matrix, or on-demand (O(n) memory, slower).",
      commandLineParamName = "memory", commandLineParamSynopsis = "-memory <auto|matrix|on-demand>", displayOrder = 5)
  public SelectedTag getMemory() {
    return Tags.select(memory);
  }

  public void setMemory(SelectedTag tag) {
    memory = Tags.value(tag, Memory.class);
  }

  @OptionMetadata(displayName = "maxPasses", description = "Limit of the swap phase in passes over all candidate rows (at least 1).",
      commandLineParamName = "max-passes", commandLineParamSynopsis = "-max-passes <int>", displayOrder = 6)
  public int getMaxPasses() {
    return maxPasses;
  }

  public void setMaxPasses(int n) {
    Check.atLeast("maxPasses", n, 1);
    maxPasses = n;
  }

  @OptionMetadata(displayName = "samples", description = "CLARA: number of samples (at least 1).",
      commandLineParamName = "samples", commandLineParamSynopsis = "-samples <int>", displayOrder = 7)
  public int getSamples() {
    return samples;
  }

  public void setSamples(int n) {
    Check.atLeast("samples", n, 1);
    samples = n;
  }

  @OptionMetadata(displayName = "sampleSize", description = "CLARA: rows per sample; 0 = 40 + 2k (Kaufman and Rousseeuw, R's clara).",
      commandLineParamName = "sample-size", commandLineParamSynopsis = "-sample-size <int>", displayOrder = 8)
  public int getSampleSize() {
    return sampleSize;
  }

  public void setSampleSize(int n) {
    Check.atLeast("sampleSize", n, 0);
    sampleSize = n;
  }

  @OptionMetadata(displayName = "ordinal", description = "Gower: nominal attributes whose values are ordered (a range such as 1,4,5), compared by the rank of their declared values.",
      commandLineParamName = "ordinal", commandLineParamSynopsis = "-ordinal <range>", displayOrder = 9)
  public String getOrdinal() {
    return ordinal;
  }

  public void setOrdinal(String r) {
    ordinal = checkRange("ordinal", r);
  }

  @OptionMetadata(displayName = "asymmetric", description = "Gower: two-valued nominal attributes that are asymmetric binary (a range); a shared first value (absence) is left out.",
      commandLineParamName = "asymmetric", commandLineParamSynopsis = "-asymmetric <range>", displayOrder = 10)
  public String getAsymmetric() {
    return asymmetric;
  }

  public void setAsymmetric(String r) {
    asymmetric = checkRange("asymmetric", r);
  }

  static String checkRange(String name, String value) {
    return clusterlab.weka.AttributeRanges.check(name, value);
  }

  @Override
  protected String describeModel() {
    KMedoidsModel model = getModel();
    if (model == null) {
      return "KMedoids: no model built yet.";
    }
    StringBuilder sb = new StringBuilder("KMedoids (ClusterLab)\n=====================\n\n");
    sb.append(String.format(Locale.ROOT, "Clusters: %d   Distance: %s   Method: %s   Swaps: %d   Converged: %s%n", model.k(),
        Tags.word(distance), model.method(), model.swaps(), model.converged() ? "yes" : "no (raise -max-passes)"));
    sb.append(String.format(Locale.ROOT, "Total deviation: %.6g   Mean deviation: %.6g   (after initialisation: %.6g)%n%n",
        model.totalDeviation(), model.meanDeviation(), model.initialDeviation()));
    CentroidTable table = new CentroidTable(new String[0], model.k());
    String[] rows = new String[model.k()];
    for (int c = 0; c < model.k(); c++) {
      rows[c] = "row " + (model.medoidRows()[c] + 1);
    }
    table.text("(medoid)", rows).row("(size)", model.clusterWeight()).row("(deviation)", model.clusterDeviation());
    String[] names = mixed != null ? mixed.names() : converter().columnNames();
    for (int j = 0; j < names.length; j++) {
      String[] cells = new String[model.k()];
      for (int c = 0; c < model.k(); c++) {
        double v = model.medoid(c)[j];
        cells[c] = mixed != null ? mixed.format(j, v) : String.format(Locale.ROOT, "%.6g", v);
      }
      table.text(names[j], cells);
    }
    return sb.append(table).toString();
  }

  public static void main(String[] args) {
    runClusterer(new KMedoids(), args);
  }
}
