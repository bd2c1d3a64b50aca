"""Messages of the randomization registry (``workbench.registry``, its form and commands)."""

MESSAGES = {
    "registry.adherence_empty": {
        "sv": "Listan över deltagare som börjat i insatsen är tom. Läs in aktivitetsregistret eller ärendelistan först.",
        "en": "The list of participants who entered is empty. Load the activity register or case list first.",
    },
    "registry.adherence_id_column": {
        "sv": "Ange vilken kolumn som innehåller deltagarnas id med id='…'. Tabellen har kolumnerna: {columns}.",
        "en": "Say which column holds the participant ids with id='…'. The table has the columns: {columns}.",
    },
    "registry.adherence_text": {
        "sv": "{share} % av de som började ({n_in_time} av {n}) slumpades i tid. {missing} slumpades aldrig och {late} slumpades först efter start.",
        "en": "{share} % of those who entered ({n_in_time} of {n}) were randomized in time. {missing} were never randomized and {late} only after they started.",
    },
    "registry.already_randomized": {
        "sv": "Deltagaren {participant} är redan slumpad till '{arm}' ({when}, av {by}). Ingen ny slumpning har gjorts.",
        "en": "Participant {participant} was already randomized to '{arm}' ({when}, by {by}). No new draw was made.",
    },
    "registry.bad_arms": {
        "sv": "En studie behöver minst två grupper med olika, icke-tomma namn, t.ex. ('insats', 'kontroll'). Fick: {arms}.",
        "en": "A trial needs at least two arms with different, non-empty names, e.g. ('insats', 'kontroll'). Got: {arms}.",
    },
    "registry.bad_block_sizes": {
        "sv": "Blockstorlekarna {sizes} passar inte fördelningen {ratio}: varje block måste vara en multipel av {unit}. Välj t.ex. ({unit}, 2·{unit}).",
        "en": "The block sizes {sizes} do not fit the ratio {ratio}: each block must be a multiple of {unit}. Choose e.g. ({unit}, 2·{unit}).",
    },
    "registry.bad_correction": {
        "sv": "En rättelse måste ange vad som ändras (t.ex. strata={{…}}) och kan aldrig ändra en tilldelad grupp: tilldelningen är slutgiltig. Rapportera i stället en protokollavvikelse.",
        "en": "A correction must say what changes (e.g. strata={{…}}) and can never change an allocated arm: the allocation is final. Report a protocol deviation instead.",
    },
    "registry.bad_criteria": {
        "sv": "Inklusionskriterierna måste vara olika och ha text.",
        "en": "The inclusion criteria must be distinct and non-empty.",
    },
    "registry.bad_p_best": {
        "sv": "Sannolikheten för den bästa gruppen vid minimering måste ligga mellan 0,5 och 1, fick {value}.",
        "en": "The probability of the best arm in minimisation must lie between 0.5 and 1, got {value}.",
    },
    "registry.bad_path": {
        "sv": "Registret kan inte skapas i {path}: {reason}. Välj en mapp där du får skriva.",
        "en": "The registry cannot be created at {path}: {reason}. Choose a folder you can write to.",
    },
    "registry.bad_ratio": {
        "sv": "Fördelningen {ratio} ska vara ett positivt heltal per grupp ({n_arms} grupper), t.ex. (2, 1) eller '2:1'.",
        "en": "The ratio {ratio} must be one positive whole number per arm ({n_arms} arms), e.g. (2, 1) or '2:1'.",
    },
    "registry.bad_seed": {
        "sv": "Fröet (seed) måste vara ett heltal ≥ 0, fick {seed}. Utelämna det så väljs ett slumpmässigt och sparas.",
        "en": "The seed must be a whole number ≥ 0, got {seed}. Leave it out and a random one is chosen and recorded.",
    },
    "registry.bad_strata_spec": {
        "sv": "Stratumet '{factor}' är felaktigt angivet. Skriv t.ex. strata={{'stadsdel': ['Norr', 'Söder']}} (namn utan '=' och '|', olika värden).",
        "en": "The stratum '{factor}' is given incorrectly. Write e.g. strata={{'stadsdel': ['Norr', 'Söder']}} (names without '=' and '|', distinct values).",
    },
    "registry.bad_strata_value": {
        "sv": "Värdet '{value}' finns inte för stratumet '{factor}' i studien. Tillåtna värden: {allowed}. Inget har sparats.",
        "en": "The value '{value}' is not a level of the stratum '{factor}' in this trial. Allowed values: {allowed}. Nothing was saved.",
    },
    "registry.bad_trial_name": {
        "sv": "Studien behöver ett namn (högst 200 tecken), fick {name!r}.",
        "en": "The trial needs a name (at most 200 characters), got {name!r}.",
    },
    "registry.bad_url": {
        "sv": "Databasadressen {url!r} känns inte igen. Använd ingen adress (SQLite-fil i projektet) eller 'postgresql://användare:lösenord@värd/databas'.",
        "en": "The database address {url!r} is not recognised. Give none (SQLite file in the project) or 'postgresql://user:password@host/database'.",
    },
    "registry.by_missing": {
        "sv": "Ange vem som gör registreringen (by='ditt namn'); fick {value}. Det sparas i loggen.",
        "en": "Say who is making the entry (by='your name'); got {value}. It is kept in the log.",
    },
    "registry.cannot_open": {
        "sv": "Registret {url} kan inte öppnas: {reason}. Kontrollera adressen, lösenordet och att databasen är igång.",
        "en": "The registry {url} cannot be opened: {reason}. Check the address, the password and that the database is running.",
    },
    "registry.not_a_database": {
        "sv": "Filen {path} är ingen registerdatabas (den är inte en SQLite-databas). Filen har inte ändrats. Ange registrets fil, t.ex. register/register.sqlite i projektmappen, eller ett nytt filnamn.",
        "en": "The file {path} is not a registry database (it is not a SQLite database). The file has not been changed. Give the registry's file, e.g. register/register.sqlite in the project folder, or a new file name.",
    },
    "registry.not_a_registry": {
        "sv": "Filen {path} är en annan databas (tabellerna {tables}), inte ett register från verkstaden. Filen har inte ändrats. Välj ett nytt filnamn för registret.",
        "en": "The file {path} is another database (tables {tables}), not a workbench registry. The file has not been changed. Choose a new file name for the registry.",
    },
    "registry.cluster_missing": {
        "sv": "Klusterslumpning behöver veta vilket stratum som är klustret, t.ex. cluster='skola' med strata=['skola'].",
        "en": "Cluster randomization needs to know which stratum is the cluster, e.g. cluster='skola' with strata=['skola'].",
    },
    "registry.consent_declined_reason": {
        "sv": "samtycke saknas",
        "en": "consent declined",
    },
    "registry.consent_missing": {
        "sv": "Studien kräver samtycke: bekräfta att deltagaren har samtyckt (consent=True) eller att samtycke saknas (consent=False). Inget har sparats.",
        "en": "The trial requires consent: confirm that the participant consented (consent=True) or did not (consent=False). Nothing was saved.",
    },
    "registry.eligibility_missing": {
        "sv": "Bocka i inklusionskriterierna innan slumpningen. Saknas: {criteria}. Inget har sparats.",
        "en": "Tick the inclusion criteria before randomizing. Missing: {criteria}. Nothing was saved.",
    },
    "registry.eligibility_unknown": {
        "sv": "Kriterierna {criteria} finns inte i studiens checklista. Inget har sparats.",
        "en": "The criteria {criteria} are not in the trial's checklist. Nothing was saved.",
    },
    "registry.hidden_from_staff": {
        "sv": "Antalet per grupp och stratum i '{trial}' visas bara för studieägaren medan rekryteringen pågår, så att ingen kan gissa nästa tilldelning.",
        "en": "The counts per arm and stratum in '{trial}' are shown only to the trial owner while recruitment runs, so nobody can guess the next allocation.",
    },
    "registry.no_such_event": {
        "sv": "Händelse nummer {seq} finns inte i studien '{trial}'.",
        "en": "Event number {seq} does not exist in the trial '{trial}'.",
    },
    "registry.not_eligible": {
        "sv": "Deltagaren {participant} uppfyller inte: {criteria}. Deltagaren är registrerad som exkluderad och har inte slumpats.",
        "en": "Participant {participant} does not meet: {criteria}. The participant is recorded as excluded and was not randomized.",
    },
    "registry.not_randomized": {
        "sv": "Deltagaren {participant} är inte slumpad i studien '{trial}'. Kontrollera id:t.",
        "en": "Participant {participant} has not been randomized in the trial '{trial}'. Check the id.",
    },
    "registry.not_staff": {
        "sv": "{user} får inte slumpa i studien '{trial}'. Be studieägaren lägga till dig som personal.",
        "en": "{user} may not randomize in the trial '{trial}'. Ask the trial owner to add you as staff.",
    },
    "registry.not_your_participant": {
        "sv": "Deltagaren {participant} slumpades av någon annan; bara den som slumpade och studieägaren ser tilldelningen.",
        "en": "Participant {participant} was randomized by someone else; only that person and the trial owner see the allocation.",
    },
    "registry.owner_only": {
        "sv": "Bara studieägaren ({owner}) kan göra detta; {user} är inte ägare.",
        "en": "Only the trial owner ({owner}) can do this; {user} is not the owner.",
    },
    "registry.participant_empty": {
        "sv": "Deltagarens id saknas. Skriv ärendenummer eller pseudonymiserat personnummer. Inget har sparats.",
        "en": "The participant id is missing. Enter a case number or a pseudonymized personnummer. Nothing was saved.",
    },
    "registry.participant_malformed": {
        "sv": "Deltagar-id {value} går inte att använda: högst 64 tecken, bara bokstäver, siffror och _ - . : / #. Inget har sparats.",
        "en": "The participant id {value} cannot be used: at most 64 characters, only letters, digits and _ - . : / #. Nothing was saved.",
    },
    "registry.personnummer_checksum": {
        "sv": "Id:t ser ut som ett personnummer men kontrollsiffran stämmer inte. Kontrollera numret. Inget har sparats.",
        "en": "The id looks like a personnummer but its check digit is wrong. Check the number. Nothing was saved.",
    },
    "registry.personnummer_raw": {
        "sv": "Id:t ser ut som ett personnummer. Registret sparar aldrig personnummer i klartext: pseudonymisera först med wb.privacy.pseudonymize(…, key=projektets nyckel), eller öppna registret med projektets nyckel (wb.Registry(…, key=…)) så pseudonymiseras det automatiskt. Inget har sparats.",
        "en": "The id looks like a personnummer. The registry never stores personnummer in clear text: pseudonymize first with wb.privacy.pseudonymize(…, key=project key), or open the registry with the project's key (wb.Registry(…, key=…)) to pseudonymize automatically. Nothing was saved.",
    },
    "registry.schema_newer": {
        "sv": "Registret har schemaversion {found}, men den här versionen av verktyget klarar bara {supported}. Uppdatera workbench.",
        "en": "The registry has schema version {found}, but this version of the tool supports only {supported}. Update workbench.",
    },
    "registry.strata_required": {
        "sv": "Slumpningssättet '{scheme}' behöver minst ett stratum, t.ex. strata={{'stadsdel': ['Norr', 'Söder']}}.",
        "en": "The scheme '{scheme}' needs at least one stratum, e.g. strata={{'stadsdel': ['Norr', 'Söder']}}.",
    },
    "registry.stratum_missing": {
        "sv": "Ange deltagarens värde för stratumet '{factor}' (möjliga värden: {allowed}). Inget har sparats.",
        "en": "Give the participant's value of the stratum '{factor}' (possible values: {allowed}). Nothing was saved.",
    },
    "registry.trial_closed": {
        "sv": "Studien '{trial}' är avslutad; inga nya deltagare kan slumpas. Inget har sparats.",
        "en": "The trial '{trial}' is closed; no new participants can be randomized. Nothing was saved.",
    },
    "registry.trial_exists": {
        "sv": "Det finns redan en studie som heter '{trial}'. Öppna den med reg.trial('{trial}') eller välj ett annat namn.",
        "en": "A trial called '{trial}' already exists. Open it with reg.trial('{trial}') or choose another name.",
    },
    "registry.unknown_factor": {
        "sv": "Studien har inget stratum '{factor}'. Studiens strata: {factors}. Inget har sparats.",
        "en": "The trial has no stratum '{factor}'. The trial's strata: {factors}. Nothing was saved.",
    },
    "registry.unknown_trial": {
        "sv": "Det finns ingen studie som heter '{trial}' i registret. Studier som finns: {available}.",
        "en": "There is no trial called '{trial}' in the registry. Trials there are: {available}.",
    },
    "registry.consort.assessed": {"sv": "Bedömda för deltagande", "en": "Assessed for eligibility"},
    "registry.consort.excluded": {"sv": "Exkluderade", "en": "Excluded"},
    "registry.consort.randomized": {"sv": "Slumpade", "en": "Randomized"},
    "registry.consort.allocated": {"sv": "Tilldelade gruppen", "en": "Allocated to arm"},
    "registry.consort.withdrawn": {"sv": "Avbröt deltagandet", "en": "Withdrew"},
    "registry.consort.entered_without_randomization": {
        "sv": "Började utan slumpning", "en": "Entered without randomization"},
    "registry.verify.ok_text": {
        "sv": "Registret är intakt: {n} händelser i obruten kedja, {trials} studier kontrollerade och slumplistorna stämmer med sina frön. Kedjans slut: {head}…",
        "en": "The registry is intact: {n} events in an unbroken chain, {trials} trials checked, and the allocation lists match their seeds. Head of chain: {head}…",
    },
    "registry.verify.bad_text": {
        "sv": "Registret har {n} problem:", "en": "The registry has {n} problems:"},
    "registry.verify.altered": {
        "sv": "Händelse {seq} ({kind}) stämmer inte med sin kontrollsumma: den har ändrats eller lagts in i efterhand.",
        "en": "Event {seq} ({kind}) does not match its hash: it was altered or inserted afterwards.",
    },
    "registry.verify.broken_link": {
        "sv": "Kedjan bryts vid händelse {seq} ({kind}): händelsen före har ändrats, tagits bort eller bytt plats.",
        "en": "The chain breaks at event {seq} ({kind}): the event before it was altered, removed or moved.",
    },
    "registry.verify.removed": {
        "sv": "Händelserna {first}–{last} saknas: de har tagits bort.",
        "en": "Events {first}–{last} are missing: they were removed.",
    },
    "registry.verify.anchor_missing": {
        "sv": "Den sparade kontrollsumman {head}… finns inte längre i kedjan: loggen har skrivits om.",
        "en": "The noted hash {head}… is no longer in the chain: the log was rewritten.",
    },
    "registry.verify.trial_removed": {
        "sv": "Studien '{trial}' finns i loggen men är borttagen ur registret.",
        "en": "The trial '{trial}' is in the log but was removed from the registry.",
    },
    "registry.verify.trial_not_logged": {
        "sv": "Studien '{trial}' saknar en giltig skapandehändelse i loggen: den har lagts in i efterhand.",
        "en": "The trial '{trial}' has no valid creation event in the log: it was inserted afterwards.",
    },
    "registry.verify.config_altered": {
        "sv": "Inställningarna för studien '{trial}' skiljer sig från händelse {seq} där den skapades: de har ändrats.",
        "en": "The settings of the trial '{trial}' differ from event {seq} that created it: they were altered.",
    },
    "registry.verify.status_altered": {
        "sv": "Studien '{trial}' har en status som inte stämmer med loggen.",
        "en": "The status of the trial '{trial}' does not match the log.",
    },
    "registry.verify.double_allocation": {
        "sv": "Deltagaren {participant} i '{trial}' har slumpats mer än en gång (händelse {seq}).",
        "en": "Participant {participant} in '{trial}' was randomized more than once (event {seq}).",
    },
    "registry.verify.row_inserted": {
        "sv": "Tilldelningen för {participant} i '{trial}' saknar händelse i loggen: den har lagts in i efterhand.",
        "en": "The allocation of {participant} in '{trial}' has no event in the log: it was inserted afterwards.",
    },
    "registry.verify.row_removed": {
        "sv": "Tilldelningen för {participant} i '{trial}' (händelse {seq}) har tagits bort ur tabellen.",
        "en": "The allocation of {participant} in '{trial}' (event {seq}) was removed from the table.",
    },
    "registry.verify.row_altered": {
        "sv": "Tilldelningen för {participant} i '{trial}' har ändrats ({fields}) jämfört med händelse {seq}.",
        "en": "The allocation of {participant} in '{trial}' was altered ({fields}) compared with event {seq}.",
    },
    "registry.verify.sequence_gap": {
        "sv": "Slumplistan '{list}' i '{trial}' har luckor eller dubbletter.",
        "en": "The allocation list '{list}' in '{trial}' has gaps or duplicates.",
    },
    "registry.verify.sequence_altered": {
        "sv": "Slumplistan '{list}' i '{trial}' stämmer inte med listan som följer av fröet, på plats {positions}.",
        "en": "The allocation list '{list}' in '{trial}' does not match the list derived from the seed, at positions {positions}.",
    },
    "registry.verify.arm_mismatch": {
        "sv": "Händelse {seq}: {participant} i '{trial}' har en grupp som inte följer av slumplistan.",
        "en": "Event {seq}: {participant} in '{trial}' has an arm that does not follow from the allocation list.",
    },
    "registry.verify.positions_broken": {
        "sv": "Platserna i slumplistan '{list}' i '{trial}' har använts två gånger eller hoppats över.",
        "en": "Positions of the allocation list '{list}' in '{trial}' were used twice or skipped.",
    },
    "registry.verify.order_broken": {
        "sv": "Ordningen mellan tilldelningarna i '{trial}' har luckor eller har ändrats.",
        "en": "The order of the allocations in '{trial}' has gaps or was changed.",
    },
    "registry.seed_hidden": {
        "sv": "(dolt tills studien avslutas)", "en": "(hidden until the trial is closed)"},
    "registry.cli_bad_strata": {
        "sv": "Stratumet '{value}' ska skrivas som namn=värde, t.ex. stadsdel=Norr.",
        "en": "The stratum '{value}' must be written as name=value, e.g. stadsdel=Norr.",
    },
    "registry.cli_randomized": {
        "sv": "Deltagaren {participant} är slumpad till '{arm}' i studien '{trial}' ({when}).",
        "en": "Participant {participant} was randomized to '{arm}' in the trial '{trial}' ({when}).",
    },
    "registry.form.title": {"sv": "Slumpa ny deltagare", "en": "Randomize a new participant"},
    "registry.form.participant": {
        "sv": "Deltagarens id",
        "en": "Participant id",
    },
    "registry.form.participant_help": {
        "sv": "ärendenummer eller personnummer (sparas bara som pseudonym)",
        "en": "case number or personnummer (stored only as a pseudonym)",
    },
    "registry.form.choose": {"sv": "Välj …", "en": "Choose …"},
    "registry.form.criteria": {
        "sv": "Inklusionskriterier (bocka i de som är uppfyllda)",
        "en": "Inclusion criteria (tick those that are met)",
    },
    "registry.form.not_eligible_box": {
        "sv": "Deltagaren uppfyller inte alla kriterier – registrera som ej behörig",
        "en": "The participant does not meet every criterion – record as not eligible",
    },
    "registry.form.consent": {"sv": "Deltagaren har samtyckt", "en": "The participant has consented"},
    "registry.form.confirm": {
        "sv": "Jag bekräftar att uppgifterna stämmer",
        "en": "I confirm that the details are correct",
    },
    "registry.form.button": {"sv": "Slumpa", "en": "Randomize"},
    "registry.form.need_confirm": {
        "sv": "Bocka i att uppgifterna stämmer innan du slumpar.",
        "en": "Tick that the details are correct before you randomize.",
    },
    "registry.form.need_stratum": {
        "sv": "Välj ett värde för '{factor}'.",
        "en": "Choose a value for '{factor}'.",
    },
    "registry.form.criteria_unticked": {
        "sv": "Alla inklusionskriterier måste vara uppfyllda för att slumpa. Ej ikryssat: {criteria}. Om deltagaren inte uppfyller dem: kryssa i 'registrera som ej behörig' och tryck igen.",
        "en": "Every inclusion criterion must be met to randomize. Not ticked: {criteria}. If the participant does not meet them: tick 'record as not eligible' and press again.",
    },
    "registry.form.result_new": {
        "sv": "Deltagaren {participant} är slumpad till",
        "en": "Participant {participant} is randomized to",
    },
    "registry.form.result_existing": {
        "sv": "Deltagaren {participant} var redan slumpad ({when}, av {by}) till",
        "en": "Participant {participant} was already randomized ({when}, by {by}) to",
    },
    "registry.form.existing_note": {
        "sv": "Ingen ny slumpning har gjorts – tilldelningen gäller.",
        "en": "No new draw was made – the allocation stands.",
    },
    "registry.form.next_default": {
        "sv": "Nästa steg: anteckna tilldelningen i journalen och följ rutinen för gruppen '{arm}'.",
        "en": "Next step: note the allocation in the case record and follow the routine for the arm '{arm}'.",
    },
    "registry.form.unexpected": {
        "sv": "Något gick fel och ingen slumpning sparades. Försök igen om en stund; kvarstår felet, kontakta den som ansvarar för studien.",
        "en": "Something went wrong and no randomization was saved. Try again shortly; if it persists, contact the person responsible for the trial.",
    },
    "registry.ri_owner_only": {
        "sv": "Randomiseringsinferens behöver hela slumplistan för studien '{trial}'; bara studieägaren kan se den.",
        "en": "Randomization inference needs the whole allocation list of trial '{trial}'; only the trial owner can see it.",
    },
    "registry.ri_not_randomized": {
        "sv": "{n} deltagare i analysen är inte slumpade i studien '{trial}' (t.ex. {ids}). Analysera bara de slumpade.",
        "en": "{n} participants in the analysis were not randomized in trial '{trial}' (e.g. {ids}). Analyse only those randomized.",
    },
    "registry.ri_scheme_unsupported": {
        "sv": "Slumpningsmetoden '{scheme}' kan inte köras om för randomiseringsinferens; använd ri_scheme='blocks' som approximation.",
        "en": "The allocation scheme '{scheme}' cannot be re-run for randomization inference; use ri_scheme='blocks' as an approximation.",
    },
    "registry.ri_unknown_arm": {
        "sv": "Gruppen '{arm}' finns inte i studien; grupperna är {arms}.",
        "en": "The arm '{arm}' is not in the trial; the arms are {arms}.",
    },
}
