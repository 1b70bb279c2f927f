package clusterlab.core.evaluation;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every quality index of one labelling, each with its name, value, group and direction, plus the
 * objects behind them (per-row silhouette, scatter, contingency table, stability) so that model
 * selection, charts and reports read one object. Immutable; built by {@link QualityEvaluator}.
 *
 * <p>An index that is undefined for the labelling (silhouette with one cluster, say) is present
 * with value NaN and the reason in {@link #notes()}, so tables keep the same columns.
 */
public final class QualityReport implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Whether larger or smaller values are better, or neither (counts, reference values). */
  public enum Direction {
    HIGHER, LOWER, NONE
  }

  /** What an index compares against. */
  public enum Group {
    COUNT, INTERNAL, EXTERNAL, STABILITY
  }

  /** One named value. */
  public static final class Entry implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String name;
    private final double value;
    private final Group group;
    private final Direction direction;

    Entry(String name, double value, Group group, Direction direction) {
      this.name = name;
      this.value = value;
      this.group = group;
      this.direction = direction;
    }

    public String name() {
      return name;
    }

    public double value() {
      return value;
    }

    public Group group() {
      return group;
    }

    public Direction direction() {
      return direction;
    }

    /** True when larger is better. */
    public boolean higherIsBetter() {
      return direction == Direction.HIGHER;
    }

    @Override
    public String toString() {
      return name + "=" + value;
    }
  }

  private final Map<String, Entry> entries;
  private final List<String> notes;
  private final SilhouetteResult silhouette;
  private final Scatter scatter;
  private final Contingency contingency;
  private final StabilityResult stability;
  private final String distance;

  QualityReport(Map<String, Entry> entries, List<String> notes, SilhouetteResult silhouette, Scatter scatter,
      Contingency contingency, StabilityResult stability, String distance) {
    this.entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    this.notes = Collections.unmodifiableList(new ArrayList<>(notes));
    this.silhouette = silhouette;
    this.scatter = scatter;
    this.contingency = contingency;
    this.stability = stability;
    this.distance = distance;
  }

  /** Every entry, in report order. */
  public List<Entry> entries() {
    return new ArrayList<>(entries.values());
  }

  /** The entry with the given name, or null. */
  public Entry entry(String name) {
    return entries.get(name);
  }

  /** The value of an index, NaN when absent or undefined. */
  public double value(String name) {
    Entry e = entries.get(name);
    return e == null ? Double.NaN : e.value();
  }

  /** Why some indices are NaN (one line each). */
  public List<String> notes() {
    return notes;
  }

  /** Per-row silhouette widths, or null when not computed. */
  public SilhouetteResult silhouette() {
    return silhouette;
  }

  /** Centroids and sums of squares, or null when there was no cluster. */
  public Scatter scatter() {
    return scatter;
  }

  /** Classes-to-clusters table, or null without reference classes. */
  public Contingency contingency() {
    return contingency;
  }

  /** Bootstrap stability, or null when not assessed. */
  public StabilityResult stability() {
    return stability;
  }

  /** A copy of this report with a stability assessment added (its entries included). */
  public QualityReport withStability(StabilityResult s) {
    Map<String, Entry> e = new LinkedHashMap<>(entries);
    e.put("bootstrap_jaccard_min", new Entry("bootstrap_jaccard_min", s.minMeanJaccard(), Group.STABILITY, Direction.HIGHER));
    double[] m = s.meanJaccard();
    double mean = 0;
    for (double v : m) {
      mean += v;
    }
    e.put("bootstrap_jaccard_mean", new Entry("bootstrap_jaccard_mean", mean / m.length, Group.STABILITY, Direction.HIGHER));
    return new QualityReport(e, notes, silhouette, scatter, contingency, s, distance);
  }

  /** Name of the distance used by the distance-based indices. */
  public String distance() {
    return distance;
  }

  /** A human-readable table: one index per line with its direction, then notes. */
  public String toText() {
    StringBuilder sb = new StringBuilder();
    Group last = null;
    for (Entry e : entries.values()) {
      if (e.group != last) {
        sb.append(sb.length() == 0 ? "" : "\n").append(title(e.group)).append('\n');
        last = e.group;
      }
      String dir = e.direction == Direction.HIGHER ? "(higher is better)" : e.direction == Direction.LOWER
          ? "(lower is better)" : "";
      sb.append(String.format(Locale.ROOT, "  %-24s %16s  %s%n", e.name, format(e.value), dir));
    }
    if (stability != null) {
      sb.append("\nBootstrap Jaccard per cluster (").append(stability.resamples()).append(" resamples)\n");
      int[] ids = stability.clusterIds();
      double[] m = stability.meanJaccard();
      int[] dis = stability.dissolved();
      int[] rec = stability.recovered();
      for (int c = 0; c < ids.length; c++) {
        sb.append(String.format(Locale.ROOT, "  cluster %-4d mean %.4f  dissolved %d  recovered %d%n", ids[c], m[c],
            dis[c], rec[c]));
      }
    }
    if (silhouette != null) {
      sb.append("\nSilhouette per cluster (").append(distance).append(")\n");
      int[] ids = silhouette.clusterIds();
      double[] m = silhouette.clusterMeans();
      int[] sz = silhouette.clusterSizes();
      for (int c = 0; c < ids.length; c++) {
        sb.append(String.format(Locale.ROOT, "  cluster %-4d size %-7d mean %.4f%n", ids[c], sz[c], m[c]));
      }
    }
    if (!notes.isEmpty()) {
      sb.append("\nNotes\n");
      for (String n : notes) {
        sb.append("  ").append(n).append('\n');
      }
    }
    return sb.toString();
  }

  private static String title(Group g) {
    switch (g) {
      case COUNT:
        return "Counts";
      case INTERNAL:
        return "Internal indices";
      case EXTERNAL:
        return "External indices (against the class)";
      default:
        return "Stability";
    }
  }

  private static String format(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return String.format(Locale.ROOT, "%.6g", v);
  }

  /** CSV: a header line {@code index,value,group,direction} then one line per index (full precision). */
  public String toCsv() {
    StringBuilder sb = new StringBuilder("index,value,group,direction\n");
    for (Entry e : entries.values()) {
      sb.append(e.name).append(',').append(repr(e.value)).append(',').append(e.group.name().toLowerCase(Locale.ROOT))
          .append(',').append(e.direction.name().toLowerCase(Locale.ROOT)).append('\n');
    }
    return sb.toString();
  }

  /** JSON: {@code {"distance":..,"indices":[{"name":..,"value":..,"group":..,"direction":..}],"notes":[..]}}. */
  public String toJson() {
    StringBuilder sb = new StringBuilder("{\n  \"distance\": \"").append(escape(distance)).append("\",\n  \"indices\": [");
    boolean first = true;
    for (Entry e : entries.values()) {
      sb.append(first ? "\n" : ",\n");
      first = false;
      sb.append("    {\"name\": \"").append(e.name).append("\", \"value\": ")
          .append(Double.isFinite(e.value) ? repr(e.value) : "null").append(", \"group\": \"")
          .append(e.group.name().toLowerCase(Locale.ROOT)).append("\", \"direction\": \"")
          .append(e.direction.name().toLowerCase(Locale.ROOT)).append("\"}");
    }
    sb.append("\n  ],\n  \"notes\": [");
    for (int i = 0; i < notes.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append('"').append(escape(notes.get(i))).append('"');
    }
    sb.append("]\n}\n");
    return sb.toString();
  }

  private static String repr(double v) {
    return Double.isNaN(v) ? "NaN" : Double.toString(v);
  }

  private static String escape(String s) {
    StringBuilder sb = new StringBuilder();
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c < 0x20) {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
