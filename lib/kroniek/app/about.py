"""About: what the About page tells of the pipeline in use, the alias file and the
conventions of time expressions, money and events (the extractors' own documentation)."""

from __future__ import annotations

from kroniek.data.gazetteer import alias_file_path
from kroniek.nlp import describe_pipeline

__all__ = ["alias_file_path", "conventions", "describe_pipeline"]


def conventions() -> dict[str, str]:
    """The conventions sections of the time-expression, money and event extractors' docstrings,
    as Markdown, by title."""
    # imported here: the extractors import spaCy, which only this page's visitors pay for
    from kroniek.extract import events, money, timex

    return {
        "Time expressions": timex.__doc__.split("Conventions", 1)[-1],
        "Money": money.__doc__.split("Conventions", 1)[-1],
        "Events": events.__doc__.split("Conventions", 1)[-1],
    }
