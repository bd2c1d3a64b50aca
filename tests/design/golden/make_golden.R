# Golden numbers for workbench.design (wb.power) from R's pwr package.
# Run from this folder:  Rscript make_golden.R   -> writes pwr_golden.csv
# Every row is one question to pwr. "power" rows come straight from pwr (closed form / pt / pnorm).
# For rows that solve n or the effect, pwr's own uniroot() uses tol = 1.2e-4 (absolute), so we
# re-solve the *same* pwr power function with tol = 1e-13 ("value") and keep pwr's own answer in
# "value_pwr" for reference.  Values written with 17 significant digits.
suppressMessages(library(pwr))
rows <- list()
add <- function(...) rows[[length(rows) + 1]] <<- data.frame(..., stringsAsFactors = FALSE)
tight <- function(f, lo, hi) uniroot(f, c(lo, hi), tol = 1e-13, maxiter = 10000)$root
alpha_grid <- c(0.05, 0.01)

# ---- two proportions, equal groups (pwr.2p.test) and one proportion (pwr.p.test) ----
pairs <- list(c(0.05, 0.035), c(0.5, 0.4), c(0.2, 0.1), c(0.3, 0.45), c(0.12, 0.08))
for (pp in pairs) for (alt in c("two.sided", "greater", "less")) for (a in alpha_grid) {
  h <- ES.h(pp[1], pp[2])
  if (alt == "greater") h <- abs(h)
  if (alt == "less") h <- -abs(h)
  for (fun in c("pwr.2p.test", "pwr.p.test")) {
    pf <- function(h, n) do.call(fun, list(h = h, n = n, sig.level = a, alternative = alt))$power
    for (n in c(30, 250, 3000)) add(func = fun, type = "", alternative = alt, solve = "power",
      p1 = pp[1], p2 = pp[2], es = h, n = n, n2 = NA, alpha = a, power = pf(h, n),
      value = pf(h, n), value_pwr = pf(h, n))
    for (pw in c(0.8, 0.9)) {
      v <- tight(function(n) pf(h, n) - pw, 2 + 1e-10, 1e9)
      vp <- do.call(fun, list(h = h, power = pw, sig.level = a, alternative = alt))$n
      add(func = fun, type = "", alternative = alt, solve = "n", p1 = pp[1], p2 = pp[2], es = h,
          n = NA, n2 = NA, alpha = a, power = pw, value = v, value_pwr = vp)
    }
    for (n in c(100, 1500)) {
      lohi <- switch(alt, two.sided = c(1e-10, 10), less = c(-10, 5), greater = c(-5, 10))
      v <- tight(function(h) pf(h, n) - 0.8, lohi[1], lohi[2])
      vp <- do.call(fun, list(n = n, power = 0.8, sig.level = a, alternative = alt))$h
      add(func = fun, type = "", alternative = alt, solve = "effect", p1 = pp[1], p2 = NA, es = NA,
          n = n, n2 = NA, alpha = a, power = 0.8, value = v, value_pwr = vp)
    }
  }
}

# ---- two proportions, unequal groups (pwr.2p2n.test); n2 = ratio * n1 ----
for (pp in pairs[1:3]) for (alt in c("two.sided", "greater")) for (r in c(0.5, 2, 3)) {
  h <- abs(ES.h(pp[1], pp[2]))
  pf <- function(h, n1, n2) pwr.2p2n.test(h = h, n1 = n1, n2 = n2, sig.level = 0.05, alternative = alt)$power
  for (n1 in c(40, 600)) add(func = "pwr.2p2n.test", type = "", alternative = alt, solve = "power",
    p1 = pp[1], p2 = pp[2], es = h, n = n1, n2 = r * n1, alpha = 0.05, power = pf(h, n1, r * n1),
    value = pf(h, n1, r * n1), value_pwr = pf(h, n1, r * n1))
  v <- tight(function(n1) pf(h, n1, r * n1) - 0.8, max(2, 2 / r) + 1e-9, 1e9)
  vp <- pwr.2p2n.test(h = h, n1 = v, power = 0.8, sig.level = 0.05, alternative = alt)$n2 / r
  add(func = "pwr.2p2n.test", type = "", alternative = alt, solve = "n", p1 = pp[1], p2 = pp[2],
      es = h, n = NA, n2 = r, alpha = 0.05, power = 0.8, value = v, value_pwr = vp)
  lohi <- switch(alt, two.sided = c(1e-10, 10), greater = c(-5, 10))
  v <- tight(function(h) pf(h, 200, 200 * r) - 0.8, lohi[1], lohi[2])
  vp <- pwr.2p2n.test(n1 = 200, n2 = 200 * r, power = 0.8, sig.level = 0.05, alternative = alt)$h
  add(func = "pwr.2p2n.test", type = "", alternative = alt, solve = "effect", p1 = pp[1], p2 = NA,
      es = NA, n = 200, n2 = 200 * r, alpha = 0.05, power = 0.8, value = v, value_pwr = vp)
}

# ---- two means and paired (pwr.t.test) ----
for (type in c("two.sample", "paired")) for (d in c(0.2, 0.3, 0.5, 0.8)) for (alt in c("two.sided", "greater", "less")) for (a in alpha_grid) {
  dd <- if (alt == "less") -d else d
  pf <- function(d, n) pwr.t.test(n = n, d = d, sig.level = a, type = type, alternative = alt)$power
  for (n in c(10, 60, 400)) add(func = "pwr.t.test", type = type, alternative = alt, solve = "power",
    p1 = NA, p2 = NA, es = dd, n = n, n2 = NA, alpha = a, power = pf(dd, n), value = pf(dd, n),
    value_pwr = pf(dd, n))
  for (pw in c(0.8, 0.95)) {
    v <- tight(function(n) pf(dd, n) - pw, 2 + 1e-10, 1e9)
    vp <- pwr.t.test(d = dd, power = pw, sig.level = a, type = type, alternative = alt)$n
    add(func = "pwr.t.test", type = type, alternative = alt, solve = "n", p1 = NA, p2 = NA, es = dd,
        n = NA, n2 = NA, alpha = a, power = pw, value = v, value_pwr = vp)
  }
}
for (type in c("two.sample", "paired")) for (alt in c("two.sided", "greater", "less")) for (n in c(12, 50, 300)) {
  pf <- function(d) pwr.t.test(n = n, d = d, sig.level = 0.05, type = type, alternative = alt)$power
  lohi <- switch(alt, two.sided = c(1e-7, 10), less = c(-10, 5), greater = c(-5, 10))
  v <- tight(function(d) pf(d) - 0.8, lohi[1], lohi[2])
  vp <- pwr.t.test(n = n, power = 0.8, sig.level = 0.05, type = type, alternative = alt)$d
  add(func = "pwr.t.test", type = type, alternative = alt, solve = "effect", p1 = NA, p2 = NA, es = NA,
      n = n, n2 = NA, alpha = 0.05, power = 0.8, value = v, value_pwr = vp)
}

# ---- two means, unequal groups (pwr.t2n.test); n2 = ratio * n1 ----
for (d in c(0.3, 0.6)) for (alt in c("two.sided", "greater")) for (r in c(0.5, 2, 4)) {
  pf <- function(d, n1, n2) pwr.t2n.test(n1 = n1, n2 = n2, d = d, sig.level = 0.05, alternative = alt)$power
  for (n1 in c(20, 150)) add(func = "pwr.t2n.test", type = "", alternative = alt, solve = "power",
    p1 = NA, p2 = NA, es = d, n = n1, n2 = r * n1, alpha = 0.05, power = pf(d, n1, r * n1),
    value = pf(d, n1, r * n1), value_pwr = pf(d, n1, r * n1))
  v <- tight(function(n1) pf(d, n1, r * n1) - 0.8, max(2, 2 / r) + 1e-9, 1e9)
  vp <- pwr.t2n.test(n1 = v, d = d, power = 0.8, sig.level = 0.05, alternative = alt)$n2 / r
  add(func = "pwr.t2n.test", type = "", alternative = alt, solve = "n", p1 = NA, p2 = NA, es = d,
      n = NA, n2 = r, alpha = 0.05, power = 0.8, value = v, value_pwr = vp)
  lohi <- switch(alt, two.sided = c(1e-7, 10), greater = c(-5, 10))
  v <- tight(function(d) pf(d, 80, 80 * r) - 0.8, lohi[1], lohi[2])
  vp <- pwr.t2n.test(n1 = 80, n2 = 80 * r, power = 0.8, sig.level = 0.05, alternative = alt)$d
  add(func = "pwr.t2n.test", type = "", alternative = alt, solve = "effect", p1 = NA, p2 = NA,
      es = NA, n = 80, n2 = 80 * r, alpha = 0.05, power = 0.8, value = v, value_pwr = vp)
}

# ---- the issue's worked examples ----
add(func = "pwr.2p.test", type = "issue", alternative = "two.sided", solve = "n", p1 = 0.05, p2 = 0.035,
    es = ES.h(0.05, 0.035), n = NA, n2 = NA, alpha = 0.05, power = 0.8,
    value = tight(function(n) pwr.2p.test(h = ES.h(0.05, 0.035), n = n)$power - 0.8, 2 + 1e-10, 1e9),
    value_pwr = pwr.2p.test(h = ES.h(0.05, 0.035), power = 0.8)$n)
add(func = "pwr.t.test", type = "issue", alternative = "two.sided", solve = "n", p1 = NA, p2 = NA,
    es = 0.3, n = NA, n2 = NA, alpha = 0.05, power = 0.8,
    value = tight(function(n) pwr.t.test(d = 0.3, n = n)$power - 0.8, 2 + 1e-10, 1e9),
    value_pwr = pwr.t.test(d = 0.3, power = 0.8)$n)

out <- do.call(rbind, rows)
out$pwr_version <- as.character(packageVersion("pwr"))
write.csv(format(out, digits = 17), "pwr_golden.csv", row.names = FALSE, quote = TRUE)
cat(nrow(out), "rows\n")
