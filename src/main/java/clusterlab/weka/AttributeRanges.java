package clusterlab.weka;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import weka.core.Range;

/**
 * Checks the syntax of a Weka attribute range option ("1,4-5", "first-last") before any data is
 * seen. Weka's {@link Range} only validates against an upper bound and allocates a flag per
 * attribute up to it, so checking against a huge bound costs gigabytes (and failed with
 * OutOfMemoryError in a 1 GiB JVM); the bound here is the largest number the range names.
 */
public final class AttributeRanges {

  /** Attribute numbers above this are refused (no Weka data set has that many attributes). */
  static final int MAX_ATTRIBUTE = 10_000_000;

  private static final Pattern NUMBER = Pattern.compile("\\d+");

  private AttributeRanges() {
  }

  /**
   * The trimmed range, or an {@code IllegalArgumentException} naming the option.
   *
   * @param option the option name for the message, e.g. "ordinal"
   * @param value the range ("" or null = none)
   */
  public static String check(String option, String value) {
    String v = value == null ? "" : value.trim();
    if (v.isEmpty()) {
      return v;
    }
    long upper = 1;
    Matcher m = NUMBER.matcher(v);
    while (m.find()) {
      upper = Math.max(upper, m.group().length() > 9 ? Long.MAX_VALUE : Long.parseLong(m.group()));
    }
    if (upper > MAX_ATTRIBUTE) {
      throw new IllegalArgumentException(option + ": '" + v + "' names an attribute number above " + MAX_ATTRIBUTE
          + "; give attribute numbers (1-based), first or last, e.g. 1,4-5 or first-last");
    }
    try {
      new Range(v).setUpper((int) upper - 1);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(option + ": '" + v + "' is not an attribute range (e.g. 1,4-5 or first-last)", e);
    }
    return v;
  }
}
