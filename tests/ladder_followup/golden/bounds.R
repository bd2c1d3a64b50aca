# Reference numbers for tests/ladder_followup/test_followup_golden.py, in base R (R 4.2.2).
# Lee (2009) trimming bounds and worst/best-case (Horowitz-Manski) bounds for the treated-minus-
# control difference at each occasion of trial.csv, plus Welch's difference in means.
# Trimming is by mass: (1 - q) n observations kept, the boundary one with its fraction.
# Run: Rscript bounds.R  (writes bounds_r.csv)
d <- read.csv("trial.csv")
tmean <- function(y, keep, top) {
  v <- sort(y, decreasing = top)
  mass <- keep * length(v)
  k <- floor(mass + 1e-12)
  frac <- mass - k
  s <- if (k > 0) sum(v[1:k]) else 0
  if (k < length(v) && frac > 1e-12) s <- s + frac * v[k + 1]
  s / mass
}
lee <- function(y, t) {
  o <- !is.na(y)
  p1 <- mean(o[t]); p0 <- mean(o[!t])
  y1 <- y[t & o]; y0 <- y[!t & o]
  if (p1 >= p0) {
    q <- (p1 - p0) / p1
    c(tmean(y1, 1 - q, FALSE) - mean(y0), tmean(y1, 1 - q, TRUE) - mean(y0), q)
  } else {
    q <- (p0 - p1) / p0
    c(mean(y1) - tmean(y0, 1 - q, TRUE), mean(y1) - tmean(y0, 1 - q, FALSE), q)
  }
}
hm <- function(y, t, lo, hi) {
  f <- function(a, b) { v <- ifelse(is.na(y), ifelse(t, a, b), y); mean(v[t]) - mean(v[!t]) }
  c(f(lo, hi), f(hi, lo))
}
t <- d$arm == "insats"
out <- NULL
for (occ in c("efter", "uppfoljning_24")) {
  y <- d[[occ]]
  l <- lee(y, t); w <- hm(y, t, 0, 100)
  tt <- t.test(y[t], y[!t])
  out <- rbind(out, data.frame(occasion = occ, lee_lower = l[1], lee_upper = l[2], trimmed = l[3],
                               wb_lower = w[1], wb_upper = w[2],
                               diff = unname(tt$estimate[1] - tt$estimate[2]), se = tt$stderr,
                               measured_t = sum(!is.na(y[t])), measured_c = sum(!is.na(y[!t]))))
}
write.csv(out, "bounds_r.csv", row.names = FALSE)
