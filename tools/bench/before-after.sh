#!/usr/bin/env bash
# Before/after benchmark of a refactoring: runs tools/bench/AdapterBench.java against two package
# jars, alternating (before, after, before, after) in one run so that both sides see the same load.
# Usage: tools/bench/before-after.sh BEFORE_JAR AFTER_JAR CLASSPATH_FILE (Weka and its dependencies, from
#   mvn -q dependency:build-classpath -Dmdep.outputFile=cp.txt -Dmdep.includeScope=compile)
set -euo pipefail
cd "$(dirname "$0")/../.."
LIBS=${LIBS:-$(cat "$3")}
for round in 1 2; do
  for side in before after; do
    jar=$([ "$side" = before ] && echo "$1" || echo "$2")
    echo "== $side (round $round), load: $(uptime | sed 's/.*load average: //')"
    java -Xmx4g -cp "$jar:$LIBS" tools/bench/AdapterBench.java 2>/dev/null
  done
done
