package clusterlab.core.profile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clusterlab.core.mixed.ColumnType;
import clusterlab.core.mixed.MixedTable;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Behaviour of the profiler and its report on small tables whose answer is known by construction. */
class ClusterProfilerTest {

  /** 100 customers: segment 0 (40) buys online and spends more; segment 1 (50) in store; 10 noise rows. */
  static MixedTable shop(int[] labels) {
    int n = labels.length;
    double[] v = new double[n * 3];
    for (int i = 0; i < n; i++) {
      boolean online = labels[i] == 0 ? i % 10 < 8 : i % 10 < 2; // 80% vs 20% online
      v[i * 3] = (labels[i] == 0 ? 100 : 50) + (i % 7); // spend
      v[i * 3 + 1] = online ? 0 : 1; // channel: online, store
      v[i * 3 + 2] = i % 3; // region: the same mix everywhere
    }
    v[5 * 3] = Double.NaN; // a missing spend in segment 0
    return MixedTable.of(v, n, new ColumnType[] {ColumnType.NUMERIC, ColumnType.NOMINAL, ColumnType.NOMINAL},
        new int[] {0, 2, 3}, new String[] {"spend", "channel", "region"}, null);
  }

  static int[] shopLabels() {
    int[] l = new int[100];
    for (int i = 0; i < 100; i++) {
      l[i] = i < 40 ? 0 : i < 90 ? 1 : -1;
    }
    return l;
  }

  static final String[][] LEVELS = {null, {"online", "store"}, {"north", "south", "east"}};

  @Test
  void namesWhatDistinguishesEachSegmentInPlainWords() {
    int[] labels = shopLabels();
    ClusterProfile p = new ClusterProfiler().profile(shop(labels), labels, LEVELS);
    assertEquals(100, p.n());
    assertEquals(10, p.noise());
    Segment s0 = p.segment(0);
    assertEquals(40, s0.size());
    assertEquals(0.4, s0.share(), 1e-12);
    List<Contrast> d = s0.distinguishing(0.05, 3);
    assertEquals(List.of("spend", "channel"), d.stream().map(Contrast::attribute).toList(), "region is mixed alike everywhere");
    String summary = s0.summary(0.05, 3);
    assertTrue(summary.startsWith("segment 0 (40 rows, 40%): spend mean 102.8 vs 72.63 overall (+1.2 sd); "), summary);
    assertTrue(summary.contains("channel 80% 'online' vs "), summary);
    NumericContrast spend = (NumericContrast) s0.contrasts().get(0);
    assertEquals(39, spend.nIn());
    assertEquals(1, spend.missingIn());
    assertTrue(spend.stdDiff() > 0.5 && spend.cohensD() > 2, "a large positive difference: " + spend);
    CategoryContrast channel = (CategoryContrast) s0.contrasts().get(1);
    assertEquals(List.of(0), channel.overRepresented());
    assertEquals(0.8 / channel.shareAll(0), channel.lift(0), 1e-12);
    assertTrue(p.segment(1).summary(0.05, 3).contains("'store'"), p.segment(1).summary(0.05, 3));
  }

  @Test
  void correctsAllTestsOfTheProfileTogether() {
    int[] labels = shopLabels();
    ClusterProfile holm = new ClusterProfiler().profile(shop(labels), labels, LEVELS);
    ClusterProfile none = new ClusterProfiler(PAdjust.NONE, 0).profile(shop(labels), labels, LEVELS);
    assertEquals(6, holm.tests());
    Contrast region = holm.segment(0).contrasts().get(2);
    assertEquals(none.segment(0).contrasts().get(2).p(), region.p(), 0);
    assertTrue(region.pAdjusted() >= region.p());
  }

  @Test
  void pAdjustAgreesWithR() {
    double[] p = {0.01, 0.02, Double.NaN, 0.03, 0.04, 0.05};
    // p.adjust(c(.01,.02,.03,.04,.05), "holm") / "BH" / "bonferroni"
    assertArrayEquals(new double[] {0.05, 0.08, Double.NaN, 0.09, 0.09, 0.09}, PAdjust.HOLM.adjust(p), 1e-15);
    assertArrayEquals(new double[] {0.05, 0.05, Double.NaN, 0.05, 0.05, 0.05}, PAdjust.BH.adjust(p), 1e-15);
    assertArrayEquals(new double[] {0.05, 0.1, Double.NaN, 0.15, 0.2, 0.25}, PAdjust.BONFERRONI.adjust(p), 1e-15);
    assertEquals(PAdjust.BH, PAdjust.byId("BH"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PAdjust.byId("fdr"));
    assertTrue(e.getMessage().contains("holm, bh, bonferroni or none"), e.getMessage());
  }

  @Test
  void emptyAndAllEmbracingSegmentsHaveNothingToContrast() {
    int[] labels = new int[100];
    java.util.Arrays.fill(labels, 0);
    labels[99] = 2; // cluster 1 is empty
    ClusterProfile p = new ClusterProfiler().profile(shop(labels), labels, LEVELS);
    assertEquals(3, p.segments().size());
    assertTrue(p.segment(1).contrasts().isEmpty());
    assertEquals("segment 1 (0 rows, 0%): nothing to contrast", p.segment(1).summary(0.05, 3));
    assertTrue(p.toText().contains("nothing to contrast (the segment is empty or holds every row)"));
    int[] one = new int[100];
    ClusterProfile single = new ClusterProfiler().profile(shop(one), one, LEVELS);
    assertTrue(single.segment(0).contrasts().isEmpty());
    assertEquals(0, single.tests());
  }

  @Test
  void aConstantColumnIsNeitherAnEffectNorAnError() {
    int[] labels = shopLabels();
    double[] v = new double[200];
    for (int i = 0; i < 100; i++) {
      v[2 * i] = 7;
      v[2 * i + 1] = i;
    }
    MixedTable t = MixedTable.numeric(v, 100, 2);
    NumericContrast c = (NumericContrast) new ClusterProfiler().profile(t, labels, null).segment(0).contrasts().get(0);
    assertTrue(Double.isNaN(c.effect()) && Double.isNaN(c.cohensD()), c.toString());
    assertEquals(1, c.p(), 0);
  }

  @Test
  void badLabelsAreRefusedNamingTheRow() {
    MixedTable t = shop(shopLabels());
    int[] labels = shopLabels();
    labels[41] = -3;
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new ClusterProfiler().profile(t, labels, LEVELS));
    assertTrue(e.getMessage().contains("row 42"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new ClusterProfiler().profile(t, new int[3], LEVELS));
    assertTrue(e.getMessage().contains("3 labels for 100 rows"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new ClusterProfiler().profile(t, shopLabels(), new String[][] {null, {"online"}, null}));
    assertTrue(e.getMessage().contains("'channel' has 2 levels but 1 level names"), e.getMessage());
  }

  @Test
  void csvHasOneColumnPerHeaderFieldAndJsonParses() {
    int[] labels = shopLabels();
    ClusterProfile p = new ClusterProfiler().profile(shop(labels), labels, LEVELS)
        .withSurrogates(List.of(new SurrogateTree(0, 0.93, 3, List.of(new SurrogateTree.Rule(List.of("channel = online",
            "spend > 99"), 33.5, 31.0)), "J48 -C 0.25 -M 2")));
    String[] lines = p.toCsv().split("\n");
    int columns = lines[0].split(",", -1).length;
    assertEquals(24, columns);
    for (String line : lines) {
      assertEquals(columns, line.split(",", -1).length, line);
    }
    assertTrue(p.toCsv().contains("(surrogate rule),rule,channel = online AND spend > 99,33.5,"), p.toCsv());
    String json = p.toJson();
    JsonCheck.parse(json);
    IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> JsonCheck.parse("{\"a\": NaN}"));
    assertTrue(bad.getMessage().contains("value expected"), bad.getMessage());
    assertTrue(json.contains("\"distinguishing\": [\"spend\", \"channel\"]"), json);
    String text = p.toText();
    assertTrue(text.contains("IF channel = online AND spend > 99"), text);
    assertTrue(text.contains("fidelity 93%"), text);
  }
}
