# R peer for clusterlab.bench.peers.ProfileBench (issue 16): the statistics of a ClusterLab cluster profile
# computed with base R, one segment against the rest per attribute, as tools/fixtures/profile.R checks them:
# Welch's t.test, Cohen's d, cor (point-biserial), medians for numeric columns; chisq.test (no continuity
# correction), Cramer's V and adjusted residuals for nominal ones; p.adjust(holm) over all tests.
# Usage: /usr/bin/Rscript tools/bench/r_profile.R data.csv labels.csv nominal_columns reps
#   data.csv: headerless, NA for missing, nominal columns hold 0-based codes; nominal_columns: "7,8,9" (1-based)
# Prints one line: median_seconds sum_of_effects sum_of_holm_p (reading the files is not timed).
a <- commandArgs(trailingOnly = TRUE)
x <- read.csv(a[1], header = FALSE, na.strings = "NA")
lab <- scan(a[2], quiet = TRUE)
nominal <- as.integer(strsplit(a[3], ",")[[1]])
reps <- as.integer(a[4])
for (j in nominal) x[[j]] <- factor(x[[j]])
profile <- function() {
  ps <- c(); eff <- 0
  for (c in sort(unique(lab[lab >= 0]))) {
    member <- lab == c
    for (j in seq_along(x)) {
      v <- x[[j]]; ok <- !is.na(v)
      if (is.factor(v)) {
        tab <- table(factor(member[ok], levels = c(TRUE, FALSE)), v[ok])
        tab <- tab[, colSums(tab) > 0, drop = FALSE]
        ct <- suppressWarnings(chisq.test(tab, correct = FALSE))
        res <- ct$stdres[1, ]
        eff <- eff + sqrt(unname(ct$statistic) / sum(tab))
        ps <- c(ps, ct$p.value)
      } else {
        a1 <- v[ok & member]; b1 <- v[ok & !member]
        tt <- t.test(a1, b1)
        d <- (mean(a1) - mean(b1)) / sqrt(((length(a1) - 1) * var(a1) + (length(b1) - 1) * var(b1)) /
                                        (length(a1) + length(b1) - 2))
        r <- cor(v[ok], as.numeric(member[ok]))
        m <- c(median(a1), median(v[ok]))
        eff <- eff + abs(r)
        ps <- c(ps, tt$p.value)
      }
    }
  }
  c(eff, sum(p.adjust(ps, "holm")))
}
t <- numeric(reps)
for (r in seq_len(reps)) {
  t0 <- proc.time()[["elapsed"]]
  out <- profile()
  t[r] <- proc.time()[["elapsed"]] - t0
}
cat(sprintf("%.6f %.12g %.12g\n", median(t), out[1], out[2]))
