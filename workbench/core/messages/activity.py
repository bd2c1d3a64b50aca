"""Messages of rung 2, activity follow-up (``wb.activity_followup``)."""

MESSAGES = {
    # errors
    "activity.no_stages": {
        "sv": "Ange stegen i flödet, t.ex. stages={{'target_group': None, 'offered': 'erbjuden', "
        "'started': 'startade', 'completed': 'fullfoljde'}}: första steget är målgruppen, de följande "
        "är 0/1-kolumner.",
        "en": "Give the stages of the flow, e.g. stages={{'target_group': None, 'offered': 'offered', "
        "'started': 'started', 'completed': 'completed'}}: the first stage is the target group, the "
        "following are 0/1 columns.",
    },
    "activity.stage_value": {
        "sv": "Steget '{stage}' ska anges med ett kolumnnamn (0/1 per person), men fick {value!r}. Bara "
        "målgruppen (första steget) får vara None (alla rader) eller ett antal.",
        "en": "Stage '{stage}' must be given as a column name (0/1 per person), but got {value!r}. Only "
        "the target group (first stage) may be None (every row) or a count.",
    },
    "activity.target_count": {
        "sv": "Målgruppens storlek ({count}) är mindre än antalet i steget '{stage}' ({n}). Kontrollera "
        "siffran för målgruppen.",
        "en": "The target group size ({count}) is smaller than the number in stage '{stage}' ({n}). "
        "Check the target group figure.",
    },
    "activity.unknown_stage": {
        "sv": "Steget '{stage}' finns inte i flödet. Stegen heter: {available}.",
        "en": "Stage '{stage}' is not in the flow. The stages are: {available}.",
    },
    "activity.fidelity_columns": {
        "sv": "Tabellen för programtrohet ska ha kolumnerna {expected}, men har {available}. Ange "
        "fidelity_columns=(aktivitet, planerat, genomfört).",
        "en": "The fidelity table must have the columns {expected}, but has {available}. Give "
        "fidelity_columns=(activity, planned, delivered).",
    },
    "activity.negative_dose": {
        "sv": "Kolumnen '{column}' har negativa värden (rad {row}). Dos är antal träffar eller kontakter.",
        "en": "Column '{column}' has negative values (row {row}). Dose is a number of sessions or contacts.",
    },
    # stage labels for the usual English keys
    "activity.stage.target_group": {"sv": "Målgrupp", "en": "Target group"},
    "activity.stage.assessed": {"sv": "Bedömda", "en": "Assessed"},
    "activity.stage.eligible": {"sv": "Bedömda behöriga", "en": "Assessed eligible"},
    "activity.stage.offered": {"sv": "Erbjudna", "en": "Offered"},
    "activity.stage.started": {"sv": "Startade", "en": "Started"},
    "activity.stage.completed": {"sv": "Fullföljde", "en": "Completed"},
    "activity.word.all": {"sv": "alla", "en": "all"},
    "activity.word.total": {"sv": "totalt", "en": "total"},
    "activity.word.not_recorded": {"sv": "uppgift saknas", "en": "not recorded"},
    "activity.word.started": {"sv": "startade", "en": "started"},
    "activity.word.completed": {"sv": "fullföljde", "en": "completed"},
    "activity.word.dropout": {"sv": "avbröt", "en": "dropped out"},
    "activity.word.lost": {"sv": "föll bort", "en": "lost"},
    # warnings
    "activity.warn.inconsistent": {
        "sv": "{n} personer har '{stage}' = 1 men inte '{previous}' = 1. Flödet räknar dem ändå; rätta "
        "registreringen om det är fel.",
        "en": "{n} persons have '{stage}' = 1 but not '{previous}' = 1. The flow counts them anyway; "
        "correct the records if this is wrong.",
    },
    "activity.warn.missing_stage": {
        "sv": "Kolumnen '{column}' saknar värde på {n} rader; de räknas som 0 (nej).",
        "en": "Column '{column}' has no value on {n} rows; they count as 0 (no).",
    },
    "activity.warn.only_participants": {
        "sv": "Alla i tabellen nådde steget '{stage}'. Tabellen verkar bara innehålla deltagare, så "
        "räckvidden i målgruppen går inte att bedöma. Ange hela målgruppen, eller dess storlek som ett tal.",
        "en": "Everyone in the table reached stage '{stage}'. The table seems to hold participants only, "
        "so reach in the target group cannot be judged. Give the whole target group, or its size as a number.",
    },
    "activity.warn.suppressed": {
        "sv": "{n} celler i räckvidden per undergrupp är dolda eftersom de bygger på färre än {min_cell} "
        "personer (eller skulle avslöja en sådan cell).",
        "en": "{n} cells of reach by subgroup are hidden because they rest on fewer than {min_cell} persons "
        "(or would reveal such a cell).",
    },
    "activity.warn.high_dropout": {
        "sv": "{share} % av dem som startade avbröt ({n} av {total}). Jämför dem som avbröt med dem som "
        "fullföljde innan resultat tolkas.",
        "en": "{share}% of those who started dropped out ({n} of {total}). Compare drop-outs with "
        "completers before reading any outcome.",
    },
    "activity.warn.dropout_differs": {
        "sv": "De som avbröt skiljer sig från dem som fullföljde i '{variable}' (SMD {smd}).",
        "en": "Drop-outs differ from completers in '{variable}' (SMD {smd}).",
    },
    "activity.warn.target_count": {
        "sv": "Målgruppens storlek är angiven som ett tal ({count}); räckvidd per undergrupp kan då bara "
        "visa antal nådda, inte andelar.",
        "en": "The target group size is given as a number ({count}); reach by subgroup can then show only "
        "counts reached, not shares.",
    },
    # credibility
    "activity.cred.no_completed": {
        "sv": "flödet behöver minst tre steg: målgrupp, startade och fullföljde",
        "en": "the flow needs at least three stages: target group, started and completed",
    },
    "activity.cred.none_started": {
        "sv": "ingen i målgruppen har startat insatsen",
        "en": "nobody in the target group has started the intervention",
    },
    "activity.cred.empty_target": {
        "sv": "målgruppen är tom",
        "en": "the target group is empty",
    },
    # explain
    "activity.explain.flow": {
        "sv": "Aktivitetsuppföljning (steg 2). Målgruppen omfattar {n_target} personer. {stages}",
        "en": "Activity follow-up (rung 2). The target group holds {n_target} persons. {stages}",
    },
    "activity.explain.stage": {
        "sv": "{label}: {n} ({share} % av målgruppen)",
        "en": "{label}: {n} ({share}% of the target group)",
    },
    "activity.explain.dropout": {
        "sv": "Av {started} som startade fullföljde {completed} och {dropout} avbröt ({share} %).",
        "en": "Of {started} who started, {completed} completed and {dropout} dropped out ({share}%).",
    },
    "activity.explain.reason": {
        "sv": "Vanligaste skälet till avbrott: {reason} ({n}).",
        "en": "Most common reason for dropping out: {reason} ({n}).",
    },
    "activity.explain.dose": {
        "sv": "De som startade fick i genomsnitt {mean} träffar/kontakter (median {median}).",
        "en": "Those who started received on average {mean} sessions/contacts (median {median}).",
    },
    "activity.explain.dose_planned": {
        "sv": "Planerat var {planned}; {share} % fick hela den planerade dosen.",
        "en": "{planned} were planned; {share}% received the full planned dose.",
    },
    "activity.explain.fidelity": {
        "sv": "Av de planerade aktiviteterna genomfördes {share} % ({delivered} av {planned}).",
        "en": "Of the planned activities, {share}% were delivered ({delivered} of {planned}).",
    },
    "activity.explain.changes": {
        "sv": "Metodändringar loggade under projektet: {n}.",
        "en": "Method changes logged during the project: {n}.",
    },
    "activity.explain.cannot": {
        "sv": "Steg 2 visar vad som levererats och till vem – inte om insatsen hjälpte. För att se om "
        "något förändrades behövs mätningar före och efter (steg 3), och för att tala om effekt en "
        "jämförelsegrupp (steg 4 eller 5).",
        "en": "Rung 2 shows what was delivered and to whom – not whether the intervention helped. Seeing "
        "whether anything changed needs before and after measurements (rung 3), and claiming an effect "
        "needs a comparison group (rung 4 or 5).",
    },
    # summary labels
    "activity.measure.reach": {"sv": "Räckvidd i målgruppen", "en": "Reach in the target group"},
    "activity.measure.completion": {"sv": "Fullföljde av dem som startade", "en": "Completed of those who started"},
    "activity.measure.dropout": {"sv": "Avbrott av dem som startade", "en": "Drop-out of those who started"},
    "activity.measure.dose_mean": {"sv": "Genomsnittlig dos", "en": "Mean dose"},
    "activity.measure.dose_share_planned": {"sv": "Levererad dos av planerad", "en": "Delivered dose of planned"},
    "activity.measure.fidelity": {"sv": "Genomförda av planerade aktiviteter",
                                  "en": "Delivered of planned activities"},
    # charts
    "activity.chart.flow": {"sv": "Flöde från målgrupp till fullföljd insats",
                            "en": "Flow from target group to completed intervention"},
    "activity.chart.dose": {"sv": "Dos bland dem som startade", "en": "Dose among those who started"},
    "activity.chart.dose_axis": {"sv": "Antal träffar/kontakter", "en": "Number of sessions/contacts"},
    "activity.chart.persons": {"sv": "Antal personer", "en": "Number of persons"},
    "activity.chart.planned": {"sv": "planerat", "en": "planned"},
    "activity.chart.box": {"sv": "{label}\nn = {n} ({share} %)", "en": "{label}\nn = {n} ({share}%)"},
}
