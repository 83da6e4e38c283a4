"""The command line: ``python -m analysis analyze|compare|import|report`` (top layer)."""

from analysis.cli.parser import build_parser, main

__all__ = ["build_parser", "main"]
