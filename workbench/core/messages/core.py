"""Messages of the core room: generic input checks shared by every analysis."""

MESSAGES = {
    "core.warnings_title": {"sv": "Varningar", "en": "Warnings"},
    "core.problems_title": {"sv": "Räcker inte för steget eftersom", "en": "Not enough for the rung because"},
    "core.not_a_dataframe": {
        "sv": "Indata ska vara en tabell (pandas DataFrame), men fick {got}. Läs in filen med "
        "wb.read_table() först.",
        "en": "The input must be a table (pandas DataFrame), got {got}. Read the file with "
        "wb.read_table() first.",
    },
    "core.column_missing": {
        "sv": "Kolumnen '{column}' saknas i tabellen. Tabellen har kolumnerna: {available}. "
        "Kontrollera stavningen eller ange rätt kolumnnamn.",
        "en": "Column '{column}' is missing from the table. The table has the columns: {available}. "
        "Check the spelling or give the right column name.",
    },
    "core.column_not_numeric": {
        "sv": "Kolumnen '{column}' ska innehålla tal, men rad {row} har värdet '{value}'. Rätta "
        "värdet (decimaltecken är komma eller punkt) eller lämna cellen tom.",
        "en": "Column '{column}' must contain numbers, but row {row} has the value '{value}'. "
        "Correct the value (decimal comma or point) or leave the cell empty.",
    },
    "core.column_not_binary": {
        "sv": "Kolumnen '{column}' ska bara innehålla 0 och 1 (eller ja/nej), men har värdena {values}. "
        "Koda om kolumnen till 0/1.",
        "en": "Column '{column}' must contain only 0 and 1 (or yes/no), but has the values {values}. "
        "Recode the column to 0/1.",
    },
    "core.column_missing_values": {
        "sv": "Kolumnen '{column}' saknar värden på {count} rader (första: rad {first_row}). Fyll i "
        "värdena eller ta bort raderna uttryckligen.",
        "en": "Column '{column}' has missing values on {count} rows (first: row {first_row}). Fill in "
        "the values or drop the rows explicitly.",
    },
    "core.too_few_rows": {
        "sv": "Tabellen har {n} användbara rader, men analysen behöver minst {minimum}. Kontrollera "
        "att rätt fil och rätt kolumner är valda.",
        "en": "The table has {n} usable rows, but the analysis needs at least {minimum}. Check that "
        "the right file and columns are chosen.",
    },
    "core.duplicate_ids": {
        "sv": "Kolumnen '{column}' ska ha ett unikt värde per rad, men {count} värden förekommer flera "
        "gånger (t.ex. '{value}' på rad {rows}). Ta bort dubbletterna eller välj en annan ID-kolumn.",
        "en": "Column '{column}' must have one unique value per row, but {count} values occur more "
        "than once (e.g. '{value}' on rows {rows}). Remove the duplicates or choose another ID column.",
    },
    "core.invalid_option": {
        "sv": "Ogiltigt värde {value!r} för '{name}'. Tillåtna värden: {allowed}.",
        "en": "Invalid value {value!r} for '{name}'. Allowed values: {allowed}.",
    },
    "core.invalid_number": {
        "sv": "'{name}' ska vara ett tal {condition}, men är {value!r}.",
        "en": "'{name}' must be a number {condition}, but is {value!r}.",
    },
    "core.invalid_integer": {
        "sv": "'{name}' ska vara ett heltal {condition}, men är {value!r}.",
        "en": "'{name}' must be an integer {condition}, but is {value!r}.",
    },
    "core.constant_column": {
        "sv": "Kolumnen '{column}' har samma värde ('{value}') på alla rader och kan inte användas. "
        "Ta bort den ur analysen.",
        "en": "Column '{column}' has the same value ('{value}') on every row and cannot be used. "
        "Remove it from the analysis.",
    },
    "core.empty_table": {
        "sv": "Tabellen är tom (inga rader). Kontrollera att rätt fil eller flik är vald.",
        "en": "The table is empty (no rows). Check that the right file or sheet is chosen.",
    },
}
