# Golden numbers for wb.prepost: R's t.test, wilcox.test, mcnemar.test and binom.test on the
# CSV datasets beside this script. Run from this folder:  Rscript make_prepost.R
# Writes prepost_golden.json (numbers with 15 significant digits, jsonlite digits = NA; ample for 1e-8).
# Cohen's d_z interval: the noncentral-t inversion written out here with uniroot (no package);
# Newcombe's method 10 and the Wald interval for paired shares are written out from the paper's
# formulas (Newcombe 1998, Stat Med 17:2635) - they check the Python code against an independent
# implementation, not against a published package.
library(jsonlite)

dz_ci <- function(d, conf = 0.95) {
  n <- length(d); t_obs <- mean(d) / sd(d) * sqrt(n); a <- 1 - conf
  f <- function(ncp, target) pt(t_obs, n - 1, ncp) - target
  lo <- uniroot(f, c(t_obs - 20, t_obs + 20), target = 1 - a / 2, tol = 1e-14)$root
  hi <- uniroot(f, c(t_obs - 20, t_obs + 20), target = a / 2, tol = 1e-14)$root
  c(mean(d) / sd(d), lo / sqrt(n), hi / sqrt(n))
}

continuous <- function(file) {
  x <- read.csv(file)
  ok <- complete.cases(x$before, x$after)
  b <- x$before[ok]; a <- x$after[ok]; d <- a - b
  tt <- t.test(x$after, x$before, paired = TRUE)
  wt <- suppressWarnings(wilcox.test(x$after, x$before, paired = TRUE))
  wn <- suppressWarnings(wilcox.test(x$after, x$before, paired = TRUE, exact = FALSE, correct = TRUE))
  dz <- dz_ci(d)
  sav <- (sd(b) + sd(a)) / 2
  list(kind = "continuous", n_complete = sum(ok), n_rows = nrow(x),
       t_estimate = unname(tt$estimate), t_statistic = unname(tt$statistic),
       t_df = unname(tt$parameter), t_p = tt$p.value,
       t_ci_low = tt$conf.int[1], t_ci_high = tt$conf.int[2],
       t_se = unname(tt$stderr),
       w_statistic = unname(wt$statistic), w_p = wt$p.value, w_method = wt$method,
       w_normal_statistic = unname(wn$statistic), w_normal_p = wn$p.value,
       dz = dz[1], dz_ci_low = dz[2], dz_ci_high = dz[3],
       dav = mean(d) / sav, dav_ci_low = dz[2] * sd(d) / sav, dav_ci_high = dz[3] * sd(d) / sav)
}

wilson <- function(x, n, z) {
  p <- x / n; centre <- (x + z^2 / 2) / (n + z^2)
  half <- z * sqrt(n * p * (1 - p) + z^2 / 4) / (n + z^2)
  c(centre - half, centre + half)
}

binary <- function(file) {
  x <- read.csv(file)
  tab <- table(factor(x$before, levels = 0:1), factor(x$after, levels = 0:1))
  n00 <- tab[1, 1]; n01 <- tab[1, 2]; n10 <- tab[2, 1]; n11 <- tab[2, 2]; n <- sum(tab)
  mc <- mcnemar.test(tab)
  bt <- binom.test(n01, n01 + n10, p = 0.5)
  z <- qnorm(0.975)
  p1 <- (n11 + n01) / n; p2 <- (n11 + n10) / n; diff <- p1 - p2
  w1 <- wilson(n11 + n01, n, z); w2 <- wilson(n11 + n10, n, z)
  # check Wilson against prop.test without continuity correction
  stopifnot(abs(w1 - prop.test(n11 + n01, n, correct = FALSE)$conf.int) < 1e-12)
  den <- (n11 + n10) * (n01 + n00) * (n11 + n01) * (n10 + n00)
  phi <- if (den > 0) (n11 * n00 - n10 * n01) / sqrt(den) else 0
  delta <- sqrt((p1 - w1[1])^2 - 2 * phi * (p1 - w1[1]) * (w2[2] - p2) + (w2[2] - p2)^2)
  eps <- sqrt((w1[2] - p1)^2 - 2 * phi * (w1[2] - p1) * (p2 - w2[1]) + (p2 - w2[1])^2)
  se <- sqrt((n01 + n10) - (n01 - n10)^2 / n) / n
  list(kind = "binary", n_complete = n, n00 = n00, n01 = n01, n10 = n10, n11 = n11,
       share_before = p2, share_after = p1, diff = diff,
       mcnemar_statistic = unname(mc$statistic), mcnemar_p = mc$p.value,
       binom_statistic = unname(bt$statistic), binom_p = bt$p.value,
       binom_ci_low = bt$conf.int[1], binom_ci_high = bt$conf.int[2],
       newcombe_low = diff - delta, newcombe_high = diff + eps,
       wald_se = se, wald_low = diff - z * se, wald_high = diff + z * se)
}

out <- list(
  cont_exact = continuous("cont_exact.csv"),
  cont_ties_zeros = continuous("cont_ties_zeros.csv"),
  cont_large = continuous("cont_large.csv"),
  cont_strong = continuous("cont_strong.csv"),
  cont_exact45 = continuous("cont_exact45.csv"),
  cont_one_zero = continuous("cont_one_zero.csv"),
  bin_main = binary("bin_main.csv"),
  bin_small = binary("bin_small.csv"),
  r_version = R.version.string
)
write_json(out, "prepost_golden.json", auto_unbox = TRUE, digits = NA, pretty = TRUE)
