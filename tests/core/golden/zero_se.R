# Estimate.from_coef_se's rule for a zero standard error, as R's lm reports it (R 4.2, Debian).
# Run: Rscript tests/core/golden/zero_se.R > tests/core/golden/zero_se.csv
d <- data.frame(y = c(1, 2, 3, 4), x = c(0, 1, 2, 3))
f <- suppressWarnings(lm(y ~ x, data = d))
s <- suppressWarnings(summary(f))$coefficients
ci <- suppressWarnings(confint(f))
out <- data.frame(term = rownames(s), estimate = s[, 1], std_error = s[, 2], statistic = s[, 3],
                  p_value = s[, 4], ci_low = ci[, 1], ci_high = ci[, 2], df = f$df.residual)
write.csv(out, stdout(), row.names = FALSE)
