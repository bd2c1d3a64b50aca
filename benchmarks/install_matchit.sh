#!/usr/bin/env bash
# Install upstream MatchIt 4.7.2 (and the chk it needs) into a private R library for
# benchmarks/bench_matching.py. Debian's r-cran-matchit is 4.5.1: ~120x slower at 1M rows and its
# nearest neighbour ignores the caliper, so it is no peer to compare against.
#
# Usage:  bash benchmarks/install_matchit.sh [LIBRARY]      (default /tmp/Rlib)
# Needs R (apt-get install r-base-core r-base-dev r-cran-rcpp r-cran-backports r-cran-lifecycle
# r-cran-rlang) and a CRAN mirror; the source packages come from CRAN's archive via R's own
# installer. Nothing is written outside LIBRARY.
set -euo pipefail
LIB="${1:-/tmp/Rlib}"
CRAN="${CRAN:-https://cloud.r-project.org}"
mkdir -p "$LIB"
Rscript - "$LIB" "$CRAN" <<'RSCRIPT'
args <- commandArgs(trailingOnly = TRUE)
lib <- args[1]; cran <- args[2]
.libPaths(c(lib, .libPaths()))
src <- function(pkg, version) {
  current <- sprintf("%s/src/contrib/%s_%s.tar.gz", cran, pkg, version)
  archived <- sprintf("%s/src/contrib/Archive/%s/%s_%s.tar.gz", cran, pkg, pkg, version)
  dest <- file.path(tempdir(), basename(current))
  ok <- tryCatch({ download.file(current, dest, quiet = TRUE); TRUE }, error = function(e) FALSE,
                 warning = function(w) FALSE)
  if (!ok) download.file(archived, dest, quiet = TRUE)
  dest
}
if (!requireNamespace("chk", lib.loc = lib, quietly = TRUE) || packageVersion("chk", lib.loc = lib) < "0.10.0")
  install.packages(src("chk", "0.10.0"), lib = lib, repos = NULL, type = "source")
# MatchIt 4.7.2 asks for rlang >= 1.1.0; Debian bookworm ships 1.0.6, which MatchIt's code runs
# with (the golden tests' numbers were produced so). Relax only that bound, only if needed.
tarball <- src("MatchIt", "4.7.2")
if (packageVersion("rlang") < "1.1.0") {
  dir <- file.path(tempdir(), "MatchIt-src"); dir.create(dir, showWarnings = FALSE)
  untar(tarball, exdir = dir)
  desc <- file.path(dir, "MatchIt", "DESCRIPTION")
  writeLines(sub("rlang \\(>= 1.1.0\\)", "rlang (>= 1.0.6)", readLines(desc)), desc)
  tarball <- file.path(dir, "MatchIt")
}
install.packages(tarball, lib = lib, repos = NULL, type = "source")
cat("MatchIt", as.character(packageVersion("MatchIt", lib.loc = lib)), "in", lib, "\n")
RSCRIPT
