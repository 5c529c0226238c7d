# glmnet side of bench/path_bench.py: fits the lasso path of one problem file at one or more
# thresholds and writes the fits back for the Python script to score. Base R plus glmnet only.
#
#   Rscript bench/glmnet_path.R PROBLEM.bin RESULT.bin THRESH[,THRESH...] REPEATS [BUDGET MOST]
#
# Each threshold is timed REPEATS times, and more (up to MOST) while its runs add up to less
# than BUDGET seconds: the best time of many is steadier for paths of a few milliseconds.
# PROBLEM.bin, little-endian: n, p, k as int64; X column-major (n*p doubles); y (n doubles);
# lambda (k doubles) -- the same file regula-bench reads.
# RESULT.bin, little-endian doubles, one block per threshold in the order given: best-of-REPEATS
# elapsed seconds of the glmnet() call alone, the passes it reports (npasses, summed over the
# path), its error code jerr (0: converged), the number of lambdas fitted m, the m intercepts,
# then the p x m coefficients column-major.
# Prints one line naming the R and glmnet versions.
suppressPackageStartupMessages(library(glmnet))

args <- commandArgs(trailingOnly = TRUE)
if (!(length(args) %in% c(4, 6))) {
  stop("usage: Rscript glmnet_path.R PROBLEM.bin RESULT.bin THRESH[,THRESH...] REPEATS [BUDGET MOST]")
}
thresholds <- as.numeric(strsplit(args[3], ",", fixed = TRUE)[[1]])
repeats <- as.integer(args[4])
budget <- if (length(args) == 6) as.numeric(args[5]) else 0
most <- if (length(args) == 6) as.integer(args[6]) else repeats

con <- file(args[1], "rb")
# int64 as pairs of little-endian int32 words (readBin's 8-byte integers are not portable).
words <- readBin(con, "integer", n = 6, size = 4, endian = "little")
if (any(words[c(2, 4, 6)] != 0)) stop("sizes do not fit in 31 bits")
n <- words[1]; p <- words[3]; k <- words[5]
x <- matrix(readBin(con, "double", n = n * p, size = 8, endian = "little"), nrow = n, ncol = p)
y <- readBin(con, "double", n = n, size = 8, endian = "little")
lambda <- readBin(con, "double", n = k, size = 8, endian = "little")
close(con)
if (length(lambda) != k) stop(args[1], " is too short")

# With a user-supplied lambda glmnet does not stop the path early, but make sure of it.
invisible(glmnet.control(fdev = 0, devmax = 1))

fit_path <- function(thresh) {
  glmnet(x, y, family = "gaussian", lambda = lambda, thresh = thresh,
         standardize = FALSE, intercept = TRUE)
}

# Untimed warm-up on a slice, so lazy loading does not land in the first timed call.
invisible(glmnet(x[, 1:min(p, 10)], y, lambda = lambda[1:min(k, 5)], standardize = FALSE))

out <- file(args[2], "wb")
for (thresh in thresholds) {
  best <- Inf
  spent <- 0
  count <- 0
  fit <- NULL
  while (count < repeats || (spent < budget && count < most)) {
    # Sys.time() has microsecond resolution; proc.time()'s elapsed is rounded to milliseconds.
    start <- Sys.time()
    # A path cut short by maxit warns; the caller sees it from jerr and m.
    fit <- suppressWarnings(fit_path(thresh))
    elapsed <- as.numeric(difftime(Sys.time(), start, units = "secs"))
    best <- min(best, elapsed)
    spent <- spent + elapsed
    count <- count + 1
  }
  beta <- as.matrix(fit$beta)
  writeBin(c(best, fit$npasses, fit$jerr, ncol(beta), as.numeric(fit$a0), as.numeric(beta)),
           out, size = 8, endian = "little")
}
close(out)
cat(sprintf("%s, glmnet %s\n", R.version.string, as.character(packageVersion("glmnet"))))
