package clusterlab.spark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructField;

/**
 * Reads dense numeric data for ClusterLab on Spark from CSV (with a header line), Parquet or ARFF,
 * into rows of doubles and the column names. Anything else (a text column, a nominal ARFF
 * attribute, sparse ARFF rows) is refused with a message naming the file, the column and the fix;
 * a missing value fails when the blocks are built, naming its row and column.
 */
public final class Input {

  /** The rows and the names of their columns. */
  public static final class Table {
    private final JavaRDD<double[]> rows;
    private final String[] columns;

    Table(JavaRDD<double[]> rows, String[] columns) {
      this.rows = rows;
      this.columns = columns;
    }

    public JavaRDD<double[]> rows() {
      return rows;
    }

    public String[] columns() {
      return columns.clone();
    }
  }

  private Input() {
  }

  /** The format of a path: its extension (csv, parquet, arff), or parquet for a directory. */
  public static String formatOf(String path) {
    String p = path.toLowerCase(Locale.ROOT).replaceAll("/+$", "");
    for (String f : new String[] {"csv", "parquet", "arff"}) {
      if (p.endsWith("." + f)) {
        return f;
      }
    }
    return "parquet";
  }

  /**
   * Reads {@code path} in {@code format} (csv, parquet or arff; null for {@link #formatOf}), keeping
   * {@code columns} (null or empty for all).
   */
  public static Table read(SparkSession spark, String path, String format, String[] columns) {
    String f = format == null ? formatOf(path) : format.toLowerCase(Locale.ROOT);
    switch (f) {
      case "csv":
        return frame(spark.read().option("header", "true").option("inferSchema", "true").csv(path), path, columns);
      case "parquet":
        return frame(spark.read().parquet(path), path, columns);
      case "arff":
        return arff(spark, path, columns);
      default:
        throw new IllegalArgumentException("unknown input format '" + format + "': use csv, parquet or arff");
    }
  }

  /** Rows of a data frame whose chosen columns are all numeric. */
  public static Table frame(Dataset<Row> df, String source, String[] columns) {
    Dataset<Row> sel = df;
    if (columns != null && columns.length > 0) {
      List<String> have = Arrays.asList(df.columns());
      Column[] cs = new Column[columns.length];
      for (int i = 0; i < columns.length; i++) {
        if (!have.contains(columns[i])) {
          throw new IllegalArgumentException(source + " has no column '" + columns[i] + "'; its columns are " + have);
        }
        cs[i] = df.col("`" + columns[i] + "`");
      }
      sel = df.select(cs);
    }
    StructField[] fields = sel.schema().fields();
    if (fields.length == 0) {
      throw new IllegalArgumentException(source + " has no columns");
    }
    for (StructField field : fields) {
      if (!numeric(field.dataType())) {
        throw new IllegalArgumentException(source + ": column '" + field.name() + "' is " + field.dataType().simpleString()
            + ", not numeric; ClusterLab on Spark clusters dense numeric columns: choose the numeric ones with "
            + "--columns a,b,c, or encode this one as numbers first");
      }
    }
    int d = fields.length;
    String[] names = sel.columns();
    JavaRDD<double[]> rows = sel.javaRDD().map(r -> {
      double[] x = new double[d];
      for (int j = 0; j < d; j++) {
        x[j] = r.isNullAt(j) ? Double.NaN : ((Number) r.get(j)).doubleValue();
      }
      return x;
    });
    return new Table(rows, names);
  }

  private static boolean numeric(DataType t) {
    return t.equals(DataTypes.DoubleType) || t.equals(DataTypes.FloatType) || t.equals(DataTypes.IntegerType)
        || t.equals(DataTypes.LongType) || t.equals(DataTypes.ShortType) || t.equals(DataTypes.ByteType)
        || t instanceof DecimalType;
  }

  /**
   * Dense ARFF with numeric attributes: the header is read on the driver, the data lines in
   * parallel. '?' becomes NaN (refused with its row when the blocks are built).
   */
  static Table arff(SparkSession spark, String path, String[] columns) {
    List<String> names = new ArrayList<>();
    List<String> types = new ArrayList<>();
    try {
      Path p = new Path(path);
      FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
      try (BufferedReader r = new BufferedReader(new InputStreamReader(fs.open(p), StandardCharsets.UTF_8))) {
        String line;
        boolean data = false;
        while (!data && (line = r.readLine()) != null) {
          String t = line.trim();
          String lower = t.toLowerCase(Locale.ROOT);
          if (lower.startsWith("@attribute")) {
            String[] parts = splitAttribute(t.substring(10).trim());
            names.add(parts[0]);
            types.add(parts[1]);
          } else if (lower.startsWith("@data")) {
            data = true;
          }
        }
        if (!data) {
          throw new IllegalArgumentException(path + ": no @data line; is this an ARFF file?");
        }
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + path + ": " + e.getMessage(), e);
    }
    String[] chosen = columns == null || columns.length == 0 ? names.toArray(new String[0]) : columns.clone();
    int[] idx = new int[chosen.length];
    for (int i = 0; i < chosen.length; i++) {
      idx[i] = names.indexOf(chosen[i]);
      if (idx[i] < 0) {
        throw new IllegalArgumentException(path + " has no attribute '" + chosen[i] + "'; its attributes are " + names);
      }
      String type = types.get(idx[i]).toLowerCase(Locale.ROOT);
      if (!(type.equals("numeric") || type.equals("real") || type.equals("integer"))) {
        throw new IllegalArgumentException(path + ": attribute '" + chosen[i] + "' is " + types.get(idx[i])
            + ", not numeric; ClusterLab on Spark clusters dense numeric attributes: choose the numeric ones with "
            + "--columns a,b,c (for example all but the class)");
      }
    }
    int all = names.size();
    String source = path;
    JavaRDD<double[]> rows = spark.read().textFile(path).javaRDD().filter(line -> {
      String t = line.trim();
      return !t.isEmpty() && t.charAt(0) != '%' && t.charAt(0) != '@';
    }).map(line -> parseArffRow(line, all, idx, source));
    return new Table(rows, chosen);
  }

  private static double[] parseArffRow(String line, int all, int[] idx, String source) {
    String t = line.trim();
    if (t.startsWith("{")) {
      throw new IllegalArgumentException(source + ": sparse ARFF rows are not supported (line '" + abbreviate(t)
          + "'); save the data as dense ARFF, CSV or Parquet");
    }
    String[] parts = t.split(",", -1);
    if (parts.length != all) {
      throw new IllegalArgumentException(source + ": the data line '" + abbreviate(t) + "' has " + parts.length
          + " values, the header declares " + all + " attributes");
    }
    double[] x = new double[idx.length];
    for (int j = 0; j < idx.length; j++) {
      String v = parts[idx[j]].trim();
      if (v.equals("?")) {
        x[j] = Double.NaN;
        continue;
      }
      try {
        x[j] = Double.parseDouble(v);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(source + ": '" + v + "' in the data line '" + abbreviate(t)
            + "' is not a number (attribute " + (idx[j] + 1) + ")");
      }
    }
    return x;
  }

  private static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }

  /** Name and type of an ARFF attribute declaration (the name may be quoted). */
  static String[] splitAttribute(String rest) {
    String name;
    String type;
    if (rest.startsWith("'") || rest.startsWith("\"")) {
      char q = rest.charAt(0);
      int end = rest.indexOf(q, 1);
      name = rest.substring(1, end);
      type = rest.substring(end + 1).trim();
    } else {
      String[] p = rest.split("\\s+", 2);
      name = p[0];
      type = p.length > 1 ? p[1].trim() : "";
    }
    return new String[] {name, type};
  }
}
