"""Sentences -> typed events: who did what to whom, when, how sure, for how much.

A package by job: ``lexicon`` (trigger words and their senses, from data/events.yaml),
``roles`` (source and target from the parse), ``factuality`` (asserted, negated, possible,
generic), ``timing`` (the time expression of the trigger's clause), ``core`` (the event
rows of an article) and ``scoring`` (precision against hand-judged events).
"""

from kroniek.extract.events.core import MIN_CONFIDENCE, event_id, extract_events  # noqa: F401
from kroniek.extract.events.lexicon import Trigger, TriggerLexicon, find_triggers, load_triggers  # noqa: F401
