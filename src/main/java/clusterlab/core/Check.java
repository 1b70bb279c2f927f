package clusterlab.core;

/**
 * Argument checks whose messages name the parameter, the value given and what is allowed, so a
 * user who passes {@code -N 0} reads "k must be at least 1, got 0" instead of a stack trace from
 * deep inside a kernel.
 */
public final class Check {

  private Check() {
  }

  /** Fails unless {@code value >= min}. */
  public static void atLeast(String name, long value, long min) {
    if (value < min) {
      throw new IllegalArgumentException(name + " must be at least " + min + ", got " + value);
    }
  }

  /** Fails unless {@code min <= value <= max}. */
  public static void inRange(String name, long value, long min, long max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", got " + value);
    }
  }

  /** Fails unless {@code value} is finite and strictly positive. */
  public static void positive(String name, double value) {
    if (!(value > 0) || !Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " must be a finite number greater than 0, got " + value);
    }
  }

  /** Fails unless {@code value} is finite and {@code >= 0}. */
  public static void nonNegative(String name, double value) {
    if (!(value >= 0) || !Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " must be a finite number of at least 0, got " + value);
    }
  }

  /** Fails unless {@code min <= value <= max} (and finite). */
  public static void inRange(String name, double value, double min, double max) {
    if (!(value >= min && value <= max)) {
      throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", got " + value);
    }
  }

  /** Fails when {@code value} is null. */
  public static <T> T notNull(String name, T value) {
    if (value == null) {
      throw new IllegalArgumentException(name + " must not be null");
    }
    return value;
  }

  /**
   * Fails unless a dataset has at least {@code needed} rows, explaining which parameter asked for
   * them (for example "k = 5 clusters need at least 5 rows, the data has 3").
   */
  public static void enoughRows(Dataset data, int needed, String why) {
    if (data.n() < needed) {
      throw new IllegalArgumentException(why + " need at least " + needed + " rows, the data has "
          + data.n() + "; use more data or lower the parameter");
    }
  }
}
