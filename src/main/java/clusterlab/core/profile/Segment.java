package clusterlab.core.profile;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The profile of one segment (cluster): its size and share of all rows, one {@link Contrast} per
 * attribute in column order, and, when an adapter added one, its {@link SurrogateTree}.
 *
 * @param cluster the cluster number
 * @param size rows in the segment
 * @param share size over all rows (noise included)
 * @param contrasts one per attribute, in column order (empty for an empty segment or a single one)
 * @param surrogate the one-vs-rest decision tree, or null
 */
public record Segment(int cluster, long size, double share, List<Contrast> contrasts, SurrogateTree surrogate)
    implements Serializable {

  public Segment {
    contrasts = List.copyOf(contrasts);
  }

  /** The same segment with a surrogate tree. */
  public Segment withSurrogate(SurrogateTree tree) {
    return new Segment(cluster, size, share, contrasts, tree);
  }

  /**
   * The attributes that distinguish the segment: those whose corrected p-value is below
   * {@code alpha} and whose effect is at least weak (0.1), strongest first, at most {@code top}.
   */
  public List<Contrast> distinguishing(double alpha, int top) {
    List<Contrast> out = new ArrayList<>();
    for (Contrast c : contrasts) {
      if (c.pAdjusted() < alpha && c.effect() >= 0.1) {
        out.add(c);
      }
    }
    out.sort(Comparator.comparingDouble(Contrast::effect).reversed());
    return out.subList(0, Math.min(top, out.size()));
  }

  /** The contrasts ranked by effect size, strongest first (NaN last). */
  public List<Contrast> ranked() {
    List<Contrast> out = new ArrayList<>(contrasts);
    out.sort(Comparator.comparingDouble((Contrast c) -> Double.isNaN(c.effect()) ? -1 : c.effect()).reversed());
    return out;
  }

  /** "segment 2 (1619 rows, 18%): AGE 62% '14-17' vs 11% overall; UNDER18 mean 2.1 vs 0.7 overall (+1.4 sd)". */
  public String summary(double alpha, int top) {
    List<Contrast> d = distinguishing(alpha, top);
    StringBuilder sb = new StringBuilder("segment " + cluster + " (" + size + " rows, " + Format.pct(share) + "): ");
    if (d.isEmpty()) {
      return sb.append(contrasts.isEmpty() ? "nothing to contrast" : "no attribute differs clearly from the rest").toString();
    }
    for (int i = 0; i < d.size(); i++) {
      sb.append(i == 0 ? "" : "; ").append(d.get(i).attribute()).append(' ').append(d.get(i).describe());
    }
    return sb.toString();
  }
}
