"""The ``workbench`` command (Swedish help text; ``--lang en`` for English messages)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from workbench.core.version import __version__
from workbench.core.errors import WorkbenchError


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="workbench",
        add_help=False,
        description="Utvärderingsverkstaden: utvärdera kommunala insatser steg för steg på utvärderingstrappan.",
        epilog="Exempel: workbench new mitt-projekt && workbench serve mitt-projekt",
    )
    _swedish_help(parser)
    parser.add_argument("--version", action="version", version=f"workbench {__version__}",
                        help="visa versionen och avsluta")
    parser.add_argument("--lang", choices=("sv", "en"), default="sv", help="språk för meddelanden (standard: sv)")
    sub = parser.add_subparsers(dest="command", metavar="KOMMANDO", title="kommandon")
    _add = sub.add_parser

    def add_parser(name: str, **kwargs):
        p = _add(name, add_help=False, **kwargs)
        _swedish_help(p)
        return p

    sub.add_parser = add_parser  # every subcommand gets Swedish help

    p = sub.add_parser("new", help="skapa en ny projektmapp", description="Skapa en ny projektmapp med projektbeskrivning.")
    p.add_argument("path", metavar="MAPP", help="mappen som ska skapas")
    p.add_argument("--namn", "--name", dest="name", help="projektets namn (standard: mappens namn)")

    p = sub.add_parser("status", help="visa var projektet står på utvärderingstrappan",
                       description="Visa vilket steg projektet nått, vad som saknas och nästa steg.")
    p.add_argument("path", metavar="MAPP", help="projektmappen")

    p = sub.add_parser("demo", help="bygg demoprojektet och starta appen",
                       description="Bygg demoprojektet 'Föräldrastöd i stadsdelarna' (föräldrastödet ur källtexterna, klättrat till steg 5 med exempeldata) och starta personalappen.")
    p.add_argument("--mapp", "--path", dest="path", default="demo-projekt", help="var demoprojektet byggs (standard: demo-projekt)")
    p.add_argument("--port", type=int, default=8866, help="port på 127.0.0.1 (standard: 8866)")
    p.add_argument("--bara-bygg", "--build-only", dest="build_only", action="store_true", help="bygg projektet men starta inte appen")

    p = sub.add_parser("report", help="skapa rapporten som en fristående HTML-fil",
                       description="Skapa projektets rapport (en HTML-fil som fungerar utan internet) och evidenskortet.")
    p.add_argument("path", metavar="MAPP", help="projektmappen")
    p.add_argument("--out", default=None, help="filen som skapas (standard: MAPP/rapporter/rapport.html)")

    p = sub.add_parser("randomize", help="slumpa en deltagare i en studie",
                       description="Slumpa en deltagare i projektets studie. Samma deltagare får alltid samma grupp.")
    p.add_argument("path", metavar="MAPP", help="projektmappen (eller en databas-URL)")
    p.add_argument("--studie", "--trial", dest="trial", required=True, help="studiens namn")
    p.add_argument("--deltagare", "--participant", dest="participant", required=True,
                   help="deltagarens id (personnummer pseudonymiseras med projektets nyckel)")
    p.add_argument("--strata", default=None, help="t.ex. 'stadsdel=Norr,kön=K'")
    p.add_argument("--av", "--by", dest="by", default=None, help="vem som slumpar (standard: inloggad användare)")
    p.add_argument("--kriterier-uppfyllda", "--criteria-confirmed", dest="criteria", action="store_true",
                   help="bekräfta att deltagaren uppfyller alla inklusionskriterier")
    p.add_argument("--samtycke", "--consent", dest="consent", action="store_true", help="deltagaren har samtyckt")

    p = sub.add_parser("verify", help="kontrollera att slumpningsregistret är orört",
                       description="Kontrollera hashkedjan och att slumplistorna kan återskapas från sina frön.")
    p.add_argument("path", metavar="MAPP", help="projektmappen (eller en databas-URL)")
    p.add_argument("--kvitto", "--receipt", dest="receipts", action="append", default=None,
                   help="ett kvitto eller en kort kod (t.ex. 57-3F9AC21B) som ska stämma; kan upprepas")
    p.add_argument("--projekt", "--project", dest="project_dir", default=None,
                   help="med en databas-URL: projektmappen vars kvitton och nyckel hör till registret")

    p = sub.add_parser("serve", help="starta personalappen för ett projekt",
                       description="Starta personalappen (Voilà) för projektet på 127.0.0.1.")
    p.add_argument("path", metavar="MAPP", help="projektmappen")
    p.add_argument("--port", type=int, default=8866, help="port på 127.0.0.1 (standard: 8866)")
    return parser


def _swedish_help(parser: argparse.ArgumentParser) -> None:
    parser._positionals.title = "argument"
    parser._optionals.title = "flaggor"
    parser.add_argument("-h", "--help", action="help", help="visa den här hjälpen och avsluta")


def _status_text(project, lang: str) -> str:
    status = project.status(lang=lang)
    lines = [status.explain(lang), ""]
    for s in status.steps:
        mark = "✔" if s.done and s.step <= status.reached else "✘"
        lines.append(f"{mark} {s.step}. {s.name}")
        lines.extend(f"    – {m}" for m in s.missing)
    if status.next_actions:
        lines.append("")
        lines.extend(status.next_actions)
    return "\n".join(lines)


def _registry_command(args: argparse.Namespace, lang: str) -> int:
    from workbench.registry.commands import randomize_command, verify_command

    target = args.path
    key = None
    folder = target if "://" not in str(target) else getattr(args, "project_dir", None)
    if folder is not None:
        from workbench.project.folder import Project

        project = Project.open(folder, lang=lang)
        key = project.pseudonym_key()
        target = project.path if "://" not in str(target) else target
        folder = project.path
    if args.command == "verify":
        ok, text = verify_command(target, receipts=args.receipts, key=key, project=folder, lang=lang)
        print(text)
        return 0 if ok else 1
    print(randomize_command(target, args.trial, args.participant, args.strata, args.by,
                            criteria_confirmed=args.criteria, consent=args.consent or None, key=key, lang=lang))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    lang = args.lang
    if args.command is None:
        parser.print_help()
        return 0
    try:
        from workbench.project.folder import Project

        if args.command == "new":
            path = Path(args.path)
            project = Project.create(path, name=args.name or path.name, lang=lang)
            from workbench.project.template import install_templates

            notebooks = install_templates(project.path, lang=lang)
            print(("Projektet skapades i" if lang == "sv" else "Project created in") + f" {project.path}")
            print(("Anteckningsböcker för varje steg:" if lang == "sv" else "Notebooks for each rung:")
                  + f" {len(notebooks)} i {project.path / 'anteckningar'}")
            return 0
        if args.command == "status":
            print(_status_text(Project.open(args.path, lang=lang), lang))
            return 0
        if args.command == "demo":
            from workbench.demo import build_demo

            project = build_demo(args.path)
            print(("Demoprojektet byggdes i" if lang == "sv" else "Demo project built in") + f" {project.path.resolve()}")
            if args.build_only:
                return 0
            from workbench.ui.serve import serve

            return serve(project.path, port=args.port, lang=lang)
        if args.command == "report":
            from workbench.reporting.report import build_report

            project = Project.open(args.path, lang=lang)
            build_report(project, out=args.out, lang=lang)
            out = args.out or project.folder("reports") / "rapport.html"
            print(("Rapporten skapades:" if lang == "sv" else "Report written:") + f" {out}")
            return 0
        if args.command in ("randomize", "verify"):
            return _registry_command(args, lang)
        if args.command == "serve":
            from workbench.ui.serve import serve

            project = Project.open(args.path, lang=lang)
            return serve(project.path, port=args.port, lang=lang)
    except WorkbenchError as err:
        print(err.message(lang), file=sys.stderr)
        return 2
    parser.print_help()
    return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
