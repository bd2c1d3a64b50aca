"""Messages of the project notebook templates (``workbench.project.template``)."""

MESSAGES = {
    "template.missing": {
        "sv": "Mallarna för projektets anteckningsböcker saknas: mappen '{path}' finns inte. "
        "Installera workbench från källkoden (mappen templates/ ska ligga bredvid workbench/) "
        "eller kopiera mallarna dit för hand.",
        "en": "The project notebook templates are missing: the folder '{path}' does not exist. "
        "Install workbench from its source (the templates/ folder must sit beside workbench/) "
        "or copy the templates there by hand.",
    },
    "template.empty": {
        "sv": "Mappen '{path}' innehåller inga anteckningsböcker (.ipynb) att kopiera.",
        "en": "The folder '{path}' holds no notebooks (.ipynb) to copy.",
    },
    "template.no_project": {
        "sv": "Projektmappen '{path}' finns inte. Skapa den först med 'workbench new {path}' "
        "eller wb.Project.create(...).",
        "en": "The project folder '{path}' does not exist. Create it first with 'workbench new {path}' "
        "or wb.Project.create(...).",
    },
    "template.not_a_folder": {
        "sv": "'{path}' finns men är ingen mapp; anteckningsböckerna kan inte läggas där.",
        "en": "'{path}' exists but is not a folder; the notebooks cannot be put there.",
    },
}
