package clusterlab.core.topics;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * How good a topic model is, in the two standard ways: held-out perplexity by document completion
 * (Wallach, Murray, Salakhutdinov and Mimno 2009, "Evaluation methods for topic models") and
 * per-topic UMass coherence (Mimno, Wallach, Talley, Leenders and McCallum 2011, "Optimizing
 * semantic coherence in topic models").
 */
public final class TopicQuality {

  private TopicQuality() {
  }

  /**
   * Document-completion perplexity: each held-out document's tokens (in word order) are split
   * alternately; the topic proportions are inferred from the even positions, and the odd positions
   * are scored by {@code sum_t theta_t phi_t(w)}. Returns {@code exp(-loglik / tokens scored)}, or
   * NaN when no document has two tokens. Lower is better.
   */
  public static double documentCompletionPerplexity(TopicModel model, Corpus heldOut, int sweeps, long seed) {
    double logLik = 0;
    long scored = 0;
    for (int d = 0; d < heldOut.numDocuments(); d++) {
      int[] doc = heldOut.document(d);
      if (doc.length < 2) {
        continue;
      }
      int[] observed = new int[(doc.length + 1) / 2];
      for (int i = 0; i < doc.length; i += 2) {
        observed[i / 2] = doc[i];
      }
      double[] theta = model.infer(observed, sweeps, seed + d);
      for (int i = 1; i < doc.length; i += 2) {
        logLik += model.logProbability(doc[i], theta);
        scored++;
      }
    }
    return scored == 0 ? Double.NaN : Math.exp(-logLik / scored);
  }

  /**
   * UMass coherence of every topic's top {@code m} words on a reference corpus:
   * {@code C(t) = sum_{i<j} log((D(v_j, v_i) + 1) / D(v_i))}, with {@code v} the topic's words by
   * decreasing probability and {@code D} (co-)document frequencies. Values are at most 0; closer
   * to 0 is more coherent.
   */
  public static double[] umassCoherence(TopicModel model, Corpus corpus, int m) {
    int k = model.numTopics();
    int[][] top = new int[k][];
    Map<Integer, Integer> slot = new HashMap<>();
    for (int t = 0; t < k; t++) {
      top[t] = model.topWords(t, m);
      for (int w : top[t]) {
        slot.putIfAbsent(w, slot.size());
      }
    }
    int[][] docs = documentLists(corpus, slot);
    double[] c = new double[k];
    for (int t = 0; t < k; t++) {
      double s = 0;
      for (int j = 1; j < top[t].length; j++) {
        for (int i = 0; i < j; i++) {
          int[] di = docs[slot.get(top[t][i])];
          int[] dj = docs[slot.get(top[t][j])];
          s += Math.log((intersection(di, dj) + 1.0) / Math.max(1, di.length));
        }
      }
      c[t] = s;
    }
    return c;
  }

  /** For every word with a slot: the sorted documents it occurs in. */
  private static int[][] documentLists(Corpus corpus, Map<Integer, Integer> slot) {
    int[] size = new int[slot.size()];
    int[][] lists = new int[slot.size()][8];
    int[] lastDoc = new int[slot.size()];
    Arrays.fill(lastDoc, -1);
    int[] words = corpus.words();
    for (int d = 0; d < corpus.numDocuments(); d++) {
      for (int p = corpus.start(d); p < corpus.end(d); p++) {
        Integer s = slot.get(words[p]);
        if (s != null && lastDoc[s] != d) {
          lastDoc[s] = d;
          if (size[s] == lists[s].length) {
            lists[s] = Arrays.copyOf(lists[s], 2 * size[s]);
          }
          lists[s][size[s]++] = d;
        }
      }
    }
    for (int s = 0; s < lists.length; s++) {
      lists[s] = Arrays.copyOf(lists[s], size[s]);
    }
    return lists;
  }

  private static int intersection(int[] a, int[] b) {
    int i = 0;
    int j = 0;
    int c = 0;
    while (i < a.length && j < b.length) {
      if (a[i] < b[j]) {
        i++;
      } else if (a[i] > b[j]) {
        j++;
      } else {
        c++;
        i++;
        j++;
      }
    }
    return c;
  }
}
