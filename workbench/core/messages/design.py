"""Messages of the design room: power, sample size and the design advisor (keys ``design.``)."""

MESSAGES = {
    # -- input errors ---------------------------------------------------------------------------
    "design.proportion_range": {
        "sv": "'{name}' ska vara en andel mellan 0 och 1 (t.ex. 0,05 för 5 %), men är {value!r}. "
        "Skriv andelen som decimaltal, inte i procent.",
        "en": "'{name}' must be a proportion between 0 and 1 (e.g. 0.05 for 5%), but is {value!r}. "
        "Give the share as a decimal, not in percent.",
    },
    "design.icc_range": {
        "sv": "ICC (intraklasskorrelationen) ska vara minst 0 och mindre än 1, men är {value!r}. "
        "Typiska värden för kommunala enheter är 0,01–0,10.",
        "en": "The ICC (intraclass correlation) must be at least 0 and below 1, but is {value!r}. "
        "Typical values for municipal units are 0.01–0.10.",
    },
    "design.solve_none": {
        "sv": "Ange vilken storhet som ska räknas ut: exakt en av {names} ska lämnas tom (None). "
        "Nu är {missing} tomma — fyll i alla utom en.",
        "en": "Say which quantity to solve for: exactly one of {names} must be left empty (None). "
        "Now {missing} are empty — fill in all but one.",
    },
    "design.solve_all": {
        "sv": "Alla av {names} är ifyllda, så det finns inget att räkna ut. Lämna den storhet du vill "
        "få svar på tom (None), t.ex. n=None för att få behövlig storlek.",
        "en": "All of {names} are given, so there is nothing to solve. Leave the quantity you want "
        "answered empty (None), e.g. n=None to get the required size.",
    },
    "design.same_proportions": {
        "sv": "p1 och p2 är lika ({value}); det finns ingen skillnad att upptäcka. Ange den andel du "
        "hoppas nå med insatsen som p2.",
        "en": "p1 and p2 are equal ({value}); there is no difference to detect. Give the share you "
        "hope to reach with the intervention as p2.",
    },
    "design.zero_effect": {
        "sv": "Effektstorleken är 0; ingen storlek på studien kan upptäcka en effekt som är noll. "
        "Ange den minsta effekt som vore viktig att upptäcka.",
        "en": "The effect size is 0; no study size can detect an effect of zero. Give the smallest "
        "effect that would matter.",
    },
    "design.wrong_direction": {
        "sv": "Med ett ensidigt test '{alternative}' måste effekten gå åt det hållet, men den är "
        "{value}. Byt riktning eller använd ett tvåsidigt test.",
        "en": "With a one-sided test '{alternative}' the effect must go that way, but it is {value}. "
        "Change the direction or use a two-sided test.",
    },
    "design.not_reachable": {
        "sv": "Styrkan {power} kan inte nås för {what} inom rimliga gränser (upp till {limit}). "
        "Pröva en större effekt, lägre styrka eller fler enheter.",
        "en": "Power {power} cannot be reached for {what} within reasonable limits (up to {limit}). "
        "Try a larger effect, lower power or more units.",
    },
    "design.too_few_clusters": {
        "sv": "Med {clusters} kluster och {covariates} kovariater på klusternivå blir frihetsgraderna "
        "{df}; det behövs minst {minimum} kluster. Lägg till fler enheter (t.ex. stadsdelar).",
        "en": "With {clusters} clusters and {covariates} cluster-level covariates the degrees of "
        "freedom are {df}; at least {minimum} clusters are needed. Add more units (e.g. districts).",
    },
    "design.cluster_floor": {
        "sv": "Med {clusters} kluster och ICC {icc} kan effekten {mdes} inte upptäckas hur stora "
        "klustren än blir (den minsta upptäckbara effekten går aldrig under {floor}). Det behövs "
        "minst {needed} kluster.",
        "en": "With {clusters} clusters and ICC {icc} the effect {mdes} cannot be detected however "
        "large the clusters grow (the minimum detectable effect never drops below {floor}). At "
        "least {needed} clusters are needed.",
    },
    "design.generate_shape": {
        "sv": "analyse() ska ge en p-värdesvektor med {n_sims} värden (ett per simulering), men gav "
        "formen {shape}.",
        "en": "analyse() must return a vector of {n_sims} p-values (one per simulation), but gave the "
        "shape {shape}.",
    },
    "design.too_few_districts": {
        "sv": "En områdesjämförelse behöver minst en behandlad och en jämförande stadsdel; nu är "
        "det {treated} behandlade av {districts}.",
        "en": "An area comparison needs at least one treated and one comparison district; now "
        "{treated} of {districts} are treated.",
    },
    "design.too_few_periods": {
        "sv": "Det behövs minst en period före och en efter start; nu {before} före och {after} efter.",
        "en": "At least one period before and one after the start is needed; now {before} before and "
        "{after} after.",
    },
    "design.outcome_inputs": {
        "sv": "För utfallet '{outcome}' behövs {needed}. Exempel: {example}.",
        "en": "For the outcome '{outcome}' {needed} is needed. Example: {example}.",
    },
    # -- warnings ---------------------------------------------------------------------------------
    "design.warn.few_clusters": {
        "sv": "Bara {clusters} kluster: t-fördelningen med {df} frihetsgrader gör den minsta "
        "upptäckbara effekten stor, och klusterrobusta standardfel blir osäkra under cirka 30 kluster.",
        "en": "Only {clusters} clusters: the t distribution with {df} degrees of freedom makes the "
        "minimum detectable effect large, and cluster-robust standard errors are unreliable below "
        "about 30 clusters.",
    },
    "design.warn.rare_outcome": {
        "sv": "Utfallet är ovanligt ({rate}); normalapproximationen (Cohens h) kan vara grov när "
        "färre än cirka 10 händelser väntas per grupp. Kontrollera med simulate_binary_rct().",
        "en": "The outcome is rare ({rate}); the normal approximation (Cohen's h) can be rough when "
        "fewer than about 10 events are expected per group. Check with simulate_binary_rct().",
    },
    "design.warn.low_power": {
        "sv": "Styrkan är bara {power}: en verklig effekt av den storleken missas oftare än den upptäcks.",
        "en": "The power is only {power}: a real effect of that size is missed more often than found.",
    },
    "design.warn.few_treated_districts": {
        "sv": "Bara {treated} behandlade stadsdelar: klusterrobusta test överskattar ofta säkerheten "
        "(för många falska fynd). Titta på andelen förkastade nollhypoteser med effect=0.",
        "en": "Only {treated} treated districts: cluster-robust tests often overstate certainty (too "
        "many false findings). Look at the rejection rate with effect=0.",
    },
    "design.warn.mc_error": {
        "sv": "Simuleringens osäkerhet: styrkan är skattad med ±{half_width} (95 %) efter {n_sims} "
        "simuleringar. Öka n_sims för ett säkrare svar.",
        "en": "Simulation uncertainty: power is estimated to ±{half_width} (95%) after {n_sims} "
        "simulations. Increase n_sims for a firmer answer.",
    },

    # -- a number shown in a stored message, formatted for each language when read --------------
    # -- power results: explain and chart (power/result.py) -----------------------------------
    "design.chart.power": {"sv": "Styrka", "en": "Power"},
    "design.power.test.two_proportions": {"sv": "två andelar (Cohens h)", "en": "two proportions (Cohen's h)"},
    "design.power.test.one_proportion": {
        "sv": "en andel mot en känd nivå (Cohens h)",
        "en": "one proportion against a known rate (Cohen's h)",
    },
    "design.power.test.two_means": {"sv": "två medelvärden (t-test)", "en": "two means (t-test)"},
    "design.power.test.paired_means": {"sv": "parade mätningar (t-test)", "en": "paired measurements (t-test)"},
    "design.power.planning_note": {
        "sv": "Detta är en planering före data: den säger hur stor studien behöver vara, inte vad insatsen gör.",
        "en": "This is planning before data: it says how large the study must be, not what the intervention does.",
    },
    "design.power.what.change": {
        "sv": "en förändring från {p1} till {p2} (h = {h})",
        "en": "a change from {p1} to {p2} (h = {h})",
    },
    "design.power.what.effect": {
        "sv": "effektstorleken {name} = {value}",
        "en": "the effect size {name} = {value}",
    },
    "design.power.size.per_group": {"sv": "{n} per grupp", "en": "{n} per group"},
    "design.power.size.pairs": {"sv": "{n} par", "en": "{n} pairs"},
    "design.power.size.people": {"sv": "{n} personer", "en": "{n} people"},
    "design.power.size.two_groups": {
        "sv": "{n1} i grupp 1 och {n2} i grupp 2",
        "en": "{n1} in group 1 and {n2} in group 2",
    },
    "design.power.level.two_sided": {"sv": "{alpha} (tvåsidigt)", "en": "{alpha} (two-sided)"},
    "design.power.level.one_sided": {"sv": "{alpha} (ensidigt)", "en": "{alpha} (one-sided)"},
    "design.power.explain.n": {
        "sv": "Jämförelse av {test}: för att upptäcka {what} med {power} styrka på signifikansnivån {level} "
        "behövs {size}.",
        "en": "Comparison of {test}: to detect {what} with {power} power at the {level} significance level "
        "you need {size}.",
    },
    "design.power.explain.power": {
        "sv": "Jämförelse av {test}: med {size} är styrkan {power} att upptäcka {what} på signifikansnivån "
        "{level}.",
        "en": "Comparison of {test}: with {size} the power to detect {what} is {power} at the {level} "
        "significance level.",
    },
    "design.power.explain.effect": {
        "sv": "Jämförelse av {test}: med {size} kan man med {power} styrka upptäcka {what}.",
        "en": "Comparison of {test}: with {size} you can detect {what} with {power} power.",
    },
    "design.power.explain.levels": {
        "sv": "Från {p1} motsvarar det en nivå på {lower} (minskning) eller {upper} (ökning).",
        "en": "From {p1} that is a level of {lower} (decrease) or {upper} (increase).",
    },
    "design.power.chart.x": {"sv": "Antal per grupp", "en": "Number per group"},
    "design.power.chart.title": {"sv": "Styrka mot studiens storlek", "en": "Power against study size"},
    # -- cluster power result -------------------------------------------------------------------
    "design.cluster.explain.clusters": {
        "sv": "Klusterrandomiserad studie: för att upptäcka {es} standardavvikelser med {power} styrka behövs "
        "{clusters} kluster à {size} personer (ICC {icc}).",
        "en": "Cluster randomized study: to detect {es} standard deviations with {power} power you need "
        "{clusters} clusters of {size} people (ICC {icc}).",
    },
    "design.cluster.explain.cluster_size": {
        "sv": "Klusterrandomiserad studie: med {clusters} kluster behövs {size} personer per kluster (ICC {icc}) "
        "för att upptäcka {es} standardavvikelser med {power} styrka.",
        "en": "Cluster randomized study: with {clusters} clusters you need {size} people per cluster (ICC {icc}) "
        "to detect {es} standard deviations with {power} power.",
    },
    "design.cluster.explain.power": {
        "sv": "Klusterrandomiserad studie med {clusters} kluster à {size} personer och ICC {icc}: styrkan att "
        "upptäcka {es} standardavvikelser är {power}.",
        "en": "Cluster randomized study with {clusters} clusters of {size} people and ICC {icc}: the power to "
        "detect {es} standard deviations is {power}.",
    },
    "design.cluster.explain.mdes": {
        "sv": "Klusterrandomiserad studie med {clusters} kluster à {size} personer och ICC {icc}: med {power} "
        "styrka kan en effekt på {es} standardavvikelser upptäckas.",
        "en": "Cluster randomized study with {clusters} clusters of {size} people and ICC {icc}: with {power} "
        "power an effect of {es} standard deviations can be detected.",
    },
    "design.cluster.explain.design_effect": {
        "sv": "Designeffekten {de} betyder att varje person i ett kluster bara är värd 1/{de} av en "
        "individuellt randomiserad deltagare.",
        "en": "The design effect {de} means each person in a cluster is worth only 1/{de} of an "
        "individually randomized participant.",
    },
    "design.cluster.chart.x": {"sv": "Antal kluster", "en": "Number of clusters"},
    "design.cluster.chart.title": {"sv": "Styrka mot antal kluster", "en": "Power against number of clusters"},
    # -- simulated power result (power/simulation.py, simulation_did.py) -------------------------
    "design.sim.explain": {
        "sv": "I {n_sims} simulerade studier ({label}) gav analysen ett signifikant resultat i {power} % av "
        "fallen (95 % KI {low}–{high} %): det är studiens styrka under de antaganden som simuleringen bygger "
        "på. Det är en planering före data, inte ett resultat om insatsen.",
        "en": "In {n_sims} simulated studies ({label}) the analysis was significant in {power}% of cases "
        "(95% CI {low}–{high}%): that is the study's power under the simulation's assumptions. It is "
        "planning before data, not a finding about the intervention.",
    },
    "design.sim.chart.x": {"sv": "p-värde", "en": "p-value"},
    "design.sim.chart.y": {"sv": "Antal simuleringar", "en": "Simulations"},
    "design.sim.chart.title": {"sv": "Styrka {power} %", "en": "Power {power}%"},
    "design.sim.label.default": {"sv": "simulering", "en": "simulation"},
    "design.sim.label.binary_rct": {
        "sv": "randomiserad studie med binärt utfall {p_control} → {p_treated}, n = {n1}/{n0}",
        "en": "binary RCT {p_control} → {p_treated}, n = {n1}/{n0}",
    },
    "design.sim.label.matched": {
        "sv": "matchad jämförelse, {treated} behandlade × {controls} kontroller",
        "en": "matched comparison, {treated} treated × {controls} controls",
    },
    "design.sim.label.did": {
        "sv": "skillnad-i-skillnader {treated}/{districts} stadsdelar, {before}+{after} perioder",
        "en": "DiD {treated}/{districts} districts, {before}+{after} periods",
    },
    # -- design advisor (advisor/text.py, advisor/result.py) --------------------------------------
    "design.advisor.name.rct": {"sv": "Randomiserad studie (individer)", "en": "Randomized trial (individuals)"},
    "design.advisor.name.cluster": {"sv": "Klusterrandomiserad studie", "en": "Cluster randomized trial"},
    "design.advisor.name.matched": {"sv": "Matchad jämförelsegrupp", "en": "Matched comparison group"},
    "design.advisor.name.area": {
        "sv": "Jämförelse av områden (skillnad-i-skillnader)",
        "en": "Area comparison (difference-in-differences)",
    },
    "design.advisor.name.prepost": {"sv": "Före/efter-mätning", "en": "Before/after measurement"},
    "design.advisor.size.rct": {"sv": "{n} per grupp", "en": "{n} per group"},
    "design.advisor.size.cluster": {"sv": "{n} per grupp", "en": "{n} per group"},
    "design.advisor.size.matched": {
        "sv": "{n} i insatsgruppen (med lika många matchade)",
        "en": "{n} in the intervention group (with as many matched)",
    },
    "design.advisor.size.area": {"sv": "{n} i behandlade områden efter start", "en": "{n} in treated areas after the start"},
    "design.advisor.size.prepost": {
        "sv": "{n} deltagare mätta före och efter",
        "en": "{n} participants measured before and after",
    },
    "design.advisor.missing.clusters": {
        "sv": "ange clusters (antal enheter som lottas, t.ex. stadsdelar eller kontor, minst 3) och icc",
        "en": "give clusters (number of units randomized, e.g. districts or offices, at least 3) and icc",
    },
    "design.advisor.missing.districts": {
        "sv": "ange districts (antal stadsdelar i statistiken, minst 3) och treated_districts",
        "en": "give districts (number of districts in the statistics, at least 3) and treated_districts",
    },
    "design.advisor.duration.never": {"sv": "aldrig", "en": "never"},
    "design.advisor.duration.months": {"sv": "{n} månader", "en": "{n} months"},
    "design.advisor.duration.years": {"sv": "{n} år", "en": "{n} years"},
    "design.advisor.detect.decrease": {"sv": "en minskning till {level}", "en": "a decrease to {level}"},
    "design.advisor.detect.increase": {"sv": "en ökning till {level}", "en": "an increase to {level}"},
    "design.advisor.detect.effect": {"sv": "en effekt på d = {d}", "en": "an effect of d = {d}"},
    "design.advisor.verdict.not_assessed": {"sv": "Inte bedömd: {missing}.", "en": "Not assessed: {missing}."},
    "design.advisor.verdict.never": {
        "sv": "Inte genomförbart hur länge man än rekryterar",
        "en": "Not feasible however long recruitment runs",
    },
    "design.advisor.verdict.never_clusters": {
        "sv": ": det behövs minst {clusters} kluster",
        "en": ": at least {clusters} clusters are needed",
    },
    "design.advisor.verdict.never_area": {
        "sv": ": slumpmässiga svängningar mellan stadsdelar (area_icc) är större än effekten; fler behandlade "
        "stadsdelar eller längre statistik före start hjälper",
        "en": ": random swings between districts (area_icc) exceed the effect; more treated districts or longer "
        "statistics before the start help",
    },
    "design.advisor.verdict.feasible": {
        "sv": "Genomförbart: {size} nås på {duration}, inom planerade {planned} månader.",
        "en": "Feasible: {size} is reached in {duration}, within the planned {planned} months.",
    },
    "design.advisor.verdict.too_slow": {
        "sv": "Inte genomförbart inom planerad tid: {size} behövs, vilket skulle ta {duration}.",
        "en": "Not feasible in the planned time: {size} needed, which would take {duration}.",
    },
    "design.advisor.verdict.pooling": {
        "sv": "Med {municipalities} kommuner med samma inflöde går det på {planned} månader.",
        "en": "With {municipalities} municipalities with the same inflow it fits in {planned} months.",
    },
    "design.advisor.verdict.only_detect": {
        "sv": "På planerad tid kan man bara upptäcka {detectable}; styrkan för målet är {power}.",
        "en": "In the planned time you can only detect {detectable}; the power for the target is {power}.",
    },
    "design.advisor.verdict.prepost_caveat": {
        "sv": "Före/efter kan visa en förändring men inte att insatsen orsakade den.",
        "en": "Before/after can show a change but not that the intervention caused it.",
    },
    "design.advisor.verdict.matched_caveat": {
        "sv": "Bygger på att matchningen fångar alla viktiga skillnader.",
        "en": "Rests on the matching capturing every important difference.",
    },
    "design.advisor.unit_default": {"sv": "ärenden", "en": "cases"},
    "design.advisor.who": {"sv": "{inflow} nya {unit} i månaden", "en": "{inflow} new {unit} a month"},
    "design.advisor.who_pooled": {
        "sv": "{inflow} nya {unit} i månaden i var och en av {municipalities} kommuner",
        "en": "{inflow} new {unit} a month in each of {municipalities} municipalities",
    },
    "design.advisor.goal.binary": {
        "sv": "en andel på {baseline} och målet {target}",
        "en": "a rate of {baseline} and the goal {target}",
    },
    "design.advisor.goal.continuous": {"sv": "en effekt på d = {d}", "en": "an effect of d = {d}"},
    "design.advisor.headline": {
        "sv": "Med {who} och {goal} behöver en randomiserad studie {n} per grupp (styrka {power}, "
        "signifikansnivå {alpha}) = {duration} av inflöde; planerat är {planned} månader.",
        "en": "With {who} and {goal} a randomized trial needs {n} per group (power {power}, significance "
        "level {alpha}) = {duration} of inflow; {planned} months are planned.",
    },
    "design.advisor.explain.strongest": {
        "sv": "Den starkaste designen som hinns med är {name} (steg {rung}).",
        "en": "The strongest design that fits in time is the {name} (rung {rung}).",
    },
    "design.advisor.explain.none_feasible": {
        "sv": "Ingen effektutvärdering (steg 4–5) hinns med på planerad tid med dessa antaganden; överväg att "
        "slå samman flera kommuner, förlänga tiden eller välja ett vanligare utfall.",
        "en": "No effect evaluation (rungs 4–5) fits in the planned time under these assumptions; consider "
        "pooling municipalities, a longer period or a more common outcome.",
    },
    "design.advisor.explain.rct_only_detect": {
        "sv": "På planerad tid kan en randomiserad studie bara upptäcka {detectable}.",
        "en": "In the planned time a randomized trial can only detect {detectable}.",
    },
    "design.advisor.explain.planning_note": {
        "sv": "Beräkningen är planering före data och säger inget om insatsen fungerar.",
        "en": "This is planning before data and says nothing about whether the intervention works.",
    },
    "design.advisor.chart.x": {"sv": "Månader av rekrytering", "en": "Months of recruitment"},
    "design.advisor.chart.design": {"sv": "Design", "en": "Design"},
    "design.advisor.chart.title": {"sv": "Styrka mot rekryteringstid", "en": "Power against recruitment time"},
}
