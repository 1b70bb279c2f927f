package clusterlab.charts;

import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.text.TextUtils;
import org.jfree.svg.SVGGraphics2D;

/**
 * Writes charts to PNG (raster, optionally at a higher pixel density for print and docs) and SVG
 * (vector, through JFreeSVG), and renders them to images for hosts that want pixels (the
 * KnowledgeFlow's {@code image} connections). Works headless.
 */
public final class ChartExport {

  /** Output formats. */
  public enum Format {
    PNG, SVG;

    /** File name extension, without the dot. */
    public String extension() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** Parses "png" or "svg" (any case); the message lists both otherwise. */
    public static Format parse(String s) {
      for (Format f : values()) {
        if (f.name().equalsIgnoreCase(s == null ? "" : s.trim())) {
          return f;
        }
      }
      throw new IllegalArgumentException("chart format must be png or svg, got '" + s + "'");
    }
  }

  private ChartExport() {
  }

  /** Renders the chart into an RGB image of the given size (scale 1). */
  public static BufferedImage toImage(JFreeChart chart, int width, int height) {
    return toImage(chart, width, height, 1.0);
  }

  /**
   * Renders the chart laid out at {@code width x height} into an image {@code scale} times as
   * large (2 gives crisp figures on high-density screens and in documents).
   */
  public static BufferedImage toImage(JFreeChart chart, int width, int height, double scale) {
    check(width, height);
    if (!(scale > 0 && scale <= 8)) {
      throw new IllegalArgumentException("scale must be in (0, 8], got " + scale);
    }
    int w = (int) Math.round(width * scale);
    int h = (int) Math.round(height * scale);
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
      g.scale(scale, scale);
      chart.draw(g, new Rectangle(0, 0, width, height));
    } finally {
      g.dispose();
    }
    return image;
  }

  /** Writes a PNG of the given layout size and scale. */
  public static void writePng(JFreeChart chart, File file, int width, int height, double scale) throws IOException {
    BufferedImage image = toImage(chart, width, height, scale);
    parent(file);
    if (!ImageIO.write(image, "png", file)) {
      throw new IOException("no PNG writer available to write " + file);
    }
  }

  /** The chart as an SVG document. */
  public static String toSvg(JFreeChart chart, int width, int height) {
    check(width, height);
    SVGGraphics2D g = new SVGGraphics2D(width, height);
    // rotated labels as SVG text rather than glyph outlines, so they stay searchable and selectable
    synchronized (ChartExport.class) {
      boolean workaround = TextUtils.isUseDrawRotatedStringWorkaround();
      TextUtils.setUseDrawRotatedStringWorkaround(false);
      try {
        chart.draw(g, new Rectangle(0, 0, width, height));
      } finally {
        TextUtils.setUseDrawRotatedStringWorkaround(workaround);
      }
    }
    return g.getSVGDocument();
  }

  /** Writes an SVG file of the given size. */
  public static void writeSvg(JFreeChart chart, File file, int width, int height) throws IOException {
    String svg = toSvg(chart, width, height);
    parent(file);
    Files.writeString(file.toPath(), svg, StandardCharsets.UTF_8);
  }

  /** Writes the chart in the given format at the theme's size for it ({@link ChartTheme#preferredHeight}). */
  public static void write(JFreeChart chart, File file, Format format) throws IOException {
    write(chart, file, format, ChartTheme.WIDTH, ChartTheme.preferredHeight(chart));
  }

  /** Writes the chart in the given format and size (PNG at scale 1). */
  public static void write(JFreeChart chart, File file, Format format, int width, int height) throws IOException {
    if (format == Format.SVG) {
      writeSvg(chart, file, width, height);
    } else {
      writePng(chart, file, width, height, 1.0);
    }
  }

  /** Writes a PNG to a stream (for hosts that keep the bytes, such as an HTML report). */
  public static void writePng(JFreeChart chart, OutputStream out, int width, int height) throws IOException {
    ImageIO.write(toImage(chart, width, height), "png", out);
  }

  private static void check(int width, int height) {
    if (width < 50 || height < 50 || width > 20000 || height > 20000) {
      throw new IllegalArgumentException("chart size must be between 50 and 20000 pixels, got " + width + "x" + height);
    }
  }

  private static void parent(File file) throws IOException {
    File dir = file.getAbsoluteFile().getParentFile();
    if (dir != null && !dir.isDirectory() && !dir.mkdirs()) {
      throw new IOException("cannot create the folder " + dir + " for " + file.getName());
    }
  }
}
