"""The ``festival-planner`` command: the editor and the headless commands.

Qt is imported only when the editor opens, so ``info`` (and later ``check``,
``route`` and CSV/GeoJSON ``export``) run on machines without a screen or
without Qt's system libraries. Errors are one sentence on stderr, exit code 2.
"""

from __future__ import annotations

import argparse
import ctypes.util
import re
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from planner import __version__
from planner.i18n import LANGUAGES, format_list, format_number, set_language, tr

EXIT_OK = 0
EXIT_FINDINGS = 1      # check: errors found; route: no path
EXIT_BAD_INPUT = 2


class UsageError(Exception):
    """A wrong command line, reported in one sentence."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one sentence instead of usage + traceback-like text
        raise UsageError(tr("{message}; see {prog} --help.", message=message, prog=self.prog))


def _argparse_words() -> dict[str, str]:
    """argparse's own words (usage, headings, its errors) in the current language."""
    return {
        "usage: ": tr("usage: "),
        "positional arguments": tr("positional arguments"),
        "options": tr("options"),
        "show this help message and exit": tr("show this help message and exit"),
        "show program's version number and exit": tr("show program's version number and exit"),
        "the following arguments are required: %s": tr("the following arguments are required: %s"),
        "unrecognized arguments: %s": tr("unrecognized arguments: %s"),
        "argument %(argument_name)s: %(message)s": tr("argument %(argument_name)s: %(message)s"),
        "invalid choice: %(value)r (choose from %(choices)s)":
            tr("invalid choice: %(value)r (choose from %(choices)s)"),
        "invalid %(type)s value: %(value)r": tr("invalid %(type)s value: %(value)r"),
        "expected one argument": tr("expected one argument"),
        "ambiguous option: %(option)s could match %(matches)s":
            tr("ambiguous option: %(option)s could match %(matches)s"),
    }


def _translate_argparse() -> None:
    """argparse looks its words up through gettext at the moment it uses them: answer in our language."""
    words = _argparse_words()
    argparse._ = lambda message: words.get(message, message)  # type: ignore[attr-defined]


def _add_lang(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lang", choices=LANGUAGES, default=None,
                        help=tr("language of the messages (default: the system locale)"))


def _editor_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="festival-planner",
        description=tr("Lay out an outdoor market festival and check that the crowd can flow. "
                       "Without a command, opens the editor on LAYOUT or on the bundled West Lake layout."),
        epilog=tr("Commands: 'festival-planner info LAYOUT' prints a summary, 'festival-planner check LAYOUT' "
                  "analyses crowd flow, 'festival-planner route LAYOUT FROM TO' finds a walking path, "
                  "'festival-planner export LAYOUT -o FILE' writes the booth map; each takes --help."),
    )
    parser.add_argument("layout", nargs="?", type=Path, metavar="LAYOUT",
                        help=tr("a *.festival.json file (default: the West Lake festival)"))
    parser.add_argument("--screenshot", type=Path, metavar="PNG",
                        help=tr("open the window, save a picture of it to PNG and exit"))
    parser.add_argument("--version", action="version", version=f"festival-planner {__version__}")
    _add_lang(parser)
    return parser


def _info_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="festival-planner info",
                     description=tr("Print a short summary of a layout: name, dates, site area, "
                                    "booths per zone and status, gates and visitors."))
    parser.add_argument("layout", type=Path, metavar="LAYOUT")
    _add_lang(parser)
    return parser


def _load(path: Path):
    from planner.formats import read_layout

    return read_layout(path)


def _cmd_info(args: argparse.Namespace) -> int:
    from planner.summary import format_summary

    print(format_summary(_load(args.layout)))
    return EXIT_OK


_XCB_LIBRARIES = {
    "xcb-cursor": "libxcb-cursor0", "xcb-icccm": "libxcb-icccm4",
    "xcb-keysyms": "libxcb-keysyms1", "xkbcommon-x11": "libxkbcommon-x11-0",
}


def _display_problem() -> str | None:
    """Why the editor cannot open a window here, or None when it can."""
    if os.environ.get("QT_QPA_PLATFORM") or sys.platform in ("win32", "darwin"):
        return None
    if os.environ.get("WAYLAND_DISPLAY"):
        return None
    if not os.environ.get("DISPLAY"):
        return tr("There is no display to open the editor on; on a machine without a screen use "
                  "'festival-planner check LAYOUT' or 'festival-planner export LAYOUT -o FILE'.")
    missing = [pkg for lib, pkg in _XCB_LIBRARIES.items() if ctypes.util.find_library(lib) is None]
    if missing:
        return tr("The editor needs these system libraries for Qt's X11 support: {packages} "
                  "(on Debian or Ubuntu: sudo apt-get install {packages}).", packages=" ".join(missing))
    return None


def _cmd_editor(args: argparse.Namespace) -> int:
    from planner.resources import bundled_layout

    path = args.layout or bundled_layout()
    layout = _load(path)
    problem = _display_problem()
    if problem:
        raise UsageError(problem)
    try:
        from planner.ui.app import run_editor
    except ImportError as exc:
        raise UsageError(tr("The editor cannot start because Qt could not be loaded ({reason}); "
                            "see the README for the system packages it needs.", reason=exc)) from None
    return run_editor(layout, Path(path), screenshot=args.screenshot, lang=args.lang)


def _check_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="festival-planner check",
                     description=tr("Analyse whether the crowd can flow: narrow aisles, unreachable booths, "
                                    "density per zone, egress time and its bottleneck."))
    parser.add_argument("layout", type=Path, metavar="LAYOUT")
    parser.add_argument("--json", action="store_true", help=tr("print the report as JSON"))
    _add_lang(parser)
    return parser


def _cmd_check(args: argparse.Namespace) -> int:
    import json

    from planner.solver import analyse
    from planner.solver.report_text import format_report

    layout = _load(args.layout)
    report = analyse(layout)
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
    else:
        print(format_report(report, layout))
    return EXIT_FINDINGS if report.errors else EXIT_OK


def _route_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="festival-planner route",
                     description=tr("The shortest walking path between two places: x,y, or the id, booth "
                                    "number, gate or zone name of something in the layout."))
    parser.add_argument("layout", type=Path, metavar="LAYOUT")
    parser.add_argument("origin", metavar="FROM")
    parser.add_argument("destination", metavar="TO")
    parser.add_argument("--json", action="store_true", help=tr("print the path as JSON"))
    _add_lang(parser)
    return parser


def _cmd_route(args: argparse.Namespace) -> int:
    import json

    from planner.solver.endpoints import EndpointError, resolve
    from planner.solver.paths import path_json
    from planner.solver.routes import Router
    from planner.solver.walkable import build_areas

    layout = _load(args.layout)
    areas = build_areas(layout)
    try:
        a = resolve(args.origin, layout, areas)
        b = resolve(args.destination, layout, areas)
    except EndpointError as exc:
        raise UsageError(str(exc)) from None
    path = Router(areas).shortest(a.point, b.point)
    result = path_json(a.label, b.label, path, layout.settings.walking_speed)
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
    elif path is None:
        print(tr("No walking path joins {a} and {b}.", a=args.origin, b=args.destination))
    else:
        from planner.solver.rules import duration

        print(tr("{length} m, {time} on foot at {speed} m/s", length=format_number(path.length, 1),
                 time=duration(path.length / layout.settings.walking_speed),
                 speed=format_number(layout.settings.walking_speed, 1)))
        print(" → ".join(f"({format_number(x, 1)}, {format_number(y, 1)})" for x, y in path.polyline))
    return EXIT_OK if path is not None else EXIT_FINDINGS


def _paper_arg(value: str) -> str:
    from planner.export.options import PAPERS, paper_name

    name = paper_name(value)
    if name is None:
        raise argparse.ArgumentTypeError(tr("unknown paper {paper}; choose one of {papers}", paper=value,
                                            papers=format_list(list(PAPERS))))
    return name


def _scale_arg(value: str) -> int | None:
    from planner.export.options import parse_scale

    try:
        return parse_scale(value)
    except ValueError:
        raise argparse.ArgumentTypeError(tr("expected fit or a scale such as 1:500, got {value}",
                                            value=value)) from None


def _dpi_arg(value: str) -> int:
    from planner.export.options import MAX_DPI, MIN_DPI

    try:
        dpi = int(value)
    except ValueError:
        dpi = 0
    if not MIN_DPI <= dpi <= MAX_DPI:
        raise argparse.ArgumentTypeError(tr("expected a resolution from {low} to {high} dpi, got {value}",
                                            low=MIN_DPI, high=MAX_DPI, value=value))
    return dpi


def _export_parser() -> argparse.ArgumentParser:
    from planner.export.options import ORIENTATIONS, SHEETS, VIEWS

    parser = _Parser(prog="festival-planner export",
                     description=tr("Write the booth map as PDF, PNG or SVG, the booth list as CSV, or the "
                                    "layout as GeoJSON, chosen by the suffix of OUT."))
    parser.add_argument("layout", type=Path, metavar="LAYOUT")
    parser.add_argument("-o", "--output", type=Path, required=True, metavar="OUT",
                        help=tr("the file to write: .pdf, .png, .svg, .csv or .geojson"))
    parser.add_argument("--paper", type=_paper_arg, default="A3",
                        help=tr("A4, A3, A2, A1, A0, Letter, Legal or Tabloid (default: A3)"))
    parser.add_argument("--orientation", choices=ORIENTATIONS, default="landscape",
                        help=tr("landscape or portrait (default: landscape)"))
    parser.add_argument("--scale", type=_scale_arg, default=None, metavar="fit|1:N",
                        help=tr("the zone sheets' scale, exactly true on paper; fit puts each zone on one "
                                "sheet if its booth numbers stay at least 6 pt, else tiles it (default: fit)"))
    parser.add_argument("--sheets", choices=SHEETS, default=None,
                        help=tr("which sheets: overview, zones, tiles or all (default: all for PDF, "
                                "overview for PNG and SVG)"))
    parser.add_argument("--view", choices=VIEWS, default="exhibitor",
                        help=tr("exhibitor, visitor or safety map (default: exhibitor)"))
    parser.add_argument("--dpi", type=_dpi_arg, default=200, help=tr("PNG resolution (default: 200)"))
    parser.add_argument("--exhibitor-index", action="store_true",
                        help=tr("add a booth index sorted by exhibitor name"))
    _add_lang(parser)
    return parser


def _cmd_export(args: argparse.Namespace) -> int:
    from planner.export import ExportError, ExportOptions, export_layout
    from planner.export.options import LIST_FORMATS, format_scale, output_format

    layout = _load(args.layout)
    options = ExportOptions(paper=args.paper, orientation=args.orientation, scale=args.scale,
                            sheets=args.sheets, view=args.view, dpi=args.dpi,
                            exhibitor_index=args.exhibitor_index)
    fmt = output_format(args.output.suffix)
    if args.scale is not None and fmt not in (None, *LIST_FORMATS) and options.sheets_for(fmt) == "overview":
        # SPEC §3: the overview always fits its sheet; --scale is the zone sheets' scale. Ignoring it
        # silently would hand over a map at another scale than the one asked for.
        raise UsageError(tr("--scale {scale} sets the scale of the zone sheets, but {file} gets only the "
                            "overview, which always fits its sheet; add --sheets zones, tiles or all, or "
                            "leave out --scale.", scale=format_scale(args.scale), file=args.output.name))
    try:
        result = export_layout(layout, args.output, options, source=args.layout)
    except ExportError as exc:
        raise UsageError(str(exc)) from None
    except ImportError as exc:
        if output_format(args.output.suffix) in LIST_FORMATS:
            raise
        raise UsageError(tr("Writing {file} needs Qt, which could not be loaded ({reason}); CSV and GeoJSON "
                            "exports work without it.", file=args.output.name, reason=exc)) from None
    for note in result.notes:
        print(f"festival-planner: {note}", file=sys.stderr)
    for path in result.files:
        print(tr("Wrote {file}.", file=str(path)))
    return EXIT_OK


COMMANDS = {
    "info": (_info_parser, _cmd_info),
    "check": (_check_parser, _cmd_check),
    "route": (_route_parser, _cmd_route),
    "export": (_export_parser, _cmd_export),
}


_POINT = re.compile(r"^\s*[-+]?\d")


def _shield_negative_points(args: list[str]) -> list[str]:
    """Keep ``-5,-5`` a point, not an option: argparse reads a leading dash as one."""
    return [f" {a}" if a.startswith("-") and "," in a and _POINT.match(a) else a for a in args]


def _looks_like_command(argv: list[str]) -> bool:
    """A first word that is no option, no existing path and no layout file name: a mistyped command."""
    if not argv or argv[0].startswith("-"):
        return False
    word = argv[0]
    return not Path(word).exists() and not word.endswith(".json") and "/" not in word and len(argv) > 1


def main(argv: Sequence[str] | None = None) -> int:
    from planner.formats import LayoutFileError

    argv = list(sys.argv[1:] if argv is None else argv)
    if "--lang" in argv[:-1]:
        set_language(argv[argv.index("--lang") + 1])
    else:
        set_language(next((a.split("=", 1)[1] for a in argv if a.startswith("--lang=")), None))
    _translate_argparse()
    try:
        if argv and argv[0] in COMMANDS:
            make_parser, command = COMMANDS[argv[0]]
            args = make_parser().parse_args(_shield_negative_points(argv[1:]))
        elif _looks_like_command(argv):
            raise UsageError(tr("{word} is neither a command nor a layout file; the commands are {commands}.",
                                word=argv[0], commands=format_list(list(COMMANDS))))
        else:
            args = _editor_parser().parse_args(argv)
            command = _cmd_editor
        return command(args)
    except (UsageError, LayoutFileError) as exc:
        print(f"festival-planner: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader of our output went away (``| head``): stop quietly.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
