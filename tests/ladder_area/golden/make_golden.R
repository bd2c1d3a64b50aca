# Reference numbers for the area comparisons (workbench.ladder.area_*), produced with base R,
# sandwich, lmtest and quadprog (R 4.x, Debian). Run from this folder:
#     Rscript make_golden.R
# It writes sim_panel.csv, sim_staggered.csv, sim_its.csv and golden.json; the tests read those.
#
# Small-sample factors of the clustered variance (clusters = units, G of them, N rows, T periods):
#   sandwich::vcovCL(type = "HC1", cadjust = TRUE) on lm(y ~ d + factor(unit) + factor(time)):
#       G/(G-1) * (N-1)/(N-K),  K = all lm coefficients = 1 + (G-1) + (T-1) + 1 = G + T
#   fixest default for feols(y ~ d | unit + time, cluster = ~unit), ssc(fixef.K = "nested"):
#       unit FE are nested in the clusters and dropped from K except one (pyfixest: df_k = k +
#       k_fe_adj - k_fe_nested + n_fe_fully_nested), so K = 1 + T.
# fixest is not installed here, so its SE is computed as the HC0 cluster meat with cadjust
# (G/(G-1)) times (N-1)/(N-1-T). Both use t(G-1) for p-values.

suppressPackageStartupMessages({
  library(sandwich); library(lmtest); library(jsonlite); library(quadprog)
})

twfe_ref <- function(df, extra_rhs = "d") {
  f <- as.formula(paste("y ~", extra_rhs, "+ factor(unit) + factor(time)"))
  m <- lm(f, data = df)
  G <- length(unique(df$unit)); N <- nrow(df); TT <- length(unique(df$time))
  nm <- names(coef(m))[2:(1 + length(strsplit(extra_rhs, "\\+")[[1]]))]
  v_lm <- vcovCL(m, cluster = ~unit, type = "HC1", cadjust = TRUE)[nm, nm, drop = FALSE]
  v_hc0 <- vcovCL(m, cluster = ~unit, type = "HC0", cadjust = TRUE)[nm, nm, drop = FALSE]
  k <- length(nm)
  v_fx <- v_hc0 * (N - 1) / (N - k - TT)
  b <- coef(m)[nm]
  list(coef = unname(b), se_lm = unname(sqrt(diag(v_lm))), se_fixest = unname(sqrt(diag(v_fx))),
       p_fixest = unname(2 * pt(-abs(b / sqrt(diag(v_fx))), G - 1)),
       p_lm = unname(2 * pt(-abs(b / sqrt(diag(v_lm))), G - 1)),
       n = N, G = G, T = TT, v_fixest = unname(v_fx), names = nm)
}

# ---- 1. simulated balanced and unbalanced panels -------------------------------------------
set.seed(20240601)
G <- 40; TT <- 16
sim <- expand.grid(time = 1:TT, unit = 1:G)[, c("unit", "time")]
ufe <- rnorm(G, sd = 2); tfe <- cumsum(rnorm(TT, sd = 0.5))
sim$treated_group <- as.integer(sim$unit <= 5)
sim$d <- as.integer(sim$unit <= 5 & sim$time >= 9)
sim$y <- 10 + ufe[sim$unit] + tfe[sim$time] + 1.5 * sim$d + rnorm(nrow(sim), sd = 1)
sim$y <- round(sim$y, 6)
keep <- runif(nrow(sim)) > 0.08
keep[sim$unit <= 5 & sim$time %in% c(8, 9)] <- TRUE
sim$in_unbalanced <- as.integer(keep)
write.csv(sim, "sim_panel.csv", row.names = FALSE)

bal <- twfe_ref(sim)
unb <- twfe_ref(sim[sim$in_unbalanced == 1, ])

# event study on the balanced panel: relative time -8..7, reference -1
ev <- sim
ev$rel <- ifelse(ev$treated_group == 1, ev$time - 9, NA)
rels <- setdiff(-8:7, -1)
for (e in rels) ev[[paste0("e", ifelse(e < 0, paste0("m", -e), e))]] <- as.integer(!is.na(ev$rel) & ev$rel == e)
enames <- paste0("e", ifelse(rels < 0, paste0("m", -rels), rels))
es <- twfe_ref(ev, paste(enames, collapse = " + "))
lead_idx <- which(rels <= -2)
bl <- es$coef[lead_idx]; vl <- es$v_fixest[lead_idx, lead_idx]
wald_f <- as.numeric(t(bl) %*% solve(vl) %*% bl) / length(lead_idx)
es_out <- list(rel_times = rels, coef = es$coef, se_fixest = es$se_fixest, wald_f = wald_f,
               wald_p = pf(wald_f, length(lead_idx), G - 1, lower.tail = FALSE))

# ---- 2. organ donation (Kessler & Roth 2014; causaldata) -----------------------------------
od <- read.csv("organ_donation.csv")
qn <- c(Q42010 = 1, Q12011 = 2, Q22011 = 3, Q32011 = 4, Q42011 = 5, Q12012 = 6)
od$unit <- od$State; od$time <- qn[od$Quarter]; od$y <- od$Rate
od$d <- as.integer(od$State == "California" & od$time >= 4)  # active choice from Q3 2011
organ <- twfe_ref(od)

# ---- 3. staggered panel, Callaway-Sant'Anna cells by hand ------------------------------------
set.seed(7)
G3 <- 30; T3 <- 10
st <- expand.grid(time = 1:T3, unit = 1:G3)[, c("unit", "time")]
start <- ifelse(1:G3 <= 5, 5, ifelse(1:G3 <= 10, 7, NA))
st$start <- start[st$unit]
st$d <- as.integer(!is.na(st$start) & st$time >= st$start)
effect <- ifelse(st$d == 1, 1 + 0.5 * (st$time - st$start), 0)
st$y <- round(rnorm(G3)[st$unit] + 0.3 * st$time + effect + rnorm(nrow(st), sd = 0.5), 6)
write.csv(st[, c("unit", "time", "y", "d")], "sim_staggered.csv", row.names = FALSE)
ymat <- matrix(st$y, nrow = G3, byrow = TRUE)
cells <- list()
for (g in c(5, 7)) {
  ing <- which(start == g); base <- g - 1
  for (t in setdiff(1:T3, base)) {
    ctrl <- which(is.na(start))
    dlt <- ymat[, t] - ymat[, base]
    cells[[length(cells) + 1]] <- list(group = g, time = t, att = mean(dlt[ing]) - mean(dlt[ctrl]))
  }
}
post <- Filter(function(c) c$time >= c$group, cells)
simple <- sum(sapply(post, function(c) 5 * c$att)) / (5 * length(post))
twfe_st <- twfe_ref(st)

# ---- 4. interrupted time series: segmented regression, month dummies, Newey-West ----------
set.seed(11)
n <- 60; tt <- 1:n; month <- ((tt - 1) %% 12) + 1
e <- as.numeric(arima.sim(list(ar = 0.4), n = n, sd = 1))
post <- as.integer(tt >= 37)
its <- data.frame(t = tt, month = month, post = post, since = pmax(0, tt - 37) * post)
its$y <- round(50 + 0.2 * tt + 3 * sin(2 * pi * month / 12) - 4 * post - 0.1 * its$since + e, 6)
write.csv(its, "sim_its.csv", row.names = FALSE)
mi <- lm(y ~ t + post + since + factor(month), data = its)
L <- 4
vnw <- NeweyWest(mi, lag = L, prewhite = FALSE, adjust = TRUE)
its_out <- list(coef_post = unname(coef(mi)["post"]), se_post = unname(sqrt(vnw["post", "post"])),
                coef_since = unname(coef(mi)["since"]), se_since = unname(sqrt(vnw["since", "since"])),
                lag = L)

# ---- 5. California Proposition 99 (synthdid's california_prop99), outcomes-only synth --------
p99 <- read.csv("prop99_synthdid.csv", sep = ";")
wide <- reshape(p99[, c("State", "Year", "PacksPerCapita")], idvar = "State", timevar = "Year",
                direction = "wide")
states <- wide$State; Y <- as.matrix(wide[, -1]); years <- 1970:2000
pre <- years <= 1988
synth_w <- function(x1, x0) {
  D <- t(x0) %*% x0; D <- D + diag(1e-8 * mean(diag(D)), ncol(D))
  A <- cbind(rep(1, ncol(x0)), diag(ncol(x0)))
  w <- solve.QP(D, as.vector(t(x0) %*% x1), A, c(1, rep(0, ncol(x0))), meq = 1)$solution
  w[w < 0] <- 0; w / sum(w)
}
ca <- which(states == "California"); donors <- setdiff(seq_along(states), ca)
fit_sc <- function(tr, pool) {
  w <- synth_w(Y[tr, pre], t(Y[pool, pre]))
  gap <- Y[tr, ] - as.vector(w %*% Y[pool, ])
  list(w = w, pre = sqrt(mean(gap[pre]^2)), post = sqrt(mean(gap[!pre]^2)), mean_post = mean(gap[!pre]))
}
main <- fit_sc(ca, donors)
ratios <- sapply(donors, function(j) { f <- fit_sc(j, setdiff(donors, j)); f$post / f$pre })
p_sc <- (1 + sum(ratios >= main$post / main$pre)) / (1 + length(ratios))
prop99 <- list(states = states[donors], weights = main$w, pre_rmspe = main$pre,
               post_rmspe = main$post, mean_post_gap = main$mean_post, p_value = p_sc)

out <- list(balanced = bal[c("coef", "se_lm", "se_fixest", "p_fixest", "p_lm", "n", "G", "T")],
            unbalanced = unb[c("coef", "se_lm", "se_fixest", "p_fixest", "p_lm", "n", "G", "T")],
            event_study = es_out,
            organ = organ[c("coef", "se_lm", "se_fixest", "p_fixest", "p_lm", "n", "G", "T")],
            staggered = list(cells = cells, simple = simple, twfe = twfe_st$coef),
            its = its_out, prop99 = prop99,
            r_version = R.version.string)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE), "golden.json")
cat("wrote golden.json\n")
