"""Messages of the registry's receipts, roles and signed-in identity (``registry.*`` keys)."""

MESSAGES = {
    "registry.receipt_no_key": {
        "sv": "Ett kvitto på loggen signeras med projektets nyckel, och registret öppnades utan den. "
              "Öppna registret med wb.Registry(…, key=projektets nyckel) eller via projektmappen.",
        "en": "A receipt of the log is signed with the project's key, and the registry was opened "
              "without it. Open the registry with wb.Registry(…, key=project key) or via the project folder.",
    },
    "registry.verify.truncated": {
        "sv": "Händelserna {first}–{last} saknas i slutet av loggen: de senaste händelserna har raderats "
              "(det finns ett signerat kvitto på händelse {last}). Första saknade händelse: {first}.",
        "en": "Events {first}–{last} are missing at the end of the log: the newest events were deleted "
              "(there is a signed receipt of event {last}). First missing event: {first}.",
    },
    "registry.verify.receipt_mismatch": {
        "sv": "Händelse {seq} stämmer inte med sitt signerade kvitto ({n} kvitton berörs): "
              "loggen har skrivits om från och med den.",
        "en": "Event {seq} does not match its signed receipt ({n} receipts affected): the log was "
              "rewritten from there on.",
    },
    "registry.verify.receipt_forged": {
        "sv": "Kvittot på händelse {seq} ({n} kvitton) är inte signerat med projektets nyckel: "
              "det har förfalskats eller hör till ett annat projekt.",
        "en": "The receipt of event {seq} ({n} receipts) is not signed with the project's key: it was "
              "forged or belongs to another project.",
    },
    "registry.verify.receipt_unreadable": {
        "sv": "'{receipt}' är inte ett kvitto (väntat: wbk1.<nummer>.<hash>.<signatur> eller en kort kod som 57-3F9AC21B).",
        "en": "'{receipt}' is not a receipt (expected: wbk1.<number>.<hash>.<signature> or a short code such as 57-3F9AC21B).",
    },
    "registry.cli_receipt": {
        "sv": "Kvitto: {code} (skriv gärna upp det; det visar senare att loggen är orörd).",
        "en": "Receipt: {code} (note it down; it later shows that the log is untouched).",
    },
}
