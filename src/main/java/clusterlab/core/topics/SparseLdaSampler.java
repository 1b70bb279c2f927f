package clusterlab.core.topics;

import java.util.SplittableRandom;

/**
 * One worker of collapsed Gibbs sampling for LDA (Griffiths and Steyvers 2004) with the SparseLDA
 * bucket decomposition (Yao, Mimno and McCallum 2009). The probability of topic {@code t} for a
 * token of word {@code w} in document {@code d},
 * {@code (alpha_t + n_dt)(beta + n_wt) / (betaSum + n_t)}, splits into three buckets:
 * <ul>
 *   <li>smoothing {@code s = sum_t alpha_t beta / (betaSum + n_t)}, the same for every token and
 *       updated in O(1) per change;
 *   <li>document {@code r = sum_t n_dt beta / (betaSum + n_t)}, over the document's few topics;
 *   <li>topic-word {@code q = sum_t (alpha_t + n_dt) / (betaSum + n_t) * n_wt}, over the topics
 *       the word has, with the first factor cached per topic.
 * </ul>
 * Most samples fall in {@code q}, whose topics are visited in decreasing count order.
 *
 * <p>As in Mallet's {@code ParallelTopicModel}, each worker owns a copy of the word-topic and
 * topic totals while it sweeps its shard of documents; the estimator merges them between sweeps.
 */
final class SparseLdaSampler {

  private final int numTopics;
  private final TypeTopicCounts typeTopic;
  private final int[] tokensPerTopic;
  private final double[] alpha;
  private final double beta;
  private final double betaSum;
  private final double[] coefficients;
  private final double[] scores;
  private final int[] docCounts;
  private final int[] docTopics;
  /** Number of entries scored by the last {@link #removeAndScore}. */
  private int wordTopics;

  SparseLdaSampler(int numTopics, TypeTopicCounts typeTopic, int[] tokensPerTopic, double[] alpha, double beta,
      int vocabularySize) {
    this.numTopics = numTopics;
    this.typeTopic = typeTopic;
    this.tokensPerTopic = tokensPerTopic;
    this.alpha = alpha;
    this.beta = beta;
    this.betaSum = beta * vocabularySize;
    this.coefficients = new double[numTopics];
    this.scores = new double[numTopics];
    this.docCounts = new int[numTopics];
    this.docTopics = new int[numTopics];
  }

  TypeTopicCounts typeTopic() {
    return typeTopic;
  }

  int[] tokensPerTopic() {
    return tokensPerTopic;
  }

  /** One sweep over documents {@code [from, to)}, resampling every token's topic in place. */
  void sweep(Corpus corpus, int[] topics, int from, int to, SplittableRandom rng) {
    double smoothing = 0;
    for (int t = 0; t < numTopics; t++) {
      double denom = tokensPerTopic[t] + betaSum;
      smoothing += alpha[t] * beta / denom;
      coefficients[t] = alpha[t] / denom;
    }
    int[] words = corpus.words();
    for (int d = from; d < to; d++) {
      smoothing = sampleDocument(words, topics, corpus.start(d), corpus.end(d), smoothing, rng);
    }
  }

  private double sampleDocument(int[] words, int[] topics, int start, int end, double smoothingMass,
      SplittableRandom rng) {
    double smoothing = smoothingMass;
    int nonZero = 0;
    for (int p = start; p < end; p++) {
      if (docCounts[topics[p]]++ == 0) {
        docTopics[nonZero++] = topics[p];
      }
    }
    double docMass = 0;
    for (int i = 0; i < nonZero; i++) {
      int t = docTopics[i];
      double denom = tokensPerTopic[t] + betaSum;
      docMass += beta * docCounts[t] / denom;
      coefficients[t] = (alpha[t] + docCounts[t]) / denom;
    }
    for (int p = start; p < end; p++) {
      int w = words[p];
      int old = topics[p];
      double denom = tokensPerTopic[old] + betaSum;
      smoothing -= alpha[old] * beta / denom;
      docMass -= beta * docCounts[old] / denom;
      if (--docCounts[old] == 0) {
        nonZero = remove(docTopics, nonZero, old);
      }
      tokensPerTopic[old]--;
      denom = tokensPerTopic[old] + betaSum;
      smoothing += alpha[old] * beta / denom;
      docMass += beta * docCounts[old] / denom;
      coefficients[old] = (alpha[old] + docCounts[old]) / denom;

      int[] cur = typeTopic.counts[w];
      double wordMass = removeAndScore(cur, old);
      int m = wordTopics;
      double u = rng.nextDouble() * (smoothing + docMass + wordMass);
      int topic;
      if (u < wordMass) {
        int i = 0;
        u -= scores[0];
        while (u > 0 && i < m - 1) {
          u -= scores[++i];
        }
        topic = cur[i] & typeTopic.topicMask;
        typeTopic.incrementAt(cur, i);
      } else {
        u -= wordMass;
        if (u < docMass && nonZero > 0) {
          u /= beta;
          int i = 0;
          int t = docTopics[0];
          u -= docCounts[t] / (tokensPerTopic[t] + betaSum);
          while (u > 0 && i < nonZero - 1) {
            t = docTopics[++i];
            u -= docCounts[t] / (tokensPerTopic[t] + betaSum);
          }
          topic = t;
        } else {
          u = Math.max(0, u - docMass) / beta;
          int t = 0;
          u -= alpha[0] / (tokensPerTopic[0] + betaSum);
          while (u > 0 && t < numTopics - 1) {
            t++;
            u -= alpha[t] / (tokensPerTopic[t] + betaSum);
          }
          topic = t;
        }
        typeTopic.increment(w, topic);
      }
      denom = tokensPerTopic[topic] + betaSum;
      smoothing -= alpha[topic] * beta / denom;
      docMass -= beta * docCounts[topic] / denom;
      if (docCounts[topic]++ == 0) {
        docTopics[nonZero++] = topic;
      }
      tokensPerTopic[topic]++;
      denom = tokensPerTopic[topic] + betaSum;
      smoothing += alpha[topic] * beta / denom;
      docMass += beta * docCounts[topic] / denom;
      coefficients[topic] = (alpha[topic] + docCounts[topic]) / denom;
      topics[p] = topic;
    }
    for (int i = 0; i < nonZero; i++) {
      int t = docTopics[i];
      docCounts[t] = 0;
      coefficients[t] = alpha[t] / (tokensPerTopic[t] + betaSum);
    }
    return smoothing;
  }

  /**
   * Takes one token of topic {@code old} out of a word's packed counts and, in the same pass, scores
   * the word's topics for the topic-word bucket ({@code scores[0 .. wordTopics)}, in the array's
   * order, which is decreasing count); returns their sum. One walk instead of a search, a
   * decrement and a second walk: this loop is where SparseLDA spends most of its time.
   */
  private double removeAndScore(int[] cur, int old) {
    int mask = typeTopic.topicMask;
    int bits = typeTopic.topicBits;
    int one = 1 << bits;
    int len = cur.length;
    double mass = 0;
    int m = 0;
    boolean removed = false;
    while (m < len) {
      int v = cur[m];
      if (v <= 0) {
        break;
      }
      if (!removed && (v & mask) == old) {
        removed = true;
        v = v >= one << 1 ? v - one : 0;
        int j = m;
        while (j + 1 < len && cur[j + 1] > v) {
          cur[j] = cur[j + 1];
          j++;
        }
        cur[j] = v;
        continue; // position m now holds the next entry
      }
      double score = coefficients[v & mask] * (v >>> bits);
      mass += score;
      scores[m++] = score;
    }
    wordTopics = m;
    return mass;
  }

  private static int remove(int[] list, int size, int value) {
    int i = 0;
    while (list[i] != value) {
      i++;
    }
    list[i] = list[size - 1];
    return size - 1;
  }
}
