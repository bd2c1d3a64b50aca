"""Messages of the data room: reading files, personnummer, pseudonymization, small-cell suppression."""

MESSAGES = {
    # --- reading files -------------------------------------------------------------------------
    "data.file_missing": {
        "sv": "Filen '{name}' finns inte (sökväg: {path}). Kontrollera namnet och mappen.",
        "en": "The file '{name}' does not exist (path: {path}). Check the name and the folder.",
    },
    "data.not_a_file": {
        "sv": "'{name}' är en mapp, inte en fil. Ange sökvägen till själva filen.",
        "en": "'{name}' is a folder, not a file. Give the path of the file itself.",
    },
    "data.unreadable": {
        "sv": "Filen '{name}' kunde inte öppnas (saknas läsbehörighet?). Kontrollera att filen inte "
        "är låst och att du har rätt att läsa den.",
        "en": "The file '{name}' could not be opened (no read permission?). Check that the file is "
        "not locked and that you may read it.",
    },
    "data.unknown_extension": {
        "sv": "Filen '{name}' har filändelsen '{extension}', som inte kan läsas som tabell. Spara "
        "tabellen som CSV (.csv) eller Excel (.xlsx). Tillåtna ändelser: {allowed}.",
        "en": "The file '{name}' has the extension '{extension}', which cannot be read as a table. "
        "Save the table as CSV (.csv) or Excel (.xlsx). Allowed extensions: {allowed}.",
    },
    "data.old_excel": {
        "sv": "Filen '{name}' är i det gamla Excel-formatet (.xls). Öppna den i Excel och spara som "
        "Excel-arbetsbok (.xlsx) eller CSV.",
        "en": "The file '{name}' is in the old Excel format (.xls). Open it in Excel and save it as "
        "an Excel workbook (.xlsx) or CSV.",
    },
    "data.binary_file": {
        "sv": "Filen '{name}' är inte en textfil utan binärdata och kan inte läsas som CSV. "
        "Kontrollera att det är rätt fil, eller exportera tabellen som CSV eller .xlsx igen.",
        "en": "The file '{name}' is not a text file but binary data, and cannot be read as CSV. "
        "Check that it is the right file, or export the table as CSV or .xlsx again.",
    },
    "data.binary_pdf": {
        "sv": "Filen '{name}' är ett PDF-dokument, inte en tabell i textform. Exportera tabellen "
        "från källsystemet som CSV eller .xlsx.",
        "en": "The file '{name}' is a PDF document, not a table as text. Export the table from "
        "the source system as CSV or .xlsx.",
    },
    "data.binary_zip": {
        "sv": "Filen '{name}' är en zip-fil (t.ex. en Excelfil .xlsx med fel filändelse), inte "
        "CSV-text. Om det är en Excelfil: byt filändelsen till .xlsx.",
        "en": "The file '{name}' is a zip file (e.g. an Excel file .xlsx with the wrong extension), "
        "not CSV text. If it is an Excel file: change the extension to .xlsx.",
    },
    "data.binary_office": {
        "sv": "Filen '{name}' är ett äldre Office-dokument (t.ex. .xls eller .doc), inte CSV-text. "
        "Öppna den i Excel och spara som .xlsx eller CSV.",
        "en": "The file '{name}' is an old Office document (e.g. .xls or .doc), not CSV text. "
        "Open it in Excel and save it as .xlsx or CSV.",
    },
    "data.binary_image": {
        "sv": "Filen '{name}' är en bild, inte en tabell. Välj tabellfilen (CSV eller .xlsx).",
        "en": "The file '{name}' is an image, not a table. Choose the table file (CSV or .xlsx).",
    },
    "data.binary_compressed": {
        "sv": "Filen '{name}' är komprimerad (gzip). Packa upp den först och läs CSV-filen.",
        "en": "The file '{name}' is compressed (gzip). Unpack it first and read the CSV file.",
    },
    "data.encoding_unknown": {
        "sv": "Filen '{name}' har en teckenkodning som inte känns igen (varken UTF-8 eller "
        "Windows-1252; första okända tecknet på rad {line}). Spara filen som 'CSV UTF-8'.",
        "en": "The file '{name}' has an unrecognised character encoding (neither UTF-8 nor "
        "Windows-1252; first unknown character on line {line}). Save the file as 'CSV UTF-8'.",
    },
    "data.mojibake": {
        "sv": "Filen '{name}' verkar ha sparats med fel teckenkodning: '{found}' på rad {line} borde "
        "troligen vara '{suggestion}'. Öppna originalfilen och spara den som 'CSV UTF-8' igen.",
        "en": "The file '{name}' seems to have been saved with the wrong character encoding: "
        "'{found}' on line {line} should probably be '{suggestion}'. Open the original file and "
        "save it as 'CSV UTF-8' again.",
    },
    "data.empty_file": {
        "sv": "Filen '{name}' är tom. Kontrollera att exporten blev klar och att rätt fil är vald.",
        "en": "The file '{name}' is empty. Check that the export finished and that the right file "
        "is chosen.",
    },
    "data.header_only": {
        "sv": "Filen '{name}' har bara rubrikraden ({columns}) men inga datarader. Kontrollera "
        "att exporten tog med raderna.",
        "en": "The file '{name}' has only the header row ({columns}) but no data rows. Check that "
        "the export included the rows.",
    },
    "data.ragged_row": {
        "sv": "Rad {line} i filen '{name}' har {found} fält, men rubrikraden har {expected} "
        "(avgränsare '{separator}'). Kanske innehåller ett värde avgränsaren utan citattecken; "
        "rätta raden i filen.",
        "en": "Line {line} of the file '{name}' has {found} fields, but the header row has "
        "{expected} (separator '{separator}'). Perhaps a value contains the separator without "
        "quotes; correct the line in the file.",
    },
    "data.unclosed_quote": {
        "sv": "Filen '{name}' har ett citattecken (\") som aldrig stängs; det börjar på rad {line}. "
        "Rätta citattecknen i filen.",
        "en": "The file '{name}' has a quote character (\") that is never closed; it starts on "
        "line {line}. Correct the quotes in the file.",
    },
    "data.duplicate_columns": {
        "sv": "Kolumnnamnet '{column}' förekommer flera gånger i rubrikraden (kolumn {positions}). "
        "Ge kolumnerna olika namn.",
        "en": "The column name '{column}' occurs more than once in the header row (columns "
        "{positions}). Give the columns different names.",
    },
    "data.empty_header": {
        "sv": "Kolumn {position} saknar namn i rubrikraden men har värden (t.ex. '{value}' på rad "
        "{row}). Skriv ett kolumnnamn i rubrikraden. Står en titel ovanför tabellen? Ta bort de "
        "raderna så att kolumnnamnen står först.",
        "en": "Column {position} has no name in the header row but has values (e.g. '{value}' on "
        "row {row}). Write a column name in the header row. Is there a title above the table? "
        "Remove those rows so that the column names come first.",
    },
    "data.sheet_missing": {
        "sv": "Fliken {sheet} finns inte i '{name}'. Filen har flikarna: {sheets}.",
        "en": "The sheet {sheet} does not exist in '{name}'. The file has the sheets: {sheets}.",
    },
    "data.empty_sheet": {
        "sv": "Fliken '{sheet}' i '{name}' är tom. Filen har flikarna: {sheets}; välj en flik med "
        "data med sheet=.",
        "en": "The sheet '{sheet}' in '{name}' is empty. The file has the sheets: {sheets}; choose "
        "a sheet with data with sheet=.",
    },
    "data.excel_unreadable": {
        "sv": "Excelfilen '{name}' kunde inte läsas; den är skadad eller inte en riktig .xlsx-fil. "
        "Öppna den i Excel och spara den som .xlsx igen.",
        "en": "The Excel file '{name}' could not be read; it is damaged or not a real .xlsx file. "
        "Open it in Excel and save it as .xlsx again.",
    },
    "data.sheet_for_text": {
        "sv": "sheet= gäller bara Excelfiler, men '{name}' är en textfil (CSV). Ta bort sheet=.",
        "en": "sheet= only applies to Excel files, but '{name}' is a text (CSV) file. Remove sheet=.",
    },
    "data.bad_column_list": {
        "sv": "'{name}' ska vara en lista med kolumnnamn, men är {value!r}.",
        "en": "'{name}' must be a list of column names, but is {value!r}.",
    },
    "data.id_missing": {
        "sv": "ID-kolumnen '{column}' saknar värde på {count} rader (första: rad {row}). Varje rad "
        "behöver ett ID.",
        "en": "The ID column '{column}' has no value on {count} rows (first: row {row}). Every row "
        "needs an ID.",
    },
    "data.date_unparsed": {
        "sv": "Kolumnen '{column}' ska innehålla datum, men rad {row} har värdet '{value}'. Skriv "
        "datum som 2023-01-15, månader som 2023-01 eller 'jan 2023'.",
        "en": "Column '{column}' must contain dates, but row {row} has the value '{value}'. Write "
        "dates as 2023-01-15, months as 2023-01 or 'jan 2023'.",
    },
    "data.date_order_mixed": {
        "sv": "Kolumnen '{column}' blandar datum med dagen först ('{day_first}', rad {row_day}) och "
        "månaden först ('{month_first}', rad {row_month}). Skriv alla datum som ÅÅÅÅ-MM-DD.",
        "en": "Column '{column}' mixes dates with the day first ('{day_first}', row {row_day}) and "
        "the month first ('{month_first}', row {row_month}). Write all dates as YYYY-MM-DD.",
    },
    "data.warn_mostly_numeric": {
        "sv": "Kolumnen '{column}' ser ut att innehålla tal, men rad {row} har texten '{value}'; "
        "kolumnen lästes därför som text. Rätta värdet eller ange numeric=['{column}'] för att få "
        "ett fel som pekar ut raden.",
        "en": "Column '{column}' looks numeric, but row {row} has the text '{value}', so the column "
        "was read as text. Correct the value or pass numeric=['{column}'] to get an error naming "
        "the row.",
    },
    "data.warn_day_first": {
        "sv": "Datumen i kolumnen '{column}' (t.ex. '{value}') tolkades som dag/månad/år, som i Sverige.",
        "en": "The dates in column '{column}' (e.g. '{value}') were read as day/month/year, as in Sweden.",
    },
    "data.warn_month_first": {
        "sv": "Datumen i kolumnen '{column}' tolkades som månad/dag/år (amerikansk ordning), "
        "eftersom t.ex. '{value}' inte kan vara dag/månad.",
        "en": "The dates in column '{column}' were read as month/day/year (US order), because "
        "e.g. '{value}' cannot be day/month.",
    },
    # --- personnummer and pseudonymization ---------------------------------------------------------
    "data.pnr_invalid": {
        "sv": "'{value}' är inte ett giltigt personnummer eller samordningsnummer (ÅÅÅÅMMDD-NNNN "
        "eller ÅÅMMDD-NNNN med rätt kontrollsiffra). Kontrollera värdet.",
        "en": "'{value}' is not a valid personnummer or samordningsnummer (YYYYMMDD-NNNN or "
        "YYMMDD-NNNN with a correct check digit). Check the value.",
    },
    "data.pnr_invalid_in_column": {
        "sv": "Kolumnen '{column}' ska innehålla personnummer, men rad {row} har ett ogiltigt värde "
        "('{value}'). Kontrollera siffrorna och kontrollsiffran.",
        "en": "Column '{column}' must contain personnummer, but row {row} has an invalid value "
        "('{value}'). Check the digits and the check digit.",
    },
    "data.pnr_found": {
        "sv": "Kolumnen '{column}' innehåller personnummer ({share} av värdena). Pseudonymisera "
        "kolumnen med wb.privacy.pseudonymize() eller ta bort den innan tabellen lämnar projektet.",
        "en": "Column '{column}' contains personnummer ({share} of the values). Pseudonymize the "
        "column with wb.privacy.pseudonymize() or drop it before the table leaves the project.",
    },
    "data.key_missing": {
        "sv": "Ingen nyckel angavs för pseudonymiseringen. Använd projektets nyckel "
        "(wb.privacy.load_or_create_key).",
        "en": "No key was given for pseudonymization. Use the project's key "
        "(wb.privacy.load_or_create_key).",
    },
    "data.key_too_short": {
        "sv": "Nyckeln för pseudonymiseringen är för kort ({length} byte); den måste vara minst "
        "{minimum} byte. Skapa en ny med wb.privacy.new_key().",
        "en": "The pseudonymization key is too short ({length} bytes); it must be at least "
        "{minimum} bytes. Create one with wb.privacy.new_key().",
    },
    "data.key_type": {
        "sv": "Nyckeln ska vara text eller bytes, men är av typen {got}.",
        "en": "The key must be text or bytes, but is of type {got}.",
    },
    "data.key_file_damaged": {
        "sv": "Nyckelfilen '{name}' är skadad (den ska innehålla minst {minimum} byte som "
        "hexadecimal text). Den skrivs aldrig över automatiskt: återställ den från säkerhetskopian.",
        "en": "The key file '{name}' is damaged (it must hold at least {minimum} bytes as "
        "hexadecimal text). It is never overwritten automatically: restore it from the backup.",
    },
    "data.key_file_open": {
        "sv": "Nyckelfilen '{name}' kan läsas av andra användare (rättigheter {mode}). Begränsa den "
        "till ägaren (chmod 600).",
        "en": "The key file '{name}' can be read by other users (permissions {mode}). Restrict it "
        "to the owner (chmod 600).",
    },
    "data.pseudonym_length": {
        "sv": "Pseudonymens längd ska vara ett heltal mellan {low} och {high} tecken, men är {value!r}.",
        "en": "The pseudonym length must be an integer between {low} and {high} characters, but is "
        "{value!r}.",
    },
    "data.pseudonym_collision": {
        "sv": "Två olika värden i kolumnen '{column}' fick samma pseudonym. Använd en längre "
        "pseudonym (length=).",
        "en": "Two different values in column '{column}' got the same pseudonym. Use a longer "
        "pseudonym (length=).",
    },
    # --- small-cell suppression ----------------------------------------------------------------
    "data.counts_not_table": {
        "sv": "Tabellen för röjandekontroll ska vara en tabell med antal (DataFrame), men är {got}.",
        "en": "The table for disclosure control must be a table of counts (DataFrame), but is {got}.",
    },
    "data.counts_bad_value": {
        "sv": "Tabellen ska innehålla antal (heltal ≥ 0), men cellen rad '{row}', kolumn '{column}' "
        "har värdet '{value}'. Rätta värdet.",
        "en": "The table must contain counts (integers ≥ 0), but the cell row '{row}', column "
        "'{column}' has the value '{value}'. Correct the value.",
    },
    "data.margins_inconsistent": {
        "sv": "Summan '{label}' stämmer inte: {where} borde vara {expected} men är {found}. Rätta "
        "summorna eller ange margins=False.",
        "en": "The total '{label}' does not add up: {where} should be {expected} but is {found}. "
        "Correct the totals or pass margins=False.",
    },
    "data.min_count": {
        "sv": "min_count ska vara ett heltal ≥ 1 (oftast 3, 5 eller 10), men är {value!r}.",
        "en": "min_count must be an integer ≥ 1 (usually 3, 5 or 10), but is {value!r}.",
    },
    "data.cannot_protect": {
        "sv": "Cellen rad '{row}', kolumn '{column}' kan inte skyddas: den går att räkna ut ur "
        "summorna hur andra celler än döljs. Slå ihop små kategorier och försök igen.",
        "en": "The cell row '{row}', column '{column}' cannot be protected: it can be recomputed "
        "from the totals whatever other cells are hidden. Merge small categories and try again.",
    },
}
