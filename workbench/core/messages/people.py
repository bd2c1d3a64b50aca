"""Messages of the participant and activity registry and its app page (keys ``people.``)."""

MESSAGES = {
    # registry errors
    "people.text_missing": {
        "sv": "Fältet '{field}' måste fyllas i.",
        "en": "The field '{field}' must be filled in.",
    },
    "people.text_bad": {
        "sv": "Fältet '{field}' ska vara en kort text (högst {max} tecken, utan radbrytningar).",
        "en": "The field '{field}' must be a short text (at most {max} characters, no line breaks).",
    },
    "people.bad_date": {
        "sv": "Datumet i '{field}' går inte att läsa: '{value}'. Skriv det som ÅÅÅÅ-MM-DD, t.ex. 2025-03-14.",
        "en": "The date in '{field}' cannot be read: '{value}'. Write it as YYYY-MM-DD, e.g. 2025-03-14.",
    },
    "people.future_date": {
        "sv": "Datumet i '{field}' ({value}) ligger i framtiden. Registrera bara det som redan har hänt.",
        "en": "The date in '{field}' ({value}) is in the future. Record only what has already happened.",
    },
    "people.bad_minutes": {
        "sv": "Antal minuter ska vara ett heltal mellan 0 och {max}, men var '{value}'.",
        "en": "Minutes must be a whole number between 0 and {max}, but was '{value}'.",
    },
    "people.bad_done": {
        "sv": "Ange om steget är nått med True eller False, inte {value}.",
        "en": "Say whether the stage is reached with True or False, not {value}.",
    },
    "people.already_registered": {
        "sv": "Deltagaren {participant} är redan registrerad. Markera steg eller logga aktiviteter i "
        "stället; rättelser görs som nya händelser.",
        "en": "Participant {participant} is already registered. Mark stages or log activities "
        "instead; corrections are made as new events.",
    },
    "people.unknown_participant": {
        "sv": "Deltagaren {participant} finns inte i registret. Registrera deltagaren först.",
        "en": "Participant {participant} is not in the registry. Register the participant first.",
    },
    "people.unknown_activity": {
        "sv": "Aktivitet nummer {number} finns inte i aktivitetsloggen.",
        "en": "Activity number {number} is not in the activity log.",
    },
    # verify()
    "people.verify.row_inserted": {
        "sv": "Raden för händelse {seq} ({participant}) i tabellen {table} saknar händelse i loggen: "
        "den har lagts in i efterhand.",
        "en": "The row of event {seq} ({participant}) in table {table} has no event in the log: "
        "it was inserted afterwards.",
    },
    "people.verify.row_removed": {
        "sv": "Raden för händelse {seq} ({participant}) har tagits bort ur tabellen {table}.",
        "en": "The row of event {seq} ({participant}) was removed from table {table}.",
    },
    "people.verify.row_altered": {
        "sv": "Raden för händelse {seq} ({participant}) i tabellen {table} har ändrats ({fields}).",
        "en": "The row of event {seq} ({participant}) in table {table} was altered ({fields}).",
    },
    # the app page
    "people.ui.tab": {"sv": "Deltagare och aktiviteter", "en": "Participants and activities"},
    "people.ui.heading": {"sv": "Deltagare och aktiviteter", "en": "Participants and activities"},
    "people.ui.intro": {
        "sv": "Registrera deltagare och deras steg i insatsen, och logga varje aktivitet eller kontakt. "
        "Ett personnummer sparas bara som pseudonym. Inget skrivs över: en rättelse blir en ny händelse.",
        "en": "Register participants and their stages in the intervention, and log every activity or "
        "contact. A personnummer is stored only as a pseudonym. Nothing is overwritten: a correction "
        "is a new event.",
    },
    "people.ui.user": {"sv": "Ditt namn", "en": "Your name"},
    "people.ui.participant_heading": {"sv": "Registrera deltagare och markera steg",
                                      "en": "Register a participant and mark stages"},
    "people.ui.participant": {"sv": "Deltagare (ärende-id eller personnummer)",
                              "en": "Participant (case id or personnummer)"},
    "people.ui.district": {"sv": "Stadsdel", "en": "District"},
    "people.ui.subgroup": {"sv": "Undergrupp (valfri)", "en": "Subgroup (optional)"},
    "people.ui.date": {"sv": "Datum (ÅÅÅÅ-MM-DD, tomt = i dag)", "en": "Date (YYYY-MM-DD, empty = today)"},
    "people.ui.stage.eligible": {"sv": "Bedömd behörig", "en": "Assessed eligible"},
    "people.ui.stage.offered": {"sv": "Erbjuden insatsen", "en": "Offered the intervention"},
    "people.ui.stage.started": {"sv": "Påbörjade", "en": "Started"},
    "people.ui.stage.completed": {"sv": "Fullföljde", "en": "Completed"},
    "people.ui.dropout": {"sv": "Avbröt insatsen", "en": "Dropped out"},
    "people.ui.dropout_reason": {"sv": "Orsak till avbrott", "en": "Reason for dropping out"},
    "people.ui.save_participant": {"sv": "Spara deltagare", "en": "Save participant"},
    "people.ui.activity_heading": {"sv": "Logga aktivitet eller kontakt", "en": "Log an activity or contact"},
    "people.ui.kind": {"sv": "Typ av aktivitet", "en": "Kind of activity"},
    "people.ui.kinds": {"sv": "Gruppträff|Hembesök|Telefonsamtal|Individuellt samtal|Annat",
                        "en": "Group session|Home visit|Phone call|Individual meeting|Other"},
    "people.ui.minutes": {"sv": "Minuter", "en": "Minutes"},
    "people.ui.delivered_by": {"sv": "Utförd av", "en": "Delivered by"},
    "people.ui.save_activity": {"sv": "Logga aktivitet", "en": "Log activity"},
    "people.ui.need_user": {"sv": "Skriv ditt namn först.", "en": "Write your name first."},
    "people.ui.need_reason": {"sv": "Skriv orsaken till avbrottet.", "en": "Write the reason for dropping out."},
    "people.ui.registered": {"sv": "Deltagaren {participant} är registrerad ({n} steg markerade).",
                             "en": "Participant {participant} is registered ({n} stages marked)."},
    "people.ui.updated": {"sv": "Deltagaren {participant} är uppdaterad ({n} nya händelser).",
                          "en": "Participant {participant} is updated ({n} new events)."},
    "people.ui.logged": {"sv": "Aktivitet nr {number} är loggad för {participant}.",
                         "en": "Activity no. {number} is logged for {participant}."},
    "people.ui.latest": {"sv": "Senaste händelserna (bara pseudonymer och ärende-id visas)",
                         "en": "Latest events (only pseudonyms and case ids are shown)"},
    "people.ui.none_yet": {"sv": "Inga deltagare eller aktiviteter registrerade ännu.",
                           "en": "No participants or activities registered yet."},
    "people.ui.col.seq": {"sv": "Nr", "en": "No."},
    "people.ui.col.time": {"sv": "Tid", "en": "Time"},
    "people.ui.col.what": {"sv": "Händelse", "en": "Event"},
    "people.ui.col.participant": {"sv": "Deltagare", "en": "Participant"},
    "people.ui.col.by": {"sv": "Av", "en": "By"},
    "people.ui.col.share": {"sv": "Andel av målgruppen (%)", "en": "Share of target group (%)"},
    "people.ui.kind.participant_registered": {"sv": "Registrerad", "en": "Registered"},
    "people.ui.kind.participant_stage": {"sv": "Steg markerat", "en": "Stage marked"},
    "people.ui.kind.participant_dropout": {"sv": "Avbrott", "en": "Drop-out"},
    "people.ui.kind.dropout_cancelled": {"sv": "Avbrott rättat", "en": "Drop-out corrected"},
    "people.ui.kind.participant_corrected": {"sv": "Rättelse", "en": "Correction"},
    "people.ui.kind.activity_logged": {"sv": "Aktivitet", "en": "Activity"},
    "people.ui.kind.activity_retracted": {"sv": "Aktivitet återkallad", "en": "Activity retracted"},
    "people.ui.followup": {"sv": "Gör aktivitetsuppföljning", "en": "Run the activity follow-up"},
    "people.ui.no_participants": {"sv": "Registrera minst en deltagare innan uppföljningen görs.",
                                  "en": "Register at least one participant before running the follow-up."},
    "people.ui.followup_done": {
        "sv": "Aktivitetsuppföljningen är gjord och sparad ({n} deltagare). Trappan på startsidan är "
        "uppdaterad.",
        "en": "The activity follow-up is done and saved ({n} participants). The ladder on the start page "
        "is updated.",
    },
    "people.ui.followup_not_credible": {
        "sv": "Uppföljningen räcker ännu inte för steg 2: {problems}",
        "en": "The follow-up is not yet enough for rung 2: {problems}",
    },
    "people.ui.flow": {"sv": "Flödet från målgrupp till fullföljd insats",
                       "en": "The flow from target group to completed intervention"},
}
