package clusterlab.core.kmeans;

import clusterlab.bench.KMeansBlobs;
import clusterlab.core.Dataset;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Issue 19's profile behind {@link BlockedHamerlyAssigner}: per Lloyd iteration on KMeansBench's blobs (same data
 * and start as {@code KMeansBench shape=...}), the fraction of rows whose Hamerly test fails, and for those rows the
 * fraction of centres inside Exponion's ball of radius {@code 2u + s(a)} around the assigned centre (Newling and
 * Fleuret 2016; s(a) the distance to its nearest other centre), inside the smallest ball that must hold the
 * nearest centre ({@code 2u}), and not pruned by Elkan's centre-centre test. Run from the test classpath:
 * {@code java clusterlab.core.kmeans.HamerlyPruneProfile 200000 16 256 30}
 */
public final class HamerlyPruneProfile {
  public static void main(String[] args) {
    int n = Integer.parseInt(args[0]);
    int d = Integer.parseInt(args[1]);
    int k = Integer.parseInt(args[2]);
    int iters = Integer.parseInt(args[3]);
    double[] v = KMeansBlobs.blobs(n, d, k, 5); // KMeansBench's data
    Dataset ds = Dataset.of(v, n, d);
    double[] cen = new KMeans(k, KMeansOptions.builder().maxIterations(1).tolerance(0).build()).seed(ds, new SplittableRandom(11));
    double[] upper = new double[n];
    double[] lower = new double[n];
    int[] lab = new int[n];
    Arrays.fill(lab, -1);
    double[] shift = null;
    double[] dist = new double[k];
    double[] cc = new double[k * k];
    double[] s = new double[k];
    for (int it = 0; it < iters; it++) {
      CentreTable t = new CentreTable(cen, k, d);
      CentreTable.Scratch sc = t.scratch();
      for (int a = 0; a < k; a++) {
        s[a] = Double.POSITIVE_INFINITY;
        for (int b = 0; b < k; b++) {
          cc[a * k + b] = KMeansKernels.distance(cen, a * d, cen, b * d, d);
          if (b != a) {
            s[a] = Math.min(s[a], cc[a * k + b]);
          }
        }
      }
      double maxShift = 0;
      if (shift != null) {
        for (double x : shift) {
          maxShift = Math.max(maxShift, x);
        }
      }
      long failed = 0;
      long ring = 0;
      long ring2u = 0;
      long elkanPair = 0;
      long changed = 0;
      long ringSurvivors = 0;
      for (int i = 0; i < n; i++) {
        int a = lab[i];
        t.squaredDistances(v, i * d, sc, dist);
        int best = 0;
        for (int c = 1; c < k; c++) {
          if (dist[c] < dist[best]) {
            best = c;
          }
        }
        double d2 = Double.POSITIVE_INFINITY;
        for (int c = 0; c < k; c++) {
          if (c != best) {
            d2 = Math.min(d2, dist[c]);
          }
        }
        boolean scan = true;
        if (a >= 0) {
          upper[i] += shift[a];
          lower[i] -= maxShift;
          double bound = Math.max(0.5 * s[a], lower[i]);
          if (upper[i] <= bound) {
            scan = false;
          } else {
            upper[i] = Math.sqrt(dist[a]);
            if (upper[i] <= bound) {
              scan = false;
            }
          }
          if (scan) {
            double u = upper[i];
            double rad = 2 * u + s[a];
            for (int c = 0; c < k; c++) {
              if (cc[a * k + c] <= rad) {
                ring++;
              }
              if (cc[a * k + c] <= 2 * u) {
                ring2u++;
              }
              if (c != a && cc[a * k + c] < 2 * u) {
                elkanPair++;
              }
            }
          }
        }
        if (scan) {
          failed++;
          upper[i] = Math.sqrt(dist[best]);
          lower[i] = Math.sqrt(d2);
        }
        if (best != a) {
          changed++;
        }
        lab[i] = best;
      }
      double[] next = new double[k * d];
      double[] w = new double[k];
      for (int i = 0; i < n; i++) {
        w[lab[i]]++;
        for (int j = 0; j < d; j++) {
          next[lab[i] * d + j] += v[i * d + j];
        }
      }
      shift = new double[k];
      for (int c = 0; c < k; c++) {
        for (int j = 0; j < d; j++) {
          next[c * d + j] = w[c] > 0 ? next[c * d + j] / w[c] : cen[c * d + j];
        }
        shift[c] = KMeansKernels.distance(next, c * d, cen, c * d, d);
      }
      double meanS = 0;
      for (double x : s) {
        meanS += x;
      }
      cen = next;
      System.out.printf("iter %2d changed %6d failed %.3f  ring(2u+s)/k %.3f  ring(2u)/k %.3f elkanPair/k %.3f  maxShift %.3f meanS %.3f%n",
          it, changed, failed / (double) n, failed == 0 || it == 0 ? 0 : ring / (double) failed / k,
          failed == 0 || it == 0 ? 0 : ring2u / (double) failed / k, failed == 0 || it == 0 ? 0 : elkanPair / (double) failed / k,
          maxShift, meanS / k);
    }
  }
}
