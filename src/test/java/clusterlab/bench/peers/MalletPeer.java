package clusterlab.bench.peers;

import cc.mallet.topics.ParallelTopicModel;
import cc.mallet.topics.WorkerRunnable;
import cc.mallet.types.Alphabet;
import cc.mallet.types.FeatureSequence;
import cc.mallet.types.Instance;
import cc.mallet.types.InstanceList;
import cc.mallet.util.Randoms;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Mallet 2.0.8's {@code ParallelTopicModel} as TextBench's LDA peer, run two ways.
 *
 * <p>Mallet's own {@code ParallelTopicModel.estimate()}: with more than one thread it fails on a
 * loaded machine (mimno/Mallet issues #33, #42, #57): {@code estimate()} submits its
 * {@code WorkerRunnable}s, sleeps 20 ms and then polls their {@code isFinished} flags, which are
 * {@code true} before a worker has started. A worker that the scheduler has not started within those
 * 20-30 ms looks finished, so the word-topic counts are merged and copied back while it samples; its
 * counts and topic assignments then disagree, it overruns a word's count array
 * ({@code ArrayIndexOutOfBoundsException} in {@code WorkerRunnable.sampleTopicsForOneDoc}), and the
 * next sweep finds a worker still running ("already running!") and waits for ever (issue #33).
 *
 * <p>{@link #estimateWithBarrier} runs Mallet's own sampler ({@code WorkerRunnable}, one document shard and
 * one copy of the counts per thread, as {@code estimate()} sets them up) and Mallet's own merge
 * ({@code sumTypeTopicCounts}) and hyper-parameter steps ({@code optimizeAlpha}, {@code optimizeBeta}),
 * but waits for the workers with {@link Future#get()} instead of polling a flag: the same work without
 * the race, and without the 10 ms polling delay per sweep, so if anything faster than Mallet's driver.
 */
final class MalletPeer {

  private MalletPeer() {
  }

  /** A model with Mallet's usual settings for the bench: no log-likelihood every 10 sweeps (ClusterLab computes none). */
  static ParallelTopicModel model(int[][] docs, int vocabulary, int k, int sweeps, int threads, int seed) {
    Alphabet alphabet = new Alphabet();
    for (int w = 0; w < vocabulary; w++) {
      alphabet.lookupIndex("w" + w);
    }
    alphabet.stopGrowth();
    InstanceList list = new InstanceList(alphabet, null);
    for (int d = 0; d < docs.length; d++) {
      list.add(new Instance(new FeatureSequence(alphabet, docs[d].clone()), null, "d" + d, null));
    }
    ParallelTopicModel model = new ParallelTopicModel(k, 5.0, 0.01);
    model.printLogLikelihood = false;
    model.setTopicDisplay(sweeps + 1, 0);
    model.setNumIterations(sweeps);
    model.setOptimizeInterval(10);
    model.setBurninPeriod(50);
    model.setNumThreads(threads);
    model.setRandomSeed(seed);
    model.addInstances(list);
    return model;
  }

  /** Mallet's sampler, merge and optimisation steps with a real barrier between sweeps (see the class comment). */
  static void estimateWithBarrier(ParallelTopicModel model, int threads, int seed)
      throws InterruptedException, ExecutionException {
    int docs = model.data.size();
    WorkerRunnable[] workers = new WorkerRunnable[threads];
    int perThread = docs / threads;
    for (int t = 0; t < threads; t++) {
      int[][] counts = new int[model.numTypes][];
      for (int type = 0; type < model.numTypes; type++) {
        counts[type] = model.typeTopicCounts[type].clone();
      }
      int start = t * perThread;
      int length = t == threads - 1 ? docs - start : perThread;
      workers[t] = new WorkerRunnable(model.numTopics, model.alpha, model.alphaSum, model.beta, new Randoms(seed),
          model.data, counts, model.tokensPerTopic.clone(), start, length);
      workers[t].initializeAlphaStatistics(model.docLengthCounts.length);
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (int it = 1; it <= model.numIterations; it++) {
        boolean optimizing = it > model.burninPeriod && model.optimizeInterval != 0;
        List<Future<?>> running = new ArrayList<>();
        for (WorkerRunnable w : workers) {
          if (optimizing && it % model.saveSampleInterval == 0) {
            w.collectAlphaStatistics();
          }
          running.add(pool.submit(w));
        }
        for (Future<?> f : running) {
          f.get();
        }
        model.sumTypeTopicCounts(workers);
        for (WorkerRunnable w : workers) {
          System.arraycopy(model.tokensPerTopic, 0, w.getTokensPerTopic(), 0, model.numTopics);
          int[][] counts = w.getTypeTopicCounts();
          for (int type = 0; type < model.numTypes; type++) {
            System.arraycopy(model.typeTopicCounts[type], 0, counts[type], 0, counts[type].length);
          }
        }
        if (optimizing && it % model.optimizeInterval == 0) {
          model.optimizeAlpha(workers);
          model.optimizeBeta(workers);
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
