# Golden numbers for wb.rct / wb.cace / wb.meta_analysis (tests/ladder_randomized).
# Run from this folder:  Rscript make_golden.R
# Debian packages: estimatr 1.0.0, AER 1.2.10, sandwich 3.0.2, metafor 3.8.1.
# Writes the datasets (ind.csv, clu.csv, pairs.csv, meta.csv) and the reference results
# (golden.csv) with 17 significant digits.
suppressPackageStartupMessages({
  library(estimatr); library(AER); library(sandwich); library(metafor)
})
set.seed(20261124)
w <- function(df, file) write.csv(format(df, digits = 17), file, row.names = FALSE, quote = FALSE)
num <- function(x) formatC(as.numeric(x), digits = 17, format = "g")

# -- individual trial: unequal blocks, binary outcome, one-sided non-compliance -------------
sizes <- c(8, 12, 16, 21)
block <- rep(paste0("b", seq_along(sizes)), sizes)
z <- unlist(lapply(sizes, function(s) sample(rep(c(1, 0), c(floor(s * 0.45), s - floor(s * 0.45))))))
n <- length(z)
x1 <- round(rnorm(n, 40, 10), 1)
x2 <- rbinom(n, 1, 0.4)
d <- ifelse(z == 1, rbinom(n, 1, 0.7), rbinom(n, 1, 0.1))
y <- round(2 + 1.5 * d + 0.05 * x1 - 0.8 * x2 + as.numeric(factor(block)) * 0.3 + rnorm(n, 0, 1.2 + 0.6 * z), 3)
yb <- rbinom(n, 1, ifelse(z == 1, 0.12, 0.25))
ind <- data.frame(id = seq_len(n), block, z, d, x1, x2, y, yb)

# -- cluster trial: 36 clusters of unequal size in 4 blocks ---------------------------------
J <- 36
csize <- sample(2:12, J, replace = TRUE)
cblock <- rep(paste0("k", 1:4), c(8, 8, 10, 10))
cz <- unlist(lapply(c(8, 8, 10, 10), function(s) sample(rep(c(1, 0), c(s / 2, s / 2)))))
ceff <- rnorm(J, 0, 0.7)
cl <- rep(sprintf("c%02d", 1:J), csize)
clu <- data.frame(
  cl = cl, block = rep(cblock, csize), z = rep(cz, csize),
  x1 = round(rnorm(sum(csize), 0, 1), 3)
)
clu$y <- round(0.4 * clu$z + 0.5 * clu$x1 + rep(ceff, csize) + rnorm(nrow(clu)), 3)
clu$yb <- rbinom(nrow(clu), 1, plogis(-1.5 + 0.5 * clu$z + rep(ceff, csize)))

# -- matched pairs ---------------------------------------------------------------------------
np <- 12
pairs <- data.frame(pair = rep(sprintf("p%02d", 1:np), each = 2), z = as.vector(replicate(np, sample(0:1))))
pairs$y <- round(rep(rnorm(np, 5, 2), each = 2) + 0.8 * pairs$z + rnorm(2 * np), 3)

# -- estimates to pool -----------------------------------------------------------------------
meta <- data.frame(
  study = c("Ale", "Borås", "Gävle", "Kiruna", "Lund", "Mora", "Ystad"),
  estimate = c(-0.31, 0.12, -0.55, 0.05, -0.20, -0.72, 0.30),
  std_error = c(0.21, 0.18, 0.30, 0.25, 0.11, 0.35, 0.28)
)
meta_homog <- data.frame(
  study = c("a", "b", "c", "d"), estimate = c(0.10, 0.12, 0.08, 0.11),
  std_error = c(0.05, 0.06, 0.04, 0.07)
)
w(ind, "ind.csv"); w(clu, "clu.csv"); w(pairs, "pairs.csv"); w(meta, "meta.csv"); w(meta_homog, "meta_homog.csv")
# re-read what was written, so the references use exactly the stored numbers
ind <- read.csv("ind.csv"); clu <- read.csv("clu.csv"); pairs <- read.csv("pairs.csv")
meta <- read.csv("meta.csv"); meta_homog <- read.csv("meta_homog.csv")

rows <- list()
add <- function(case, term, est, se, df, stat, p, lo, hi) {
  rows[[length(rows) + 1]] <<- data.frame(
    case = case, term = term, estimate = num(est), std_error = num(se), df = num(df),
    statistic = num(stat), p_value = num(p), ci_low = num(lo), ci_high = num(hi)
  )
}
add_fit <- function(case, fit, term = "z") {
  i <- which(fit$term == term)
  add(case, term, fit$coefficients[i], fit$std.error[i], fit$df[i], fit$statistic[i],
      fit$p.value[i], fit$conf.low[i], fit$conf.high[i])
}

add_fit("dim_plain", difference_in_means(y ~ z, data = ind))
add_fit("dim_blocked", difference_in_means(y ~ z, blocks = block, data = ind))
add_fit("dim_binary", difference_in_means(yb ~ z, data = ind))
add_fit("dim_clustered", difference_in_means(y ~ z, clusters = cl, data = clu))
add_fit("dim_block_clustered", difference_in_means(y ~ z, blocks = block, clusters = cl, data = clu))
add_fit("dim_pairs", difference_in_means(y ~ z, blocks = pair, data = pairs))
add_fit("dim_binary_clustered", difference_in_means(yb ~ z, clusters = cl, data = clu))
add_fit("dim_plain_90", difference_in_means(y ~ z, data = ind, alpha = 0.10))
for (se in c("classical", "HC0", "HC1", "HC2", "HC3")) {
  add_fit(paste0("ols_", se), lm_robust(y ~ z + x1 + x2, data = ind, se_type = se))
}
for (se in c("CR0", "CR2", "stata")) {
  add_fit(paste0("ols_", se), lm_robust(y ~ z + x1, data = clu, clusters = cl, se_type = se))
}
add_fit("ols_CR2_x1term", lm_robust(y ~ z + x1, data = clu, clusters = cl, se_type = "CR2"), "x1")
add_fit("lin_HC2", lm_lin(y ~ z, covariates = ~ x1 + x2, data = ind))
add_fit("lin_HC0", lm_lin(y ~ z, covariates = ~ x1 + x2, data = ind, se_type = "HC0"))
add_fit("lin_factor_HC2", lm_lin(y ~ z, covariates = ~ x1 + block, data = ind))
add_fit("lin_CR2", lm_lin(y ~ z, covariates = ~ x1, data = clu, clusters = cl))
add_fit("lin_stata", lm_lin(y ~ z, covariates = ~ x1, data = clu, clusters = cl, se_type = "stata"))

# -- instrumental variables (CACE), ITT and first stage --------------------------------------
add_fit("iv_HC2", iv_robust(y ~ d | z, data = ind, se_type = "HC2"), "d")
add_fit("iv_cov_HC2", iv_robust(y ~ d + x1 | z + x1, data = ind, se_type = "HC2"), "d")
add_fit("itt_HC2", lm_robust(y ~ z, data = ind, se_type = "HC2"))
add_fit("itt_cov_HC2", lm_robust(y ~ z + x1, data = ind, se_type = "HC2"))
add_fit("first_stage_HC2", lm_robust(d ~ z, data = ind, se_type = "HC2"))
add_fit("first_stage_cov_HC2", lm_robust(d ~ z + x1, data = ind, se_type = "HC2"))
ivr <- ivreg(y ~ d | z, data = ind)
v <- vcovHC(ivr, type = "HC2")
se <- sqrt(v["d", "d"]); dfr <- nrow(ind) - 2
tt <- coef(ivr)[["d"]] / se
add("ivreg_sandwich_HC2", "d", coef(ivr)[["d"]], se, dfr, tt, 2 * pt(-abs(tt), dfr),
    coef(ivr)[["d"]] - qt(0.975, dfr) * se, coef(ivr)[["d"]] + qt(0.975, dfr) * se)

# -- risk ratio, log (Katz) method, by hand --------------------------------------------------
p1 <- mean(ind$yb[ind$z == 1]); p0 <- mean(ind$yb[ind$z == 0])
n1 <- sum(ind$z == 1); n0 <- sum(ind$z == 0)
lse <- sqrt((1 - p1) / (n1 * p1) + (1 - p0) / (n0 * p0))
lrr <- log(p1 / p0)
add("risk_ratio", "z", p1 / p0, lse, NA, lrr / lse, 2 * pnorm(-abs(lrr / lse)),
    exp(lrr - qnorm(0.975) * lse), exp(lrr + qnorm(0.975) * lse))

# -- meta-analysis (metafor) -----------------------------------------------------------------
meta_rows <- list()
for (nm in c("meta", "meta_homog")) {
  dat <- get(nm)
  for (m in c("FE", "DL", "REML")) {
    r <- rma(yi = estimate, sei = std_error, data = dat, method = m,
             control = list(threshold = 1e-13, maxiter = 1000))
    add(paste0(nm, "_", m), "pooled", r$b[1], r$se, NA, r$zval, r$pval, r$ci.lb, r$ci.ub)
    meta_rows[[length(meta_rows) + 1]] <- data.frame(
      case = paste0(nm, "_", m), tau2 = num(r$tau2), Q = num(r$QE), Q_df = r$k - 1,
      Q_p = num(r$QEp), I2 = num(r$I2), H2 = num(r$H2)
    )
  }
  r <- rma(yi = estimate, sei = std_error, data = dat, method = "DL", test = "knha")
  add(paste0(nm, "_DL_knha"), "pooled", r$b[1], r$se, r$k - 1, r$zval, r$pval, r$ci.lb, r$ci.ub)
}
write.csv(do.call(rbind, rows), "golden.csv", row.names = FALSE, quote = FALSE)
write.csv(do.call(rbind, meta_rows), "golden_meta.csv", row.names = FALSE, quote = FALSE)
cat("wrote golden.csv and golden_meta.csv\n")
