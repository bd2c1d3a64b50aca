"""Texts of the staff pages "Registrera mätning" and "Uppföljning" (keys ``measure.ui.``)."""

MESSAGES = {
    "measure.ui.tab": {"sv": "Registrera mätning", "en": "Record a measurement"},
    "measure.ui.heading": {"sv": "Registrera mätning", "en": "Record a measurement"},
    "measure.ui.intro": {
        "sv": "Skriv in ett uppmätt värde för en deltagare vid ett mättillfälle. Deltagaren anges med "
              "ärendenummer eller personnummer; ett personnummer sparas bara som projektets pseudonym.",
        "en": "Enter one measured value for a participant at an occasion. Give the participant by case id or "
              "personnummer; a personnummer is stored only as the project's pseudonym.",
    },
    "measure.ui.participant": {"sv": "Deltagare (ärendenr eller personnr)", "en": "Participant (case id or personnummer)"},
    "measure.ui.indicator": {"sv": "Indikator", "en": "Indicator"},
    "measure.ui.occasion": {"sv": "Mättillfälle", "en": "Occasion"},
    "measure.ui.value": {"sv": "Värde", "en": "Value"},
    "measure.ui.date": {"sv": "Mätdatum (tomt = idag)", "en": "Date measured (empty = today)"},
    "measure.ui.allowed": {"sv": "Tillåtna värden:", "en": "Allowed values:"},
    "measure.ui.save": {"sv": "Spara mätning", "en": "Save measurement"},
    "measure.ui.save_correction": {"sv": "Ja, spara som rättelse", "en": "Yes, save as a correction"},
    "measure.ui.cancel": {"sv": "Nej, avbryt", "en": "No, cancel"},
    "measure.ui.need_value": {"sv": "Skriv in ett värde.", "en": "Enter a value."},
    "measure.ui.no_indicators": {
        "sv": "Projektet har inga indikatorer ännu. Lägg till dem i steg 1 (Indikatorer).",
        "en": "The project has no indicators yet. Add them in step 1 (Indicators).",
    },
    "measure.ui.is_correction": {
        "sv": "{participant} har redan värdet {value} vid '{occasion}'. Är {new} en rättelse av det? "
              "Det gamla värdet finns kvar i loggen.",
        "en": "{participant} already has the value {value} at '{occasion}'. Is {new} a correction of it? "
              "The old value stays in the log.",
    },
    "measure.ui.stored": {
        "sv": "Sparat: {participant}, {indicator} = {value} vid '{occasion}' ({date}), händelse nr {seq}.",
        "en": "Stored: {participant}, {indicator} = {value} at '{occasion}' ({date}), event no. {seq}.",
    },
    "measure.ui.stored_correction": {
        "sv": "Rättelse sparad: {participant}, {indicator} = {value} vid '{occasion}' ({date}) ersätter {old}, "
              "händelse nr {seq}.",
        "en": "Correction stored: {participant}, {indicator} = {value} at '{occasion}' ({date}) replaces {old}, "
              "event no. {seq}.",
    },
    "measure.ui.f.tab": {"sv": "Uppföljning", "en": "Follow-up"},
    "measure.ui.f.heading": {"sv": "Vilka ska följas upp?", "en": "Who is due for follow-up?"},
    "measure.ui.f.intro": {
        "sv": "Listan visar vilka deltagare som ska mätas nu (fönstret är öppet) eller är försenade, per "
              "mättillfälle och stadsdel. Exportera listan som påminnelse till enheten.",
        "en": "The list shows which participants are due now (the window is open) or overdue, per occasion "
              "and district. Export it as a reminder for the unit.",
    },
    "measure.ui.f.indicator": {"sv": "Indikator", "en": "Indicator"},
    "measure.ui.f.all_indicators": {"sv": "Alla indikatorer", "en": "All indicators"},
    "measure.ui.f.refresh": {"sv": "Uppdatera", "en": "Refresh"},
    "measure.ui.f.export_csv": {"sv": "Exportera (CSV)", "en": "Export (CSV)"},
    "measure.ui.f.export_xlsx": {"sv": "Exportera (Excel)", "en": "Export (Excel)"},
    "measure.ui.f.due_heading": {"sv": "Aktuella och försenade mätningar", "en": "Due and overdue measurements"},
    "measure.ui.f.counts_heading": {"sv": "Per stadsdel och mättillfälle", "en": "By district and occasion"},
    "measure.ui.f.complete_heading": {"sv": "Andel mätta per mättillfälle", "en": "Share measured per occasion"},
    "measure.ui.f.nobody_due": {"sv": "Ingen är aktuell eller försenad just nu.", "en": "Nobody is due or overdue now."},
    "measure.ui.f.pick_indicator": {
        "sv": "Välj en indikator för att se andelen mätta.", "en": "Pick an indicator to see the share measured."},
    "measure.ui.f.yes": {"sv": "ja", "en": "yes"},
    "measure.ui.f.exported": {"sv": "Exporterat: {files}.", "en": "Exported: {files}."},
    "measure.ui.f.col.participant_id": {"sv": "Deltagare", "en": "Participant"},
    "measure.ui.f.col.district": {"sv": "Stadsdel", "en": "District"},
    "measure.ui.f.col.occasion": {"sv": "Mättillfälle", "en": "Occasion"},
    "measure.ui.f.col.window_start": {"sv": "Fönstret öppnar", "en": "Window opens"},
    "measure.ui.f.col.window_end": {"sv": "Fönstret stänger", "en": "Window closes"},
    "measure.ui.f.col.status": {"sv": "Läge", "en": "Status"},
    "measure.ui.f.col.dropout": {"sv": "Avbrutit insatsen", "en": "Left the intervention"},
    "measure.ui.f.col.arm": {"sv": "Grupp", "en": "Arm"},
    "measure.ui.f.col.randomized": {"sv": "Antal", "en": "Number"},
    "measure.ui.f.col.measured": {"sv": "Mätta", "en": "Measured"},
    "measure.ui.f.col.share": {"sv": "Andel mätta (%)", "en": "Share measured (%)"},
    "measure.ui.imp.heading": {"sv": "Importera mätningar till registret", "en": "Import measurements into the registry"},
    "measure.ui.imp.intro": {
        "sv": "Välj kolumnen med deltagarna, indikatorn och vilken kolumn som håller värdet vid varje "
              "mättillfälle (och gärna datumet). Värden som redan finns i registret läggs inte in igen.",
        "en": "Pick the participant column, the indicator and the column holding the value at each occasion "
              "(and its date if you have it). Values already in the registry are not added again.",
    },
    "measure.ui.imp.none": {"sv": "(ingen)", "en": "(none)"},
    "measure.ui.imp.participant": {"sv": "Kolumn med deltagare", "en": "Participant column"},
    "measure.ui.imp.indicator": {"sv": "Indikator", "en": "Indicator"},
    "measure.ui.imp.date": {"sv": "Datum", "en": "Date"},
    "measure.ui.imp.run": {"sv": "Importera mätningar", "en": "Import measurements"},
    "measure.ui.imp.confirm": {"sv": "Importera övriga rader", "en": "Import the other rows"},
    "measure.ui.imp.no_table": {"sv": "Ladda upp en fil först.", "en": "Upload a file first."},
    "measure.ui.imp.need_columns": {
        "sv": "Välj kolumnen med deltagare, en indikator och minst ett mättillfälle.",
        "en": "Pick the participant column, an indicator and at least one occasion.",
    },
    "measure.ui.imp.done": {
        "sv": "Importerat: {added} nya värden, {corrected} rättelser, {unchanged} fanns redan.",
        "en": "Imported: {added} new values, {corrected} corrections, {unchanged} were already there.",
    },
    "measure.ui.imp.failed": {
        "sv": "{n} rader gick inte att importera, så inget har sparats. Rätta filen och ladda upp den igen, "
              "eller importera övriga rader.",
        "en": "{n} rows could not be imported, so nothing was stored. Fix the file and upload it again, or "
              "import the other rows.",
    },
    "measure.ui.imp.col.row": {"sv": "Rad i filen", "en": "Row in the file"},
    "measure.ui.imp.col.column": {"sv": "Kolumn", "en": "Column"},
    "measure.ui.imp.col.message": {"sv": "Vad är fel", "en": "What is wrong"},
}
