# Reference numbers for wb.match, from MatchIt built from its upstream source (4.7.2).
#
# Debian's r-cran-matchit 4.5.1 has a nearest-neighbour bug (caliper ignored), so MatchIt was
# built from upstream: `git archive` of kosukeimai/MatchIt (4.7.2) plus poissonconsulting/chk,
# installed with `R CMD INSTALL -l /tmp/Rlib` (rlang >= 1.1.0 relaxed to the installed 1.0.6).
# Run from this folder:  Rscript make_golden.R
# Writes lalonde.csv, units.csv, balance.csv, effects.csv beside this script.
.libPaths(c("/tmp/Rlib", .libPaths()))
suppressPackageStartupMessages({library(MatchIt); library(sandwich)})
stopifnot(packageVersion("MatchIt") >= "4.5.3")
data("lalonde", package = "MatchIt")
lalonde$id <- rownames(lalonde)
write.csv(lalonde[, c("id", "treat", "age", "educ", "race", "married", "nodegree", "re74", "re75", "re78")],
          "lalonde.csv", row.names = FALSE)

f <- treat ~ age + educ + race + married + nodegree + re74 + re75
specs <- list(
  nn11      = list(formula = f, method = "nearest"),
  nn11_cal  = list(formula = f, method = "nearest", caliper = 0.2),
  nn21_rep  = list(formula = f, method = "nearest", ratio = 2, replace = TRUE),
  nn21      = list(formula = f, method = "nearest", ratio = 2),
  nn11_small = list(formula = f, method = "nearest", m.order = "smallest"),
  nn11_exact = list(formula = f, method = "nearest", exact = ~ race, caliper = 0.1),
  nn11_disc = list(formula = f, method = "nearest", discard = "both"),
  sub6      = list(formula = f, method = "subclass", subclass = 6),
  sub30     = list(formula = f, method = "subclass", subclass = 30),
  sub12_ate = list(formula = f, method = "subclass", subclass = 12, estimand = "ATE"),
  exact     = list(formula = treat ~ race + married + nodegree, method = "exact")
)
# sub30 and sub12_ate leave subclasses without controls, so MatchIt "scoots" units between them
# how the vignette ("estimating-effects") says to compute the SE for each spec
se_kind <- c(nn11 = "cluster", nn11_cal = "cluster", nn21_rep = "HC3", nn21 = "cluster",
             nn11_small = "cluster", nn11_exact = "cluster", nn11_disc = "cluster",
             sub6 = "HC3", sub30 = "HC3", sub12_ate = "HC3", exact = "HC3")

units <- list(); balance <- list(); effects <- list()
covform <- ~ age + educ + race + married + nodegree + re74 + re75
for (nm in names(specs)) {
  m <- do.call(matchit, c(specs[[nm]], list(data = lalonde)))
  sub <- if (is.null(m$subclass)) rep(NA_integer_, nrow(lalonde)) else as.integer(as.character(m$subclass))
  dist <- if (is.null(m$distance)) rep(NA_real_, nrow(lalonde)) else unname(m$distance)
  units[[nm]] <- data.frame(spec = nm, id = lalonde$id, distance = sprintf("%.17g", dist),
                            weights = sprintf("%.17g", unname(m$weights)), subclass = sub,
                            discarded = as.integer(m$discarded))
  s <- summary(m, un = TRUE)
  if (is.null(s$sum.matched)) s$sum.matched <- s$sum.across
  for (stage in c("all", "matched")) {
    tab <- if (stage == "all") s$sum.all else s$sum.matched
    balance[[paste(nm, stage)]] <- data.frame(
      spec = nm, stage = stage, variable = rownames(tab),
      mean_treated = tab[, "Means Treated"], mean_control = tab[, "Means Control"],
      smd = tab[, "Std. Mean Diff."], var_ratio = tab[, "Var. Ratio"],
      ecdf_mean = tab[, "eCDF Mean"], ecdf_max = tab[, "eCDF Max"])
  }
  md <- match_data(m)
  for (adj in c("none", "covariates")) {
    fml <- if (adj == "none") re78 ~ treat else
      update(covform, re78 ~ treat * (.))
    fit <- lm(fml, data = md, weights = weights)
    V <- if (se_kind[[nm]] == "cluster") vcovCL(fit, cluster = ~subclass) else vcovHC(fit, type = "HC3")
    # g-computation over the treated (ATT): mean of predictions with treat = 1 minus treat = 0
    nd <- if (m$estimand == "ATE") md else md[md$treat == 1, ]
    X1 <- model.matrix(delete.response(terms(fit)), transform(nd, treat = 1))
    X0 <- model.matrix(delete.response(terms(fit)), transform(nd, treat = 0))
    g <- colMeans(X1 - X0)
    b <- coef(fit)
    est <- sum(g * b)
    se <- sqrt(drop(t(g) %*% V %*% g))
    effects[[paste(nm, adj)]] <- data.frame(spec = nm, adjust = adj, se_type = se_kind[[nm]],
                                            estimate = sprintf("%.17g", est), std_error = sprintf("%.17g", se),
                                            n = nrow(md), n_clusters = if (se_kind[[nm]] == "cluster") length(unique(md$subclass)) else NA)
  }
}
# the propensity model's coefficients (glm binomial), for the score test
ps <- glm(f, data = lalonde, family = binomial)
write.csv(data.frame(term = names(coef(ps)), estimate = sprintf("%.17g", coef(ps))), "ps_coef.csv", row.names = FALSE)
write.csv(do.call(rbind, units), "units.csv", row.names = FALSE)
write.csv(do.call(rbind, balance), "balance.csv", row.names = FALSE)
write.csv(do.call(rbind, effects), "effects.csv", row.names = FALSE)
cat("MatchIt", as.character(packageVersion("MatchIt")), "sandwich", as.character(packageVersion("sandwich")), "\n")
