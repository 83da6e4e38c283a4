"""Command-line interface: ``python -m analysis COMMAND`` (analyze, compare, import, report, tone,
train-tone, aliases)."""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from analysis.cli import aliases, analyze, compare, report, tone

# Each sub-command module exposes ``register(subparsers)``; its parsers set ``func``.
COMMANDS = (analyze, compare, report, tone, aliases)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every sub-command."""
    parser = argparse.ArgumentParser(prog="python -m analysis", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    for module in COMMANDS:
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the process exit code."""
    args = build_parser().parse_args(argv)
    return int(args.func(args))
