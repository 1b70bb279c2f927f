package clusterlab.core.topics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clusterlab.core.Progress;
import clusterlab.core.sparse.SparseDataset;
import org.junit.jupiter.api.Test;

class GibbsLdaTest {

  /** Stated bound: every recovered topic within total variation 0.06 (measured: 0.026) of its true topic. */
  static final double TV_BOUND = 0.06;

  @Test
  void recoversTheTopicsOfAKnownModel() {
    SyntheticLda truth = new SyntheticLda(6, 120, 1000, 60, 0.2, 0.05, 42);
    for (int threads : new int[] {1, 2}) {
      TopicModel m = LdaOptions.builder(6).alphaSum(6 * 0.2).beta(0.05).iterations(200).burnIn(50).optimizeInterval(10).threads(threads).lda()
          .fit(truth.corpus, 7, Progress.NONE);
      double[][] est = new double[6][];
      for (int t = 0; t < 6; t++) {
        est[t] = m.topic(t);
      }
      int[] match = SyntheticLda.match(truth.phi, est);
      double worst = 0;
      for (int t = 0; t < 6; t++) {
        worst = Math.max(worst, SyntheticLda.totalVariation(truth.phi[t], est[match[t]]));
      }
      assertTrue(worst < TV_BOUND, threads + " threads: worst matched topic has total variation " + worst);
    }
  }

  @Test
  void sameSeedAndThreadsGiveTheSameModel() {
    SyntheticLda truth = new SyntheticLda(4, 60, 200, 40, 0.3, 0.1, 3);
    for (int threads : new int[] {1, 2}) {
      TopicModel a = LdaOptions.builder(4).alphaSum(1).beta(0.1).iterations(40).burnIn(10).optimizeInterval(5).threads(threads).lda()
          .fit(truth.corpus, 11, Progress.NONE);
      TopicModel b = LdaOptions.builder(4).alphaSum(1).beta(0.1).iterations(40).burnIn(10).optimizeInterval(5).threads(threads).lda()
          .fit(truth.corpus, 11, Progress.NONE);
      assertArrayEquals(a.tokensPerTopic(), b.tokensPerTopic());
      assertArrayEquals(a.alpha(), b.alpha());
      assertArrayEquals(a.trainingTheta(17), b.trainingTheta(17));
      TopicModel c = LdaOptions.builder(4).alphaSum(1).beta(0.1).iterations(40).burnIn(10).optimizeInterval(5).threads(threads).lda()
          .fit(truth.corpus, 12, Progress.NONE);
      assertNotEquals(java.util.Arrays.toString(a.trainingTheta(17)), java.util.Arrays.toString(c.trainingTheta(17)));
    }
  }

  @Test
  void countsAreConservedAndProportionsSumToOne() {
    SyntheticLda truth = new SyntheticLda(3, 30, 100, 25, 0.5, 0.1, 5);
    TopicModel m = LdaOptions.builder(3).alphaSum(1.5).beta(0.1).iterations(30).burnIn(5).optimizeInterval(5).threads(2).lda()
        .fit(truth.corpus, 1, Progress.NONE);
    int total = 0;
    for (int c : m.tokensPerTopic()) {
      total += c;
    }
    assertEquals(truth.corpus.numTokens(), total);
    for (int w = 0; w < 30; w++) {
      int s = 0;
      for (int t = 0; t < 3; t++) {
        s += m.count(w, t);
      }
      assertEquals(truth.corpus.wordFrequencies()[w], s);
    }
    for (int d = 0; d < 100; d++) {
      assertEquals(1.0, java.util.Arrays.stream(m.trainingTheta(d)).sum(), 1e-12);
    }
    double[] inferred = m.infer(truth.corpus.document(0), 50, 3);
    assertEquals(1.0, java.util.Arrays.stream(inferred).sum(), 1e-12);
  }

  @Test
  void alphaOptimisationLearnsSparseDocuments() {
    // documents made of one topic each: the optimised alpha must fall far below the initial 1 per topic
    SyntheticLda truth = new SyntheticLda(4, 80, 400, 60, 0.02, 0.05, 9);
    TopicModel m = LdaOptions.builder(4).alphaSum(4.0).beta(0.05).iterations(200).burnIn(20).optimizeInterval(10).threads(1).lda()
        .fit(truth.corpus, 5, Progress.NONE);
    double sum = java.util.Arrays.stream(m.alpha()).sum();
    assertTrue(sum < 1.0, "optimised alpha sum " + sum);
  }

  @Test
  void hostileCorporaAreRefusedClearly() {
    GibbsLda lda = LdaOptions.builder(3).alphaSum(1).beta(0.1).iterations(10).burnIn(0).optimizeInterval(0).threads(1).lda();
    Corpus empty = Corpus.ofDocuments(new int[][] {{}, {}, {}}, 5);
    assertTrue(assertThrows(IllegalArgumentException.class, () -> lda.fit(empty, 1, Progress.NONE))
        .getMessage().contains("empty"));
    Corpus oneWord = Corpus.ofDocuments(new int[][] {{0, 0}, {0}, {0, 0, 0}}, 1);
    assertTrue(assertThrows(IllegalArgumentException.class, () -> lda.fit(oneWord, 1, Progress.NONE))
        .getMessage().contains("at least 2 words"));
    Corpus twoDocs = Corpus.ofDocuments(new int[][] {{0, 1}, {1, 2}}, 3);
    assertTrue(assertThrows(IllegalArgumentException.class, () -> lda.fit(twoDocs, 1, Progress.NONE))
        .getMessage().contains("exceeds the number of documents"));
    SparseDataset tfidf = SparseDataset.of(1, 2, new int[] {0, 1}, new int[] {1}, new double[] {0.37}, null);
    String msg = assertThrows(IllegalArgumentException.class, () -> Corpus.fromCounts(tfidf, new String[] {"oil", "price"}))
        .getMessage();
    assertTrue(msg.contains("'price'") && msg.contains("document 1") && msg.contains("not a word count"), msg);
  }

  @Test
  void emptyDocumentsAmongOthersGetThePrior() {
    SyntheticLda truth = new SyntheticLda(3, 30, 60, 20, 0.5, 0.1, 5);
    int[][] docs = new int[61][];
    for (int d = 0; d < 60; d++) {
      docs[d] = truth.corpus.document(d);
    }
    docs[60] = new int[0];
    TopicModel m = LdaOptions.builder(3).alphaSum(1.5).beta(0.1).iterations(20).burnIn(5).optimizeInterval(5).threads(1).lda()
        .fit(Corpus.ofDocuments(docs, 30), 1, Progress.NONE);
    double[] alpha = m.alpha();
    double sum = java.util.Arrays.stream(alpha).sum();
    double[] theta = m.trainingTheta(60);
    for (int t = 0; t < 3; t++) {
      assertEquals(alpha[t] / sum, theta[t], 1e-12);
    }
  }

  @Test
  void optionsAreValidatedWhenBuilt() {
    LdaOptions d = LdaOptions.builder(10).build();
    assertEquals(new LdaOptions(10, 5.0, 0.01, 500, 50, 10, 0), d);
    assertEquals(d, d.toBuilder().build());
    for (LdaOptions.Builder bad : java.util.List.of(LdaOptions.builder(1), LdaOptions.builder(3).alphaSum(0),
        LdaOptions.builder(3).beta(-1), LdaOptions.builder(3).iterations(0), LdaOptions.builder(3).burnIn(-1),
        LdaOptions.builder(3).optimizeInterval(-2))) {
      assertThrows(IllegalArgumentException.class, bad::build);
    }
  }
}
