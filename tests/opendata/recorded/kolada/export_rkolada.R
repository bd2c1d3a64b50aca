# Export the Kolada API answers that rKolada keeps in R/sysdata.rda (its vignette data, fetched from
# api.kolada.se by data-raw/vignette-data.R) to CSV, so the workbench tests can replay them.
# Source: github.com/LCHansson/rKolada, R/sysdata.rda at commit d52938874f9a9e0b6f4dd44f36fa5edb8cd69fa3
# (2026-03-23). Run: Rscript export_rkolada.R /path/to/sysdata.rda   (R 4.2.2)
args <- commandArgs(trailingOnly = TRUE)
e <- new.env(); load(args[1], envir = e)
w <- function(x, f) write.csv(as.data.frame(x), f, row.names = FALSE, na = "NA", fileEncoding = "UTF-8")
w(e$munic, "rkolada_munic.csv")
w(e$grp_data, "rkolada_grp_data.csv")
w(e$n00945, "rkolada_n00945.csv")
w(e$kpi_filter, "rkolada_kpi_filter.csv")
g <- e$munic_g
ids <- lapply(g$members, function(m) if (is.data.frame(m)) as.character(m[[1]]) else as.character(m))
members <- vapply(ids, function(m) paste(m, collapse = ","), "")
titles <- vapply(g$members, function(m) if (is.data.frame(m)) paste(m[[2]], collapse = "|") else "", "")
keep <- vapply(ids, function(m) "1984" %in% m, TRUE) | grepl("Arboga", g$title)  # groups with Arboga
w(data.frame(id = g$id, title = g$title, members = members, member_titles = titles)[keep, ], "rkolada_munic_g.csv")
