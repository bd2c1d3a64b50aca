# Golden numbers for wb.power.cluster_* : the PowerUp! CRA2 formula (Dong & Maynard 2013, model 3.1,
# cluster random assignment, treatment at level 2) computed by hand in base R.
#   MDES = M * sqrt( rho (1 - R2_2) / (P (1 - P) J)  +  (1 - rho)(1 - R2_1) / (P (1 - P) J n) )
#   M    = t_{1 - alpha/2, df} + t_{power, df}   (one-tailed: t_{1 - alpha, df}),  df = J - g - 2
#   power for a given MDES (inverse of the line above, as PowerUp!'s Excel sheets):
#          power = T_df( MDES / SE - t_{1 - alpha/2, df} )
#   J needed for a given MDES: uniroot of MDES(J) - target (J continuous), tol 1e-13.
# Run:  Rscript make_powerup.R  -> powerup_golden.csv (17 significant digits)
se <- function(J, n, rho, P, r1, r2) sqrt(rho * (1 - r2) / (P * (1 - P) * J) + (1 - rho) * (1 - r1) / (P * (1 - P) * J * n))
mult <- function(df, alpha, power, two) (if (two) qt(1 - alpha / 2, df) else qt(1 - alpha, df)) + qt(power, df)
mdes <- function(J, n, rho, P, r1, r2, g, alpha, power, two) mult(J - g - 2, alpha, power, two) * se(J, n, rho, P, r1, r2)
pow <- function(J, n, rho, P, r1, r2, g, alpha, es, two) {
  df <- J - g - 2
  pt(es / se(J, n, rho, P, r1, r2) - (if (two) qt(1 - alpha / 2, df) else qt(1 - alpha, df)), df)
}
rows <- list()
grid <- expand.grid(J = c(6, 10, 20, 44), n = c(5, 20, 60), rho = c(0, 0.05, 0.2), P = c(0.5, 0.3),
                    r1 = c(0, 0.5), r2 = c(0, 0.5), g = c(0, 1), alpha = c(0.05, 0.1), power = 0.8,
                    two = c(TRUE, FALSE))
grid <- grid[(grid$r2 == 0 | grid$g == 1) & (grid$r1 == grid$r2 | grid$rho == 0.05), ]
for (i in seq_len(nrow(grid))) {
  x <- grid[i, ]
  m <- mdes(x$J, x$n, x$rho, x$P, x$r1, x$r2, x$g, x$alpha, x$power, x$two)
  p <- pow(x$J, x$n, x$rho, x$P, x$r1, x$r2, x$g, x$alpha, 0.3, x$two)
  jn <- tryCatch(uniroot(function(J) mdes(J, x$n, x$rho, x$P, x$r1, x$r2, x$g, x$alpha, x$power, x$two) - 0.4,
                         c(x$g + 2 + 1e-6, 1e6), tol = 1e-13)$root, error = function(e) NA)
  rows[[i]] <- data.frame(x, df = x$J - x$g - 2, multiplier = mult(x$J - x$g - 2, x$alpha, x$power, x$two),
                          mdes = m, power_at_0.3 = p, clusters_for_0.4 = jn,
                          design_effect = 1 + (x$n - 1) * x$rho)
}
out <- do.call(rbind, rows)
write.csv(format(out, digits = 17), "powerup_golden.csv", row.names = FALSE)
cat(nrow(out), "rows\n")
# Large-sample check (Bloom 2005): with df -> infinity, two-tailed alpha .05 and power .80 the
# multiplier is qnorm(.975) + qnorm(.8) = 2.8016.
cat("M(inf) =", qnorm(0.975) + qnorm(0.8), "\n")
