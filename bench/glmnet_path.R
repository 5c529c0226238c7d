# glmnet side of bench/path_bench.py: fits the lasso path of one problem file and writes the
# fit back for the Python script to score. Base R plus glmnet only.
#
#   Rscript bench/glmnet_path.R PROBLEM.bin RESULT.bin THRESH REPEATS
#
# PROBLEM.bin, little-endian: n, p, k as int64; X column-major (n*p doubles); y (n doubles);
# lambda (k doubles) -- the same file regula-bench reads.
# RESULT.bin, little-endian doubles: best-of-REPEATS elapsed seconds of the glmnet() call alone,
# the number of lambdas fitted m, the m intercepts, then the p x m coefficients column-major.
# Prints one line naming the R and glmnet versions.
suppressPackageStartupMessages(library(glmnet))

args <- commandArgs(trailingOnly = TRUE)
if (length(args) != 4) stop("usage: Rscript glmnet_path.R PROBLEM.bin RESULT.bin THRESH REPEATS")
thresh <- as.numeric(args[3])
repeats <- as.integer(args[4])

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

fit_path <- function() {
  glmnet(x, y, family = "gaussian", lambda = lambda, thresh = thresh,
         standardize = FALSE, intercept = TRUE)
}

# Untimed warm-up on a slice, so lazy loading does not land in the first timed call.
invisible(glmnet(x[, 1:min(p, 10)], y, lambda = lambda[1:min(k, 5)], standardize = FALSE))

best <- Inf
fit <- NULL
for (r in seq_len(repeats)) {
  # Sys.time() has microsecond resolution; proc.time()'s elapsed is rounded to milliseconds.
  start <- Sys.time()
  fit <- fit_path()
  elapsed <- as.numeric(difftime(Sys.time(), start, units = "secs"))
  best <- min(best, elapsed)
}

beta <- as.matrix(fit$beta)
m <- ncol(beta)
out <- file(args[2], "wb")
writeBin(c(best, m, as.numeric(fit$a0), as.numeric(beta)), out, size = 8, endian = "little")
close(out)
cat(sprintf("%s, glmnet %s\n", R.version.string, as.character(packageVersion("glmnet"))))
