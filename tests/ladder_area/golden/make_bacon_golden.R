# Golden for the Goodman-Bacon decomposition (tests/ladder_area/test_area_bacon.py).
#
# Reference: bacondecomp 0.1.3 (github.com/evanjflack/bacondecomp, commit ec99dd0), its R/bacon.R
# and data/castle.rda, read from a checkout whose path is the first argument (the package's code
# is not copied here). r-cran-fixest is not in Debian, so the one fixest call of the uncontrolled
# decomposition, feols(outcome ~ treated | time + id) for each 2x2, is replaced by the same OLS
# coefficient from lm(outcome ~ treated + factor(time) + factor(id)); the weights
# (calculate_weights, scale_weights) are bacondecomp's own code, unchanged.
#
# Run: Rscript make_bacon_golden.R /path/to/bacondecomp   (R 4.2.2 from Debian)
# Writes: castle_bacon_input.csv (state, year, l_homicide, post) and bacon_golden.csv.
args <- commandArgs(trailingOnly = TRUE)
src <- paste(readLines(file.path(args[1], "R", "bacon.R")), collapse = "\n")
old <- "fixest::feols(outcome ~ treated | time + id,\n        data = data1\n      )$coefficients[1]"
stopifnot(grepl(old, src, fixed = TRUE))
src <- sub(old, "coef(lm(outcome ~ treated + factor(time) + factor(id), data = data1))[[\"treated\"]]",
           src, fixed = TRUE)
eval(parse(text = src))
load(file.path(args[1], "data", "castle.rda"))
castle <- castle[, c("state", "year", "l_homicide", "post")]
write.csv(castle, "castle_bacon_input.csv", row.names = FALSE)
out <- list()
b <- bacon(l_homicide ~ post, data = castle, id_var = "state", time_var = "year", quietly = TRUE)
b$data <- "castle"
out[[1]] <- b
st <- read.csv("sim_staggered.csv")
b <- bacon(y ~ d, data = st, id_var = "unit", time_var = "time", quietly = TRUE)
b$data <- "sim_staggered"
out[[2]] <- b
res <- do.call(rbind, out)
res$twfe <- ave(res$estimate * res$weight, res$data, FUN = sum)
tw <- c(castle = coef(lm(l_homicide ~ post + factor(year) + factor(state), data = castle))[["post"]],
        sim_staggered = coef(lm(y ~ d + factor(time) + factor(unit), data = st))[["d"]])
res$twfe_lm <- tw[res$data]
write.csv(res[, c("data", "treated", "untreated", "type", "estimate", "weight", "twfe_lm")],
          "bacon_golden.csv", row.names = FALSE)
print(res)
