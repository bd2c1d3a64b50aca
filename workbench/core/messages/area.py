"""Messages of area comparisons over time (rung 4b): DiD, event study, synthetic control, ITS."""

MESSAGES = {
    # -- input ------------------------------------------------------------------------------
    "area.bad_period": {
        "sv": "Kolumnen '{column}' ska innehålla perioder som '2023-01', 'jan 2023', 'Q1 2023' eller årtal, "
        "men har värdet '{value}'. Skriv perioderna på ett av de sätten.",
        "en": "Column '{column}' must hold periods such as '2023-01', 'jan 2023', 'Q1 2023' or years, "
        "but has the value '{value}'. Write the periods in one of those ways.",
    },
    "area.no_period_columns": {
        "sv": "Hittar inga kolumner som ser ut som månader (t.ex. '2023-01' eller 'jan 2023') bland: "
        "{columns}. Ange en lång tabell med en periodkolumn i stället.",
        "en": "No columns look like months (e.g. '2023-01' or 'jan 2023') among: {columns}. "
        "Give a long table with a period column instead.",
    },
    "area.duplicate_unit_time": {
        "sv": "Området '{unit}' har flera rader för perioden {time}. Varje område ska ha högst en rad per "
        "period: summera eller ta bort dubbletterna.",
        "en": "Area '{unit}' has several rows for period {time}. Each area must have at most one row per "
        "period: sum or remove the duplicates.",
    },
    "area.too_few_periods": {
        "sv": "Tabellen har bara {n} period(er). En jämförelse över tid behöver minst två, och helst många "
        "före starten.",
        "en": "The table has only {n} period(s). A comparison over time needs at least two, and preferably "
        "many before the start.",
    },
    "area.too_few_units": {
        "sv": "Tabellen har bara {n} område. En områdesjämförelse behöver minst ett jämförelseområde.",
        "en": "The table has only {n} area. An area comparison needs at least one comparison area.",
    },
    "area.no_treatment": {
        "sv": "Ange vilka områden som fick insatsen: kolumnen treated= (0/1) eller treated_units= med start=.",
        "en": "Say which areas got the intervention: the column treated= (0/1) or treated_units= with start=.",
    },
    "area.no_treated": {
        "sv": "Inget område har insatsen enligt '{column}'. Minst ett område måste ha fått insatsen.",
        "en": "No area has the intervention according to '{column}'. At least one area must have got it.",
    },
    "area.no_controls": {
        "sv": "Alla områden fick insatsen; det finns inget jämförelseområde som aldrig fick den.",
        "en": "Every area got the intervention; there is no comparison area that never got it.",
    },
    "area.start_needed": {
        "sv": "Kolumnen '{column}' är densamma för alla perioder i ett område. Ange då när insatsen "
        "startade med start= (t.ex. start='2023-09').",
        "en": "Column '{column}' is the same in every period of an area. Then give the start of the "
        "intervention with start= (e.g. start='2023-09').",
    },
    "area.start_with_timevarying": {
        "sv": "Kolumnen '{column}' slås redan på vid starten i varje område; ange inte start= samtidigt.",
        "en": "Column '{column}' already switches on at the start in each area; do not also give start=.",
    },
    "area.bad_start": {
        "sv": "Starten '{value}' finns inte bland perioderna i '{column}' (eller ligger i första perioden). "
        "Ange en period med minst en period före.",
        "en": "The start '{value}' is not among the periods in '{column}' (or is the first period). "
        "Give a period with at least one period before it.",
    },
    "area.unknown_unit": {
        "sv": "Området '{unit}' finns inte i kolumnen '{column}'.",
        "en": "Area '{unit}' is not in column '{column}'.",
    },
    "area.always_treated": {
        "sv": "Området '{unit}' har insatsen i alla perioder; det finns ingen förperiod att jämföra med. "
        "Ta bort området eller lägg till perioder före starten.",
        "en": "Area '{unit}' has the intervention in every period; there is no pre-period to compare with. "
        "Remove the area or add periods before the start.",
    },
    "area.treatment_switches_off": {
        "sv": "I kolumnen '{column}' slås insatsen av igen i området '{unit}'. Metoderna här förutsätter att "
        "insatsen pågår från start och framåt.",
        "en": "In column '{column}' the intervention switches off again in area '{unit}'. The methods here "
        "assume the intervention stays on from its start.",
    },
    "area.its_one_unit": {
        "sv": "Avbruten tidsserie gäller ett område i taget. Ange unit= och treated_unit= för att välja "
        "området, eller ge en tabell med ett område.",
        "en": "An interrupted time series is for one area at a time. Give unit= and treated_unit= to pick "
        "the area, or a table with one area.",
    },
    "area.too_few_donors": {
        "sv": "Syntetisk kontroll behöver minst två jämförelseområden med fullständiga serier; fick {n}.",
        "en": "A synthetic control needs at least two comparison areas with complete series; got {n}.",
    },
    "area.synth_unbalanced": {
        "sv": "Syntetisk kontroll behöver varje område i varje period; området '{unit}' saknar {n} perioder.",
        "en": "A synthetic control needs every area in every period; area '{unit}' lacks {n} periods.",
    },
    "area.value_empty": {"sv": "(tom)", "en": "(empty)"},
    "area.allowed.nonnegative": {"sv": "{n} icke-negativa tal", "en": "{n} non-negative numbers"},
    "area.too_few_pre": {
        "sv": "Bara {n} period(er) före starten; minst {minimum} behövs för den här analysen.",
        "en": "Only {n} period(s) before the start; at least {minimum} are needed for this analysis.",
    },
    # -- warnings ---------------------------------------------------------------------------
    "area.warn.few_treated": {
        "sv": "Bara {n} område(n) fick insatsen. Klusterrobusta standardfel är då opålitliga (för små). "
        "Läs hellre p-värdena från vild klusterbootstrap ({p_wild}) och permutation över "
        "jämförelseområdena ({p_perm}).",
        "en": "Only {n} area(s) got the intervention. Cluster-robust standard errors are then unreliable "
        "(too small). Prefer the p-values from the wild cluster bootstrap ({p_wild}) and from permutation "
        "over the comparison areas ({p_perm}).",
    },
    "area.warn.few_clusters": {
        "sv": "Bara {n} områden totalt; klusterrobusta standardfel behöver helst minst 30–50 kluster.",
        "en": "Only {n} areas in all; cluster-robust standard errors prefer at least 30–50 clusters.",
    },
    "area.breakdown_m": {
        "sv": "Känslighet för avvikande trender (relativa storlekar, Rambachan–Roth): resultatet håller om "
        "avvikelsen efter start är högst {m} gånger den största före start (som var {max_pre} på en period).",
        "en": "Sensitivity to diverging trends (relative magnitudes, Rambachan–Roth): the result holds if "
        "the deviation after the start is at most {m} times the largest before the start (which was "
        "{max_pre} in one period).",
    },
    "area.breakdown_none": {
        "sv": "Känslighet för avvikande trender: redan utan någon avvikelse från parallella trender "
        "innehåller intervallet för första perioden efter start noll, så resultatet håller inte ens då.",
        "en": "Sensitivity to diverging trends: even with no deviation from parallel trends the interval "
        "for the first period after the start contains zero, so the result does not hold even then.",
    },
    "area.breakdown_flat_pre": {
        "sv": "Känslighet för avvikande trender: före start fanns ingen avvikelse alls att jämföra med, "
        "så gränsen kan inte uttryckas som en multipel av den.",
        "en": "Sensitivity to diverging trends: there was no deviation at all before the start to compare "
        "with, so the bound cannot be stated as a multiple of it.",
    },
    "area.breakdown_no_pre": {
        "sv": "Känslighetsanalysen behöver skattningar både före start och i första perioden efter start, "
        "men händelsestudien saknar någon av dem. Välj fler perioder med leads= och lags=.",
        "en": "The sensitivity analysis needs estimates both before the start and in the first period "
        "after it, but the event study lacks one of them. Choose more periods with leads= and lags=.",
    },
    "area.bacon_unbalanced": {
        "sv": "Goodman-Bacon-uppdelningen kräver en balanserad panel, men {missing} område–period-rader "
        "saknas. Använd bara områden och perioder där alla värden finns, eller method='callaway_santanna'.",
        "en": "The Goodman-Bacon decomposition needs a balanced panel, but {missing} area–period rows are "
        "missing. Use only areas and periods where every value is present, or method='callaway_santanna'.",
    },
    "area.warn.bacon_forbidden": {
        "sv": "{share} av TWFE-skattningens vikt kommer från jämförelser där redan behandlade områden "
        "används som jämförelse (Goodman-Bacon-uppdelningen, result.bacon()). Om effekten ändras över "
        "tid blir skattningen då snedvriden; använd method='callaway_santanna'.",
        "en": "{share} of the TWFE estimate's weight comes from comparisons that use already-treated areas "
        "as controls (the Goodman-Bacon decomposition, result.bacon()). If the effect changes over "
        "time the estimate is then biased; use method='callaway_santanna'.",
    },
    "area.warn.staggered": {
        "sv": "Områdena startade vid olika tidpunkter ({n} startdatum). Vanlig TWFE-DiD kan då bli "
        "missvisande när effekten ändras över tid; använd method='callaway_santanna'.",
        "en": "The areas started at different times ({n} start dates). Plain TWFE DiD can then mislead when "
        "the effect changes over time; use method='callaway_santanna'.",
    },
    "area.warn.unbalanced": {
        "sv": "Panelen är obalanserad: {missing} område-perioder saknas.",
        "en": "The panel is unbalanced: {missing} area-periods are missing.",
    },
    "area.warn.perm_floor": {
        "sv": "Med {n} jämförelseområden kan permutationens p-värde inte bli lägre än {p_min}.",
        "en": "With {n} comparison areas the permutation p-value cannot go below {p_min}.",
    },
    "area.warn.synth_dropped": {
        "sv": "Jämförelseområden med luckor i serien tas bort ur den syntetiska kontrollen: {units}.",
        "en": "Comparison areas with gaps in their series are left out of the synthetic control: {units}.",
    },
    "area.warn.single_treated": {
        "sv": "Med ett enda område med insatsen blir vild klusterbootstrap mycket försiktig (p-värdet "
        "blir för stort); permutation över jämförelseområdena är då det bästa måttet.",
        "en": "With a single area with the intervention the wild cluster bootstrap becomes very "
        "conservative (the p-value is too large); permutation over the comparison areas is then the "
        "best measure.",
    },
    "area.warn.its_weaker": {
        "sv": "Avbruten tidsserie utan jämförelseområde är svagare bevis än en områdesjämförelse: allt annat "
        "som ändrades vid samma tid syns som 'effekt'. Räknas som steg 3, inte 4.",
        "en": "An interrupted time series without a comparison area is weaker evidence than an area "
        "comparison: anything else that changed at the same time shows up as 'effect'. Counts as rung 3, "
        "not 4.",
    },
    # -- credibility problems ---------------------------------------------------------------
    "area.problem.pretrend": {
        "sv": "Trenderna före starten skiljer sig (test av förperiodens koefficienter: {p})",
        "en": "The trends before the start differ (test of the pre-period coefficients: {p})",
    },
    "area.problem.few_pre": {
        "sv": "För få perioder före starten ({n}; minst {minimum} behövs för att pröva parallella trender)",
        "en": "Too few periods before the start ({n}; at least {minimum} are needed to test parallel trends)",
    },
    "area.problem.no_pretest": {
        "sv": "Förperioden har inte prövats (kör event_study())",
        "en": "The pre-period has not been tested (run event_study())",
    },
    "area.problem.pre_fit": {
        "sv": "Den syntetiska kontrollen följer inte området före starten (RMSPE {rmspe} = {share} % av "
        "nivån; högst {limit} % krävs)",
        "en": "The synthetic control does not track the area before the start (RMSPE {rmspe} = {share}% of "
        "the level; at most {limit}% is required)",
    },
    "area.problem.its_short": {
        "sv": "För kort tidsserie: {n_pre} perioder före och {n_post} efter (minst {min_pre} och {min_post})",
        "en": "Series too short: {n_pre} periods before and {n_post} after (at least {min_pre} and {min_post})",
    },
    # -- charts (axis and legend titles, series names) ------------------------------------------
    "area.chart.period": {"sv": "Period", "en": "Period"},
    "area.chart.outcome": {"sv": "Utfall", "en": "Outcome"},
    "area.chart.group": {"sv": "Grupp", "en": "Group"},
    "area.chart.treated": {"sv": "Områden med insatsen", "en": "Areas with the intervention"},
    "area.chart.control": {"sv": "Jämförelseområden", "en": "Comparison areas"},
    "area.chart.rel": {"sv": "Perioder i förhållande till start", "en": "Periods relative to start"},
    "area.chart.coef": {"sv": "Skillnad mot perioden före start", "en": "Difference from the period before start"},
    "area.chart.synthetic": {"sv": "Syntetisk kontroll", "en": "Synthetic control"},
    "area.chart.actual": {"sv": "Området med insatsen", "en": "Area with the intervention"},
    "area.chart.gap": {"sv": "Gap (område − syntetisk)", "en": "Gap (area − synthetic)"},
    "area.chart.placebo": {"sv": "Placeboområden", "en": "Placebo areas"},
    "area.chart.observed": {"sv": "Observerat", "en": "Observed"},
    "area.chart.fitted": {"sv": "Skattad linje", "en": "Fitted line"},
    "area.chart.counterfactual": {"sv": "Fortsatt trend utan insats", "en": "Trend continued without intervention"},
    # -- explanations (explain()) ---------------------------------------------------------------
    "area.explain.credible": {
        "sv": "Förperioden håller måttet, så resultatet kan räknas som steg 4 på utvärderingstrappan.",
        "en": "The pre-period passes, so the result can count as rung 4 on the evaluation ladder.",
    },
    "area.explain.not_credible": {
        "sv": "Resultatet räcker ännu inte för steg 4: {problems}.",
        "en": "The result is not yet enough for rung 4: {problems}.",
    },
    "area.explain.p_wild": {
        "sv": "vild klusterbootstrap ({p})",
        "en": "the wild cluster bootstrap ({p})",
    },
    "area.explain.p_permutation": {
        "sv": "permutation över jämförelseområdena ({p})",
        "en": "permutation over the comparison areas ({p})",
    },
    "area.explain.both": {"sv": "{first} och {second}", "en": "{first} and {second}"},
    "area.explain.did.what_twfe": {
        "sv": "jämförelse av förändringen över tid (skillnad-i-skillnader)",
        "en": "comparison of change over time (difference-in-differences)",
    },
    "area.explain.did.what_cs": {
        "sv": "jämförelse av förändringen över tid per startkohort (Callaway–Sant'Anna)",
        "en": "comparison of change over time by start cohort (Callaway–Sant'Anna)",
    },
    "area.explain.did.headline": {
        "sv": "Med en {what} mellan {n_treated} område(n) med insatsen och {n_controls} jämförelseområden "
        "över {n_periods} perioder skattas effekten till {est}, {p}.",
        "en": "A {what} between {n_treated} area(s) with the intervention and {n_controls} comparison areas "
        "over {n_periods} periods estimates the effect at {est}, {p}.",
    },
    "area.explain.did.meaning": {
        "sv": "Talet säger hur mycket mer (eller mindre) utfallet ändrades i områdena med insatsen än i "
        "jämförelseområdena efter starten.",
        "en": "The number says how much more (or less) the outcome changed in the areas with the "
        "intervention than in the comparison areas after the start.",
    },
    "area.explain.did.extra_p": {
        "sv": "Eftersom få områden fick insatsen är p-värdena från {extra} säkrare än det vanliga p-värdet "
        "och konfidensintervallet.",
        "en": "Because few areas got the intervention, the p-values from {extra} are safer than the usual "
        "p-value and confidence interval.",
    },
    "area.explain.did.limits": {
        "sv": "En områdesjämförelse kan visa en effekt bara under antagandet om parallella trender: utan "
        "insatsen hade områdena utvecklats likadant. Den kan inte utesluta att något annat hände just i "
        "insatsområdet vid samma tid, och den säger inget om enskilda personer.",
        "en": "An area comparison shows an effect only under the parallel-trends assumption: without the "
        "intervention the areas would have developed alike. It cannot rule out that something else "
        "happened in the intervention area at the same time, and it says nothing about individuals.",
    },
    "area.explain.event": {
        "sv": "Händelsestudien visar skillnaden mellan områden med och utan insatsen period för period, "
        "{leads} perioder före och {lags} efter starten, jämfört med perioden närmast före start. Före "
        "starten borde skillnaderna ligga kring noll; ett gemensamt test av dem ger {p}. Ett test som inte "
        "förkastar bevisar inte parallella trender – med få områden eller korta förperioder har testet låg "
        "styrka – men ett som förkastar är en tydlig varningssignal.",
        "en": "The event study shows the difference between areas with and without the intervention period "
        "by period, {leads} periods before and {lags} after the start, relative to the period just before "
        "the start. Before the start the differences should be near zero; a joint test of them gives {p}. "
        "A test that does not reject does not prove parallel trends – with few areas or short pre-periods "
        "it has little power – but one that rejects is a clear warning.",
    },
    "area.explain.synth.weight": {"sv": "{unit} {share} %", "en": "{unit} {share}%"},
    "area.explain.synth.body": {
        "sv": "Den syntetiska kontrollen är ett vägt medel av jämförelseområden ({names}) som följer {unit} "
        "före starten (förperiodens RMSPE {rmspe}). Efter starten är skillnaden i genomsnitt {gap} per "
        "period. Jämfört med samma analys på varje jämförelseområde (placebo) ger förhållandet mellan "
        "efter- och förperiodens avvikelse {p}. Metoden visar en effekt bara om den syntetiska kontrollen "
        "följer området väl före starten och inget annat särskilt hände i området vid samma tid.",
        "en": "The synthetic control is a weighted mean of comparison areas ({names}) that tracks {unit} "
        "before the start (pre-period RMSPE {rmspe}). After the start the gap averages {gap} per period. "
        "Against the same analysis run on every comparison area (placebo), the ratio of post- to "
        "pre-period deviation gives {p}. The method shows an effect only if the synthetic control tracks "
        "the area well before the start and nothing else particular happened in the area at the same time.",
    },
    "area.explain.synth.credible": {
        "sv": "Förperioden passar väl, så resultatet kan räknas som steg 4.",
        "en": "The pre-period fits well, so the result can count as rung 4.",
    },
    "area.explain.its.body": {
        "sv": "En avbruten tidsserie för ett område: vid starten ändrades nivån med {level} ({p}) och "
        "lutningen med {slope} per period, jämfört med trenden före ({n_pre} perioder före, {n_post} efter; "
        "standardfel robusta mot autokorrelation, Newey–West med {lags} laggar). Det här är svagare bevis "
        "än en områdesjämförelse: utan jämförelseområde syns allt annat som ändrades vid samma tid "
        "(regler, konjunktur, registrering) som 'effekt'. Analysen räknas därför som steg 3 "
        "(resultatuppföljning), inte steg 4.",
        "en": "An interrupted time series for one area: at the start the level changed by {level} ({p}) and "
        "the slope by {slope} per period, against the trend before ({n_pre} periods before, {n_post} after; "
        "autocorrelation-robust Newey–West standard errors with {lags} lags). This is weaker evidence than "
        "an area comparison: without a comparison area, anything else that changed at the same time "
        "(rules, economy, recording) shows up as 'effect'. The analysis therefore counts as rung 3 "
        "(outcome follow-up), not rung 4.",
    },
    "area.explain.its.also": {"sv": "Dessutom: {problems}.", "en": "Also: {problems}."},
    "area.chart.event_title": {"sv": "Händelsestudie: {method}", "en": "Event study: {method}"},
    "area.method.twfe": {"sv": "tvåvägs fixa effekter (TWFE)", "en": "two-way fixed effects (TWFE)"},
    "area.method.callaway_santanna": {"sv": "Callaway–Sant'Anna", "en": "Callaway–Sant'Anna"},
    "area.note.cs_base": {
        "sv": "Callaway–Sant'Anna med basperiod '{base}' och {anticipation} period(er) förhandseffekt.",
        "en": "Callaway–Sant'Anna with base period '{base}' and {anticipation} anticipation period(s).",
    },
    "area.note.cs_unbalanced": {
        "sv": "Panelen är obalanserad: varje jämförelse använder alla observerade område-perioder som "
        "upprepade tvärsnitt (som allow_unbalanced_panel=TRUE i R-paketet did), med standardfel "
        "klustrade per område. Det är mindre precist än en balanserad panel.",
        "en": "The panel is unbalanced: each comparison uses every observed area-period as repeated "
        "cross sections (as allow_unbalanced_panel=TRUE in the R package did), with SEs clustered "
        "by area. That is less precise than a balanced panel.",
    },
    "area.warn.headline_placebo": {
        "sv": "Med bara {n} område(n) med insatsen går det analytiska standardfelet ({se}) inte att lita "
        "på: det bygger på spridningen mellan de behandlade områdena, och den finns knappt. Intervallet "
        "som visas ({low} till {high}) kommer i stället från {n_sets} placebouppsättningar, där "
        "insatsen flyttats till jämförelseområden (placebo i rummet).",
        "en": "With only {n} area(s) with the intervention the analytic standard error ({se}) cannot be "
        "trusted: it rests on the spread among the treated areas, and there hardly is one. The interval "
        "shown ({low} to {high}) comes instead from {n_sets} placebo sets, with the intervention moved "
        "to comparison areas (placebo in space).",
    },
}
