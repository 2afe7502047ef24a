"""Sentences -> typed events: who did what to whom, when, how sure, for how much.

A package by job: ``lexicon`` (trigger words and their senses, from data/events.yaml),
``roles`` (source and target from the parse), ``factuality`` (asserted, negated, possible,
generic), ``core`` (the event rows of an article) and ``scoring`` (precision against
hand-judged events).
"""

from kroniek.events.core import (  # noqa: F401
    MIN_CONFIDENCE,
    Trigger,
    TriggerLexicon,
    event_id,
    extract_events,
    find_triggers,
    load_triggers,
)
