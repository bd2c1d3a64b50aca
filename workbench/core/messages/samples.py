"""Messages of the sample datasets (``workbench.data.samples``)."""

MESSAGES = {
    "samples.unknown": {
        "sv": "Det finns ingen exempeldata som heter '{name}'. Tillgängliga exempel: {available}. "
        "Se wb.list_samples() för en beskrivning av varje.",
        "en": "There is no sample dataset called '{name}'. Available samples: {available}. "
        "See wb.list_samples() for a description of each.",
    },
    "samples.bad_n": {
        "sv": "Storleken n={n} går inte att använda för '{name}': ange ett heltal på minst {minimum} "
        "(eller None för den levererade storleken).",
        "en": "The size n={n} cannot be used for '{name}': give an integer of at least {minimum} "
        "(or None for the shipped size).",
    },
}
