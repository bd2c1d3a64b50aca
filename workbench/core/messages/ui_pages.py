"""Texts of the staff app's upload and results pages (Voilà)."""

MESSAGES = {
    "ui.pages.tab.upload": {"sv": "Ladda upp data", "en": "Upload data"},
    "ui.pages.tab.results": {"sv": "Resultat", "en": "Results"},
    # -- upload page ---------------------------------------------------------------------------
    "ui.pages.upload.heading": {"sv": "Ladda upp ett kalkylark", "en": "Upload a spreadsheet"},
    "ui.pages.upload.intro": {
        "sv": "Välj en fil från verksamhetssystemet eller Excel (.csv, .txt eller .xlsx). Filen sparas i "
              "projektmappens datamapp – inget skickas någonstans. Personnummer ersätts automatiskt med "
              "pseudonymer innan filen sparas.",
        "en": "Choose a file exported from the case system or Excel (.csv, .txt or .xlsx). The file is saved in "
              "the project's data folder – nothing is sent anywhere. Personal identity numbers are replaced by "
              "pseudonyms before the file is saved.",
    },
    "ui.pages.upload.file_label": {
        "sv": "Fil att ladda upp (.csv, .txt, .xlsx; högst {mb} MB)",
        "en": "File to upload (.csv, .txt, .xlsx; at most {mb} MB)",
    },
    "ui.pages.upload.button": {"sv": "Välj fil", "en": "Choose file"},
    "ui.pages.upload.sheet": {"sv": "Blad i Excel-filen", "en": "Sheet in the Excel file"},
    "ui.pages.upload.sheet_none": {"sv": "(bara för Excel-filer)", "en": "(Excel files only)"},
    "ui.pages.upload.preview_heading": {"sv": "Förhandsvisning ({n} av {total} rader)", "en": "Preview ({n} of {total} rows)"},
    "ui.pages.upload.read_ok": {
        "sv": "Filen '{name}' lästes in: {rows} rader och {columns} kolumner.",
        "en": "The file '{name}' was read: {rows} rows and {columns} columns.",
    },
    "ui.pages.upload.format_csv": {
        "sv": "Textfil med avgränsaren {separator}, teckenkodning {encoding}.",
        "en": "Text file with the separator {separator}, encoding {encoding}.",
    },
    "ui.pages.upload.format_xlsx": {"sv": "Excel-fil, bladet '{sheet}'.", "en": "Excel file, the sheet '{sheet}'."},
    "ui.pages.upload.sep.;": {"sv": "semikolon (;)", "en": "semicolon (;)"},
    "ui.pages.upload.sep.,": {"sv": "komma (,)", "en": "comma (,)"},
    "ui.pages.upload.sep.tab": {"sv": "tabb", "en": "tab"},
    "ui.pages.upload.saved": {"sv": "Sparad i projektet som {path}.", "en": "Saved in the project as {path}."},
    "ui.pages.upload.renamed": {
        "sv": "En fil med samma namn fanns redan och skrivs inte över; den nya sparades som {path}.",
        "en": "A file with the same name already existed and is not overwritten; the new one was saved as {path}.",
    },
    "ui.pages.upload.same_file": {
        "sv": "Exakt samma fil finns redan i projektet som {path}; den sparades inte igen.",
        "en": "Exactly the same file is already in the project as {path}; it was not saved again.",
    },
    "ui.pages.upload.pseudonymized": {
        "sv": "Kolumnen/kolumnerna {columns} innehåller personnummer. De har ersatts med pseudonymer (projektets "
              "hemliga nyckel) innan filen sparades, och originalfilen med personnummer har inte sparats. "
              "Samma person får alltid samma pseudonym i projektet.",
        "en": "The column(s) {columns} hold personal identity numbers. They were replaced by pseudonyms (the "
              "project's secret key) before the file was saved, and the original file with the numbers was not "
              "saved. The same person always gets the same pseudonym in the project.",
    },
    "ui.pages.upload.pnr_elsewhere": {
        "sv": "Excel-filen innehåller personnummer. Därför sparas inte originalfilen; bara det valda bladet sparas, "
              "med personnummer ersatta av pseudonymer.",
        "en": "The Excel file holds personal identity numbers. The original file is therefore not saved; only the "
              "chosen sheet is saved, with the numbers replaced by pseudonyms.",
    },
    "ui.pages.upload.pnr_stray": {
        "sv": "Kolumnen '{column}' innehåller ett personnummer på rad {row}, men de flesta värden i kolumnen är "
              "något annat, så den kan inte pseudonymiseras som en id-kolumn. Ta bort personnumren ur den "
              "kolumnen (eller lägg dem i en egen kolumn) och ladda upp filen igen.",
        "en": "The column '{column}' holds a personal identity number in row {row}, but most of its values are "
              "something else, so it cannot be pseudonymized as an id column. Remove the numbers from that "
              "column (or put them in a column of their own) and upload the file again.",
    },
    "ui.pages.upload.read_failed": {
        "sv": "Filen '{name}' kunde inte läsas in och har inte sparats. Rätta filen och ladda upp den igen:",
        "en": "The file '{name}' could not be read and was not saved. Correct the file and upload it again:",
    },
    "ui.pages.upload.warnings": {"sv": "Att känna till om filen:", "en": "Worth knowing about the file:"},
    "ui.pages.upload.no_file": {"sv": "Ingen fil är vald ännu.", "en": "No file is chosen yet."},
    "ui.pages.upload.empty_file": {"sv": "Filen '{name}' är tom.", "en": "The file '{name}' is empty."},
    "ui.pages.type.number": {"sv": "tal", "en": "number"},
    "ui.pages.type.text": {"sv": "text", "en": "text"},
    "ui.pages.type.date": {"sv": "datum", "en": "date"},
    # -- column mapping ------------------------------------------------------------------------
    "ui.pages.mapping.heading": {"sv": "Vilken kolumn är vad?", "en": "Which column is what?"},
    "ui.pages.mapping.intro": {
        "sv": "Välj de kolumner som analyserna behöver. Lämna '(ingen)' för det som inte finns i filen.",
        "en": "Choose the columns the analyses need. Leave '(none)' for what is not in the file.",
    },
    "ui.pages.mapping.none": {"sv": "(ingen)", "en": "(none)"},
    "ui.pages.mapping.role.id": {"sv": "Id (person eller ärende)", "en": "Id (person or case)"},
    "ui.pages.mapping.role.group": {"sv": "Grupp (insats eller jämförelse)", "en": "Group (intervention or comparison)"},
    "ui.pages.mapping.role.outcome": {"sv": "Utfall", "en": "Outcome"},
    "ui.pages.mapping.role.before": {"sv": "Mätning före insatsen", "en": "Measurement before"},
    "ui.pages.mapping.role.after": {"sv": "Mätning efter insatsen", "en": "Measurement after"},
    "ui.pages.mapping.save": {"sv": "Spara kolumnval", "en": "Save column choices"},
    "ui.pages.mapping.saved": {
        "sv": "Kolumnvalen för '{name}' sparades i {path}: {choices}.",
        "en": "The column choices for '{name}' were saved in {path}: {choices}.",
    },
    "ui.pages.mapping.nothing": {
        "sv": "Välj minst en kolumn innan du sparar.",
        "en": "Choose at least one column before saving.",
    },
    "ui.pages.mapping.duplicate": {
        "sv": "Kolumnen '{column}' är vald både som {first} och som {second}. Välj olika kolumner.",
        "en": "The column '{column}' is chosen both as {first} and as {second}. Choose different columns.",
    },
    "ui.pages.mapping.no_data": {
        "sv": "Ladda upp en fil först; sedan kan du välja kolumner.",
        "en": "Upload a file first; then you can choose columns.",
    },
    "ui.pages.mapping.bad_file": {
        "sv": "Filen med kolumnval ({path}) kunde inte läsas och skrivs inte över. Rätta eller ta bort den.",
        "en": "The column-choice file ({path}) could not be read and is not overwritten. Fix or remove it.",
    },
    # -- results page --------------------------------------------------------------------------
    "ui.pages.results.heading": {"sv": "Resultat per steg", "en": "Results per rung"},
    "ui.pages.results.intro": {
        "sv": "Här visas de analyser som sparats i projektet, steg för steg: vad resultatet betyder, tabellen, "
              "diagrammet och varningarna. 'Skapa rapport' gör en HTML-fil som kan läsas utan internet.",
        "en": "The analyses saved in the project, rung by rung: what the result means, the table, the chart and "
              "the warnings. 'Create report' makes an HTML file that can be read without internet.",
    },
    "ui.pages.results.none": {
        "sv": "Inga resultat är sparade ännu. Kör en analys i en av stegens anteckningsböcker och spara den "
              "med project.save_result(...), tryck sedan på Uppdatera.",
        "en": "No results are saved yet. Run an analysis in one of the rung notebooks and save it with "
              "project.save_result(...), then press Refresh.",
    },
    "ui.pages.results.step": {"sv": "Steg {step}: {name}", "en": "Rung {step}: {name}"},
    "ui.pages.results.other": {"sv": "Övriga resultat", "en": "Other results"},
    "ui.pages.results.credible_yes": {"sv": "Håller för steget: ja", "en": "Meets the rung: yes"},
    "ui.pages.results.credible_no": {"sv": "Håller för steget: nej", "en": "Meets the rung: no"},
    "ui.pages.results.warnings": {"sv": "Varningar", "en": "Warnings"},
    "ui.pages.results.table": {"sv": "Sammanfattning", "en": "Summary"},
    "ui.pages.results.no_chart": {"sv": "Diagrammet kunde inte ritas.", "en": "The chart could not be drawn."},
    "ui.pages.results.chart_label": {"sv": "Diagram: {label}", "en": "Chart: {label}"},
    "ui.pages.results.refresh": {"sv": "Uppdatera", "en": "Refresh"},
    "ui.pages.results.report": {"sv": "Skapa rapport", "en": "Create report"},
    "ui.pages.results.report_saved": {
        "sv": "Rapporten är klar ({size}) och sparad i projektet som {path}.",
        "en": "The report is ready ({size}) and saved in the project as {path}.",
    },
    "ui.pages.results.download": {"sv": "Ladda ner rapporten", "en": "Download the report"},
    "ui.pages.results.count": {"sv": "{n} sparade resultat.", "en": "{n} saved results."},
}
