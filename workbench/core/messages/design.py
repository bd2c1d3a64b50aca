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
}
