# R dbscan::glosh peer for clusterlab.bench.AnomalyBench (issue 15).
# Usage: /usr/bin/Rscript tools/bench/r_glosh.R data.csv k reps scores.csv
# glosh(x, k) builds the full distance matrix and HDBSCAN's tree (k = minPts, the row itself counted; ClusterLab's
# neighbours option). Prints one line: median seconds over reps (reading the CSV is not timed); writes the scores.
suppressMessages(library(dbscan))
a <- commandArgs(trailingOnly = TRUE)
x <- as.matrix(read.csv(a[1], header = FALSE))
k <- as.integer(a[2])
reps <- as.integer(a[3])
t <- numeric(reps)
for (r in seq_len(reps)) {
  t0 <- proc.time()[["elapsed"]]
  s <- glosh(x, k = k)
  t[r] <- proc.time()[["elapsed"]] - t0
}
writeLines(sprintf("%.17g", s), a[4])
cat(sprintf("%.6f\n", median(t)))
