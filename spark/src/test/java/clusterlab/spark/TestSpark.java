package clusterlab.spark;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/** One local[2] Spark session for all tests of the JVM (starting one takes seconds). */
final class TestSpark {

  private static SparkSession session;

  private TestSpark() {
  }

  static synchronized SparkSession session() {
    if (session == null) {
      session = SparkSession.builder().master("local[2]").appName("clusterlab-spark-tests")
          .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4").getOrCreate();
      session.sparkContext().setLogLevel("WARN");
    }
    return session;
  }

  static JavaSparkContext jsc() {
    return JavaSparkContext.fromSparkContext(session().sparkContext());
  }
}
