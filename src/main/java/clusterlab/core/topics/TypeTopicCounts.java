package clusterlab.core.topics;

/**
 * Word-topic counts in Mallet's packed form (McCallum 2002; Yao, Mimno and McCallum 2009): for
 * every word an {@code int[]} of {@code count << topicBits | topic} values sorted in decreasing
 * order, zeros at the end. The sampler's "topic-word" bucket then visits only the topics a word
 * actually has, most frequent first, which is what makes SparseLDA fast on real vocabularies.
 */
final class TypeTopicCounts {

  final int topicBits;
  final int topicMask;
  final int[][] counts;

  TypeTopicCounts(int numTopics, int[] wordFrequencies) {
    int bits = 32 - Integer.numberOfLeadingZeros(Math.max(1, numTopics - 1));
    topicBits = Math.max(1, bits);
    topicMask = (1 << topicBits) - 1;
    counts = new int[wordFrequencies.length][];
    long limit = 1L << (31 - topicBits);
    for (int w = 0; w < counts.length; w++) {
      if (wordFrequencies[w] >= limit) {
        throw new IllegalArgumentException("word " + w + " occurs " + wordFrequencies[w] + " times, more than the "
            + (limit - 1) + " a packed count can hold with " + numTopics + " topics; use fewer topics or remove the"
            + " most frequent words (stop words)");
      }
      counts[w] = new int[Math.min(numTopics, wordFrequencies[w])];
    }
  }

  private TypeTopicCounts(TypeTopicCounts other) {
    topicBits = other.topicBits;
    topicMask = other.topicMask;
    counts = new int[other.counts.length][];
    for (int w = 0; w < counts.length; w++) {
      counts[w] = other.counts[w].clone();
    }
  }

  TypeTopicCounts copy() {
    return new TypeTopicCounts(this);
  }

  /** Overwrites this table's values with {@code other}'s (same shape). */
  void copyFrom(TypeTopicCounts other) {
    for (int w = 0; w < counts.length; w++) {
      System.arraycopy(other.counts[w], 0, counts[w], 0, counts[w].length);
    }
  }

  void increment(int word, int topic) {
    int[] cur = counts[word];
    int i = 0;
    while (cur[i] > 0 && (cur[i] & topicMask) != topic) {
      i++;
    }
    int value = (cur[i] >>> topicBits) + 1;
    cur[i] = (value << topicBits) | topic;
    while (i > 0 && cur[i] > cur[i - 1]) {
      int t = cur[i];
      cur[i] = cur[i - 1];
      cur[i - 1] = t;
      i--;
    }
  }

  /** Adds one to the entry at position {@code i} of a word's packed counts, keeping the order. */
  void incrementAt(int[] cur, int i) {
    int v = cur[i] + (1 << topicBits);
    while (i > 0 && cur[i - 1] < v) {
      cur[i] = cur[i - 1];
      i--;
    }
    cur[i] = v;
  }

  /** Sets a word's counts from a dense per-topic array (re-sorted). */
  void set(int word, int[] dense) {
    int[] cur = counts[word];
    int m = 0;
    for (int t = 0; t < dense.length; t++) {
      if (dense[t] > 0) {
        cur[m++] = (dense[t] << topicBits) | t;
      }
    }
    java.util.Arrays.fill(cur, m, cur.length, 0);
    java.util.Arrays.sort(cur, 0, m);
    for (int a = 0, b = m - 1; a < b; a++, b--) {
      int t = cur[a];
      cur[a] = cur[b];
      cur[b] = t;
    }
  }

  /** Adds a word's counts into a dense per-topic array. */
  void addTo(int word, int[] dense) {
    for (int v : counts[word]) {
      if (v == 0) {
        break;
      }
      dense[v & topicMask] += v >>> topicBits;
    }
  }
}
