package clusterlab.spark;

import clusterlab.core.kmeans.KMeansModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Writes the results of a Spark job into its output directory (any Hadoop file system: local,
 * HDFS, S3): the model as a Java-serialized {@link KMeansModel} ({@value #MODEL}), which the Weka
 * side reads back, the centroids as CSV ({@value #CENTROIDS}) and the labelled rows as Parquet or
 * CSV ({@value #LABELLED}/).
 */
public final class Output {

  /** File name of the serialized model. */
  public static final String MODEL = "kmeans.model";
  /** File name of the centroid table. */
  public static final String CENTROIDS = "centroids.csv";
  /** Directory name of the labelled rows. */
  public static final String LABELLED = "labelled";
  /** File name of the quality report (JSON). */
  public static final String QUALITY = "quality.json";
  /** Name of the cluster column of the labelled rows. */
  public static final String CLUSTER = "cluster";

  private Output() {
  }

  /** Writes the model with Java serialization. */
  public static void writeModel(Configuration conf, String dir, KMeansModel model) throws IOException {
    Path p = new Path(dir, MODEL);
    try (OutputStream out = p.getFileSystem(conf).create(p, true); ObjectOutputStream o = new ObjectOutputStream(out)) {
      o.writeObject(model);
    }
  }

  /** Reads a model written by {@link #writeModel} (from any Hadoop file system). */
  public static KMeansModel readModel(Configuration conf, String file) throws IOException {
    Path p = new Path(file);
    try (InputStream in = p.getFileSystem(conf).open(p); ObjectInputStream o = new ObjectInputStream(in)) {
      return (KMeansModel) o.readObject();
    } catch (ClassNotFoundException | ClassCastException e) {
      throw new IOException(file + " is not a ClusterLab k-means model: " + e.getMessage(), e);
    }
  }

  /** The centroid table: one line per cluster with its size (weight), inertia and centre. */
  public static void writeCentroids(Configuration conf, String dir, KMeansModel model, String[] columns) throws IOException {
    Path p = new Path(dir, CENTROIDS);
    try (Writer w = new OutputStreamWriter(p.getFileSystem(conf).create(p, true), StandardCharsets.UTF_8)) {
      w.write(CLUSTER + ",size,inertia");
      for (String c : columns) {
        w.write("," + csv(c));
      }
      w.write("\n");
      double[] size = model.clusterWeight();
      double[] inertia = model.clusterInertia();
      for (int c = 0; c < model.k(); c++) {
        w.write(c + "," + num(size[c]) + "," + num(inertia[c]));
        for (double v : model.centroid(c)) {
          w.write("," + num(v));
        }
        w.write("\n");
      }
    }
  }

  /** Writes a text file (a report) into the output directory. */
  public static void writeText(Configuration conf, String dir, String name, String text) throws IOException {
    Path p = new Path(dir, name);
    try (Writer w = new OutputStreamWriter(p.getFileSystem(conf).create(p, true), StandardCharsets.UTF_8)) {
      w.write(text);
    }
  }

  /** The labelled rows as Parquet or CSV (with a header) under {@value #LABELLED}/. */
  public static void writeLabelled(SparkSession spark, JavaRDD<Row> rows, String[] columns, String dir, String format) {
    List<StructField> fields = new ArrayList<>();
    for (String c : columns) {
      fields.add(DataTypes.createStructField(c, DataTypes.DoubleType, false));
    }
    fields.add(DataTypes.createStructField(CLUSTER, DataTypes.IntegerType, false));
    StructType schema = DataTypes.createStructType(fields);
    String target = new Path(dir, LABELLED).toString();
    switch (format.toLowerCase(Locale.ROOT)) {
      case "parquet":
        spark.createDataFrame(rows, schema).write().mode("overwrite").parquet(target);
        break;
      case "csv":
        spark.createDataFrame(rows, schema).write().mode("overwrite").option("header", "true").csv(target);
        break;
      default:
        throw new IllegalArgumentException("--labelled must be parquet, csv or none, got '" + format + "'");
    }
  }

  /** Whether the output directory already holds a model. */
  static boolean exists(Configuration conf, String dir) throws IOException {
    Path p = new Path(dir, MODEL);
    FileSystem fs = p.getFileSystem(conf);
    return fs.exists(p);
  }

  private static String num(double v) {
    return Double.toString(v);
  }

  private static String csv(String s) {
    return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }
}
