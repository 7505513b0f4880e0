"""The ``festival-planner`` command: the editor and the headless commands.

Qt is imported only when the editor opens, so ``info`` (and later ``check``,
``route`` and CSV/GeoJSON ``export``) run on machines without a screen or
without Qt's system libraries. Errors are one sentence on stderr, exit code 2.
"""

from __future__ import annotations

import argparse
import ctypes.util
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from planner import __version__
from planner.i18n import LANGUAGES, set_language, tr

EXIT_OK = 0
EXIT_BAD_INPUT = 2


class UsageError(Exception):
    """A wrong command line, reported in one sentence."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one sentence instead of usage + traceback-like text
        raise UsageError(tr("{message}; see {prog} --help.", message=message, prog=self.prog))


def _add_lang(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lang", choices=LANGUAGES, default=None,
                        help=tr("language of the messages (default: the system locale)"))


def _editor_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="festival-planner",
        description=tr("Lay out an outdoor market festival and check that the crowd can flow. "
                       "Without a command, opens the editor on LAYOUT or on the bundled West Lake layout."),
        epilog=tr("Commands: festival-planner info LAYOUT prints a summary of a layout."),
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
    return run_editor(layout, Path(path), screenshot=args.screenshot)


COMMANDS = {"info": (_info_parser, _cmd_info)}


def main(argv: Sequence[str] | None = None) -> int:
    from planner.formats import LayoutFileError

    argv = list(sys.argv[1:] if argv is None else argv)
    if "--lang" in argv[:-1]:
        set_language(argv[argv.index("--lang") + 1])
    else:
        set_language(next((a.split("=", 1)[1] for a in argv if a.startswith("--lang=")), None))
    try:
        if argv and argv[0] in COMMANDS:
            make_parser, command = COMMANDS[argv[0]]
            args = make_parser().parse_args(argv[1:])
        else:
            args = _editor_parser().parse_args(argv)
            command = _cmd_editor
        return command(args)
    except (UsageError, LayoutFileError) as exc:
        print(f"festival-planner: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130
