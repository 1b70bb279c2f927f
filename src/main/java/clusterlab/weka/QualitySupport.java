package clusterlab.weka;

import clusterlab.core.Dataset;
import clusterlab.core.evaluation.BootstrapJaccard;
import clusterlab.core.evaluation.QualityEvaluator;
import clusterlab.core.evaluation.QualityReport;
import clusterlab.core.evaluation.SilhouetteResult;
import clusterlab.core.evaluation.StabilityResult;
import java.util.ArrayList;
import weka.clusterers.AbstractClusterer;
import weka.clusterers.Clusterer;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instances;
import weka.core.Randomizable;
import weka.filters.Filter;
import weka.filters.unsupervised.attribute.Remove;

/**
 * What the cluster-quality adapters (the {@code ClusterQuality} command line, the KnowledgeFlow step
 * and the Experimenter split evaluator) share: turning a Weka clusterer's output into labels,
 * reference classes and a core {@link QualityReport}, so the three report the same numbers.
 *
 * <p>Data rules: the class attribute (when set) is never used for the distance-based indices, only
 * as the reference for the external ones (nominal classes only; a missing class counts as one more
 * class). Nominal attributes are one-hot encoded for the distances, string attributes ignored,
 * nothing is rescaled, and missing values are refused with the converter's message. An instance the
 * clusterer cannot assign (clusterInstance throws, as density clusterers do for noise) is noise, -1,
 * exactly as Weka's {@code ClusterEvaluation} counts it as unclustered.
 */
public final class QualitySupport {

  private QualitySupport() {
  }

  /** A copy of {@code data} without its class attribute (the same object when no class is set). */
  public static Instances withoutClass(Instances data) throws Exception {
    if (data.classIndex() < 0) {
      return data;
    }
    Remove remove = new Remove();
    remove.setAttributeIndices("" + (data.classIndex() + 1));
    remove.setInputFormat(data);
    return Filter.useFilter(data, remove);
  }

  /**
   * The cluster of every instance by a built clusterer, -1 where {@code clusterInstance} throws
   * (noise). The instances must have the header the clusterer was trained on.
   *
   * @throws Exception when no instance at all can be assigned (the first failure, which is then a
   *     real error such as a header mismatch rather than noise)
   */
  public static int[] assign(Clusterer clusterer, Instances data) throws Exception {
    int[] labels = new int[data.numInstances()];
    Exception first = null;
    int assigned = 0;
    for (int i = 0; i < labels.length; i++) {
      try {
        labels[i] = clusterer.clusterInstance(data.instance(i));
        assigned++;
      } catch (Exception e) {
        labels[i] = -1;
        first = first == null ? e : first;
      }
    }
    if (assigned == 0 && first != null) {
      throw first;
    }
    return labels;
  }

  /**
   * As {@link #assign}, but a resample in which no instance can be assigned is all noise rather than
   * an error: a density clusterer may well find no cluster in a bootstrap sample, and the stability
   * assessment counts that as its clusters dissolving.
   */
  private static int[] assignOrNoise(Clusterer clusterer, Instances data) {
    int[] labels = new int[data.numInstances()];
    for (int i = 0; i < labels.length; i++) {
      try {
        labels[i] = clusterer.clusterInstance(data.instance(i));
      } catch (Exception e) {
        labels[i] = -1;
      }
    }
    return labels;
  }

  /**
   * Reference classes from a nominal class attribute (missing class = -2, one more class), or null
   * without a nominal class.
   */
  public static int[] truth(Instances data) {
    if (data.classIndex() < 0 || !data.classAttribute().isNominal()) {
      return null;
    }
    int[] t = new int[data.numInstances()];
    for (int i = 0; i < t.length; i++) {
      t[i] = data.instance(i).classIsMissing() ? -2 : (int) data.instance(i).classValue();
    }
    return t;
  }

  /** Labels read from an attribute holding cluster ids (nominal: value index; numeric: integer; missing: noise). */
  public static int[] labelsFromAttribute(Instances data, int attribute) {
    Attribute a = data.attribute(attribute);
    if (!a.isNominal() && !a.isNumeric()) {
      throw new IllegalArgumentException("label attribute '" + a.name() + "' must be nominal or numeric (cluster ids), it is "
          + Attribute.typeToString(a));
    }
    int[] l = new int[data.numInstances()];
    for (int i = 0; i < l.length; i++) {
      double v = data.instance(i).value(attribute);
      if (Double.isNaN(v)) {
        l[i] = -1;
      } else if (a.isNominal()) {
        String s = a.value((int) v);
        l[i] = s.equalsIgnoreCase("noise") ? -1 : (int) v;
      } else {
        if (v != Math.rint(v) || v < -1) {
          throw new IllegalArgumentException("label attribute '" + a.name() + "' holds " + v + " at instance " + (i + 1)
              + "; cluster ids must be integers >= 0 (or -1 / missing for noise)");
        }
        l[i] = (int) v;
      }
    }
    return l;
  }

  /** The rows used by the distance-based indices: class removed, nominal one-hot, nothing rescaled. */
  public static Dataset dataset(Instances data) {
    try {
      return InstancesConverter.fit(data, InstancesConverter.NominalHandling.ONE_HOT, true).convert(data);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("cannot compute cluster quality indices on this data: " + e.getMessage(), e);
    }
  }

  /** Every index of {@code labels} on {@code data} (class, if nominal, as the reference). */
  public static QualityReport evaluate(Instances data, int[] labels, QualityEvaluator evaluator) {
    return evaluator.evaluate(dataset(data), labels, truth(data));
  }

  /**
   * Bootstrap Jaccard stability of {@code labels} obtained by {@code template} on {@code data}
   * (class removed): each resample trains a fresh copy of the template on the resampled instances.
   */
  public static StabilityResult stability(Clusterer template, Instances data, int[] labels, int resamples,
      long bootstrapSeed, int threads) throws Exception {
    Instances train = withoutClass(data);
    Clusterer[] check = AbstractClusterer.makeCopies(template, 1);
    if (check.length != 1) {
      throw new IllegalStateException("cannot copy the clusterer");
    }
    BootstrapJaccard.RowClustering f = (rows, seed) -> {
      try {
        Instances sub = new Instances(train, rows.length);
        for (int r : rows) {
          sub.add(train.instance(r));
        }
        Clusterer c = AbstractClusterer.makeCopy(template);
        if (c instanceof Randomizable) {
          ((Randomizable) c).setSeed((int) seed);
        }
        c.buildClusterer(sub);
        return assignOrNoise(c, sub);
      } catch (Exception e) {
        throw new IllegalStateException("clustering a bootstrap resample failed: " + e.getMessage(), e);
      }
    };
    return new BootstrapJaccard(resamples, 0.5, 0.75, threads).run(train.numInstances(), labels, f, bootstrapSeed);
  }

  /**
   * The instances with two attributes appended: {@code cluster} (numeric id, -1 for noise) and
   * {@code silhouette} (missing for noise and unsampled rows), for viewers and savers downstream.
   */
  public static Instances silhouetteInstances(Instances data, int[] labels, SilhouetteResult s) {
    ArrayList<Attribute> atts = new ArrayList<>();
    for (int j = 0; j < data.numAttributes(); j++) {
      atts.add((Attribute) data.attribute(j).copy());
    }
    atts.add(new Attribute("cluster"));
    atts.add(new Attribute("silhouette"));
    Instances out = new Instances(data.relationName() + "-silhouette", atts, data.numInstances());
    out.setClassIndex(data.classIndex());
    for (int i = 0; i < data.numInstances(); i++) {
      double[] v = new double[atts.size()];
      System.arraycopy(data.instance(i).toDoubleArray(), 0, v, 0, data.numAttributes());
      v[data.numAttributes()] = labels[i];
      v[data.numAttributes() + 1] = s == null ? Double.NaN : s.sample(i);
      out.add(new DenseInstance(data.instance(i).weight(), v));
    }
    return out;
  }
}
