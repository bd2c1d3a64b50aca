"""Messages of rung 5: randomized trials (wb.rct, wb.cace, wb.meta_analysis)."""

MESSAGES = {
    # -- errors -----------------------------------------------------------------------------
    "randomized.arm_empty": {
        "sv": "Båda grupperna (insats och kontroll) måste ha deltagare med utfall. Kontrollera "
        "behandlingskolumnen och att utfallet är ifyllt.",
        "en": "Both arms (treatment and control) need participants with outcomes. Check the "
        "treatment column and that the outcome is filled in.",
    },
    "randomized.arm_too_small": {
        "sv": "Varje grupp behöver minst två deltagare (eller kluster) för att osäkerheten ska kunna "
        "skattas (block: {block}). Slå ihop små block eller använd parvis matchning.",
        "en": "Each arm needs at least two participants (or clusters) to estimate the uncertainty "
        "(block: {block}). Merge small blocks or use matched pairs.",
    },
    "randomized.block_single_unit": {
        "sv": "Något block har bara en deltagare (eller ett kluster). Varje block måste ha minst en "
        "i varje grupp.",
        "en": "A block has only one participant (or cluster). Every block needs at least one in each arm.",
    },
    "randomized.block_one_arm": {
        "sv": "Blocket '{block}' har bara deltagare i en av grupperna. Varje block måste ha både "
        "insats och kontroll.",
        "en": "Block '{block}' has participants in only one arm. Every block needs both arms.",
    },
    "randomized.ri_needs": {
        "sv": "Slumpningsschemat '{scheme}' behöver kolumnen för {what}. Ange den, eller välj ett annat schema.",
        "en": "The allocation scheme '{scheme}' needs the {what} column. Give it, or choose another scheme.",
    },
    "randomized.treatment_levels": {
        "sv": "Behandlingskolumnen '{column}' ska ha exakt två grupper, men har {values}. Välj ut två "
        "grupper (t.ex. insats och kontroll) innan analysen.",
        "en": "The treatment column '{column}' must have exactly two arms, but has {values}. Select two "
        "arms (e.g. treatment and control) before the analysis.",
    },
    "randomized.treated_arm_unknown": {
        "sv": "Kan inte avgöra vilken grupp i '{column}' som fick insatsen (värden: {values}). Ange "
        "treated_arm=, t.ex. treated_arm='insats'.",
        "en": "Cannot tell which arm in '{column}' received the intervention (values: {values}). Give "
        "treated_arm=, e.g. treated_arm='insats'.",
    },
    "randomized.cluster_mixed_treatment": {
        "sv": "Kluster '{cluster}' har deltagare i båda grupperna. I en klusterslumpad studie ska hela "
        "klustret ha samma grupp; kontrollera kolumnerna '{treatment}' och '{clusters}'.",
        "en": "Cluster '{cluster}' has participants in both arms. In a cluster-randomized trial the whole "
        "cluster has one arm; check the columns '{treatment}' and '{clusters}'.",
    },
    "randomized.se_type_design": {
        "sv": "Standardfelet '{se_type}' passar inte designen: {hint}",
        "en": "The standard error '{se_type}' does not fit the design: {hint}",
    },
    "randomized.se_hint_clusters": {
        "sv": "med kluster, välj CR2 (rekommenderas), CR0 eller stata.",
        "en": "with clusters, choose CR2 (recommended), CR0 or stata.",
    },
    "randomized.se_hint_no_clusters": {
        "sv": "utan kluster, välj HC0, HC1, HC2 (rekommenderas), HC3 eller classical.",
        "en": "without clusters, choose HC0, HC1, HC2 (recommended), HC3 or classical.",
    },
    "randomized.se_hint_dim": {
        "sv": "skillnad i medelvärden väljer standardfel efter designen (block, kluster); ange "
        "method='ols' eller 'lin' för att välja själv.",
        "en": "the difference in means picks its standard error from the design (blocks, clusters); use "
        "method='ols' or 'lin' to choose one yourself.",
    },
    "randomized.outcome_all_missing": {
        "sv": "Utfallet '{column}' saknas för alla randomiserade deltagare. Kontrollera att utfallen "
        "kopplats med rätt ID-kolumn.",
        "en": "The outcome '{column}' is missing for every randomized participant. Check that the "
        "outcomes were joined by the right ID column.",
    },
    "randomized.meta_input": {
        "sv": "Metaanalysen behöver skattningar med standardfel: en lista med resultat/Estimate eller en "
        "tabell med kolumnerna '{estimate}' och '{std_error}'. Fick {got}.",
        "en": "The meta-analysis needs estimates with standard errors: a list of results/Estimates or a "
        "table with the columns '{estimate}' and '{std_error}'. Got {got}.",
    },
    "randomized.meta_bad_se": {
        "sv": "Standardfelet för '{study}' är {value}; det måste vara ett positivt tal.",
        "en": "The standard error of '{study}' is {value}; it must be a positive number.",
    },
    "randomized.meta_too_few": {
        "sv": "Metaanalysen behöver minst två skattningar (fick {n}).",
        "en": "The meta-analysis needs at least two estimates (got {n}).",
    },
    # -- warnings ---------------------------------------------------------------------------
    "randomized.warn.attrition": {
        "sv": "Utfall saknas för {missing} av {n} randomiserade ({share} i insatsgruppen, {share_c} i "
        "kontrollgruppen). De analyseras inte; skillnad i bortfall kan snedvrida jämförelsen.",
        "en": "Outcomes are missing for {missing} of {n} randomized ({share} in the treatment arm, {share_c} "
        "in the control arm). They are not analysed; differential loss can bias the comparison.",
    },
    "randomized.warn.not_randomized": {
        "sv": "{n} personer kom in i insatsen utan att slumpas. De ingår inte i jämförelsen men redovisas "
        "i flödet; följsamheten till slumpningen är {adherence}.",
        "en": "{n} people entered the intervention without being randomized. They are not in the comparison "
        "but are shown in the flow; adherence to randomization is {adherence}.",
    },
    "randomized.warn.withdrawn": {
        "sv": "{n} randomiserade deltagare avbröt. De analyseras ändå i den grupp de lottades till "
        "(intention to treat).",
        "en": "{n} randomized participants withdrew. They are still analysed in the arm they were "
        "allocated to (intention to treat).",
    },
    "randomized.warn.few_clusters": {
        "sv": "Bara {n} kluster. CR2 med Bell–McCaffreys frihetsgrader är det säkraste valet men "
        "osäkerheten är stor.",
        "en": "Only {n} clusters. CR2 with Bell–McCaffrey degrees of freedom is the safest choice, but "
        "uncertainty is large.",
    },
    "randomized.warn.cr1_few_clusters": {
        "sv": "Standardfelet '{se_type}' underskattar osäkerheten med få kluster ({n}); konfidensintervallen "
        "blir för smala. Använd CR2.",
        "en": "The '{se_type}' standard error understates uncertainty with few clusters ({n}); confidence "
        "intervals are too narrow. Use CR2.",
    },
    "randomized.warn.pairs_mixed": {
        "sv": "Vissa block har två enheter och andra fler; variansen skattas då som för matchade par.",
        "en": "Some blocks have two units and others more; the variance is estimated as for matched pairs.",
    },
    "randomized.warn.dropped": {
        "sv": "Kovariaterna {columns} är linjärt beroende av andra och togs bort ur modellen.",
        "en": "The covariates {columns} are linearly dependent on others and were dropped from the model.",
    },
    "randomized.warn.rr_zero": {
        "sv": "Någon grupp har noll eller bara händelser; riskkvoten är skattad med 0,5 tillagt i varje cell.",
        "en": "An arm has no events or only events; the risk ratio adds 0.5 to every cell.",
    },
    "randomized.warn.weak_first_stage": {
        "sv": "Svagt samband mellan erbjudande och deltagande (F = {f}). Effekten av att delta blir då "
        "mycket osäker och kan vara snedvriden; lita mer på effekten av erbjudandet (ITT).",
        "en": "Weak link between offer and take-up (F = {f}). The effect of taking part is then very "
        "uncertain and may be biased; rely more on the effect of the offer (ITT).",
    },
    "randomized.warn.unmatched_outcomes": {
        "sv": "{n} rader i utfallstabellen har ett ID som aldrig slumpades (t.ex. '{example}'). De räknas "
        "som inträden utan slumpning.",
        "en": "{n} rows of the outcome table have an ID that was never randomized (e.g. '{example}'). They "
        "count as entries without randomization.",
    },
    "randomized.warn.outside_outcomes": {
        "sv": "{n} rader i utfallstabellen hör till personer som varken slumpades eller finns bland de "
        "inskrivna (t.ex. '{example}'), t.ex. utanför den valda perioden. De analyseras inte.",
        "en": "{n} rows of the outcome table belong to people neither randomized nor among the entrants "
        "(e.g. '{example}'), e.g. outside the chosen period. They are not analysed.",
    },
    "randomized.warn.meta_few": {
        "sv": "Med bara {k} skattningar är spridningen mellan studier (tau²) mycket osäker; överväg "
        "knapp_hartung=True.",
        "en": "With only {k} estimates the between-study spread (tau²) is very uncertain; consider "
        "knapp_hartung=True.",
    },
    # -- credibility problems ---------------------------------------------------------------
    "randomized.cred.adherence_low": {
        "sv": "Följsamheten till slumpningen är {adherence} (krav: minst {minimum}).",
        "en": "Adherence to randomization is {adherence} (required: at least {minimum}).",
    },
    "randomized.cred.adherence_unknown": {
        "sv": "Följsamheten till slumpningen är inte visad: ange registrets export (allocations=) eller "
        "adherence= från trial.adherence().",
        "en": "Adherence to randomization is not shown: pass the registry export (allocations=) or "
        "adherence= from trial.adherence().",
    },
    "randomized.cred.attrition": {
        "sv": "Bortfallet är för stort: totalt {overall}, skillnad mellan grupperna {differential} "
        "(krav: högst {max_overall} totalt och {max_diff} skillnad).",
        "en": "Attrition is too high: overall {overall}, difference between arms {differential} "
        "(required: at most {max_overall} overall and {max_diff} difference).",
    },
    "randomized.cred.weak_first_stage": {
        "sv": "Erbjudandet påverkar deltagandet för svagt (F = {f} < 10).",
        "en": "The offer affects take-up too weakly (F = {f} < 10).",
    },
    "randomized.cred.meta_unknown": {
        "sv": "Det går inte att se om de sammanvägda skattningarna kommer från trovärdiga randomiserade "
        "försök (ange resultaten från wb.rct i stället för bara siffror).",
        "en": "It cannot be seen whether the pooled estimates come from credible randomized trials (pass "
        "the results of wb.rct rather than bare numbers).",
    },
    "randomized.cred.meta_not_credible": {
        "sv": "Skattningen '{study}' räknas inte som steg 5: {reason}",
        "en": "The estimate '{study}' does not count as rung 5: {reason}",
    },
    "randomized.cred.meta_not_rung5": {
        "sv": "Skattningen '{study}' räknas inte som steg 5.",
        "en": "The estimate '{study}' does not count as rung 5.",
    },
    # -- explanations -----------------------------------------------------------------------
    "randomized.explain.rct": {
        "sv": "Deltagarna lottades till '{treated}' eller '{control}'. Jämförelsen omfattar {n} slumpade "
        "personer med mätt utfall, var och en i den grupp de lottades till (intention to treat). "
        "Skillnaden i '{outcome}' mellan grupperna är {effect}, {p} ({method}).",
        "en": "Participants were randomly allocated to '{treated}' or '{control}'. The comparison covers {n} "
        "randomized people with a measured outcome, each in the arm they were allocated to (intention to "
        "treat). The difference in '{outcome}' between the arms is {effect}, {p} ({method}).",
    },
    "randomized.explain.binary": {
        "sv": "Andelen med utfallet var {p1} i insatsgruppen och {p0} i kontrollgruppen; riskkvoten är {rr}.",
        "en": "The share with the outcome was {p1} in the treatment arm and {p0} in the control arm; the "
        "risk ratio is {rr}.",
    },
    "randomized.explain.ri": {
        "sv": "Ett slumpningstest som lottar om deltagarna enligt studiens eget schema ({scheme}, {draws} "
        "lottningar, {how}) ger {p}: så ofta blir skillnaden minst lika stor av slumpen ensam.",
        "en": "A randomization test that re-draws the allocation by the trial's own scheme ({scheme}, {draws} "
        "allocations, {how}) gives {p}: how often chance alone produces a difference at least this large.",
    },
    "randomized.explain.exact": {"sv": "alla möjliga lottningar", "en": "all possible allocations"},
    "randomized.explain.sampled": {"sv": "slumpvis urval av lottningar", "en": "a random sample of allocations"},
    "randomized.explain.claim_rct": {
        "sv": "Eftersom slumpen avgjorde vem som fick erbjudandet kan skillnaden tolkas som en effekt av "
        "erbjudandet om insatsen – steg 5 på utvärderingstrappan. Den säger inte hur stor effekten är för "
        "dem som faktiskt deltog (se wb.cace), och inte säkert att den gäller i andra kommuner eller "
        "målgrupper.",
        "en": "Because chance decided who was offered the intervention, the difference can be read as an "
        "effect of the offer – rung 5 of the evaluation ladder. It does not say how large the effect is for "
        "those who actually took part (see wb.cace), nor for certain that it holds in other municipalities "
        "or target groups.",
    },
    "randomized.explain.cace": {
        "sv": "Erbjudandet ökade deltagandet med {take_up} procentenheter och ändrade '{outcome}' med {itt} "
        "(effekt av erbjudandet, ITT). Effekten av att faktiskt delta, bland dem som deltar när de "
        "erbjuds, skattas till {cace}, {p}. Skattningen bygger på att erbjudandet påverkar utfallet bara "
        "genom deltagandet, och gäller de som tackar ja när de erbjuds – inte alla i målgruppen.",
        "en": "The offer raised take-up by {take_up} percentage points and changed '{outcome}' by {itt} "
        "(effect of the offer, ITT). The effect of actually taking part, among those who take part when "
        "offered, is estimated at {cace}, {p}. This assumes the offer affects the outcome only through "
        "taking part, and applies to those who accept when offered – not to everyone in the target group.",
    },
    "randomized.explain.meta": {
        "sv": "{k} försök vägdes samman ({method}). Den sammanvägda effekten är {effect}, {p}. Spridningen "
        "mellan försöken: I² = {i2} %, tau² = {tau2} (Q = {q}, {q_p}). Sammanvägningen ger större precision "
        "än varje kommun för sig, men är bara så trovärdig som de enskilda försöken.",
        "en": "{k} trials were pooled ({method}). The pooled effect is {effect}, {p}. Spread between trials: "
        "I² = {i2}%, tau² = {tau2} (Q = {q}, {q_p}). Pooling gives more precision than each municipality "
        "alone, but is only as credible as the individual trials.",
    },
    "randomized.explain.credible": {
        "sv": "Kraven för steg 5 är uppfyllda (följsamhet till slumpningen och bortfall inom gränserna).",
        "en": "The requirements of rung 5 are met (adherence to randomization and attrition within limits).",
    },
    "randomized.explain.credible_meta": {
        "sv": "Alla sammanvägda skattningar kommer från försök som uppfyller kraven för steg 5.",
        "en": "Every pooled estimate comes from a trial that meets the requirements of rung 5.",
    },
    "randomized.explain.not_credible": {
        "sv": "Resultatet räknas ännu inte som steg 5: {problems}",
        "en": "The result does not yet count as rung 5: {problems}",
    },
    # -- words inside explanations ------------------------------------------------------------
    "randomized.method.difference_in_means": {"sv": "skillnad i medelvärden", "en": "difference in means"},
    "randomized.method.ols": {"sv": "regression med kovariater", "en": "regression with covariates"},
    "randomized.method.lin": {"sv": "Lins regressionsjustering", "en": "Lin's regression adjustment"},
    "randomized.scheme.simple": {"sv": "enkel slumpning", "en": "simple randomization"},
    "randomized.scheme.blocks": {"sv": "inom block", "en": "within blocks"},
    "randomized.scheme.clusters": {"sv": "hela kluster", "en": "whole clusters"},
    "randomized.scheme.blocked_clusters": {"sv": "kluster inom block", "en": "clusters within blocks"},
    "randomized.scheme.bernoulli": {"sv": "oberoende lottning", "en": "independent draws"},
    "randomized.arm.treated": {"sv": "insats", "en": "treatment"},
    "randomized.arm.control": {"sv": "kontroll", "en": "control"},
    "randomized.meta_method.fixed": {"sv": "fast effekt", "en": "fixed effect"},
    "randomized.meta_method.DL": {"sv": "slumpeffekter, DerSimonian–Laird", "en": "random effects, DerSimonian–Laird"},
    "randomized.meta_method.REML": {"sv": "slumpeffekter, REML", "en": "random effects, REML"},
    # -- charts -------------------------------------------------------------------------------
    "randomized.chart.itt": {"sv": "Effekt av erbjudandet (ITT)", "en": "Effect of the offer (ITT)"},
    "randomized.chart.cace": {"sv": "Effekt av att delta (CACE)", "en": "Effect of taking part (CACE)"},
    "randomized.chart.take_up": {"sv": "Ökning i deltagande", "en": "Increase in take-up"},
    "randomized.chart.difference_in": {"sv": "Skillnad i {outcome}", "en": "Difference in {outcome}"},
    "randomized.chart.ri_statistic": {
        "sv": "Skillnad vid omlottning (nollhypotes)",
        "en": "Difference when re-randomized (null)",
    },
    "randomized.chart.ri_count": {"sv": "Antal lottningar", "en": "Allocations"},
    "randomized.chart.people": {"sv": "Antal personer", "en": "People"},
    "randomized.chart.flow_title": {"sv": "Flödet genom studien", "en": "Flow through the study"},
    "randomized.chart.estimate_ci": {"sv": "Skattning med 95 % KI", "en": "Estimate with 95% CI"},
    "randomized.chart.effect_ci": {"sv": "Effekt med 95 % KI", "en": "Effect with 95% CI"},
    "randomized.chart.pooled": {"sv": "Sammanvägt", "en": "Pooled"},
    "randomized.chart.forest_title": {"sv": "Sammanvägning av försök", "en": "Pooling of trials"},
    "randomized.stage.entered": {"sv": "Kom in i studien", "en": "Entered"},
    "randomized.stage.not_randomized": {"sv": "Ej slumpade", "en": "Not randomized"},
    "randomized.stage.randomized": {"sv": "Slumpade", "en": "Randomized"},
    "randomized.stage.allocated": {"sv": "Lottade till gruppen", "en": "Allocated"},
    "randomized.stage.withdrawn": {"sv": "Avbröt", "en": "Withdrew"},
    "randomized.stage.analysed": {"sv": "Analyserade (utfall finns)", "en": "Analysed (outcome present)"},
}
