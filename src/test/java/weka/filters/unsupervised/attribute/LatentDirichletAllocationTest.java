package weka.filters.unsupervised.attribute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clusterlab.conformance.TestData;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.SparseInstance;
import weka.filters.Filter;

class LatentDirichletAllocationTest {

  private static LatentDirichletAllocation lda(int k) {
    LatentDirichletAllocation f = new LatentDirichletAllocation();
    f.setNumTopics(k);
    f.setIterations(100);
    f.setBurnIn(20);
    f.setInferIterations(30);
    f.setNumThreads(2);
    return f;
  }

  @Test
  void appendsTopicProportionsAndPlacesLaterBatchesByInference() throws Exception {
    Instances text = TestData.sparseText();
    LatentDirichletAllocation f = lda(3);
    f.setInputFormat(text);
    Instances out = Filter.useFilter(text, f);
    assertEquals(text.numAttributes() + 3, out.numAttributes());
    assertEquals("topic1", out.attribute(text.numAttributes()).name());
    assertEquals(text.classIndex(), out.classIndex());
    for (Instance inst : out) {
      assertTrue(inst instanceof SparseInstance, "sparse rows stay sparse");
      double s = 0;
      for (int t = 0; t < 3; t++) {
        s += inst.value(text.numAttributes() + t);
      }
      assertEquals(1.0, s, 1e-9);
    }
    String report = f.toString();
    assertTrue(report.contains("topic1") && report.contains("coherence") && report.contains("perplexity"), report);
    assertNotNull(f.getModel());
    Instances second = new Instances(text, 0);
    second.add((Instance) text.instance(0).copy());
    Instances placed = Filter.useFilter(second, f);
    assertEquals(1, placed.numInstances());
  }

  @Test
  void removeWordsKeepsOnlyTheClassAndTheTopics() throws Exception {
    Instances text = TestData.sparseText();
    LatentDirichletAllocation f = lda(3);
    f.setRemoveWords(true);
    f.setInputFormat(text);
    Instances out = Filter.useFilter(text, f);
    assertEquals(4, out.numAttributes());
    assertEquals(0, out.classIndex());
  }

  @Test
  void hostileInputGetsClearMessages() throws Exception {
    Instances text = TestData.sparseText();
    Instances tfidf = new Instances(text);
    tfidf.instance(4).setValue(tfidf.instance(4).index(0), 0.37);
    String msg = assertThrows(Exception.class, () -> {
      LatentDirichletAllocation f = lda(3);
      f.setInputFormat(tfidf);
      Filter.useFilter(tfidf, f);
    }).getMessage();
    assertTrue(msg.contains("not a word count") && msg.contains("document 5"), msg);

    msg = assertThrows(Exception.class, () -> {
      LatentDirichletAllocation f = lda(50);
      f.setInputFormat(text);
      Filter.useFilter(text, f);
    }).getMessage();
    assertTrue(msg.contains("exceeds the number of documents"), msg);

    ArrayList<Attribute> one = new ArrayList<>();
    one.add(new Attribute("oil"));
    Instances oneWord = new Instances("one-word", one, 10);
    for (int i = 0; i < 10; i++) {
      oneWord.add(new DenseInstance(1.0, new double[] {1 + i % 3}));
    }
    msg = assertThrows(Exception.class, () -> {
      LatentDirichletAllocation f = lda(2);
      f.setInputFormat(oneWord);
      Filter.useFilter(oneWord, f);
    }).getMessage();
    assertTrue(msg.contains("at least 2 words"), msg);

    Instances empty = new Instances(text, 0);
    for (int i = 0; i < 5; i++) {
      empty.add(new SparseInstance(1.0, new double[text.numAttributes()]));
    }
    msg = assertThrows(Exception.class, () -> {
      LatentDirichletAllocation f = lda(2);
      f.setInputFormat(empty);
      Filter.useFilter(empty, f);
    }).getMessage();
    assertTrue(msg.contains("empty"), msg);
  }

  @Test
  void theFilterDefaultsAreTheCoreDefaults() {
    clusterlab.core.topics.LdaOptions d = clusterlab.core.topics.LdaOptions.builder(10).build();
    LatentDirichletAllocation filter = new LatentDirichletAllocation();
    assertEquals(d.numTopics(), filter.getNumTopics());
    assertEquals(d.alphaSum(), filter.getAlphaSum(), 0);
    assertEquals(d.beta(), filter.getBeta(), 0);
    assertEquals(d.iterations(), filter.getIterations());
    assertEquals(d.burnIn(), filter.getBurnIn());
    assertEquals(d.optimizeInterval(), filter.getOptimizeInterval());
  }
}
