"""Messages of the matching analysis (step 4a: propensity scores, matching, balance, effect)."""

MESSAGES = {
    # --- errors ---------------------------------------------------------------------------
    "matching.no_covariates": {
        "sv": "Ange minst en bakgrundsvariabel (covariates) att matcha på.",
        "en": "Give at least one covariate to match on.",
    },
    "matching.treatment_in_covariates": {
        "sv": "Behandlingskolumnen '{column}' kan inte också vara en bakgrundsvariabel. Ta bort den ur listan.",
        "en": "The treatment column '{column}' cannot also be a covariate. Remove it from the list.",
    },
    "matching.no_treated": {
        "sv": "Kolumnen '{column}' har inga behandlade (värdet 1). Matchning kräver både deltagare (1) "
        "och jämförelsepersoner (0).",
        "en": "Column '{column}' has no treated units (value 1). Matching needs both participants (1) "
        "and comparison units (0).",
    },
    "matching.no_controls": {
        "sv": "Kolumnen '{column}' har inga jämförelsepersoner (värdet 0). Matchning kräver både "
        "deltagare (1) och jämförelsepersoner (0).",
        "en": "Column '{column}' has no comparison units (value 0). Matching needs both participants (1) "
        "and comparison units (0).",
    },
    "matching.missing_covariates": {
        "sv": "Bakgrundsvariablerna saknar värden: {details}. Fyll i värdena, eller ange "
        "drop_missing=True för att ta bort de raderna (antalet redovisas i varningarna).",
        "en": "The covariates have missing values: {details}. Fill in the values, or pass "
        "drop_missing=True to drop those rows (the count is reported in the warnings).",
    },
    "matching.missing_detail": {
        "sv": "'{column}' på {count} rader",
        "en": "'{column}' on {count} rows",
    },
    "matching.collinear": {
        "sv": "Bakgrundsvariablerna är linjärt beroende av varandra ({columns}); propensity-modellen kan "
        "inte skattas. Ta bort en av de variabler som bär samma information.",
        "en": "The covariates are linearly dependent ({columns}); the propensity model cannot be "
        "estimated. Remove one of the variables that carry the same information.",
    },
    "matching.separation": {
        "sv": "Perfekt separation: bakgrundsvariablerna ({columns}) skiljer deltagare från jämförelsepersoner "
        "helt och hållet (skattade sannolikheter 0 eller 1). Det finns då inga jämförbara personer att "
        "matcha mot för en del av deltagarna. Ta bort eller grovgruppera variabeln, eller begränsa "
        "analysen till den grupp där båda finns.",
        "en": "Perfect separation: the covariates ({columns}) separate participants from comparison units "
        "completely (fitted probabilities 0 or 1). For some participants there is then nobody comparable "
        "to match with. Drop or coarsen the variable, or restrict the analysis to where both groups exist.",
    },
    "matching.propensity_length": {
        "sv": "De egna propensity-värdena har {got} värden men tabellen har {n} rader.",
        "en": "The supplied propensity scores have {got} values but the table has {n} rows.",
    },
    "matching.propensity_invalid": {
        "sv": "De egna propensity-värdena måste vara ändliga tal utan tomma celler.",
        "en": "The supplied propensity scores must be finite numbers without empty cells.",
    },
    "matching.needs_score": {
        "sv": "Metoden '{method}' behöver ett propensity score; ange distance='logit' eller propensity=.",
        "en": "Method '{method}' needs a propensity score; use distance='logit' or propensity=.",
    },
    "matching.estimand_not_allowed": {
        "sv": "Metoden '{method}' kan inte skatta {estimand}; tillåtna är {allowed}.",
        "en": "Method '{method}' cannot estimate {estimand}; allowed are {allowed}.",
    },
    "matching.no_matches": {
        "sv": "Ingen matchning hittades: {what}. Prova en vidare caliper, färre exakta variabler eller "
        "en annan metod.",
        "en": "No matches were found: {what}. Try a wider caliper, fewer exact variables or another method.",
    },
    "matching.too_few_subclass": {
        "sv": "För få personer för att fylla {subclasses} delgrupper med både deltagare och jämförelsepersoner.",
        "en": "Too few units to give each of {subclasses} subclasses both treated and control units.",
    },
    "matching.outcome_is_covariate": {
        "sv": "Utfallet '{column}' får inte vara behandlingen.",
        "en": "The outcome '{column}' cannot be the treatment.",
    },
    "matching.outcome_missing": {
        "sv": "Utfallet '{column}' saknar värden för {count} matchade personer. Fyll i dem eller ta bort "
        "personerna före matchningen.",
        "en": "Outcome '{column}' is missing for {count} matched units. Fill them in or drop those units "
        "before matching.",
    },
    "matching.what.caliper": {
        "sv": "ingen deltagare har en jämförelseperson inom calipern",
        "en": "no treated unit has a control within the caliper",
    },
    "matching.what.exact": {
        "sv": "ingen kombination av de exakta variablerna finns i båda grupperna",
        "en": "no combination of the exact variables occurs in both groups",
    },
    "matching.what.group": {
        "sv": "en av grupperna blev helt utan matchade personer",
        "en": "one of the groups has no matched units at all",
    },
    # --- warnings -------------------------------------------------------------------------
    "matching.warn.dropped_missing": {
        "sv": "{count} rader togs bort eftersom bakgrundsvariabler saknade värden ({details}).",
        "en": "{count} rows were dropped because covariates had missing values ({details}).",
    },
    "matching.warn.dropped_treated": {
        "sv": "{count} av {total} deltagare ({share}) fick ingen matchning och föll bort. Effekten gäller då "
        "bara de matchade deltagarna, inte alla deltagare – målstorheten har ändrats.",
        "en": "{count} of {total} treated units ({share}) got no match and were dropped. The effect then "
        "applies only to the matched treated units, not to all of them – the estimand has changed.",
    },
    "matching.warn.poor_balance": {
        "sv": "Balansen brister efter matchningen för: {items}.",
        "en": "Balance fails after matching for: {items}.",
    },
    "matching.warn.few_matched": {
        "sv": "Bara {n_treated} deltagare och {n_control} jämförelsepersoner ingår efter matchningen; "
        "skattningen blir osäker.",
        "en": "Only {n_treated} treated and {n_control} control units remain after matching; the estimate "
        "is uncertain.",
    },
    "matching.warn.fewer_controls": {
        "sv": "Det finns färre jämförelsepersoner än deltagare{where}; alla deltagare kan inte få en matchning.",
        "en": "There are fewer control units than treated units{where}; not every treated unit can be matched.",
    },
    "matching.warn.fewer_subclasses": {
        "sv": "Propensity-värdena är så grova att färre delgrupper än {subclasses} bildades.",
        "en": "The propensity scores are so coarse that fewer than {subclasses} subclasses were formed.",
    },
    "matching.problem.balance": {
        "sv": "Balansen brister för: {items}",
        "en": "Balance fails for: {items}",
    },
    "matching.problem.few": {
        "sv": "för få matchade ({n_treated} deltagare, {n_control} jämförelsepersoner; minst {minimum} av varje behövs)",
        "en": "too few matched ({n_treated} treated, {n_control} controls; at least {minimum} of each needed)",
    },
    "matching.no_score": {
        "sv": "Exakt matchning använder ingen propensity score, så det finns ingen överlappsbild. Visa balansen med balance() i stället.",
        "en": "Exact matching uses no propensity score, so there is no overlap chart. Show the balance with balance() instead.",
    },
    # --- parts of messages: numbers and lists rendered in the reader's language ----------------
    # a number in both notations (sv "0,35", en "0.35"); each template names both fields, as every
    # entry must, and shows the other language's as nothing (precision 0 of a text is "")
    "matching.join": {"sv": "{first}, {rest}", "en": "{first}, {rest}"},
    "matching.failing.smd": {
        "sv": "{covariate} (SMD {value})",
        "en": "{covariate} (SMD {value})",
    },
    "matching.failing.var_ratio": {
        "sv": "{covariate} (varianskvot {value})",
        "en": "{covariate} (variance ratio {value})",
    },
    # --- explanations -------------------------------------------------------------------------
    "matching.explain.kept": {
        "sv": "Matchningen ({method}) behöll {treated_matched} av {treated} deltagare och "
        "{control_matched} av {control} jämförelsepersoner.",
        "en": "Matching ({method}) kept {treated_matched} of {treated} treated and "
        "{control_matched} of {control} control units.",
    },
    "matching.explain.balance_good": {
        "sv": "Balansen är god för alla bakgrundsvariabler (|SMD| < 0,1 och varianskvot 0,5–2).",
        "en": "Balance is good for every covariate (|SMD| < 0.1 and variance ratio 0.5–2).",
    },
    "matching.explain.balance_fails": {
        "sv": "Balansen brister för: {items}.",
        "en": "Balance fails for: {items}.",
    },
    "matching.explain.caveat": {
        "sv": "Matchning kan bara jämna ut skillnader i de variabler som finns med; okända skillnader "
        "mellan grupperna kan finnas kvar.",
        "en": "Matching only evens out the variables included; unknown differences between the groups "
        "may remain.",
    },
    "matching.explain.kind_proportion": {"sv": "skillnad i andel", "en": "difference in proportion"},
    "matching.explain.kind_means": {"sv": "skillnad i medelvärde", "en": "difference in means"},
    "matching.explain.effect": {
        "sv": "Bland de {n_treated} matchade deltagarna var effekten på '{outcome}' ({kind}, {estimand}) "
        "{estimate}, {p}, jämfört med {n_control} matchade jämförelsepersoner.",
        "en": "Among the {n_treated} matched treated units the effect on '{outcome}' ({kind}, {estimand}) "
        "was {estimate}, {p}, compared with {n_control} matched control units.",
    },
    "matching.explain.atm": {
        "sv": "ATM betyder att effekten bara gäller deltagare som fick en matchning; {dropped} deltagare "
        "föll bort.",
        "en": "ATM means the effect applies only to treated units that found a match; {dropped} treated "
        "units were dropped.",
    },
    "matching.explain.credible": {
        "sv": "Grupperna är lika i de matchade bakgrundsvariablerna, så steg 4 på utvärderingstrappan är nått.",
        "en": "The groups are alike on the matched covariates, so rung 4 of the evaluation ladder is reached.",
    },
    "matching.explain.not_credible": {
        "sv": "Resultatet räcker inte för steg 4: {problems}.",
        "en": "The result is not enough for rung 4: {problems}.",
    },
    "matching.explain.e_value": {
        "sv": "E-värdet är {value}: en okänd faktor måste höja risken så mycket både för att få insatsen "
        "och för utfallet för att förklara bort effekten.",
        "en": "The E-value is {value}: an unknown factor would need to raise both the chance of getting "
        "the intervention and the outcome that much to explain the effect away.",
    },
    "matching.explain.assumption": {
        "sv": "Effekten gäller under antagandet att inga viktiga skillnader mellan grupperna saknas bland "
        "bakgrundsvariablerna; det kan matchning inte visa, bara slumpning.",
        "en": "The effect holds under the assumption that no important difference between the groups is "
        "missing from the covariates; matching cannot show that, only randomization can.",
    },
    # --- charts -------------------------------------------------------------------------------
    "matching.chart.before_matching": {"sv": "Före matchning", "en": "Before matching"},
    "matching.chart.after_matching": {"sv": "Efter matchning", "en": "After matching"},
    "matching.chart.smd_axis": {
        "sv": "Absolut standardiserad medelvärdesskillnad",
        "en": "Absolute standardized mean difference",
    },
    "matching.chart.love_title": {
        "sv": "Balans före och efter matchning",
        "en": "Balance before and after matching",
    },
    "matching.chart.before": {"sv": "Före", "en": "Before"},
    "matching.chart.after": {"sv": "Efter", "en": "After"},
    "matching.chart.treated": {"sv": "Deltagare", "en": "Treated"},
    "matching.chart.control": {"sv": "Jämförelse", "en": "Control"},
    "matching.chart.score_axis": {"sv": "Propensity score", "en": "Propensity score"},
    "matching.chart.count_axis": {"sv": "Antal (viktat)", "en": "Count (weighted)"},
    "matching.chart.effect_axis": {
        "sv": "Skattad effekt ({pct} % KI)",
        "en": "Estimated effect ({pct}% CI)",
    },
}
