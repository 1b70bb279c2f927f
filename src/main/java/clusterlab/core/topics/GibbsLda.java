package clusterlab.core.topics;

import clusterlab.core.Check;
import clusterlab.core.Progress;
import clusterlab.core.parallel.Parallel;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Latent Dirichlet allocation (Blei, Ng and Jordan 2003) by collapsed Gibbs sampling (Griffiths and
 * Steyvers 2004) with the SparseLDA sampler (Yao, Mimno and McCallum 2009), multi-threaded as
 * Mallet's {@code ParallelTopicModel} (Newman et al. 2009, approximate distributed LDA): the
 * documents are cut into one contiguous shard per thread, each thread sweeps its shard with its own
 * copy of the word-topic counts, and between sweeps the counts are rebuilt from all topic
 * assignments and handed back to every thread. The asymmetric document-topic prior alpha is
 * re-estimated every {@code optimizeInterval} sweeps after {@code burnIn} (Wallach, Mimno and
 * McCallum 2009, "Rethinking LDA: why priors matter"; {@link DirichletOptimizer}).
 *
 * <p>Random streams depend only on the seed, the sweep and the shard, so a seed and a thread count
 * give the same model every time. (Different thread counts give different, equally valid chains,
 * as in Mallet.)
 */
public final class GibbsLda {

  private final int numTopics;
  private final double alphaSum;
  private final double beta;
  private final int iterations;
  private final int burnIn;
  private final int optimizeInterval;
  private final int threads;

  /** A sampler with these (already validated) settings; build them with {@link LdaOptions#builder}. */
  public GibbsLda(LdaOptions options) {
    Check.notNull("options", options);
    numTopics = options.numTopics();
    alphaSum = options.alphaSum();
    beta = options.beta();
    iterations = options.iterations();
    burnIn = options.burnIn();
    optimizeInterval = options.optimizeInterval();
    threads = options.threads();
  }

  /**
   * Samples a topic model of the corpus.
   *
   * @throws IllegalArgumentException when the corpus has no tokens, fewer than two words, or
   *     fewer documents than topics
   */
  public TopicModel fit(Corpus corpus, long seed, Progress progress) {
    checkCorpus(corpus);
    int k = numTopics;
    int n = corpus.numDocuments();
    int[] topics = new int[corpus.numTokens()];
    SplittableRandom init = new SplittableRandom(seed);
    for (int p = 0; p < topics.length; p++) {
      topics[p] = init.nextInt(k);
    }
    double[] alpha = new double[k];
    Arrays.fill(alpha, alphaSum / k);
    WordIndex index = new WordIndex(corpus);
    TypeTopicCounts global = new TypeTopicCounts(k, corpus.wordFrequencies());
    int[] totals = new int[k];
    index.rebuild(topics, global, totals);

    int[] shardStart = shards(corpus, Math.min(Parallel.threads(threads), n));
    int shards = shardStart.length - 1;
    SparseLdaSampler[] samplers = new SparseLdaSampler[shards];
    for (int s = 0; s < shards; s++) {
      samplers[s] = shards == 1 ? new SparseLdaSampler(k, global, totals, alpha, beta, corpus.vocabularySize())
          : new SparseLdaSampler(k, global.copy(), totals.clone(), alpha, beta, corpus.vocabularySize());
    }
    long startNanos = System.nanoTime();
    for (int it = 1; it <= iterations; it++) {
      progress.checkCancelled();
      final int sweep = it;
      Parallel.forRange(shards, shards, (chunk, from, to) -> {
        for (int s = from; s < to; s++) {
          samplers[s].sweep(corpus, topics, shardStart[s], shardStart[s + 1], stream(seed, sweep, s));
        }
      });
      if (shards > 1) {
        index.rebuild(topics, global, totals);
        for (SparseLdaSampler sm : samplers) {
          sm.typeTopic().copyFrom(global);
          System.arraycopy(totals, 0, sm.tokensPerTopic(), 0, k);
        }
      }
      if (optimizeInterval > 0 && it > burnIn && it % optimizeInterval == 0) {
        optimizeAlpha(corpus, topics, alpha);
      }
      if (it % 10 == 0 || it == iterations) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        progress.report("lda", (double) it / iterations, String.format(Locale.ROOT,
            "sweep %d of %d, %.0f tokens per second", it, iterations, (double) corpus.numTokens() * it / seconds));
      }
    }
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    return TopicModel.fromState(corpus, topics, alpha, beta, iterations, seconds);
  }

  private void checkCorpus(Corpus corpus) {
    Check.notNull("corpus", corpus);
    if (corpus.numDocuments() == 0) {
      throw new IllegalArgumentException("the training data has no instances: a topic model needs documents");
    }
    if (corpus.numTokens() == 0) {
      throw new IllegalArgumentException("all " + corpus.numDocuments() + " documents are empty (no word has a count"
          + " above 0): a topic model needs words; check the StringToWordVector settings (stop words, minimum frequency)");
    }
    if (corpus.vocabularySize() < 2) {
      throw new IllegalArgumentException("the vocabulary has only " + corpus.vocabularySize() + " word: topics are"
          + " distributions over words and need at least 2 words (word-count attributes) to differ");
    }
    if (corpus.numDocuments() < numTopics) {
      throw new IllegalArgumentException("the number of topics (" + numTopics + ") exceeds the number of documents ("
          + corpus.numDocuments() + "): lower the number of topics or use more documents");
    }
  }

  /** Contiguous document shards of about equal token counts. */
  static int[] shards(Corpus corpus, int count) {
    int n = corpus.numDocuments();
    int[] start = new int[count + 1];
    long total = corpus.numTokens();
    int d = 0;
    for (int s = 1; s < count; s++) {
      long target = total * s / count;
      while (d < n && corpus.start(d) < target) {
        d++;
      }
      start[s] = Math.max(d, start[s - 1]);
    }
    start[count] = n;
    return start;
  }

  static SplittableRandom stream(long seed, int sweep, int shard) {
    return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + sweep * 0xBF58476D1CE4E5B9L + shard * 0x94D049BB133111EBL);
  }

  /** One fixed-point step of alpha from the document-topic count histograms, as Mallet does. */
  private static void optimizeAlpha(Corpus corpus, int[] topics, double[] alpha) {
    int k = alpha.length;
    int maxLength = 0;
    for (int d = 0; d < corpus.numDocuments(); d++) {
      maxLength = Math.max(maxLength, corpus.length(d));
    }
    int[] lengthCounts = new int[maxLength + 1];
    int[][] topicDocCounts = new int[k][maxLength + 1];
    int[] counts = new int[k];
    for (int d = 0; d < corpus.numDocuments(); d++) {
      Arrays.fill(counts, 0);
      for (int p = corpus.start(d); p < corpus.end(d); p++) {
        counts[topics[p]]++;
      }
      lengthCounts[corpus.length(d)]++;
      for (int t = 0; t < k; t++) {
        topicDocCounts[t][counts[t]]++;
      }
    }
    DirichletOptimizer.learn(alpha, topicDocCounts, lengthCounts, 1.001, 1.0, 1);
  }

  /** Token positions grouped by word, to rebuild the word-topic counts from the assignments. */
  static final class WordIndex {
    private final int[] wordStart;
    private final int[] tokens;

    WordIndex(Corpus corpus) {
      int v = corpus.vocabularySize();
      int[] words = corpus.words();
      wordStart = new int[v + 1];
      for (int w : words) {
        wordStart[w + 1]++;
      }
      for (int w = 0; w < v; w++) {
        wordStart[w + 1] += wordStart[w];
      }
      tokens = new int[words.length];
      int[] next = Arrays.copyOf(wordStart, v);
      for (int p = 0; p < words.length; p++) {
        tokens[next[words[p]]++] = p;
      }
    }

    void rebuild(int[] topics, TypeTopicCounts counts, int[] totals) {
      Arrays.fill(totals, 0);
      int[] dense = new int[totals.length];
      for (int w = 0; w + 1 < wordStart.length; w++) {
        Arrays.fill(dense, 0);
        for (int i = wordStart[w]; i < wordStart[w + 1]; i++) {
          dense[topics[tokens[i]]]++;
        }
        for (int t = 0; t < dense.length; t++) {
          totals[t] += dense[t];
        }
        counts.set(w, dense);
      }
    }
  }
}
