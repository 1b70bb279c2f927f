package clusterlab.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ChartExportTest {

  @BeforeAll
  static void headless() {
    System.setProperty("java.awt.headless", "true");
  }

  @Test
  void pngAndSvgAreWrittenAtTheRequestedSize() throws Exception {
    var iris = ChartFixtures.iris();
    JFreeChart chart = ScatterChart.of(Projection.pca(iris), ChartFixtures.kmeans(iris, 3).labels()).build();
    File dir = new File(ChartFixtures.OUT, "export");
    File png = new File(dir, "scatter.png");
    File svg = new File(dir, "scatter.svg");
    ChartExport.write(chart, png, ChartExport.Format.PNG);
    ChartExport.write(chart, svg, ChartExport.Format.SVG);
    var img = ImageIO.read(png);
    assertEquals(ChartTheme.WIDTH, img.getWidth());
    assertEquals(ChartTheme.HEIGHT, img.getHeight());
    assertTrue(ChartFixtures.inked(img) > 0.03);
    String doc = Files.readString(svg.toPath());
    assertTrue(doc.contains("<svg") && doc.contains("width='900.0'"), doc.substring(0, 200));
    assertTrue(doc.contains("PC1 (") && doc.contains("PC2 ("), "axis labels, the rotated one too, as text in the SVG");
    var big = ChartExport.toImage(chart, 900, 600, 2.0);
    assertEquals(1800, big.getWidth());
  }

  @Test
  void formatsAndSizesAreChecked() {
    assertEquals(ChartExport.Format.SVG, ChartExport.Format.parse("SVG"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ChartExport.Format.parse("gif"));
    assertTrue(e.getMessage().contains("png or svg"));
    var iris = ChartFixtures.iris();
    JFreeChart chart = ScatterChart.of(Projection.pca(iris), new int[150]).build();
    assertThrows(IllegalArgumentException.class, () -> ChartExport.toImage(chart, 10, 600));
  }
}
