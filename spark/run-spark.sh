#!/usr/bin/env bash
# ClusterLab on Spark on this machine (master local[*] unless --master is given), with no Spark
# installation: the JVM flags Spark 3.5 needs on Java 17, and Spark's jars from the local Maven
# repository (written to target/classpath.txt by the build). Builds the unit first if needed.
#   spark/run-spark.sh kmeans --input data.csv --k 8 --output out/
# Heap: CLUSTERLAB_SPARK_HEAP (default 4g). On a cluster use spark-submit with target/clusterlab-spark.jar.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
if [ ! -f "$HERE/target/clusterlab-spark.jar" ] || [ ! -f "$HERE/target/classpath.txt" ]; then
  echo "run-spark.sh: building the Spark unit first (mvn -f $HERE/pom.xml package -DskipTests)" >&2
  mvn -B -q -f "$HERE/pom.xml" package -DskipTests >&2
fi
FLAGS=(-XX:+IgnoreUnrecognizedVMOptions
  --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED
  --add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED
  -Djdk.reflect.useDirectMethodHandle=false)
MAIN="${CLUSTERLAB_SPARK_MAIN:-clusterlab.spark.Main}"
CP="$HERE/target/clusterlab-spark.jar:$(cat "$HERE/target/classpath.txt")"
if [ "$MAIN" != clusterlab.spark.Main ]; then CP="$CP:$HERE/target/test-classes:$(cat "$HERE/target/test-classpath.txt")"; fi
exec java -Xmx"${CLUSTERLAB_SPARK_HEAP:-4g}" "${FLAGS[@]}" -Dspark.ui.enabled=false \
  -Dlog4j2.level=warn -cp "$CP" "$MAIN" "$@"
