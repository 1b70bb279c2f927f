package clusterlab.core.topics;

import java.io.Serializable;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A trained LDA topic model: the word-topic counts of the final Gibbs state, the (optimised)
 * document-topic prior alpha, the topic-word prior beta, and the training documents' topic
 * proportions. Topics are {@code phi_t(w) = (n_wt + beta) / (n_t + V beta)}; a document's
 * proportions are {@code theta_d(t) = (n_dt + alpha_t) / (n_d + sum alpha)}. New documents are
 * placed by Gibbs sampling their tokens with the topics held fixed ({@link #infer}). Immutable.
 */
public final class TopicModel implements Serializable {

  private static final long serialVersionUID = 1L;

  private final int numTopics;
  private final int vocabularySize;
  private final double[] alpha;
  private final double beta;
  private final int[] wordTopic;      // word-major counts n_wt at [w * K + t]
  private final int[] tokensPerTopic;
  private final double[] trainingTheta; // n * K, row-major
  private final int iterations;
  private final double seconds;
  private final long numTokens;
  private transient double[] phiByWord;

  private TopicModel(int numTopics, int vocabularySize, double[] alpha, double beta, int[] wordTopic,
      int[] tokensPerTopic, double[] trainingTheta, int iterations, double seconds, long numTokens) {
    this.numTopics = numTopics;
    this.vocabularySize = vocabularySize;
    this.alpha = alpha;
    this.beta = beta;
    this.wordTopic = wordTopic;
    this.tokensPerTopic = tokensPerTopic;
    this.trainingTheta = trainingTheta;
    this.iterations = iterations;
    this.seconds = seconds;
    this.numTokens = numTokens;
  }

  static TopicModel fromState(Corpus corpus, int[] topics, double[] alpha, double beta, int iterations, double seconds) {
    int k = alpha.length;
    int v = corpus.vocabularySize();
    int[] words = corpus.words();
    int[] wordTopic = new int[v * k];
    int[] totals = new int[k];
    for (int p = 0; p < words.length; p++) {
      wordTopic[words[p] * k + topics[p]]++;
      totals[topics[p]]++;
    }
    double alphaSum = 0;
    for (double a : alpha) {
      alphaSum += a;
    }
    int n = corpus.numDocuments();
    double[] theta = new double[n * k];
    for (int d = 0; d < n; d++) {
      for (int p = corpus.start(d); p < corpus.end(d); p++) {
        theta[d * k + topics[p]]++;
      }
      double norm = corpus.length(d) + alphaSum;
      for (int t = 0; t < k; t++) {
        theta[d * k + t] = (theta[d * k + t] + alpha[t]) / norm;
      }
    }
    return new TopicModel(k, v, alpha.clone(), beta, wordTopic, totals, theta, iterations, seconds, words.length);
  }

  /** Number of topics K. */
  public int numTopics() {
    return numTopics;
  }

  /** Vocabulary size V. */
  public int vocabularySize() {
    return vocabularySize;
  }

  /** The document-topic prior (a copy). */
  public double[] alpha() {
    return alpha.clone();
  }

  /** The topic-word prior. */
  public double beta() {
    return beta;
  }

  /** Gibbs sweeps made. */
  public int iterations() {
    return iterations;
  }

  /** Tokens in the training corpus. */
  public long numTokens() {
    return numTokens;
  }

  /** Sampling speed of training: tokens times sweeps per second of wall-clock time. */
  public double tokensPerSecond() {
    return seconds > 0 ? numTokens * (double) iterations / seconds : Double.NaN;
  }

  /** Tokens assigned to every topic in the final state (a copy). */
  public int[] tokensPerTopic() {
    return tokensPerTopic.clone();
  }

  /** Count of word {@code w} in topic {@code t} in the final state. */
  public int count(int w, int t) {
    return wordTopic[w * numTopics + t];
  }

  /** {@code phi_t(w)}: probability of word {@code w} in topic {@code t}. */
  public double phi(int t, int w) {
    return (wordTopic[w * numTopics + t] + beta) / (tokensPerTopic[t] + vocabularySize * beta);
  }

  /** Topic {@code t}'s distribution over the vocabulary. */
  public double[] topic(int t) {
    double[] p = new double[vocabularySize];
    for (int w = 0; w < vocabularySize; w++) {
      p[w] = phi(t, w);
    }
    return p;
  }

  /** The {@code m} most probable words of topic {@code t}, most probable first (ties by word index). */
  public int[] topWords(int t, int m) {
    Integer[] idx = new Integer[vocabularySize];
    for (int w = 0; w < vocabularySize; w++) {
      idx[w] = w;
    }
    Arrays.sort(idx, (a, b) -> {
      int c = Integer.compare(wordTopic[b * numTopics + t], wordTopic[a * numTopics + t]);
      return c != 0 ? c : Integer.compare(a, b);
    });
    int[] top = new int[Math.min(m, vocabularySize)];
    for (int i = 0; i < top.length; i++) {
      top[i] = idx[i];
    }
    return top;
  }

  /** Number of training documents. */
  public int numTrainingDocuments() {
    return trainingTheta.length / numTopics;
  }

  /** Topic proportions of training document {@code d} from the final Gibbs state. */
  public double[] trainingTheta(int d) {
    return Arrays.copyOfRange(trainingTheta, d * numTopics, d * numTopics + numTopics);
  }

  /** Share of all training tokens assigned to each topic. */
  public double[] topicShares() {
    double[] s = new double[numTopics];
    for (int t = 0; t < numTopics; t++) {
      s[t] = numTokens == 0 ? 0 : tokensPerTopic[t] / (double) numTokens;
    }
    return s;
  }

  private double[] phiByWord() {
    if (phiByWord == null) {
      double[] p = new double[vocabularySize * numTopics];
      for (int w = 0; w < vocabularySize; w++) {
        for (int t = 0; t < numTopics; t++) {
          p[w * numTopics + t] = phi(t, w);
        }
      }
      phiByWord = p;
    }
    return phiByWord;
  }

  /**
   * Topic proportions of a new document by Gibbs sampling its tokens with the topics fixed:
   * {@code p(z = t) ~ (n_dt + alpha_t) phi_t(w)}; the counts of the second half of the sweeps are
   * averaged. An empty document gets the prior proportions {@code alpha / sum alpha}.
   *
   * @param tokens the document's word indices (each in [0, V))
   * @param sweeps sampling sweeps (at least 1)
   * @param seed random seed; the same seed gives the same proportions
   */
  public double[] infer(int[] tokens, int sweeps, long seed) {
    int k = numTopics;
    double alphaSum = 0;
    for (double a : alpha) {
      alphaSum += a;
    }
    double[] theta = new double[k];
    if (tokens.length == 0) {
      for (int t = 0; t < k; t++) {
        theta[t] = alpha[t] / alphaSum;
      }
      return theta;
    }
    double[] phi = phiByWord();
    SplittableRandom rng = new SplittableRandom(seed);
    int[] z = new int[tokens.length];
    int[] counts = new int[k];
    for (int i = 0; i < tokens.length; i++) {
      if (tokens[i] < 0 || tokens[i] >= vocabularySize) {
        throw new IllegalArgumentException("token " + i + " is word " + tokens[i] + ", outside the model's vocabulary of "
            + vocabularySize + " words");
      }
      z[i] = rng.nextInt(k);
      counts[z[i]]++;
    }
    double[] p = new double[k];
    double[] sum = new double[k];
    int kept = 0;
    int from = sweeps / 2;
    for (int s = 0; s < sweeps; s++) {
      for (int i = 0; i < tokens.length; i++) {
        counts[z[i]]--;
        int base = tokens[i] * k;
        double total = 0;
        for (int t = 0; t < k; t++) {
          total += (counts[t] + alpha[t]) * phi[base + t];
          p[t] = total;
        }
        double u = rng.nextDouble() * total;
        int t = 0;
        while (t < k - 1 && p[t] <= u) {
          t++;
        }
        z[i] = t;
        counts[t]++;
      }
      if (s >= from) {
        for (int t = 0; t < k; t++) {
          sum[t] += counts[t];
        }
        kept++;
      }
    }
    for (int t = 0; t < k; t++) {
      theta[t] = (sum[t] / kept + alpha[t]) / (tokens.length + alphaSum);
    }
    return theta;
  }

  /** {@code log p(w | theta) = log sum_t theta_t phi_t(w)}. */
  public double logProbability(int w, double[] theta) {
    double[] phi = phiByWord();
    double s = 0;
    for (int t = 0; t < numTopics; t++) {
      s += theta[t] * phi[w * numTopics + t];
    }
    return Math.log(s);
  }
}
