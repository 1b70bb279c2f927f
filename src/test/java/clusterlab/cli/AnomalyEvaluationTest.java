package clusterlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clusterlab.core.anomaly.RankingMetrics;
import clusterlab.weka.AnomalyRanking;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import weka.core.Instances;
import weka.core.converters.ConverterUtils.DataSource;
import weka.filters.Filter;
import weka.filters.unsupervised.attribute.AnomalyScore;
import weka.filters.unsupervised.attribute.Standardize;

class AnomalyEvaluationTest {

  private static final String DATA = Path.of(System.getProperty("clusterlab.basedir", "."))
      .resolve("resources/data/wdbc-anomaly.arff").toString();

  /** {status, output, error message} of one run. */
  private static String[] run(AnomalyEvaluation ae, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ae.setOptions(args);
      ae.execute(new PrintStream(out, true, StandardCharsets.UTF_8));
      return new String[] {"0", out.toString(StandardCharsets.UTF_8), ""};
    } catch (Exception e) {
      return new String[] {"1", out.toString(StandardCharsets.UTF_8), String.valueOf(e.getMessage())};
    }
  }

  @Test
  void everyMethodIsRankedAgainstTheMalignantTumours() {
    String[] r = run(new AnomalyEvaluation(), "-t", DATA, "-standardize");
    assertEquals("0", r[0], r[2]);
    assertTrue(r[1].contains("anomaly = malignant, 10 of 367 rows"), r[1]);
    for (String m : new String[] {"glosh", "mixture", "centroid", "knn", "lof", "dbscan"}) {
      assertTrue(r[1].contains("\n" + m + " "), m + " missing:\n" + r[1]);
    }
  }

  @Test
  void theReportedAucIsTheAucOfTheFilteredScores() throws Exception {
    AnomalyEvaluation ae = new AnomalyEvaluation();
    ae.setOptions(new String[] {"-t", DATA, "-standardize", "-F",
        AnomalyScore.class.getName() + " -method lof -K 20 -flag contamination -contamination 0.03"});
    List<AnomalyRanking.Result> results = ae.evaluate(new PrintStream(new ByteArrayOutputStream(), true,
        StandardCharsets.UTF_8));
    Instances data = DataSource.read(DATA);
    data.setClassIndex(data.numAttributes() - 1);
    Standardize s = new Standardize();
    s.setInputFormat(data);
    Instances std = Filter.useFilter(data, s);
    AnomalyScore f = new AnomalyScore();
    f.setOptions(new String[] {"-method", "lof", "-K", "20"});
    f.setInputFormat(std);
    Instances out = Filter.useFilter(std, f);
    double[] scores = new double[out.numInstances()];
    boolean[] malignant = new boolean[scores.length];
    for (int i = 0; i < scores.length; i++) {
      scores[i] = out.instance(i).value(out.numAttributes() - 1);
      malignant[i] = data.instance(i).stringValue(data.classIndex()).equals("malignant");
    }
    AnomalyRanking.Result r = results.get(0);
    assertEquals(RankingMetrics.rocAuc(scores, malignant, null), r.rocAuc, 1e-12);
    assertEquals(RankingMetrics.averagePrecision(scores, malignant, null), r.averagePrecision, 1e-12);
    assertEquals(11, r.flagged, "3% of 367 rows, strictly above the 97th percentile");
    assertTrue(r.rocAuc > 0.9, "LOF finds the malignant tumours: " + r.rocAuc);
  }

  @Test
  void csvAndATestFile() {
    String[] r = run(new AnomalyEvaluation(), "-t", DATA, "-T", DATA, "-standardize", "-format", "csv", "-F",
        AnomalyScore.class.getName() + " -method knn -K 5");
    assertEquals("0", r[0], r[2]);
    assertTrue(r[1].startsWith("filter,rows_scored,anomalies,roc_auc"), r[1]);
    assertTrue(r[1].contains(",367,10,"), r[1]);
  }

  @Test
  void badInputEndsWithAMessage() {
    String[] r = run(new AnomalyEvaluation(), "-t", "no-such.arff");
    assertEquals("1", r[0]);
    assertTrue(r[2].contains("no-such.arff"), r[2]);
    r = run(new AnomalyEvaluation(), "-t", DATA, "-anomaly-value", "cancer");
    assertEquals("1", r[0]);
    assertTrue(r[2].contains("benign, malignant"), r[2]);
    r = run(new AnomalyEvaluation(), "-t", DATA, "-F", AnomalyScore.class.getName() + " -K 0");
    assertEquals("1", r[0]);
    assertTrue(r[2].contains("neighbours"), r[2]);
    r = run(new AnomalyEvaluation(), "-t", DATA, "-c", "first");
    assertEquals("1", r[0]);
    assertTrue(r[2].contains("nominal") || r[2].contains("numeric"), r[2]);
  }
}
