package clusterlab.core.profile;

import java.util.Locale;

/** Number formatting shared by the profile's text, CSV and JSON. */
final class Format {

  private Format() {
  }

  /** A number with up to 3 significant decimals, readable in a sentence. */
  static String num(double v) {
    if (Double.isNaN(v)) {
      return "n/a";
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return String.format(Locale.ROOT, "%d", (long) v);
    }
    double a = Math.abs(v);
    return String.format(Locale.ROOT, a >= 100 ? "%.1f" : a >= 1 ? "%.2f" : "%.3g", v);
  }

  /** A share as a percentage ("71%", "0.4%"). */
  static String pct(double share) {
    if (Double.isNaN(share)) {
      return "n/a";
    }
    double p = 100 * share;
    return String.format(Locale.ROOT, p >= 9.95 || p == 0 ? "%.0f%%" : "%.1f%%", p);
  }

  /** A p-value: "<1e-300", "3.2e-07", "0.041". */
  static String p(double p) {
    if (Double.isNaN(p)) {
      return "n/a";
    }
    if (p < 1e-300) {
      return "<1e-300";
    }
    return p < 0.001 ? String.format(Locale.ROOT, "%.1e", p) : String.format(Locale.ROOT, "%.3f", p);
  }

  /** Full precision for machine-readable output; NaN and infinities as given. */
  static String exact(double v) {
    return Double.toString(v);
  }

  /** A JSON number (null for NaN and infinities). */
  static String json(double v) {
    return Double.isFinite(v) ? Double.toString(v) : "null";
  }

  /** A JSON string literal. */
  static String jsonString(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c < 0x20) {
        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.append('"').toString();
  }

  /** A CSV field, quoted when it holds a comma, quote or line break. */
  static String csv(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }
}
