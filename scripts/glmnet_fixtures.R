# Runs R's glmnet on the jobs that scripts/make_glmnet_fixtures.py writes, to convergence.
#
#   Rscript scripts/glmnet_fixtures.R JOBDIR
#
# Every JOBDIR/*.spec is one job, a line per field ("name value value ..."):
#   kind    path | cv
#   x, y    files of whitespace-separated numbers (x: one row of the design a line)
#   family  gaussian | binomial
#   alpha, standardize (0/1), lambda (decreasing; one value is a single fit)
#   foldid  (cv only) the fold of each sample, 1-based
# and its answer goes to JOBDIR/<job>.out, a line per field, every number with 17 digits:
#   jerr, npasses, a0 (per lambda), beta (one line per feature, per lambda); for cv also
#   cvm, cvsd, lambda.min, lambda.1se, index.min, index.1se (1-based).
#
# glmnet's own stopping rules are set far past double precision (the script that reads the
# answers checks every solution's KKT conditions): thresh 1e-30 (glmnet bounds a squared
# change of a coefficient), maxit 1e9, and pmin 1e-100 (by default glmnet clamps fitted
# probabilities to [1e-9, 1 - 1e-9] while fitting, which moves the solution of a nearly
# separable problem wherever |eta| > 20.7).

suppressMessages(library(glmnet))

args <- commandArgs(trailingOnly = TRUE)
if (length(args) != 1) stop("usage: Rscript glmnet_fixtures.R JOBDIR")
jobdir <- args[1]

glmnet.control(pmin = 1e-100, mxitnr = 10000, epsnr = 1e-30)
THRESH <- 1e-30
MAXIT <- 1e9

read_spec <- function(path) {
  fields <- list()
  for (line in readLines(path)) {
    parts <- strsplit(trimws(line), "[[:space:]]+")[[1]]
    if (length(parts) >= 1 && nzchar(parts[1])) fields[[parts[1]]] <- parts[-1]
  }
  fields
}

digits <- function(values) paste(sprintf("%.17g", values), collapse = " ")

run_job <- function(spec_path) {
  spec <- read_spec(spec_path)
  x <- as.matrix(read.table(file.path(jobdir, spec$x)))
  dimnames(x) <- NULL
  y <- scan(file.path(jobdir, spec$y), quiet = TRUE)
  lambda <- as.numeric(spec$lambda)
  alpha <- as.numeric(spec$alpha)
  standardize <- spec$standardize == "1"
  family <- spec$family
  fit <- glmnet(x, y, family = family, alpha = alpha, lambda = lambda, standardize = standardize,
                thresh = THRESH, maxit = MAXIT)
  if (length(fit$lambda) != length(lambda)) stop(spec_path, ": glmnet returned ", length(fit$lambda), " of ", length(lambda), " lambdas")
  beta <- as.matrix(fit$beta)
  lines <- c(paste("jerr", fit$jerr), paste("npasses", fit$npasses), paste("a0", digits(fit$a0)))
  for (j in seq_len(nrow(beta))) lines <- c(lines, paste("beta", digits(beta[j, ])))
  if (spec$kind == "cv") {
    foldid <- as.integer(spec$foldid)
    cv <- cv.glmnet(x, y, family = family, alpha = alpha, lambda = lambda, standardize = standardize,
                    foldid = foldid, thresh = THRESH, maxit = MAXIT)
    if (length(cv$lambda) != length(lambda)) stop(spec_path, ": cv.glmnet kept ", length(cv$lambda), " of ", length(lambda), " lambdas")
    lines <- c(lines, paste("measure", gsub(" ", "_", cv$name)),
               paste("cvm", digits(cv$cvm)), paste("cvsd", digits(cv$cvsd)),
               paste("lambda.min", digits(cv$lambda.min)), paste("lambda.1se", digits(cv$lambda.1se)),
               paste("index.min", cv$index[1]), paste("index.1se", cv$index[2]))
  }
  out <- sub("\\.spec$", ".out", spec_path)
  writeLines(lines, out)
}

specs <- sort(list.files(jobdir, pattern = "\\.spec$", full.names = TRUE))
for (spec_path in specs) run_job(spec_path)
cat(sprintf("glmnet %s, %s: %d jobs\n", as.character(packageVersion("glmnet")), R.version.string, length(specs)))
