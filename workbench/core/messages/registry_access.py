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
    "registry.project_owner_only": {
        "sv": "Bara projektets ägare kan ändra roller i projektet; {user} är inte ägare. Inget har ändrats.",
        "en": "Only the project's owner can change roles in the project; {user} is not an owner. Nothing was changed.",
    },
    "registry.first_grant_owner": {
        "sv": "Projektet har ingen ägare ännu: gör först någon till ägare (roll 'owner'), sedan kan ägaren lägga till personal. {user} fick ingen roll.",
        "en": "The project has no owner yet: first make someone its owner (role 'owner'); the owner then adds staff. {user} got no role.",
    },
    "registry.bad_role": {
        "sv": "Rollen '{role}' finns inte; välj en av {roles} (eller ingen för att ta bort rollen).",
        "en": "The role '{role}' does not exist; choose one of {roles} (or none to revoke the role).",
    },
    "registry.viewer_cannot_randomize": {
        "sv": "{user} har läsbehörighet i studien '{trial}' och kan inte slumpa. Be studieägaren om rollen personal. Inget har sparats.",
        "en": "{user} has read-only access to the trial '{trial}' and cannot randomize. Ask the trial owner for the staff role. Nothing was saved.",
    },
    "registry.viewer_read_only": {
        "sv": "{user} har läsbehörighet i projektet och kan inte registrera deltagare eller insatser. Inget har sparats.",
        "en": "{user} has read-only access to the project and cannot register participants or activities. Nothing was saved.",
    },
    "registry.no_project_access": {
        "sv": "{user} har ingen roll i det här projektet. Be projektets ägare om behörighet. Inget har sparats.",
        "en": "{user} has no role in this project. Ask the project's owner for access. Nothing was saved.",
    },
    "registry.reason_required": {
        "sv": "Skriv en anledning (minst tre tecken); den sparas i loggen. Inget har sparats.",
        "en": "Type a reason (at least three characters); it is kept in the log. Nothing was saved.",
    },
    "registry.verify.role_removed": {
        "sv": "Rolländringen i händelse {seq} (för {user}) saknas i rolltabellen: raden har tagits bort.",
        "en": "The role change of event {seq} (for {user}) is missing from the role table: the row was removed.",
    },
    "registry.verify.role_altered": {
        "sv": "Rolltabellens rad för händelse {seq} ({user}) stämmer inte med händelsen: den har ändrats.",
        "en": "The role table's row for event {seq} ({user}) does not match the event: it was altered.",
    },
    "registry.verify.role_inserted": {
        "sv": "Rolltabellen har en rad ({user}, händelse {seq}) utan händelse i loggen: den har lagts till i efterhand.",
        "en": "The role table has a row ({user}, event {seq}) without an event in the log: it was added afterwards.",
    },
    "registry.no_identity": {
        "sv": "Appen vet inte vem du är: din inloggning har gått ut eller saknas. Ladda om sidan och logga in igen. Inget har sparats.",
        "en": "The app does not know who you are: your sign-in has expired or is missing. Reload the page and sign in again. Nothing was saved.",
    },
    "registry.no_project_open": {
        "sv": "Du ({user}) har ingen behörighet till projektet '{project}'. Be projektets ägare att ge dig en roll.",
        "en": "You ({user}) have no access to the project '{project}'. Ask the project's owner to give you a role.",
    },
    "registry.form.signed_in": {"sv": "Inloggad som {user}", "en": "Signed in as {user}"},
    "registry.form.receipt": {
        "sv": "Kvitto på loggen (skriv gärna upp det):",
        "en": "Receipt of the log (note it down):",
    },
    "registry.page.totals_heading": {"sv": "Fördelning per grupp och stratum (bara studieägaren)",
                                     "en": "Allocation by arm and stratum (trial owner only)"},
    "registry.page.log_heading": {"sv": "Senaste händelserna i loggen", "en": "Latest events in the log"},
    "registry.page.totals_hidden": {
        "sv": "Fördelningen per grupp visas bara för studieägaren medan rekryteringen pågår. Du ser grupperna för de deltagare du själv har slumpat.",
        "en": "The allocation by arm is shown only to the trial owner while recruitment runs. You see the arms of the participants you randomized yourself.",
    },
    "registry.bad_db_role": {
        "sv": "'{role}' är inget giltigt namn på en databasroll (små bokstäver, siffror och _, högst 63 tecken).",
        "en": "'{role}' is not a valid database role name (lower-case letters, digits and _, at most 63 characters).",
    },
    "registry.page.col.seq": {"sv": "Nr", "en": "No."},
    "registry.page.col.created_at": {"sv": "Tid (UTC)", "en": "Time (UTC)"},
    "registry.page.col.kind": {"sv": "Händelse", "en": "Event"},
    "registry.page.col.participant_id": {"sv": "Deltagare", "en": "Participant"},
    "registry.page.col.by": {"sv": "Av", "en": "By"},
    "registry.receipt_not_written": {
        "sv": "Kvittot på händelse {seq} kunde inte skrivas till {path} ({reason}). Händelsen är sparad; se till att mappen är skrivbar och ta ett nytt kvitto med reg.checkpoint().",
        "en": "The receipt of event {seq} could not be written to {path} ({reason}). The event is saved; make the folder writable and take a new receipt with reg.checkpoint().",
    },
}
