package clusterlab.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clusterlab.conformance.PluginManifest.Component;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import weka.clusterers.AbstractClusterer;
import weka.clusterers.ClusterEvaluation;
import weka.clusterers.Clusterer;
import weka.clusterers.NumberOfClustersRequestable;
import weka.core.Capabilities;
import weka.core.Capabilities.Capability;
import weka.core.CapabilitiesHandler;
import weka.core.Instances;
import weka.core.OptionHandler;
import weka.core.SerializationHelper;
import weka.core.TechnicalInformationHandler;
import weka.core.Utils;

/**
 * Every check a clusterer listed in plugin.xml must pass: Weka's harness, option round trip,
 * serialization, determinism, honest capabilities, the bad-input table, and real use through
 * {@link ClusterEvaluation}.
 */
final class ClustererConformance {

  private ClustererConformance() {
  }

  static List<Check> checks(Component c) {
    List<Check> list = new ArrayList<>();
    for (String method : Contracts.testMethods(weka.clusterers.AbstractClustererTest.class)) {
      list.add(new Check("weka harness " + method, () -> {
        WekaClustererContract.factory = () -> fresh(c);
        Contracts.run(new WekaClustererContract(method));
      }));
    }
    list.add(new Check("options round trip", () -> optionsRoundTrip(c)));
    list.add(new Check("technical information", () -> {
      Clusterer k = fresh(c);
      assertTrue(k instanceof TechnicalInformationHandler, c + " must cite its paper");
      assertFalse(((TechnicalInformationHandler) k).getTechnicalInformation().toString().isBlank());
    }));
    list.add(new Check("serialization round trip", () -> serialization(c)));
    list.add(new Check("deterministic for a fixed seed", () -> determinism(c)));
    list.add(new Check("ClusterEvaluation on iris", () -> clusterEvaluation(c)));
    list.add(new Check("sparse text: same clustering as the dense rows", () -> sparseText(c)));
    list.add(new Check("training rows get the model's labels", () -> trainingLabelsAgree(c)));
    list.add(new Check("model output states the training partition's quality", () -> outputStatesQuality(c)));
    badInputs(c, list);
    for (PluginManifest.Invalid inv : c.invalid()) {
      list.add(new Check("refuses " + inv.options(), () -> BadInput.refusedClearly(c + " with " + inv.options(), () -> {
        Clusterer k = fresh(c);
        ((OptionHandler) k).setOptions(Utils.splitOptions(inv.options()));
        k.buildClusterer(TestData.sample(c, 30));
      }, inv.mentions())));
    }
    return list;
  }

  /** A new instance configured with the component's conformance options. */
  static Clusterer fresh(Component c) {
    try {
      return AbstractClusterer.forName(c.className(), Utils.splitOptions(c.options()));
    } catch (Exception e) {
      throw new AssertionError("cannot create " + c + " with options '" + c.options() + "': " + e.getMessage(), e);
    }
  }

  private static void optionsRoundTrip(Component c) throws Exception {
    OptionHandler a = (OptionHandler) fresh(c);
    String[] first = a.getOptions();
    OptionHandler b = (OptionHandler) c.load().getConstructor().newInstance();
    b.setOptions(first.clone());
    assertArrayEquals(first, b.getOptions(), c + ": getOptions -> setOptions -> getOptions changed the options");
  }

  private static void serialization(Component c) throws Exception {
    Instances data = TestData.training(c);
    Clusterer k = fresh(c);
    k.buildClusterer(data);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(k);
    }
    Clusterer back = (Clusterer) SerializationHelper.read(new ByteArrayInputStream(bytes.toByteArray()));
    assertEquals(k.toString(), back.toString(), c + ": toString differs after serialization");
    assertEquals(k.numberOfClusters(), back.numberOfClusters());
    for (int i = 0; i < data.numInstances(); i++) {
      assertArrayEquals(k.distributionForInstance(data.instance(i)), back.distributionForInstance(data.instance(i)),
          c + ": row " + i + " is clustered differently after serialization");
    }
  }

  private static void determinism(Component c) throws Exception {
    Instances data = TestData.training(c);
    Clusterer a = fresh(c);
    Clusterer b = fresh(c);
    a.buildClusterer(data);
    b.buildClusterer(new Instances(data));
    assertEquals(a.toString(), b.toString(), c + ": two runs with the same options and seed differ");
    for (int i = 0; i < data.numInstances(); i++) {
      assertArrayEquals(a.distributionForInstance(data.instance(i)), b.distributionForInstance(data.instance(i)));
    }
  }

  /** Sparse instances (StringToWordVector's form) must be read as the same values as their dense copies. */
  private static void sparseText(Component c) throws Exception {
    Instances sparse = TestData.sparseText();
    Instances dense = TestData.densified(sparse);
    Clusterer a = fresh(c);
    Clusterer b = fresh(c);
    a.buildClusterer(sparse);
    b.buildClusterer(dense);
    assertEquals(b.toString(), a.toString(), c + ": sparse and dense forms of the same rows give different models");
    for (int i = 0; i < sparse.numInstances(); i++) {
      assertArrayEquals(b.distributionForInstance(dense.instance(i)), a.distributionForInstance(sparse.instance(i)),
          c + ": row " + i + " is clustered differently in sparse form");
    }
  }

  private static void clusterEvaluation(Component c) throws Exception {
    Clusterer k = fresh(c);
    Instances data = TestData.training(c);
    k.buildClusterer(data);
    ClusterEvaluation eval = new ClusterEvaluation();
    eval.setClusterer(k);
    eval.evaluateClusterer(data);
    assertTrue(eval.getNumClusters() >= 1);
    assertTrue(eval.clusterResultsToString().contains("Clustered Instances"));
  }

  /**
   * One contract for every clusterer: what {@code clusterInstance} says of a training row is the
   * label the model reports for it (noise: clusterInstance throws, Weka's "unclustered"), so that
   * ClusterEvaluation, the Explorer and the quality evaluators score the partition the model prints.
   * Iris has duplicate rows, which must not confuse a model that recognises its training rows.
   */
  private static void trainingLabelsAgree(Component c) throws Exception {
    Clusterer k = fresh(c);
    Instances data = TestData.iris();
    k.buildClusterer(data);
    int[] labels = reportedLabels(c, k);
    assertEquals(data.numInstances(), labels.length, c + ": the model reports labels for another number of rows");
    for (int i = 0; i < labels.length; i++) {
      Integer got;
      try {
        got = k.clusterInstance(data.instance(i));
      } catch (Exception noise) {
        got = -1;
      }
      assertEquals(labels[i], got, c + ": training row " + i + " is labelled " + labels[i] + " by the model but "
          + got + " by clusterInstance (-1: noise/unclustered)");
    }
  }

  /**
   * The Explorer's Cluster tab shows {@code toString}: it must give the silhouette, Davies-Bouldin and
   * Calinski-Harabasz of the training partition and the noise policy, with the counts of the
   * partition {@code clusterInstance} gives and the Davies-Bouldin the core computes for it.
   */
  private static void outputStatesQuality(Component c) throws Exception {
    Clusterer k = fresh(c);
    Instances data = TestData.iris();
    k.buildClusterer(data);
    String out = k.toString();
    for (String must : new String[] {"Quality of the training partition", "Silhouette (", "Davies-Bouldin:",
        "Calinski-Harabasz:", "Noise policy:"}) {
      assertTrue(out.contains(must), c + ": the model output lacks '" + must + "':\n" + out);
    }
    int[] labels = clusterlab.weka.QualitySupport.assign(k, data);
    long noise = java.util.Arrays.stream(labels).filter(l -> l < 0).count();
    assertTrue(out.contains(String.format(java.util.Locale.ROOT, "Rows: %d   clustered: %d   noise: %d", labels.length,
        labels.length - noise, noise)), c + ": the quality section does not count the partition clusterInstance gives ("
        + noise + " noise rows):\n" + out);
    double db = clusterlab.weka.QualitySupport.evaluate(data, labels, new clusterlab.core.evaluation.QualityEvaluator())
        .value("davies_bouldin");
    String expected = Double.isNaN(db) ? "undefined" : String.format(java.util.Locale.ROOT, "%.4f", db);
    assertTrue(java.util.regex.Pattern.compile("Davies-Bouldin: +" + java.util.regex.Pattern.quote(expected)).matcher(out)
        .find(), c + ": Davies-Bouldin should read " + expected + ":\n" + out);
  }

  /** The training labels a clusterer reports: its model's, or the model of the clusterer a meta clusterer chose. */
  private static int[] reportedLabels(Component c, Clusterer k) {
    if (k instanceof clusterlab.weka.PartitioningClusterer) {
      return ((clusterlab.weka.PartitioningClusterer<?>) k).getModel().labels();
    }
    if (k instanceof weka.clusterers.meta.ChooseK) {
      return reportedLabels(c, ((weka.clusterers.meta.ChooseK) k).getChosenClusterer());
    }
    throw new AssertionError(c + " does not report its training labels: extend clusterlab.weka.PartitioningClusterer");
  }

  private static void badInputs(Component c, List<Check> list) {
    // an updateable clusterer is handed the header alone by incremental training (ClusterEvaluation,
    // KnowledgeFlow), so it must accept empty data there and refuse when training ends without rows
    boolean updateable = weka.clusterers.UpdateableClusterer.class.isAssignableFrom(c.load());
    list.add(new Check("bad input: no rows", () -> BadInput.refusedClearly(c + " on empty data", () -> {
      Clusterer k = fresh(c);
      k.buildClusterer(TestData.empty());
      if (updateable) {
        ((weka.clusterers.UpdateableClusterer) k).updateFinished();
      }
    }, "empty", "no instances", "train")));
    list.add(new Check("bad input: one row", () -> {
      try {
        Clusterer k = fresh(c);
        k.buildClusterer(TestData.sample(c, 1));
        assertTrue(k.numberOfClusters() >= 1);
      } catch (Exception e) {
        BadInput.refusedClearly(c + " on one row", () -> {
          throw e;
        }, "row", "instance", "cluster", "point");
      }
    }));
    // a refusal names the row and the attribute (README: "a message naming the row and the attribute")
    Instances allMissing = TestData.allMissingColumn();
    supportedOrRefusedNaming(c, list, "all-missing column", Capability.MISSING_VALUES, allMissing, "missing", "row 1",
        "'" + allMissing.attribute(0).name() + "'");
    Instances oneNaN = TestData.oneNaN();
    supportedOrRefusedNaming(c, list, "NaN value", Capability.MISSING_VALUES, oneNaN, "missing", "row 4",
        "'" + oneNaN.attribute(1).name() + "'");
    list.add(new Check("bad input: infinite value", () -> BadInput.refusedClearly(c + " on an infinite value",
        () -> fresh(c).buildClusterer(TestData.oneInfinity()), "infinite", "infinity")));
    supportedOrRefused(c, list, "string attribute", Capability.STRING_ATTRIBUTES, TestData.withStringAttribute(), "string");
    // a refusal names the attribute and, where the component has it, the option that helps
    List<String> nominalWords = new ArrayList<>(List.of("nominal", "'colour'"));
    if (listsOption(c, "one-hot")) {
      nominalWords.add("-one-hot");
    }
    supportedOrRefusedNaming(c, list, "nominal-only data", Capability.NOMINAL_ATTRIBUTES, TestData.nominalOnly(),
        nominalWords.toArray(new String[0]));
    if (NumberOfClustersRequestable.class.isAssignableFrom(c.load())) {
      list.add(new Check("bad input: k > n", () -> BadInput.refusedClearly(c + " with more clusters than rows", () -> {
        Clusterer k = fresh(c);
        ((NumberOfClustersRequestable) k).setNumClusters(8);
        k.buildClusterer(TestData.sample(c, 5));
      }, "cluster")));
    }
  }

  /** As {@link #supportedOrRefused}, and a refusal must name every one of {@code names}. */
  private static void supportedOrRefusedNaming(Component c, List<Check> list, String what, Capability cap,
      Instances data, String... names) {
    list.add(new Check("bad input: " + what, () -> {
      Clusterer k = fresh(c);
      Capabilities caps = ((CapabilitiesHandler) k).getCapabilities();
      if (caps.handles(cap)) {
        k.buildClusterer(data);
        assertTrue(k.numberOfClusters() >= 1, c + " claims " + cap + " but built no cluster");
      } else {
        BadInput.refusedNaming(c + " on " + what, () -> fresh(c).buildClusterer(data), names);
      }
    }));
  }

  private static boolean listsOption(Component c, String name) {
    Object o = fresh(c);
    if (!(o instanceof weka.core.OptionHandler)) {
      return false;
    }
    for (java.util.Enumeration<weka.core.Option> e = ((weka.core.OptionHandler) o).listOptions(); e.hasMoreElements();) {
      if (name.equals(e.nextElement().name())) {
        return true;
      }
    }
    return false;
  }

  /** Capabilities are honest: claimed support must work, anything else must be refused clearly. */
  private static void supportedOrRefused(Component c, List<Check> list, String what, Capability cap, Instances data,
      String... words) {
    list.add(new Check("bad input: " + what, () -> {
      Clusterer k = fresh(c);
      Capabilities caps = ((CapabilitiesHandler) k).getCapabilities();
      if (caps.handles(cap)) {
        k.buildClusterer(data);
        assertTrue(k.numberOfClusters() >= 1, c + " claims " + cap + " but built no cluster");
      } else {
        BadInput.refusedClearly(c + " on " + what, () -> k.buildClusterer(data), words);
      }
    }));
  }
}
