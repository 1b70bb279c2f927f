package weka.clusterers.centroid;

import clusterlab.core.Check;
import clusterlab.core.Dataset;
import clusterlab.core.Progress;
import clusterlab.core.mixed.KPrototypesModel;
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
 * Weka adapter for ClusterLab's k-prototypes core ({@link clusterlab.core.mixed.KPrototypes}),
 * reading numeric and nominal attributes with missing values through the mixed-type path
 * ({@link MixedConverter}).
 */
public class KPrototypes extends CentroidClusterer<KPrototypesModel> implements WeightedInstancesHandler, TechnicalInformationHandler {

  private static final long serialVersionUID = 1L;

  private double gamma = -1;
  private clusterlab.core.mixed.KPrototypes.Init init = clusterlab.core.mixed.KPrototypes.Init.CAO;
  private int maxIterations = 100;

  private MixedConverter mixed;

  public String globalInfo() {
    return "k-prototypes clustering (Huang 1998) for data with numeric and nominal attributes, one prototype of means "
        + "and modes per cluster. A row's cost is its squared Euclidean distance on the "
        + "numeric attributes plus gamma times its number of nominal mismatches. Gamma defaults to half the mean "
        + "standard deviation of the numeric attributes (Huang's suggestion, as Python's kmodes); initial prototypes "
        + "by Cao et al. (2009) density and distance (deterministic) or random rows.\n\nNumeric attributes are used "
        + "as given (nothing rescaled: standardise first when their scales differ, since gamma is set from their "
        + "spread); ordinal nominal attributes count as nominal; missing values are left out of a row's cost and of "
        + "the prototypes; the class attribute is ignored.\n\nFor more information see:\n"
        + getTechnicalInformation().toString();
  }

  @Override
  public TechnicalInformation getTechnicalInformation() {
    TechnicalInformation t = new TechnicalInformation(TechnicalInformation.Type.ARTICLE);
    t.setValue(TechnicalInformation.Field.AUTHOR, "Zhexue Huang");
    t.setValue(TechnicalInformation.Field.TITLE, "Extensions to the k-means algorithm for clustering large data sets with categorical values");
    t.setValue(TechnicalInformation.Field.JOURNAL, "Data Mining and Knowledge Discovery");
    t.setValue(TechnicalInformation.Field.VOLUME, "2");
    t.setValue(TechnicalInformation.Field.NUMBER, "3");
    t.setValue(TechnicalInformation.Field.PAGES, "283-304");
    t.setValue(TechnicalInformation.Field.YEAR, "1998");
    TechnicalInformation c = t.add(TechnicalInformation.Type.ARTICLE);
    c.setValue(TechnicalInformation.Field.AUTHOR, "Fuyuan Cao and Jiye Liang and Liang Bai");
    c.setValue(TechnicalInformation.Field.TITLE, "A new initialization method for categorical data clustering");
    c.setValue(TechnicalInformation.Field.JOURNAL, "Expert Systems with Applications");
    c.setValue(TechnicalInformation.Field.VOLUME, "36");
    c.setValue(TechnicalInformation.Field.NUMBER, "7");
    c.setValue(TechnicalInformation.Field.PAGES, "10223-10228");
    c.setValue(TechnicalInformation.Field.YEAR, "2009");
    return t;
  }

  @Override
  public Capabilities getCapabilities() {
    return MixedConverter.capabilities(this);
  }

  /** Numeric and nominal attributes with missing values: read through the mixed-type path. */
  @Override
  protected KPrototypesModel fitInstances(Instances data, Progress progress) {
    mixed = MixedConverter.fit(data, "", "");
    MixedTable table = mixed.convert(data);
    checkEnoughRows(table.n());
    return new clusterlab.core.mixed.KPrototypes(getNumClusters(), gamma < 0 ? Double.NaN : gamma, init, maxIterations)
        .fit(table, getSeed(), progress);
  }

  /**
   * Not reached: {@link #fitInstances} reads every attribute type itself instead of the shared
   * numeric converter, which would drop the nominal attributes k-prototypes exists for.
   */
  @Override
  protected KPrototypesModel fit(Dataset data, Progress progress) {
    throw new IllegalStateException("KPrototypes reads its data through the mixed-type path (fitInstances)");
  }

  @Override
  protected double[] row(Instance instance) {
    checkBuilt();
    return mixed.vector(instance);
  }

  @OptionMetadata(displayName = "gamma", description = "Weight of one nominal mismatch against squared numeric distance; negative (default -1) for Huang's default, half the mean standard deviation of the numeric attributes.",
      commandLineParamName = "gamma", commandLineParamSynopsis = "-gamma <double>", displayOrder = 2)
  public double getGamma() {
    return gamma;
  }

  public void setGamma(double g) {
    if (Double.isNaN(g) || Double.isInfinite(g)) {
      throw new IllegalArgumentException("gamma must be a finite number (negative for Huang's default), got " + g);
    }
    gamma = g;
  }

  @OptionMetadata(displayName = "init", description = "Initial prototypes: cao (Cao et al. 2009, density and distance, deterministic) or random rows.",
      commandLineParamName = "init", commandLineParamSynopsis = "-init <cao|random>", displayOrder = 3)
  public SelectedTag getInit() {
    return Tags.select(init);
  }

  public void setInit(SelectedTag tag) {
    init = Tags.value(tag, clusterlab.core.mixed.KPrototypes.Init.class);
  }

  @OptionMetadata(displayName = "maxIterations", description = "Maximum number of reallocation passes (at least 1).",
      commandLineParamName = "I", commandLineParamSynopsis = "-I <int>", displayOrder = 4)
  public int getMaxIterations() {
    return maxIterations;
  }

  public void setMaxIterations(int n) {
    Check.atLeast("maxIterations", n, 1);
    maxIterations = n;
  }

  @Override
  protected String describeModel() {
    KPrototypesModel model = getModel();
    if (model == null) {
      return "KPrototypes: no model built yet.";
    }
    StringBuilder sb = new StringBuilder("KPrototypes (ClusterLab)\n========================\n\n");
    sb.append(String.format(Locale.ROOT, "Clusters: %d   Gamma: %.6g   Passes: %d   Converged: %s%n", model.k(), model.gamma(),
        model.iterations(), model.converged() ? "yes" : "no (raise -I)"));
    sb.append(String.format(Locale.ROOT, "Cost (Huang's objective): %.6g%n%n", model.cost()));
    CentroidTable table = new CentroidTable(new String[0], model.k());
    table.row("(size)", model.clusterWeight()).row("(cost)", model.clusterCost());
    String[] names = mixed.names();
    for (int j = 0; j < names.length; j++) {
      String[] cells = new String[model.k()];
      for (int c = 0; c < model.k(); c++) {
        cells[c] = mixed.format(j, model.prototype(c)[j]);
      }
      table.text(names[j], cells);
    }
    return sb.append(table).toString();
  }

  public static void main(String[] args) {
    runClusterer(new KPrototypes(), args);
  }
}
