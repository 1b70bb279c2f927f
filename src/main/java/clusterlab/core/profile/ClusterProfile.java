package clusterlab.core.profile;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The result of {@link ClusterProfiler}: one {@link Segment} per cluster, the size of the data and
 * of its noise, and the correction applied to the p-values. Immutable; written as text for people,
 * CSV for spreadsheets and JSON for programs by {@link ProfileWriter}.
 */
public final class ClusterProfile implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Default significance level of "distinguishing". */
  public static final double ALPHA = 0.05;
  /** Default number of attributes named per segment. */
  public static final int TOP = 3;

  private final int n;
  private final int noise;
  private final String[] columns;
  private final PAdjust correction;
  private final List<Segment> segments;

  ClusterProfile(int n, int noise, String[] columns, PAdjust correction, List<Segment> segments) {
    this.n = n;
    this.noise = noise;
    this.columns = columns.clone();
    this.correction = correction;
    this.segments = List.copyOf(segments);
  }

  /** Rows profiled. */
  public int n() {
    return n;
  }

  /** Rows in no segment (label -1). */
  public int noise() {
    return noise;
  }

  /** Attribute names, in column order. */
  public String[] columns() {
    return columns.clone();
  }

  /** The correction applied to the p-values. */
  public PAdjust correction() {
    return correction;
  }

  /** Number of tests in the corrected family. */
  public int tests() {
    return (int) segments.stream().flatMap(s -> s.contrasts().stream()).filter(c -> !Double.isNaN(c.p())).count();
  }

  /** The segments, by cluster number. */
  public List<Segment> segments() {
    return segments;
  }

  /** Segment {@code c}. */
  public Segment segment(int c) {
    return segments.get(c);
  }

  /** The same profile with one surrogate tree per segment (trees for other clusters are ignored). */
  public ClusterProfile withSurrogates(List<SurrogateTree> trees) {
    List<Segment> out = new ArrayList<>(segments);
    for (SurrogateTree t : trees) {
      if (t.cluster() >= 0 && t.cluster() < out.size()) {
        out.set(t.cluster(), out.get(t.cluster()).withSurrogate(t));
      }
    }
    return new ClusterProfile(n, noise, columns, correction, out);
  }

  /** The one-line summaries of all segments. */
  public List<String> summaries(double alpha, int top) {
    List<String> out = new ArrayList<>();
    for (Segment s : segments) {
      out.add(s.summary(alpha, top));
    }
    return out;
  }

  /** Text report with the default level and number of attributes. */
  public String toText() {
    return new ProfileWriter(this, ALPHA, TOP).text();
  }

  /** CSV, one line per segment and attribute (and per level for categories). */
  public String toCsv() {
    return new ProfileWriter(this, ALPHA, TOP).csv();
  }

  /** JSON. */
  public String toJson() {
    return new ProfileWriter(this, ALPHA, TOP).json();
  }

  @Override
  public String toString() {
    return "ClusterProfile[n=" + n + ", segments=" + segments.size() + ", noise=" + noise + "]";
  }
}
