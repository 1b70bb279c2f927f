package weka.clusterers.mixture;

import clusterlab.core.Check;
import clusterlab.core.Dataset;
import clusterlab.core.Progress;
import clusterlab.core.mixture.CovarianceType;
import clusterlab.core.mixture.MixtureModel;
import clusterlab.core.mixture.EmOptions;
import clusterlab.core.mixture.MixtureSelection;
import clusterlab.weka.CentroidTable;
import clusterlab.weka.ParameterCount;
import clusterlab.weka.ProbabilisticClusterer;
import clusterlab.weka.Tags;
import clusterlab.weka.mixture.MixtureReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import weka.clusterers.NumberOfClustersRequestable;
import weka.core.OptionMetadata;
import weka.core.SelectedTag;
import weka.core.TechnicalInformation;
import weka.core.TechnicalInformationHandler;
import weka.core.WeightedInstancesHandler;

/**
 * Weka adapter for ClusterLab's Gaussian mixture core ({@link clusterlab.core.mixture.GaussianMixture}
 * and {@link MixtureSelection}): a {@code DensityBasedClusterer} whose distribution is the posterior
 * membership and whose log-density is the mixture's, both derived by {@link ProbabilisticClusterer}
 * from the model; this class declares only the mixture's own options.
 */
public class GaussianMixture extends ProbabilisticClusterer<MixtureModel>
    implements NumberOfClustersRequestable, WeightedInstancesHandler, TechnicalInformationHandler, ParameterCount {

  private static final long serialVersionUID = 1L;

  /** Model choice. */
  public enum Select {
    /** Fit the given number of components and covariance type. */
    NONE,
    /** Lowest BIC over 1..N components and the listed covariance types. */
    BIC,
    /** Lowest AIC over the same range. */
    AIC,
    /** Lowest ICL over the same range. */
    ICL
  }

  private int numClusters = 2;
  private CovarianceType covariance = CovarianceType.FULL;
  private clusterlab.core.mixture.GaussianMixture.Init init = clusterlab.core.mixture.GaussianMixture.Init.KMEANS;
  private int numInit = 1;
  private int maxIterations = 100;
  private double tolerance = 1e-3;
  private double regCovar = 1e-6;
  private Select select = Select.NONE;
  private int selectMinClusters = 1;
  private String selectTypes = "full,tied,diag,spherical";

  private MixtureSelection.Result selection;

  public String globalInfo() {
    return "Gaussian mixture model by EM with full, tied, diagonal or spherical covariances, and model choice by BIC, "
        + "AIC or ICL over numbers of components and covariance types as in R's mclust. Semantics are scikit-learn's "
        + "(k-means initialisation, restarts, reg_covar, tolerance on the mean log-likelihood per row). "
        + "The distribution of an instance is its posterior membership "
        + "probabilities, its log-density the mixture's; BIC, AIC and ICL are reported (lower is better; mclust "
        + "prints BIC with the opposite sign). A component that collapses (duplicate rows, a constant attribute) is "
        + "kept positive definite by reg_covar, or by a reported diagonal jitter when reg_covar is 0: never NaN. "
        + "Multi-threaded, with results identical for any thread count.\n\n"
        + "Nothing is rescaled: attribute values are used as given. Numeric attributes only unless one-hot encoding "
        + "is on; the class attribute is ignored; missing values must be replaced first; instance weights count as "
        + "replicated rows.\n\nFor more information see:\n" + getTechnicalInformation().toString();
  }

  @Override
  public TechnicalInformation getTechnicalInformation() {
    TechnicalInformation em = new TechnicalInformation(TechnicalInformation.Type.ARTICLE);
    em.setValue(TechnicalInformation.Field.AUTHOR, "A. P. Dempster and N. M. Laird and D. B. Rubin");
    em.setValue(TechnicalInformation.Field.TITLE, "Maximum likelihood from incomplete data via the EM algorithm");
    em.setValue(TechnicalInformation.Field.JOURNAL, "Journal of the Royal Statistical Society, Series B");
    em.setValue(TechnicalInformation.Field.VOLUME, "39");
    em.setValue(TechnicalInformation.Field.NUMBER, "1");
    em.setValue(TechnicalInformation.Field.PAGES, "1-38");
    em.setValue(TechnicalInformation.Field.YEAR, "1977");
    TechnicalInformation mclust = em.add(TechnicalInformation.Type.ARTICLE);
    mclust.setValue(TechnicalInformation.Field.AUTHOR, "Chris Fraley and Adrian E. Raftery");
    mclust.setValue(TechnicalInformation.Field.TITLE, "Model-based clustering, discriminant analysis, and density estimation");
    mclust.setValue(TechnicalInformation.Field.JOURNAL, "Journal of the American Statistical Association");
    mclust.setValue(TechnicalInformation.Field.VOLUME, "97");
    mclust.setValue(TechnicalInformation.Field.NUMBER, "458");
    mclust.setValue(TechnicalInformation.Field.PAGES, "611-631");
    mclust.setValue(TechnicalInformation.Field.YEAR, "2002");
    TechnicalInformation icl = em.add(TechnicalInformation.Type.ARTICLE);
    icl.setValue(TechnicalInformation.Field.AUTHOR, "Christophe Biernacki and Gilles Celeux and Gerard Govaert");
    icl.setValue(TechnicalInformation.Field.TITLE,
        "Assessing a mixture model for clustering with the integrated completed likelihood");
    icl.setValue(TechnicalInformation.Field.JOURNAL, "IEEE Transactions on Pattern Analysis and Machine Intelligence");
    icl.setValue(TechnicalInformation.Field.VOLUME, "22");
    icl.setValue(TechnicalInformation.Field.NUMBER, "7");
    icl.setValue(TechnicalInformation.Field.PAGES, "719-725");
    icl.setValue(TechnicalInformation.Field.YEAR, "2000");
    return em;
  }

  @Override
  protected MixtureModel fit(Dataset dataset, Progress progress) {
    List<CovarianceType> types = parseTypes(selectTypes);
    selection = null;
    EmOptions settings = EmOptions.builder().init(init).numInit(numInit).maxIterations(maxIterations)
        .tolerance(tolerance).regCovar(regCovar).threads(threads()).build();
    if (select == Select.NONE) {
      checkEnoughRows(dataset.n(), numClusters);
      return new clusterlab.core.mixture.GaussianMixture(numClusters, covariance, settings)
          .fit(dataset, getSeed(), progress);
    }
    selection = new MixtureSelection(Math.min(selectMinClusters, numClusters), numClusters, types,
        MixtureSelection.Criterion.valueOf(select.name())).run(dataset, settings, getSeed(), progress);
    return selection.best().model;
  }

  /** Parses a comma-separated list of covariance types. */
  static List<CovarianceType> parseTypes(String list) {
    List<CovarianceType> out = new ArrayList<>();
    for (String s : list.split(",")) {
      String w = s.trim();
      if (w.isEmpty()) {
        continue;
      }
      CovarianceType t = null;
      for (CovarianceType c : CovarianceType.values()) {
        if (Tags.word(c).equalsIgnoreCase(w)) {
          t = c;
        }
      }
      if (t == null) {
        throw new IllegalArgumentException("selectTypes: unknown covariance type '" + w
            + "'; use a comma-separated list of full, tied, diag, spherical");
      }
      if (!out.contains(t)) {
        out.add(t);
      }
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("selectTypes: give at least one of full, tied, diag, spherical");
    }
    return out;
  }

  @Override
  public long numberOfFreeParameters() {
    checkBuilt();
    return getModel().parameters();
  }

  /** The model-choice table when -select is on, else null. */
  public MixtureSelection.Result getSelection() {
    return selection;
  }

  @OptionMetadata(displayName = "numClusters", description = "Number of clusters (mixture components) k; with -select, the largest k tried (at least 1).",
      commandLineParamName = "N", commandLineParamSynopsis = "-N <int>", displayOrder = 1)
  public int getNumClusters() {
    return numClusters;
  }

  @Override
  public void setNumClusters(int n) {
    Check.atLeast("number of components", n, 1);
    numClusters = n;
  }

  @OptionMetadata(displayName = "covariance", description = "Covariance type: full (each component its own matrix, mclust VVV), tied (one shared matrix, EEE), diag (VVI) or spherical (VII).",
      commandLineParamName = "covariance", commandLineParamSynopsis = "-covariance <full|tied|diag|spherical>", displayOrder = 2)
  public SelectedTag getCovariance() {
    return Tags.select(covariance);
  }

  public void setCovariance(SelectedTag tag) {
    covariance = Tags.value(tag, CovarianceType.class);
  }

  @OptionMetadata(displayName = "init", description = "Initialisation: kmeans (labels of one k-means run, as scikit-learn) or kmeans-plus-plus (nearest k-means++ seed).",
      commandLineParamName = "init", commandLineParamSynopsis = "-init <kmeans|kmeans-plus-plus>", displayOrder = 3)
  public SelectedTag getInit() {
    return Tags.select(init);
  }

  public void setInit(SelectedTag tag) {
    init = Tags.value(tag, clusterlab.core.mixture.GaussianMixture.Init.class);
  }

  @OptionMetadata(displayName = "numInit", description = "Restarts from different seeds; the highest log-likelihood lower bound is kept (at least 1).",
      commandLineParamName = "n-init", commandLineParamSynopsis = "-n-init <int>", displayOrder = 4)
  public int getNumInit() {
    return numInit;
  }

  public void setNumInit(int n) {
    Check.atLeast("numInit (restarts)", n, 1);
    numInit = n;
  }

  @OptionMetadata(displayName = "maxIterations", description = "Maximum EM iterations per restart (at least 1).",
      commandLineParamName = "I", commandLineParamSynopsis = "-I <int>", displayOrder = 5)
  public int getMaxIterations() {
    return maxIterations;
  }

  public void setMaxIterations(int n) {
    Check.atLeast("maxIterations", n, 1);
    maxIterations = n;
  }

  @OptionMetadata(displayName = "tolerance", description = "Stop when the mean log-likelihood per instance changes by less (scikit-learn's tol); 0 runs all iterations.",
      commandLineParamName = "tol", commandLineParamSynopsis = "-tol <double>", displayOrder = 6)
  public double getTolerance() {
    return tolerance;
  }

  public void setTolerance(double t) {
    Check.nonNegative("tolerance", t);
    tolerance = t;
  }

  @OptionMetadata(displayName = "regCovar", description = "Added to every covariance diagonal so that covariances stay positive definite (scikit-learn's reg_covar, at least 0).",
      commandLineParamName = "reg-covar", commandLineParamSynopsis = "-reg-covar <double>", displayOrder = 7)
  public double getRegCovar() {
    return regCovar;
  }

  public void setRegCovar(double r) {
    Check.nonNegative("regCovar", r);
    regCovar = r;
  }

  @OptionMetadata(displayName = "select", description = "Model choice: none (fit -N and -covariance), or keep the lowest bic, aic or icl over selectMinClusters..N components and the covariance types in selectTypes.",
      commandLineParamName = "select", commandLineParamSynopsis = "-select <none|bic|aic|icl>", displayOrder = 8)
  public SelectedTag getSelect() {
    return Tags.select(select);
  }

  public void setSelect(SelectedTag tag) {
    select = Tags.value(tag, Select.class);
  }

  @OptionMetadata(displayName = "selectMinClusters", description = "With -select: the smallest number of components tried (at least 1).",
      commandLineParamName = "select-min-n", commandLineParamSynopsis = "-select-min-n <int>", displayOrder = 9)
  public int getSelectMinClusters() {
    return selectMinClusters;
  }

  public void setSelectMinClusters(int n) {
    Check.atLeast("selectMinClusters", n, 1);
    selectMinClusters = n;
  }

  @OptionMetadata(displayName = "selectTypes", description = "With -select: comma-separated covariance types to choose among (full,tied,diag,spherical).",
      commandLineParamName = "select-types", commandLineParamSynopsis = "-select-types <list>", displayOrder = 10)
  public String getSelectTypes() {
    return selectTypes;
  }

  public void setSelectTypes(String s) {
    parseTypes(s);
    selectTypes = s;
  }

  @Override
  protected String describeModel() {
    MixtureModel model = getModel();
    if (model == null) {
      return "GaussianMixture: no model built yet.";
    }
    StringBuilder sb = new StringBuilder("GaussianMixture (ClusterLab)\n============================\n\n");
    sb.append(String.format(Locale.ROOT, "Components: %d   Covariance: %s   Iterations: %d   Converged: %s%n",
        model.numClusters(), Tags.word(model.covarianceType()), model.iterations(),
        model.converged() ? "yes" : "no (raise -I or -tol)"));
    sb.append(String.format(Locale.ROOT, "Log-likelihood: %.6f   Free parameters: %d%n", model.logLikelihood(),
        model.parameters()));
    sb.append(String.format(Locale.ROOT, "BIC: %.6f   AIC: %.6f   ICL: %.6f   (lower is better; mclust's BIC = -BIC)%n",
        model.bic(), model.aic(), model.icl()));
    if (model.components().regularised()) {
      sb.append("Note: a collapsed component's covariance was regularised by a diagonal jitter of up to ")
          .append(String.format(Locale.ROOT, "%.3g", max(model.components().jitter())))
          .append(" (duplicate rows or a constant attribute; raise -reg-covar to control it).\n");
    }
    sb.append('\n');
    if (selection != null) {
      sb.append(MixtureReport.selectionTable(selection)).append('\n');
    }
    String[] names = converter().columnNames();
    int k = model.numClusters();
    int d = model.d();
    double[] sd = new double[k * d];
    for (int c = 0; c < k; c++) {
      double[] cov = model.components().covarianceMatrix(c);
      for (int j = 0; j < d; j++) {
        sd[c * d + j] = Math.sqrt(cov[j * d + j]);
      }
    }
    sb.append("Means\n").append(new CentroidTable(names, k).row("(weight)", model.weights())
        .centroids(model.components().means()));
    sb.append("\nStandard deviations\n").append(new CentroidTable(names, k).centroids(sd));
    if (model.covarianceType() == CovarianceType.FULL || model.covarianceType() == CovarianceType.TIED) {
      sb.append(MixtureReport.correlations(model, names));
    }
    return sb.toString();
  }

  private static double max(double[] a) {
    double m = 0;
    for (double x : a) {
      m = Math.max(m, x);
    }
    return m;
  }

  public static void main(String[] args) {
    runClusterer(new GaussianMixture(), args);
  }
}
