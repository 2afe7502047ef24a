"""What the pattern set finds (``Found``) and what resolution makes of it (``Reading``)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kroniek.extract.timex.periods import D


@dataclass
class Reading:
    begin: D | None
    end: D | None
    value: str
    granularity: str
    relative: bool = True  # depends on the article date
    day_sized: bool = False  # resolves to the article's own period under coarse dates
    note: str = ""


@dataclass
class Found:
    start: int
    end: int
    kind: str
    m: re.Match | None
    parts: tuple["Found", "Found"] | None = None  # a "van X tot Y" range of two expressions
