package clusterlab.core.topics;

import clusterlab.core.Check;
import clusterlab.core.sparse.SparseDataset;
import java.util.Locale;

/**
 * Documents as token sequences, the input of a topic model: document {@code d} is the words
 * {@code words[docStart[d] .. docStart[d + 1])}, each word an index into a vocabulary of
 * {@code vocabularySize} terms. Made from a document-term count matrix, where a count {@code c}
 * of word {@code w} becomes {@code c} tokens of {@code w} (in increasing word order).
 */
public final class Corpus {

  private final int[] docStart;
  private final int[] words;
  private final int vocabularySize;

  private Corpus(int[] docStart, int[] words, int vocabularySize) {
    this.docStart = docStart;
    this.words = words;
    this.vocabularySize = vocabularySize;
  }

  /**
   * Reads a document-term matrix of counts.
   *
   * @param counts one row per document, one column per word, non-negative whole numbers
   * @param vocabulary the words (column names) for messages, or null
   * @throws IllegalArgumentException naming the document and word of a negative or fractional
   *     value, and saying how to get counts
   */
  public static Corpus fromCounts(SparseDataset counts, String[] vocabulary) {
    Check.notNull("counts", counts);
    long total = 0;
    int[] cols = counts.cols();
    double[] vals = counts.values();
    for (int i = 0; i < counts.n(); i++) {
      for (int p = counts.rowStart(i); p < counts.rowEnd(i); p++) {
        double v = vals[p];
        if (v < 0 || v != Math.rint(v)) {
          String word = vocabulary == null ? "column " + cols[p] : "'" + vocabulary[cols[p]] + "'";
          throw new IllegalArgumentException(String.format(Locale.ROOT, "word %s in document %d has the value %s, which is"
              + " not a word count: topic models need non-negative whole numbers. Use StringToWordVector with"
              + " outputWordCounts (-C) and without the TF/IDF transforms or length normalisation, and set non-count"
              + " attributes as class or remove them", word, i + 1, v));
        }
        total += (long) v;
      }
    }
    if (total > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("the corpus has " + total + " tokens, more than the " + (Integer.MAX_VALUE - 8)
          + " one model can hold; sample fewer documents or prune rare words");
    }
    int[] start = new int[counts.n() + 1];
    int[] w = new int[(int) total];
    int t = 0;
    for (int i = 0; i < counts.n(); i++) {
      for (int p = counts.rowStart(i); p < counts.rowEnd(i); p++) {
        for (int c = (int) vals[p]; c > 0; c--) {
          w[t++] = cols[p];
        }
      }
      start[i + 1] = t;
    }
    return new Corpus(start, w, counts.d());
  }

  /** A corpus of given token arrays (one per document), for tests and inference. */
  public static Corpus ofDocuments(int[][] docs, int vocabularySize) {
    int total = 0;
    for (int[] d : docs) {
      total += d.length;
    }
    int[] start = new int[docs.length + 1];
    int[] w = new int[total];
    for (int d = 0, t = 0; d < docs.length; d++) {
      for (int word : docs[d]) {
        if (word < 0 || word >= vocabularySize) {
          throw new IllegalArgumentException("document " + d + " has word " + word + " outside the vocabulary [0, "
              + vocabularySize + ")");
        }
        w[t++] = word;
      }
      start[d + 1] = t;
    }
    return new Corpus(start, w, vocabularySize);
  }

  /** Number of documents. */
  public int numDocuments() {
    return docStart.length - 1;
  }

  /** Vocabulary size. */
  public int vocabularySize() {
    return vocabularySize;
  }

  /** Total number of tokens. */
  public int numTokens() {
    return words.length;
  }

  /** First token of document {@code d}. */
  public int start(int d) {
    return docStart[d];
  }

  /** One past the last token of document {@code d}. */
  public int end(int d) {
    return docStart[d + 1];
  }

  /** Length of document {@code d} in tokens. */
  public int length(int d) {
    return docStart[d + 1] - docStart[d];
  }

  /** Word of token {@code t} (backing array; never modify it). */
  int[] words() {
    return words;
  }

  /** The tokens of document {@code d} (a copy). */
  public int[] document(int d) {
    return java.util.Arrays.copyOfRange(words, docStart[d], docStart[d + 1]);
  }

  /** Occurrences of every word. */
  public int[] wordFrequencies() {
    int[] f = new int[vocabularySize];
    for (int w : words) {
      f[w]++;
    }
    return f;
  }

  /** The documents listed, as a new corpus. */
  public Corpus subset(int[] docs) {
    int[][] d = new int[docs.length][];
    for (int i = 0; i < docs.length; i++) {
      d[i] = document(docs[i]);
    }
    return ofDocuments(d, vocabularySize);
  }
}
