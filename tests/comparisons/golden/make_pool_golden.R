# Golden numbers for wb.pool (tests/comparisons): random effects, REML, Knapp-Hartung, as metafor.
# Run from this folder:  Rscript make_pool_golden.R
# Debian: R 4.2.2, r-cran-metafor 3.8.1. Reads pool_cards.csv (three municipalities' effects on one
# indicator), writes pool_golden.csv with 17 significant digits.
suppressPackageStartupMessages(library(metafor))
d <- read.csv("pool_cards.csv", encoding = "UTF-8")
fit <- rma(yi = estimate, sei = std_error, data = d, method = "REML", test = "knha")
p <- predict(fit)
num <- function(x) formatC(as.numeric(x), digits = 17, format = "g")
out <- data.frame(
  estimate = num(fit$b[1]), std_error = num(fit$se), ci_low = num(fit$ci.lb), ci_high = num(fit$ci.ub),
  p_value = num(fit$pval), statistic = num(fit$zval), df = num(fit$k - fit$p), tau2 = num(fit$tau2),
  i2 = num(fit$I2), h2 = num(fit$H2), q = num(fit$QE), pi_low = num(p$pi.lb), pi_high = num(p$pi.ub)
)
write.csv(out, "pool_golden.csv", row.names = FALSE, quote = FALSE)
