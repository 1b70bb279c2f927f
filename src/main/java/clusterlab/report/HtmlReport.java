package clusterlab.report;

import clusterlab.charts.ChartExport;
import clusterlab.charts.ChartTheme;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.jfree.chart.JFreeChart;

/**
 * A self-contained HTML report, built section by section: paragraphs, the command line that
 * reproduces a step, tables and charts. Every chart is written as a PNG file into the output folder
 * and embedded in the page as a base64 data URI, so {@code report.html} opens anywhere without
 * network access or JavaScript, and the images are there on their own for slides. Text is escaped;
 * nothing from the data reaches the page as markup.
 */
public final class HtmlReport {

  /** One block of a section, already rendered to HTML. */
  private static final class Section {
    final String id;
    final String title;
    final StringBuilder body = new StringBuilder();

    Section(String id, String title) {
      this.id = id;
      this.title = title;
    }
  }

  private final String title;
  private final File imageDir;
  private final List<String> figureFiles = new ArrayList<>();
  private final StringBuilder summary = new StringBuilder();
  private final List<Section> sections = new ArrayList<>();
  private Section current;

  /**
   * @param title the page title
   * @param imageDir the folder the chart PNG files are written into (created when needed)
   */
  public HtmlReport(String title, File imageDir) {
    this.title = title;
    this.imageDir = imageDir;
  }

  /** A line of the summary box at the top of the page (the report's first screen). */
  public HtmlReport summary(String label, String text) {
    summary.append("<tr><th>").append(escape(label)).append("</th><td>").append(escape(text)).append("</td></tr>\n");
    return this;
  }

  /** Starts a new section; the following blocks go into it. */
  public HtmlReport section(String id, String sectionTitle) {
    current = new Section(id, sectionTitle);
    sections.add(current);
    return this;
  }

  private StringBuilder body() {
    if (current == null) {
      throw new IllegalStateException("start a section first");
    }
    return current.body;
  }

  /** A paragraph of plain text. */
  public HtmlReport paragraph(String text) {
    body().append("<p>").append(escape(text)).append("</p>\n");
    return this;
  }

  /** A sub-heading inside the current section. */
  public HtmlReport heading(String text) {
    body().append("<h3>").append(escape(text)).append("</h3>\n");
    return this;
  }

  /** A bullet list of plain-text items. */
  public HtmlReport bullets(List<String> items) {
    if (items.isEmpty()) {
      return this;
    }
    body().append("<ul>\n");
    for (String s : items) {
      body().append("<li>").append(escape(s)).append("</li>\n");
    }
    body().append("</ul>\n");
    return this;
  }

  /** The command line that reproduces a step, shown as code with a short label. */
  public HtmlReport command(String label, String commandLine) {
    body().append("<div class=\"cmd\"><div class=\"cmd-label\">").append(escape(label))
        .append("</div><pre><code>").append(escape(commandLine)).append("</code></pre></div>\n");
    return this;
  }

  /** A table; cells are plain text, numbers right-aligned. */
  public HtmlReport table(String caption, List<String> header, List<List<String>> rows) {
    StringBuilder b = body();
    b.append("<div class=\"table-wrap\"><table>\n");
    if (caption != null && !caption.isEmpty()) {
      b.append("<caption>").append(escape(caption)).append("</caption>\n");
    }
    b.append("<thead><tr>");
    for (String h : header) {
      b.append("<th>").append(escape(h)).append("</th>");
    }
    b.append("</tr></thead>\n<tbody>\n");
    for (List<String> row : rows) {
      b.append("<tr>");
      for (int i = 0; i < row.size(); i++) {
        String cell = row.get(i) == null ? "" : row.get(i);
        String cls = i > 0 && isNumber(cell) ? " class=\"num\"" : "";
        b.append(i == 0 ? "<th scope=\"row\"" + cls + ">" : "<td" + cls + ">").append(escape(cell))
            .append(i == 0 ? "</th>" : "</td>");
      }
      b.append("</tr>\n");
    }
    b.append("</tbody></table></div>\n");
    return this;
  }

  private static boolean isNumber(String s) {
    return s.matches("[-+]?[0-9][0-9,]*(\\.[0-9]+)?([eE][-+]?[0-9]+)?%?|n/a|NaN");
  }

  /**
   * A chart: written as {@code <name>.png} into the image folder and embedded in the page, with a
   * caption under it.
   */
  public HtmlReport figure(String name, JFreeChart chart, String caption) throws IOException {
    int width = ChartTheme.WIDTH;
    int height = ChartTheme.preferredHeight(chart);
    File file = new File(imageDir, name + ".png");
    ChartExport.writePng(chart, file, width, height, 1.0);
    figureFiles.add(file.getName());
    byte[] png = Files.readAllBytes(file.toPath());
    body().append("<figure><img src=\"data:image/png;base64,").append(Base64.getEncoder().encodeToString(png))
        .append("\" width=\"").append(width).append("\" height=\"").append(height).append("\" alt=\"")
        .append(escape(caption)).append("\"><figcaption>").append(escape(caption)).append(" (")
        .append(escape(imageDir.getName() + "/" + file.getName())).append(")</figcaption></figure>\n");
    return this;
  }

  /** File names of the figures written so far. */
  public List<String> figureFiles() {
    return new ArrayList<>(figureFiles);
  }

  /** The whole page. */
  public String toHtml(String footer) {
    StringBuilder sb = new StringBuilder(1 << 16);
    sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>").append(escape(title)).append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n")
        .append("<header><h1>").append(escape(title)).append("</h1></header>\n<main>\n");
    if (summary.length() > 0) {
      sb.append("<section id=\"summary\" class=\"summary\"><h2>Summary</h2><table>\n").append(summary)
          .append("</table></section>\n");
    }
    sb.append("<nav><h2>Contents</h2><ol>\n");
    for (Section s : sections) {
      sb.append("<li><a href=\"#").append(s.id).append("\">").append(escape(s.title)).append("</a></li>\n");
    }
    sb.append("</ol></nav>\n");
    for (Section s : sections) {
      sb.append("<section id=\"").append(s.id).append("\">\n<h2>").append(escape(s.title)).append("</h2>\n")
          .append(s.body).append("</section>\n");
    }
    sb.append("</main>\n<footer>").append(escape(footer)).append("</footer>\n</body>\n</html>\n");
    return sb.toString();
  }

  /** Writes the page. */
  public void write(File file, String footer) throws IOException {
    Files.writeString(file.toPath(), toHtml(footer), StandardCharsets.UTF_8);
  }

  /** HTML-escapes text. */
  public static String escape(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<':
          sb.append("&lt;");
          break;
        case '>':
          sb.append("&gt;");
          break;
        case '&':
          sb.append("&amp;");
          break;
        case '"':
          sb.append("&quot;");
          break;
        case '\'':
          sb.append("&#39;");
          break;
        default:
          sb.append(c);
      }
    }
    return sb.toString();
  }

  /** Written once, so every report looks the same; no web fonts, no external resources. */
  private static final String CSS = String.join("\n",
      "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,'DejaVu Sans',sans-serif;margin:0;color:#1d1d1d;"
          + "background:#fafafa;line-height:1.45}",
      "header{background:#0b3d5c;color:#fff;padding:18px 32px}",
      "header h1{margin:0;font-size:26px;font-weight:600}",
      "main{max-width:1000px;margin:0 auto;padding:12px 24px 40px}",
      "section{background:#fff;border:1px solid #e2e2e2;border-radius:6px;padding:8px 24px 16px;margin:18px 0}",
      "h2{font-size:21px;color:#0b3d5c;border-bottom:2px solid #e6eef3;padding-bottom:4px}",
      "h3{font-size:16px;color:#204a63;margin-top:22px}",
      ".summary{border-left:6px solid #0072B2}",
      ".summary table{border-collapse:collapse}",
      ".summary th{text-align:left;padding:4px 18px 4px 0;vertical-align:top;white-space:nowrap;color:#204a63}",
      ".summary td{padding:4px 0}",
      "nav{background:#fff;border:1px solid #e2e2e2;border-radius:6px;padding:4px 24px;margin:18px 0}",
      "nav h2{border:none;font-size:17px}",
      "nav ol{columns:2;margin-top:0}",
      ".cmd{margin:10px 0}",
      ".cmd-label{font-size:13px;color:#555}",
      "pre{background:#f3f5f7;border:1px solid #dde3e8;border-radius:4px;padding:8px 10px;white-space:pre-wrap;"
          + "word-break:break-all;font-size:12.5px;margin:2px 0}",
      ".table-wrap{overflow-x:auto;margin:10px 0}",
      "table{border-collapse:collapse;font-size:13.5px}",
      "caption{text-align:left;font-weight:600;padding:4px 0;color:#204a63}",
      "thead th{background:#eef3f6;text-align:left;padding:5px 9px;border-bottom:1px solid #cdd8df}",
      "tbody th{text-align:left;font-weight:600;padding:4px 9px;border-bottom:1px solid #eee}",
      "td{padding:4px 9px;border-bottom:1px solid #eee}",
      ".num{text-align:right;font-variant-numeric:tabular-nums}",
      "figure{margin:14px 0}",
      "figure img{max-width:100%;height:auto;border:1px solid #e2e2e2}",
      "figcaption{font-size:13px;color:#555}",
      "footer{max-width:1000px;margin:0 auto 30px;padding:0 24px;font-size:12px;color:#666;white-space:pre-wrap}",
      "");
}
