package clusterlab.core.tsne;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class FftTest {

  @Test
  void matchesTheDefinitionForMixedRadixLengths() {
    for (int n : new int[] {1, 2, 3, 4, 6, 8, 9, 12, 16, 18, 27, 32, 48, 96, 108, 128, 324}) {
      Random r = new Random(n);
      double[] re = new double[n];
      double[] im = new double[n];
      for (int j = 0; j < n; j++) {
        re[j] = r.nextGaussian();
        im[j] = r.nextGaussian();
      }
      for (boolean inverse : new boolean[] {false, true}) {
        double[] xr = re.clone();
        double[] xi = im.clone();
        new Fft(n).transform(xr, xi, new double[n], new double[n], inverse);
        double sign = inverse ? 1 : -1;
        for (int k = 0; k < n; k++) {
          double sr = 0;
          double si = 0;
          for (int j = 0; j < n; j++) {
            double a = sign * 2 * Math.PI * ((long) j * k % n) / n;
            sr += re[j] * Math.cos(a) - im[j] * Math.sin(a);
            si += re[j] * Math.sin(a) + im[j] * Math.cos(a);
          }
          assertEquals(sr, xr[k], 1e-9 * n, "n " + n + " k " + k);
          assertEquals(si, xi[k], 1e-9 * n, "n " + n + " k " + k);
        }
      }
    }
  }

  @Test
  void smoothSizes() {
    assertTrue(Fft.isSmooth(1));
    assertTrue(Fft.isSmooth(2 * 2 * 3 * 3 * 3));
    assertFalse(Fft.isSmooth(10));
    assertFalse(Fft.isSmooth(0));
    assertEquals(54, Fft.smoothAtLeast(50));
    assertEquals(64, Fft.smoothAtLeast(55));
    assertEquals(1, Fft.smoothAtLeast(0));
    assertThrows(IllegalArgumentException.class, () -> new Fft(10));
  }
}
