"""Messages of measurements in the registry, the follow-up lists and their pages (keys ``measure.``)."""

MESSAGES = {
    "measure.bad_indicator_name": {
        "sv": "Indikatorns namn ska vara en kort text (högst 200 tecken), men var {value}.",
        "en": "The indicator's name must be a short text (at most 200 characters), but was {value}.",
    },
    "measure.bad_kind": {
        "sv": "Okänd typ av indikator {value}. Välj en av {kinds}.",
        "en": "Unknown kind of indicator {value}. Choose one of {kinds}.",
    },
    "measure.bad_bound": {
        "sv": "'{field}' ska vara ett tal, men var {value}.",
        "en": "'{field}' must be a number, but was {value}.",
    },
    "measure.binary_range": {
        "sv": "Indikatorn '{indicator}' är ja/nej (0/1) och kan inte ha andra gränser än 0 och 1.",
        "en": "The indicator '{indicator}' is yes/no (0/1) and cannot have bounds other than 0 and 1.",
    },
    "measure.bad_range": {
        "sv": "För '{indicator}' är minimum ({minimum}) inte mindre än maximum ({maximum}). Byt plats på dem.",
        "en": "For '{indicator}' the minimum ({minimum}) is not below the maximum ({maximum}). Swap them.",
    },
    "measure.indicator_differs": {
        "sv": "Indikatorn '{indicator}' finns redan med andra inställningar (tillåtna värden {allowed}). "
              "Ge den nya definitionen ett eget namn; värden som redan är registrerade prövades mot den gamla.",
        "en": "The indicator '{indicator}' already exists with other settings (allowed values {allowed}). "
              "Give the new definition its own name; stored values were checked against the old one.",
    },
    "measure.bad_occasion_name": {
        "sv": "Mättillfällets namn {value} går inte att använda: skriv små bokstäver, siffror och _, t.ex. 'uppfoljning_6'.",
        "en": "The occasion name {value} cannot be used: write lower-case letters, digits and _, e.g. 'uppfoljning_6'.",
    },
    "measure.bad_timing": {
        "sv": "'{field}' ska vara ett heltal mellan 0 och {max}, men var {value}.",
        "en": "'{field}' must be a whole number between 0 and {max}, but was {value}.",
    },
    "measure.unknown_indicator": {
        "sv": "Indikatorn '{indicator}' finns inte i projektet. Indikatorer som finns: {available}. "
              "Lägg till den i steg 1 eller med reg.define_indicator.",
        "en": "The indicator '{indicator}' is not in the project. Indicators there are: {available}. "
              "Add it in step 1 or with reg.define_indicator.",
    },
    "measure.unknown_occasion": {
        "sv": "Mättillfället '{occasion}' finns inte. Välj ett av {available}.",
        "en": "The occasion '{occasion}' does not exist. Choose one of {available}.",
    },
    "measure.unknown_participant": {
        "sv": "Deltagaren {participant} är varken registrerad eller randomiserad i projektet. Kontrollera "
              "id:t eller registrera deltagaren först.",
        "en": "The participant {participant} is neither registered nor randomized in the project. Check "
              "the id or register the participant first.",
    },
    "measure.not_a_number": {
        "sv": "Värdet '{value}' för '{indicator}' är inte ett tal. Skriv t.ex. 42 eller 12,5.",
        "en": "The value '{value}' for '{indicator}' is not a number. Write e.g. 42 or 12.5.",
    },
    "measure.bad_binary": {
        "sv": "Värdet '{value}' för '{indicator}' går inte att läsa som ja/nej. Skriv 1 eller ja, 0 eller nej.",
        "en": "The value '{value}' for '{indicator}' cannot be read as yes/no. Write 1 or yes, 0 or no.",
    },
    "measure.out_of_range": {
        "sv": "Värdet '{value}' för '{indicator}' ligger utanför det tillåtna ({allowed}). Kontrollera värdet.",
        "en": "The value '{value}' for '{indicator}' is outside the allowed range ({allowed}). Check the value.",
    },
    "measure.before_start": {
        "sv": "Mätdatumet {value} för {participant} vid '{occasion}' ligger före deltagarens start "
              "({start}). Ett mått efter insatsen kan inte vara taget före starten; kontrollera datumet.",
        "en": "The measurement date {value} for {participant} at '{occasion}' is before the participant's "
              "start ({start}). A measure after the intervention cannot precede the start; check the date.",
    },
    "measure.already_recorded": {
        "sv": "{participant} har redan värdet {value} för '{indicator}' vid '{occasion}'. Är det nya värdet "
              "en rättelse? Spara det då som rättelse (det gamla finns kvar i loggen).",
        "en": "{participant} already has the value {value} for '{indicator}' at '{occasion}'. Is the new "
              "value a correction? Then save it as a correction (the old one stays in the log).",
    },
    "measure.nothing_to_correct": {
        "sv": "Det finns inget värde att rätta för {participant}, '{indicator}' vid '{occasion}'. Spara det som ett nytt värde.",
        "en": "There is no value to correct for {participant}, '{indicator}' at '{occasion}'. Save it as a new value.",
    },
    "measure.several_trials": {
        "sv": "Deltagaren {participant} finns i flera studier ({trials}) med olika grupper. Ange vilken studie "
              "med trial=.",
        "en": "The participant {participant} is in several trials ({trials}) with different arms. Say which "
              "trial with trial=.",
    },
    "measure.wide_needs_indicator": {
        "sv": "Det finns värden för flera indikatorer ({available}). Ange en indikator för den breda tabellen.",
        "en": "There are values for several indicators ({available}). Name one indicator for the wide table.",
    },
    "measure.import_column_missing": {
        "sv": "Kolumnerna {columns} saknas i filen. Kolumner som finns: {available}.",
        "en": "The columns {columns} are missing from the file. Columns there are: {available}.",
    },
    "measure.import_differs": {
        "sv": "{participant} har redan {old} vid '{occasion}', filen säger {value}. Importera med "
              "'rättelser' om filens värde ska gälla.",
        "en": "{participant} already has {old} at '{occasion}', the file says {value}. Import with "
              "'corrections' if the file's value should hold.",
    },
    "measure.import_duplicate": {
        "sv": "{participant} förekommer flera gånger i filen för '{occasion}'; bara första raden används.",
        "en": "{participant} occurs several times in the file for '{occasion}'; only the first row is used.",
    },
    "measure.verify.row_inserted": {
        "sv": "Raden för händelse {seq} i {table} ({item}) saknar händelse i loggen: den har lagts till vid sidan av.",
        "en": "The row of event {seq} in {table} ({item}) has no event in the log: it was added behind the log.",
    },
    "measure.verify.row_altered": {
        "sv": "Raden för händelse {seq} i {table} ({item}) stämmer inte med loggen: {fields} har ändrats.",
        "en": "The row of event {seq} in {table} ({item}) does not match the log: {fields} were changed.",
    },
    "measure.verify.row_removed": {
        "sv": "Raden för händelse {seq} i {table} ({item}) har tagits bort, men händelsen finns i loggen.",
        "en": "The row of event {seq} in {table} ({item}) was removed, but the event is in the log.",
    },
    "measure.no_trial": {
        "sv": "Ingen i registret är randomiserad, så effekten på '{indicator}' kan inte skattas per grupp. "
              "Använd wb.prepost för en före/efter-jämförelse.",
        "en": "Nobody in the registry is randomized, so the effect on '{indicator}' cannot be estimated by arm. "
              "Use wb.prepost for a before/after comparison.",
    },
}
