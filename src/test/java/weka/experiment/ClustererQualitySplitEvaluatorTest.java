package weka.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clusterlab.conformance.PluginManifest;
import java.beans.PropertyDescriptor;
import java.io.File;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.swing.DefaultListModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weka.clusterers.Clusterer;
import weka.clusterers.FarthestFirst;
import weka.clusterers.SimpleKMeans;
import weka.clusterers.centroid.KMeans;
import weka.core.Attribute;
import weka.core.Instances;
import weka.core.converters.ConverterUtils.DataSource;

/**
 * The split evaluator inside a real, headless {@link Experiment}: two bundled data sets, three
 * clusterers iterated as the Experimenter's property array, random 66% splits, results to ARFF.
 */
class ClustererQualitySplitEvaluatorTest {

  @TempDir
  Path tmp;

  @Test
  void experimentOverTwoDataSetsAndThreeClusterersWritesEveryIndex() throws Exception {
    Path data = PluginManifest.basedir().resolve("resources/data");
    File out = tmp.resolve("results.arff").toFile();

    ClustererQualitySplitEvaluator se = new ClustererQualitySplitEvaluator();
    RandomSplitResultProducer rp = new RandomSplitResultProducer();
    rp.setTrainPercent(66);
    rp.setSplitEvaluator(se);
    InstancesResultListener rl = new InstancesResultListener();
    rl.setOutputFile(out);

    KMeans ours = new KMeans();
    ours.setOptions(new String[] {"-N", "3", "-S", "1"});
    SimpleKMeans skm = new SimpleKMeans();
    skm.setNumClusters(3);
    FarthestFirst ff = new FarthestFirst();
    ff.setNumClusters(3);
    Clusterer[] schemes = {ours, skm, ff};

    Experiment exp = new Experiment();
    exp.setRunLower(1);
    exp.setRunUpper(3);
    exp.setResultProducer(rp);
    exp.setResultListener(rl);
    DefaultListModel<File> sets = new DefaultListModel<>();
    sets.addElement(data.resolve("iris.arff").toFile());
    sets.addElement(data.resolve("wine.arff").toFile());
    exp.setDatasets(sets);
    exp.setUsePropertyIterator(true);
    exp.setPropertyPath(new PropertyNode[] {
        new PropertyNode(se, new PropertyDescriptor("splitEvaluator", RandomSplitResultProducer.class),
            RandomSplitResultProducer.class),
        new PropertyNode(ours, new PropertyDescriptor("clusterer", ClustererQualitySplitEvaluator.class),
            ClustererQualitySplitEvaluator.class)});
    exp.setPropertyArray(schemes);
    exp.initialize();
    exp.runExperiment();
    exp.postProcess();

    Instances results = DataSource.read(out.getPath());
    assertEquals(2 * 3 * 3, results.numInstances(), "2 data sets x 3 clusterers x 3 runs");
    for (String name : ClustererQualitySplitEvaluator.INDICES) {
      assertTrue(results.attribute(name) != null, "no column " + name);
    }
    Attribute scheme = results.attribute("Key_Scheme");
    Attribute dataset = results.attribute("Key_Dataset");
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < results.numInstances(); i++) {
      seen.add(results.instance(i).stringValue(dataset) + " " + results.instance(i).stringValue(scheme));
      for (String name : new String[] {"silhouette", "davies_bouldin", "calinski_harabasz", "adjusted_rand", "ami_arithmetic"}) {
        double v = results.instance(i).value(results.attribute(name));
        assertFalse(Double.isNaN(v), name + " missing in row " + i);
      }
      double sil = results.instance(i).value(results.attribute("silhouette"));
      assertTrue(sil > -1 && sil <= 1, "silhouette out of range: " + sil);
      assertEquals(3, results.instance(i).value(results.attribute("Number_of_clusters")), 0);
      assertEquals(0, results.instance(i).value(results.attribute("Number_of_noise")), 0);
      double rows = results.instance(i).value(results.attribute("Number_of_testing_instances"))
          + results.instance(i).value(results.attribute("Number_of_training_instances"));
      assertEquals(results.instance(i).stringValue(dataset).startsWith("iris") ? 150 : 178, rows, 0);
    }
    assertEquals(6, seen.size(), "every data set x clusterer pair present: " + seen);
  }

  @Test
  void optionsRoundTripAndBadOptionsAreRefused() throws Exception {
    ClustererQualitySplitEvaluator a = new ClustererQualitySplitEvaluator();
    a.setOptions(new String[] {"-distance", "cosine", "-no-dunn", "-train", "-W", "weka.clusterers.centroid.KMeans", "--", "-N", "4"});
    ClustererQualitySplitEvaluator b = new ClustererQualitySplitEvaluator();
    b.setOptions(a.getOptions());
    assertArrayEquals(a.getOptions(), b.getOptions());
    assertTrue(String.join(" ", b.getOptions()).contains("-N 4"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new ClustererQualitySplitEvaluator().setOptions(new String[] {"-distance", "bogus", "-W", "weka.clusterers.SimpleKMeans"}));
    assertTrue(e.getMessage().contains("bogus"));
  }

  @Test
  void offersEveryFigureOnceWithKMeansAsDefault() {
    ClustererQualitySplitEvaluator e = new ClustererQualitySplitEvaluator();
    assertTrue(e.getClusterer() instanceof weka.clusterers.centroid.KMeans, "default clusterer: " + e.getClusterer());
    java.util.List<String> results = java.util.Arrays.asList(e.getResultNames());
    for (String m : java.util.Collections.list(e.enumerateMeasures())) {
      assertFalse(m.startsWith("measure_") || results.contains(m) || results.contains(m.replace("measure_", "")),
          "additional measure " + m + " repeats a result field");
    }
  }

  @Test
  void aBadNumberNamesItsOption() {
    for (String[] bad : new String[][] {{"-S", "abc"}, {"-num-threads", "two"}, {"-silhouette-sample", "x"}}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> new ClustererQualitySplitEvaluator().setOptions(new String[] {bad[0], bad[1], "-W", "weka.clusterers.SimpleKMeans"}));
      assertTrue(e.getMessage().contains(bad[0]), "'" + e.getMessage() + "' does not name " + bad[0]);
      assertTrue(e.getMessage().contains("'" + bad[1] + "'"), "'" + e.getMessage() + "' does not quote " + bad[1]);
      assertFalse(e.getMessage().startsWith("For input string"), e.getMessage());
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new ClustererQualitySplitEvaluator().setOptions(new String[] {"-silhouette-sample", "-2"}));
    assertTrue(e.getMessage().contains("-silhouette-sample") && e.getMessage().contains("-2"), e.getMessage());
  }

  @Test
  void unknownOptionsAreRefused() {
    Exception e = assertThrows(Exception.class,
        () -> new ClustererQualitySplitEvaluator().setOptions(new String[] {"-distance", "cosine", "-bogus", "3"}));
    assertTrue(e.getMessage().contains("-bogus"), e.getMessage());
  }

  @Test
  void theOptionsSurviveSerializationAndTheHelpListsWhatIsParsed() throws Exception {
    ClustererQualitySplitEvaluator a = new ClustererQualitySplitEvaluator();
    a.setOptions(new String[] {"-distance", "manhattan", "-silhouette-sample", "30", "-S", "5", "-no-dunn", "-train",
        "-num-threads", "2", "-W", "weka.clusterers.centroid.KMeans", "--", "-N", "5"});
    ClustererQualitySplitEvaluator copy = (ClustererQualitySplitEvaluator) new weka.core.SerializedObject(a).getObject();
    assertArrayEquals(a.getOptions(), copy.getOptions());
    String written = weka.core.Utils.joinOptions(copy.getOptions());
    assertTrue(written.startsWith("-distance manhattan -silhouette-sample 30 -S 5 -no-dunn -train -num-threads 2 -W "
        + "weka.clusterers.centroid.KMeans -- ") && written.contains(" -N 5 "), written);
    java.util.List<String> listed = new java.util.ArrayList<>();
    for (java.util.Enumeration<weka.core.Option> e = a.listOptions(); e.hasMoreElements();) {
      String name = e.nextElement().name();
      if (name.isEmpty()) {
        break; // the clusterer's own options follow
      }
      listed.add(name);
    }
    assertEquals(java.util.List.of("distance", "silhouette-sample", "S", "no-dunn", "train", "num-threads", "W"), listed);
  }
}
