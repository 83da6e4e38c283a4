"""The engine version: part of every cache key, so a change of rules re-analyses stored articles."""

ENGINE_VERSION = "0.3.0"
