# R dbscan::hdbscan peer for clusterlab.bench.DensityBench (issue 7).
# Usage: /usr/bin/Rscript tools/bench/r_hdbscan.R data.csv minPts reps
# Prints one line: median_seconds clusters noise  (hdbscan() only; reading the CSV is not timed).
suppressMessages(library(dbscan))
a <- commandArgs(trailingOnly = TRUE)
x <- as.matrix(read.csv(a[1], header = FALSE))
minPts <- as.integer(a[2])
reps <- as.integer(a[3])
t <- numeric(reps)
for (r in seq_len(reps)) {
  t0 <- proc.time()[["elapsed"]]
  h <- hdbscan(x, minPts = minPts)
  t[r] <- proc.time()[["elapsed"]] - t0
}
cat(sprintf("%.6f %d %d\n", median(t), length(unique(h$cluster[h$cluster > 0])), sum(h$cluster == 0)))
