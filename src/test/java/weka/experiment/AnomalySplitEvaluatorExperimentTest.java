package weka.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import weka.core.Attribute;
import weka.core.Instances;
import weka.core.Utils;
import weka.core.converters.ConverterUtils.DataSource;
import weka.filters.Filter;
import weka.filters.unsupervised.attribute.AnomalyScore;

/**
 * {@link AnomalySplitEvaluator} inside a real, headless {@link Experiment}, as the Experimenter runs it:
 * two bundled labelled data sets, three anomaly scores iterated as the property array, random 66%
 * splits, results to ARFF, one row per data set, score and run with ROC AUC and average precision.
 */
class AnomalySplitEvaluatorExperimentTest {

  @TempDir
  Path tmp;

  private static AnomalyScore score(String options) throws Exception {
    AnomalyScore f = new AnomalyScore();
    f.setOptions(Utils.splitOptions(options));
    return f;
  }

  @Test
  void experimentOverTwoDataSetsAndThreeScoresWritesRocAucAndAveragePrecision() throws Exception {
    Path data = PluginManifest.basedir().resolve("resources/data");
    File out = tmp.resolve("results.arff").toFile();

    AnomalySplitEvaluator se = new AnomalySplitEvaluator();
    se.setStandardize(true);
    RandomSplitResultProducer rp = new RandomSplitResultProducer();
    rp.setTrainPercent(66);
    rp.setSplitEvaluator(se);
    InstancesResultListener rl = new InstancesResultListener();
    rl.setOutputFile(out);

    Filter[] scores = {score("-method lof -K 20"), score("-method knn -K 5"),
        score("-method mixture -N 2 -covariance diag")};
    se.setFilter(scores[0]);

    Experiment exp = new Experiment();
    exp.setRunLower(1);
    exp.setRunUpper(2);
    exp.setResultProducer(rp);
    exp.setResultListener(rl);
    DefaultListModel<File> sets = new DefaultListModel<>();
    sets.addElement(data.resolve("wdbc-anomaly.arff").toFile());
    sets.addElement(data.resolve("wine.arff").toFile());
    exp.setDatasets(sets);
    exp.setUsePropertyIterator(true);
    exp.setPropertyPath(new PropertyNode[] {
        new PropertyNode(se, new PropertyDescriptor("splitEvaluator", RandomSplitResultProducer.class),
            RandomSplitResultProducer.class),
        new PropertyNode(scores[0], new PropertyDescriptor("filter", AnomalySplitEvaluator.class),
            AnomalySplitEvaluator.class)});
    exp.setPropertyArray(scores);
    exp.initialize();
    exp.runExperiment();
    exp.postProcess();

    Instances results = DataSource.read(out.getPath());
    assertEquals(2 * 3 * 2, results.numInstances(), "2 data sets x 3 scores x 2 runs");
    Attribute options = results.attribute("Key_Scheme_options");
    Attribute dataset = results.attribute("Key_Dataset");
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < results.numInstances(); i++) {
      String set = results.instance(i).stringValue(dataset);
      seen.add(set + " " + results.instance(i).stringValue(options));
      for (String name : new String[] {"ROC_AUC", "Average_precision"}) {
        double v = results.instance(i).value(results.attribute(name));
        assertFalse(Double.isNaN(v), name + " missing in row " + i);
        assertTrue(v >= 0 && v <= 1, name + " out of [0, 1]: " + v);
      }
      double anomalies = results.instance(i).value(results.attribute("Number_of_anomalies"));
      assertTrue(anomalies > 0, "the least frequent class of " + set + " counts as the anomaly");
      if (set.startsWith("wdbc")) {
        double auc = results.instance(i).value(results.attribute("ROC_AUC"));
        assertTrue(auc > 0.6, "malignant tumours stand out on wdbc: ROC AUC " + auc + " for "
            + results.instance(i).stringValue(options));
      }
    }
    assertEquals(6, seen.size(), "every data set x score pair present: " + seen);
  }
}
