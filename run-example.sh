#!/usr/bin/env bash
# The main job on bundled data, as a Weka user would do it: build the package zip, install it with Weka's
# own package manager into a fresh local Weka home (./target/example-wekahome), and write the clustering
# report of the bundled customer survey (income.arff) through weka.Run: audit, preparation, PCA and t-SNE, choice of K,
# K-Means / Ward / DBSCAN / Gaussian mixture, evaluation and profiles in target/report/report.html
# (progress on stderr, a short summary on stdout). Extra arguments go to ClusterReport, e.g.
# ./run-example.sh -t resources/data/quakes.arff -o target/quakes-report
set -euo pipefail
cd "$(dirname "$0")"
# the package only: the tests are the README's second command, so they are not even compiled here
# (maven.test.skip); Maven's JVM, which lives for one short build, runs with the quick JIT only
# (TieredStopAtLevel=1): together they halve the build's CPU time (BENCHMARKS.md). Maven's own output goes
# to stderr (Debian's Maven 3.8 writes colour codes to stdout even with -q -B): stdout keeps the summary
export MAVEN_OPTS="${MAVEN_OPTS:-} -XX:TieredStopAtLevel=1"
mvn -q -B package -Dmaven.test.skip=true >&2
CP=$(cat target/weka-classpath.txt 2>/dev/null || true)
if [ -z "$CP" ]; then
  mvn -q -B dependency:build-classpath -Dmdep.includeScope=provided -Dmdep.outputFile=target/weka-classpath.txt >&2
  CP=$(cat target/weka-classpath.txt)
fi
export WEKA_HOME="$PWD/target/example-wekahome"
rm -rf "$WEKA_HOME" && mkdir -p "$WEKA_HOME"
FLAGS="--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/sun.net.www.protocol.jar=ALL-UNNAMED -Dweka.packageManager.offline=true"
ZIP=$(ls target/clusterLab-*.zip | head -n 1)
# the package manager lists every file it unpacks: keep its log, show one line (and the log if it failed)
INSTALL_LOG="$WEKA_HOME/install.log"
if java $FLAGS -XX:TieredStopAtLevel=1 -cp "$CP" weka.core.WekaPackageManager -offline -install-package "$ZIP" >"$INSTALL_LOG" 2>&1 \
    && [ -f "$WEKA_HOME/packages/clusterLab/Description.props" ]; then
  echo "Installed $(basename "$ZIP") into $WEKA_HOME (package manager log: $INSTALL_LOG)"
else
  cat "$INSTALL_LOG"; echo "Installing $ZIP failed" >&2; exit 1
fi
java $FLAGS -cp "$CP" weka.Run -do-not-prompt-if-multiple-matches ClusterReport -o target/report "$@"
