package clusterlab.core.tsne;

/**
 * Complex discrete Fourier transform of a length {@code n = 2^a 3^b}, by the Stockham auto-sort
 * algorithm (radix-4, -2 and -3 passes between two buffers, no bit reversal; Govindaraju et al.
 * 2008, "High performance discrete Fourier transforms on graphics processors", section 3).
 *
 * <p>Why our own: the FFT-accelerated t-SNE gradient ({@link FftGradient}) needs only complex
 * transforms of a few hundred points, thousands of times, allocation-free and from several threads;
 * sizes {@code 2^a 3^b} are dense enough that the grid never needs more than a third of padding.
 * Commons Math's transformer accepts powers of two only and allocates on every call.
 *
 * <p>An instance holds the plan (radices and the twiddle table) and is immutable, so threads share
 * it; each thread passes its own scratch buffers.
 */
final class Fft {

  private static final double SIN_60 = Math.sqrt(3) / 2;

  private final int n;
  private final int[] radices;
  private final double[] cos;
  private final double[] sin;

  Fft(int n) {
    if (!isSmooth(n)) {
      throw new IllegalArgumentException("FFT length must be 2^a 3^b, got " + n);
    }
    this.n = n;
    int twos = 0;
    int threes = 0;
    for (int m = n; m % 2 == 0; m /= 2) {
      twos++;
    }
    for (int m = n; m % 3 == 0; m /= 3) {
      threes++;
    }
    radices = new int[twos / 2 + twos % 2 + threes];
    int r = 0;
    for (int i = 0; i < twos / 2; i++) {
      radices[r++] = 4;
    }
    if (twos % 2 == 1) {
      radices[r++] = 2;
    }
    for (int i = 0; i < threes; i++) {
      radices[r++] = 3;
    }
    cos = new double[n];
    sin = new double[n];
    for (int k = 0; k < n; k++) {
      double angle = -2 * Math.PI * k / n;
      cos[k] = Math.cos(angle);
      sin[k] = Math.sin(angle);
    }
  }

  int size() {
    return n;
  }

  /** True when {@code n >= 1} has no prime factor other than 2 and 3. */
  static boolean isSmooth(int n) {
    if (n < 1) {
      return false;
    }
    while (n % 2 == 0) {
      n /= 2;
    }
    while (n % 3 == 0) {
      n /= 3;
    }
    return n == 1;
  }

  /** The smallest {@code 2^a 3^b} at least {@code min}. */
  static int smoothAtLeast(int min) {
    int m = Math.max(1, min);
    while (!isSmooth(m)) {
      m++;
    }
    return m;
  }

  /**
   * Transforms {@code (re, im)} in place: forward {@code X[k] = sum x[j] e^{-2 pi i jk/n}}, or the
   * inverse without the {@code 1/n} factor. {@code sre, sim} are scratch buffers of length {@code n}.
   */
  void transform(double[] re, double[] im, double[] sre, double[] sim, boolean inverse) {
    double[] aRe = re;
    double[] aIm = im;
    double[] bRe = sre;
    double[] bIm = sim;
    double sign = inverse ? -1 : 1;
    int ns = 1;
    for (int radix : radices) {
      switch (radix) {
        case 4 -> pass4(aRe, aIm, bRe, bIm, ns, sign);
        case 2 -> pass2(aRe, aIm, bRe, bIm, ns, sign);
        default -> pass3(aRe, aIm, bRe, bIm, ns, sign);
      }
      double[] t = aRe;
      aRe = bRe;
      bRe = t;
      t = aIm;
      aIm = bIm;
      bIm = t;
      ns *= radix;
    }
    if (aRe != re) {
      System.arraycopy(aRe, 0, re, 0, n);
      System.arraycopy(aIm, 0, im, 0, n);
    }
  }

  private void pass2(double[] aRe, double[] aIm, double[] bRe, double[] bIm, int ns, double sign) {
    int m = n / 2;
    int step = n / (ns * 2);
    for (int j = 0; j < m; j++) {
      int k = j % ns;
      int w = k * step;
      double c = cos[w];
      double s = sign * sin[w];
      double x0r = aRe[j];
      double x0i = aIm[j];
      double x1r = aRe[j + m] * c - aIm[j + m] * s;
      double x1i = aRe[j + m] * s + aIm[j + m] * c;
      int out = (j - k) * 2 + k;
      bRe[out] = x0r + x1r;
      bIm[out] = x0i + x1i;
      bRe[out + ns] = x0r - x1r;
      bIm[out + ns] = x0i - x1i;
    }
  }

  private void pass4(double[] aRe, double[] aIm, double[] bRe, double[] bIm, int ns, double sign) {
    int m = n / 4;
    int step = n / (ns * 4);
    for (int j = 0; j < m; j++) {
      int k = j % ns;
      int w1 = k * step;
      double x0r = aRe[j];
      double x0i = aIm[j];
      double x1r;
      double x1i;
      double x2r;
      double x2i;
      double x3r;
      double x3i;
      if (w1 == 0) {
        x1r = aRe[j + m];
        x1i = aIm[j + m];
        x2r = aRe[j + 2 * m];
        x2i = aIm[j + 2 * m];
        x3r = aRe[j + 3 * m];
        x3i = aIm[j + 3 * m];
      } else {
        double c1 = cos[w1];
        double s1 = sign * sin[w1];
        double c2 = cos[2 * w1];
        double s2 = sign * sin[2 * w1];
        double c3 = cos[3 * w1];
        double s3 = sign * sin[3 * w1];
        double r = aRe[j + m];
        double i = aIm[j + m];
        x1r = r * c1 - i * s1;
        x1i = r * s1 + i * c1;
        r = aRe[j + 2 * m];
        i = aIm[j + 2 * m];
        x2r = r * c2 - i * s2;
        x2i = r * s2 + i * c2;
        r = aRe[j + 3 * m];
        i = aIm[j + 3 * m];
        x3r = r * c3 - i * s3;
        x3i = r * s3 + i * c3;
      }
      double a0r = x0r + x2r;
      double a0i = x0i + x2i;
      double a1r = x0r - x2r;
      double a1i = x0i - x2i;
      double a2r = x1r + x3r;
      double a2i = x1i + x3i;
      // (x1 - x3) times -i (forward) or +i (inverse)
      double dr = x1r - x3r;
      double di = x1i - x3i;
      double a3r = sign * di;
      double a3i = -sign * dr;
      int out = (j - k) * 4 + k;
      bRe[out] = a0r + a2r;
      bIm[out] = a0i + a2i;
      bRe[out + ns] = a1r + a3r;
      bIm[out + ns] = a1i + a3i;
      bRe[out + 2 * ns] = a0r - a2r;
      bIm[out + 2 * ns] = a0i - a2i;
      bRe[out + 3 * ns] = a1r - a3r;
      bIm[out + 3 * ns] = a1i - a3i;
    }
  }

  private void pass3(double[] aRe, double[] aIm, double[] bRe, double[] bIm, int ns, double sign) {
    int m = n / 3;
    int step = n / (ns * 3);
    double s60 = -sign * SIN_60; // imaginary part of e^{-+2 pi i / 3}
    for (int j = 0; j < m; j++) {
      int k = j % ns;
      int w1 = k * step;
      double c1 = cos[w1];
      double s1 = sign * sin[w1];
      double c2 = cos[2 * w1];
      double s2 = sign * sin[2 * w1];
      double x0r = aRe[j];
      double x0i = aIm[j];
      double r = aRe[j + m];
      double i = aIm[j + m];
      double x1r = r * c1 - i * s1;
      double x1i = r * s1 + i * c1;
      r = aRe[j + 2 * m];
      i = aIm[j + 2 * m];
      double x2r = r * c2 - i * s2;
      double x2i = r * s2 + i * c2;
      double t1r = x1r + x2r;
      double t1i = x1i + x2i;
      double t2r = x0r - 0.5 * t1r;
      double t2i = x0i - 0.5 * t1i;
      double dr = x1r - x2r;
      double di = x1i - x2i;
      int out = (j - k) * 3 + k;
      bRe[out] = x0r + t1r;
      bIm[out] = x0i + t1i;
      bRe[out + ns] = t2r - s60 * di;
      bIm[out + ns] = t2i + s60 * dr;
      bRe[out + 2 * ns] = t2r + s60 * di;
      bIm[out + 2 * ns] = t2i - s60 * dr;
    }
  }
}
