"""Sentences -> typed events: who did what to whom, when, how sure, for how much.

A package by job: ``lexicon`` (trigger words and their senses, from data/events.yaml),
``candidates`` (each trigger with its parse features), ``classify`` (the trained decision),
``factuality`` (the rules' veto), ``roles`` and ``participants`` (source, target, pronouns,
described groups), ``summary`` (the row in words), ``timing`` (the time expression of the
trigger's clause), ``core`` (the event rows of an article) and ``scoring`` (precision
against hand-judged events).

Conventions

* **What the chronicle shows by default**: events the text asserts happened (or are
  scheduled for a date), of one of the 20 CAMEO root types, that the trained model keeps
  with a probability of at least its threshold (0.76); an event told by a noun ("de
  aanslag", "het protest") also needs a named or described participant, since a noun
  without one is mostly an event named in passing. Negated, possible, generic and less
  certain events stay in the events table and CSV ("Also negated, possible and generic
  events"). The guideline is `docs/events.md`.
* **How right it is**: on held-out Dutch news, about four in five events shown by default
  are real, asserted events of the right type (62 and 67 of two samples of 80, judged
  strictly); about half name a right participant.
* **Participants**: source and target are actors; a pronoun or a short reference ("hij",
  "de minister", "beide landen") is resolved only where the article leaves one choice; a
  group without a name is kept in words ("de politie", "Honderden boeren").
* **Dates**: the time expression of the trigger's own clause, else the article date
  (`time_text` says "(article date)"). An event mentioned again later ("na de aanslag van
  maandag" is dated, "na de aanslag" is not) then carries the date of the report, not of
  the event: such rows are the commonest wrong date.
* **Summaries** are the trigger's clause in main-clause order, cut to who did what; where
  the parse is unsure the clause itself is shown.
"""

from kroniek.extract.events.core import MIN_CONFIDENCE, event_id, extract_events  # noqa: F401
from kroniek.extract.events.lexicon import Trigger, TriggerLexicon, find_triggers, load_triggers  # noqa: F401
