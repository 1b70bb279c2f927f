package clusterlab.core.profile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes a {@link ClusterProfile} as text (for a reader who is not a statistician: a summary line
 * per segment first, then the evidence), as CSV (one line per segment and attribute, one more per
 * category level and per surrogate rule) or as JSON.
 */
public final class ProfileWriter {

  /** Surrogate rules printed per segment in the text report (CSV and JSON have them all). */
  public static final int RULES_SHOWN = 5;

  private final ClusterProfile profile;
  private final double alpha;
  private final int top;

  /**
   * @param alpha level below which a corrected p-value counts as a real difference
   * @param top attributes named per segment in the summaries
   */
  public ProfileWriter(ClusterProfile profile, double alpha, int top) {
    this.profile = profile;
    this.alpha = alpha;
    this.top = top;
  }

  /** The text report. */
  public String text() {
    StringBuilder sb = new StringBuilder("=== Cluster profile (ClusterLab) ===\n\n");
    sb.append(profile.n()).append(" rows in ").append(profile.segments().size()).append(" segments");
    if (profile.noise() > 0) {
      sb.append(" and ").append(profile.noise()).append(" noise rows (in no segment)");
    }
    sb.append(", ").append(profile.columns().length).append(" attributes.\n")
        .append("Each segment is compared with the rest of the data: numbers by Welch's t-test, categories by a\n")
        .append("chi-square test, the ").append(profile.tests()).append(" p-values corrected together (")
        .append(profile.correction().id()).append(").\n")
        .append("effect = how strongly the attribute tells members from the rest (0.1 weak, 0.3 moderate, 0.5 strong);\n")
        .append("an attribute distinguishes a segment when its corrected p < ").append(alpha)
        .append(" and its effect is at least weak.\n\nIn short\n");
    for (Segment s : profile.segments()) {
      sb.append("  ").append(s.summary(alpha, top)).append('\n');
    }
    for (Segment s : profile.segments()) {
      segmentText(sb, s);
    }
    return sb.toString();
  }

  private void segmentText(StringBuilder sb, Segment s) {
    sb.append(String.format(Locale.ROOT, "%n--- Segment %d: %d rows (%s) ---%n", s.cluster(), s.size(), Format.pct(s.share())));
    if (s.contrasts().isEmpty()) {
      sb.append("  nothing to contrast (the segment is empty or holds every row)\n");
      return;
    }
    int w = Math.max(9, profile.segments().stream().flatMap(x -> x.contrasts().stream())
        .mapToInt(c -> c.attribute().length()).max().orElse(9));
    sb.append(String.format(Locale.ROOT, "  %-" + w + "s  %6s  %-10s  %-9s  %s%n", "attribute", "effect", "strength",
        "p (corr.)", "what stands out"));
    for (Contrast c : s.ranked()) {
      sb.append(String.format(Locale.ROOT, "  %-" + w + "s  %6s  %-10s  %-9s  %s%n", c.attribute(),
          Double.isNaN(c.effect()) ? "n/a" : String.format(Locale.ROOT, "%.3f", c.effect()), Contrast.strength(c.effect()),
          Format.p(c.pAdjusted()), c.describe()));
    }
    numbersText(sb, s, w);
    categoriesText(sb, s, w);
    rulesText(sb, s);
  }

  private static void numbersText(StringBuilder sb, Segment s, int w) {
    List<NumericContrast> nums = new ArrayList<>();
    s.contrasts().forEach(c -> {
      if (c instanceof NumericContrast x) {
        nums.add(x);
      }
    });
    if (nums.isEmpty()) {
      return;
    }
    sb.append(String.format(Locale.ROOT, "  Numbers%n  %-" + w + "s  %9s  %9s  %9s  %9s  %9s  %8s  %8s  %7s%n", "attribute",
        "mean", "rest", "overall", "median", "overall", "diff(sd)", "Cohen d", "missing"));
    for (NumericContrast c : nums) {
      sb.append(String.format(Locale.ROOT, "  %-" + w + "s  %9s  %9s  %9s  %9s  %9s  %8s  %8s  %7d%n", c.attribute(),
          Format.num(c.meanIn()), Format.num(c.meanRest()), Format.num(c.meanAll()), Format.num(c.medianIn()),
          Format.num(c.medianAll()), signed(c.stdDiff()), signed(c.cohensD()), c.missingIn()));
    }
  }

  private static String signed(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%+.2f", v);
  }

  private static void categoriesText(StringBuilder sb, Segment s, int w) {
    boolean header = false;
    for (Contrast c : s.contrasts()) {
      if (!(c instanceof CategoryContrast x)) {
        continue;
      }
      if (!header) {
        sb.append("  Categories: values over-represented in the segment (share in segment vs overall, lift)\n");
        header = true;
      }
      List<String> parts = new ArrayList<>();
      for (int l : x.overRepresented()) {
        parts.add(String.format(Locale.ROOT, "'%s' %s vs %s (x%.1f)", x.levels()[l], Format.pct(x.shareIn(l)),
            Format.pct(x.shareAll(l)), x.lift(l)));
      }
      String median = x.ordered() && x.medianIn() >= 0
          ? "; median '" + x.levels()[x.medianIn()] + "' (overall '" + x.levels()[x.medianAll()] + "')" : "";
      sb.append(String.format(Locale.ROOT, "  %-" + w + "s  %s%s%n", x.attribute(),
          parts.isEmpty() ? "none" : String.join(", ", parts), median));
    }
  }

  private static void rulesText(StringBuilder sb, Segment s) {
    SurrogateTree t = s.surrogate();
    if (t == null) {
      return;
    }
    sb.append(String.format(Locale.ROOT, "  Rules that pick out the segment (%s one-vs-rest tree, fidelity %s, %d leaves)%n",
        t.learner(), Format.pct(t.fidelity()), t.leaves()));
    if (t.rules().isEmpty()) {
      sb.append("    none: no leaf of the tree has a majority of segment members\n");
    }
    List<SurrogateTree.Rule> rules = t.rules();
    for (SurrogateTree.Rule r : rules.subList(0, Math.min(RULES_SHOWN, rules.size()))) {
      sb.append(String.format(Locale.ROOT, "    IF %s%n       -> %d rows, %s of them in the segment (%s of the segment)%n",
          r.condition(), Math.round(r.covered()), Format.pct(r.precision()),
          Format.pct(s.size() == 0 ? Double.NaN : r.inSegment() / s.size())));
    }
    if (rules.size() > RULES_SHOWN) {
      double rest = rules.subList(RULES_SHOWN, rules.size()).stream().mapToDouble(SurrogateTree.Rule::inSegment).sum();
      sb.append(String.format(Locale.ROOT, "    ... and %d smaller rules covering another %s of the segment "
          + "(all rules are in the CSV and JSON output)%n", rules.size() - RULES_SHOWN, Format.pct(rest / s.size())));
    }
  }

  private static final String CSV_HEADER = "cluster,size,share,attribute,type,level,n,share_in,share_overall,lift,"
      + "residual,mean_in,mean_rest,mean_overall,median_in,median_overall,sd_overall,std_diff,cohens_d,effect,"
      + "statistic,df,p,p_adjusted\n";

  /** The CSV table. */
  public String csv() {
    StringBuilder sb = new StringBuilder(CSV_HEADER);
    for (Segment s : profile.segments()) {
      String head = s.cluster() + "," + s.size() + "," + Format.exact(s.share()) + ",";
      for (Contrast c : s.contrasts()) {
        if (c instanceof NumericContrast x) {
          sb.append(head).append(Format.csv(x.attribute())).append(",numeric,,").append(x.nIn()).append(",,,,,")
              .append(row(x.meanIn(), x.meanRest(), x.meanAll(), x.medianIn(), x.medianAll(), x.sdAll(), x.stdDiff(),
                  x.cohensD(), x.effect(), x.t(), x.df(), x.p(), x.pAdjusted())).append('\n');
        } else if (c instanceof CategoryContrast x) {
          String type = x.ordered() ? "ordinal" : "nominal";
          sb.append(head).append(Format.csv(x.attribute())).append(',').append(type).append(",,").append(x.totalIn())
              .append(",,,,,,,,,,,,,").append(row(x.effect(), x.chi2(), x.df(), x.p(), x.pAdjusted())).append('\n');
          for (int l = 0; l < x.levels().length; l++) {
            sb.append(head).append(Format.csv(x.attribute())).append(',').append(type).append(',')
                .append(Format.csv(x.levels()[l])).append(',').append(x.countIn()[l]).append(',')
                .append(row(x.shareIn(l), x.shareAll(l), x.lift(l), x.residual()[l])).append(",,,,,,,,,,,,,\n");
          }
        }
      }
      SurrogateTree t = s.surrogate();
      if (t != null) {
        sb.append(head).append("(surrogate tree),surrogate,").append(Format.csv(t.learner())).append(',')
            .append(t.leaves()).append(',').append(Format.exact(t.fidelity())).append(",,,,,,,,,,,,,,,,\n");
        for (SurrogateTree.Rule r : t.rules()) {
          sb.append(head).append("(surrogate rule),rule,").append(Format.csv(r.condition())).append(',')
              .append(Format.exact(r.covered())).append(',').append(Format.exact(r.precision())).append(",,,,,,,,,,,,,,,,\n");
        }
      }
    }
    return sb.toString();
  }

  private static String row(double... v) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < v.length; i++) {
      sb.append(i == 0 ? "" : ",").append(Double.isNaN(v[i]) ? "" : Format.exact(v[i]));
    }
    return sb.toString();
  }

  /** The JSON document. */
  public String json() {
    StringBuilder sb = new StringBuilder("{\n  \"rows\": ").append(profile.n()).append(",\n  \"noise\": ")
        .append(profile.noise()).append(",\n  \"correction\": \"").append(profile.correction().id())
        .append("\",\n  \"tests\": ").append(profile.tests()).append(",\n  \"alpha\": ").append(alpha)
        .append(",\n  \"segments\": [");
    List<Segment> segs = profile.segments();
    for (int i = 0; i < segs.size(); i++) {
      sb.append(i == 0 ? "\n" : ",\n");
      segmentJson(sb, segs.get(i));
    }
    return sb.append("\n  ]\n}\n").toString();
  }

  private void segmentJson(StringBuilder sb, Segment s) {
    sb.append("    {\"cluster\": ").append(s.cluster()).append(", \"size\": ").append(s.size()).append(", \"share\": ")
        .append(Format.json(s.share())).append(",\n     \"summary\": ").append(Format.jsonString(s.summary(alpha, top)))
        .append(",\n     \"distinguishing\": [");
    List<Contrast> d = s.distinguishing(alpha, top);
    for (int i = 0; i < d.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append(Format.jsonString(d.get(i).attribute()));
    }
    sb.append("],\n     \"attributes\": [");
    for (int i = 0; i < s.contrasts().size(); i++) {
      sb.append(i == 0 ? "\n" : ",\n").append("       ");
      contrastJson(sb, s.contrasts().get(i));
    }
    sb.append("\n     ]");
    if (s.surrogate() != null) {
      SurrogateTree t = s.surrogate();
      sb.append(",\n     \"surrogate\": {\"learner\": ").append(Format.jsonString(t.learner())).append(", \"fidelity\": ")
          .append(Format.json(t.fidelity())).append(", \"leaves\": ").append(t.leaves()).append(", \"rules\": [");
      for (int i = 0; i < t.rules().size(); i++) {
        SurrogateTree.Rule r = t.rules().get(i);
        sb.append(i == 0 ? "" : ", ").append("{\"conditions\": [");
        for (int j = 0; j < r.conditions().size(); j++) {
          sb.append(j == 0 ? "" : ", ").append(Format.jsonString(r.conditions().get(j)));
        }
        sb.append("], \"covered\": ").append(Format.json(r.covered())).append(", \"in_segment\": ")
            .append(Format.json(r.inSegment())).append(", \"precision\": ").append(Format.json(r.precision())).append('}');
      }
      sb.append("]}");
    }
    sb.append("}");
  }

  private static void contrastJson(StringBuilder sb, Contrast c) {
    sb.append("{\"attribute\": ").append(Format.jsonString(c.attribute()));
    if (c instanceof NumericContrast x) {
      sb.append(", \"type\": \"numeric\", \"n\": ").append(x.nIn()).append(", \"missing\": ").append(x.missingIn())
          .append(", \"mean\": ").append(Format.json(x.meanIn())).append(", \"mean_rest\": ").append(Format.json(x.meanRest()))
          .append(", \"mean_overall\": ").append(Format.json(x.meanAll())).append(", \"median\": ")
          .append(Format.json(x.medianIn())).append(", \"median_overall\": ").append(Format.json(x.medianAll()))
          .append(", \"sd_overall\": ").append(Format.json(x.sdAll())).append(", \"std_diff\": ")
          .append(Format.json(x.stdDiff())).append(", \"cohens_d\": ").append(Format.json(x.cohensD()))
          .append(", \"t\": ").append(Format.json(x.t())).append(", \"df\": ").append(Format.json(x.df()));
    } else if (c instanceof CategoryContrast x) {
      sb.append(", \"type\": \"").append(x.ordered() ? "ordinal" : "nominal").append("\", \"n\": ").append(x.totalIn())
          .append(", \"missing\": ").append(x.missingIn()).append(", \"chi2\": ").append(Format.json(x.chi2()))
          .append(", \"df\": ").append(x.df());
      if (x.ordered()) {
        sb.append(", \"median_level\": ").append(x.medianIn() < 0 ? "null" : Format.jsonString(x.levels()[x.medianIn()]))
            .append(", \"median_level_overall\": ")
            .append(x.medianAll() < 0 ? "null" : Format.jsonString(x.levels()[x.medianAll()]));
      }
      sb.append(", \"levels\": [");
      for (int l = 0; l < x.levels().length; l++) {
        sb.append(l == 0 ? "" : ", ").append("{\"level\": ").append(Format.jsonString(x.levels()[l])).append(", \"count\": ")
            .append(x.countIn()[l]).append(", \"share\": ").append(Format.json(x.shareIn(l))).append(", \"share_overall\": ")
            .append(Format.json(x.shareAll(l))).append(", \"lift\": ").append(Format.json(x.lift(l)))
            .append(", \"residual\": ").append(Format.json(x.residual()[l])).append('}');
      }
      sb.append(']');
    }
    sb.append(", \"effect\": ").append(Format.json(c.effect())).append(", \"strength\": \"")
        .append(Contrast.strength(c.effect())).append("\", \"p\": ").append(Format.json(c.p())).append(", \"p_adjusted\": ")
        .append(Format.json(c.pAdjusted())).append(", \"describe\": ").append(Format.jsonString(c.describe())).append('}');
  }
}
