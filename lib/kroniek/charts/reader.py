"""The article reader's HTML: the text with actors, money and time expressions marked.

A pure function of the text and the table rows (offsets into the text), so it can be
tested without Streamlit.  Every piece of article text and every tooltip is
HTML-escaped: an article containing ``<script>`` shows it as text.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from kroniek.charts.money import figure_text

STYLE = """
<style>
.kr-reader{line-height:1.7;font-size:1.02rem;white-space:pre-wrap}
.kr-actor{background:#dbe9f6;border-radius:3px;padding:0 2px}
.kr-money{background:#fde2c4;border-radius:3px;padding:0 2px}
.kr-time{background:#d9f0d3;border-radius:3px;padding:0 2px}
.kr-focus{outline:2px solid #1f4e79;background:#fff8d6}
</style>
"""
PRIORITY = {"money": 0, "time": 1, "actor": 2}


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    kind: str  # actor / money / time
    tip: str


def choose_marks(marks: list[Mark], length: int) -> list[Mark]:
    """Drop marks outside the text and marks overlapping a higher-priority one."""
    kept: list[Mark] = []
    for mark in sorted(marks, key=lambda m: (PRIORITY.get(m.kind, 9), m.start, -m.end)):
        if not (0 <= mark.start < mark.end <= length):
            continue
        if all(mark.end <= k.start or mark.start >= k.end for k in kept):
            kept.append(mark)
    return sorted(kept, key=lambda m: m.start)


def highlight_html(text: str, marks: list[Mark], focus: tuple[int, int] | None = None) -> str:
    """Escaped HTML of ``text`` with ``<mark>``-style spans and an optional focused sentence."""
    chosen = choose_marks(marks, len(text))
    bounds = {0, len(text)}
    for m in chosen:
        bounds.update((m.start, m.end))
    if focus:
        bounds.update((max(0, focus[0]), min(len(text), focus[1])))
    points = sorted(b for b in bounds if 0 <= b <= len(text))
    out = ['<div class="kr-reader">']
    for a, b in zip(points, points[1:]):
        if a == b:
            continue
        piece = html.escape(text[a:b])
        mark = next((m for m in chosen if m.start <= a and b <= m.end), None)
        if mark is not None:
            piece = f'<span class="kr-{mark.kind}" title="{html.escape(mark.tip, quote=True)}">{piece}</span>'
        if focus and focus[0] <= a and b <= focus[1]:
            piece = f'<span class="kr-focus">{piece}</span>'
        out.append(piece)
    out.append("</div>")
    return STYLE + "".join(out)


def marks_from_tables(mentions, money, timexes) -> list[Mark]:
    """Marks for one article from its rows of the mentions, money and timexes tables."""
    marks = []
    for r in mentions.itertuples(index=False):
        marks.append(Mark(int(r.start), int(r.end), "actor", f"{r.actor} · {r.actor_type} · via {r.via}"))
    for r in money.itertuples(index=False):
        amount = figure_text(r.low, r.high, r.currency, r.low_eur, r.high_eur)
        marks.append(Mark(int(r.start), int(r.end), "money", " · ".join(x for x in (amount, r.kind, r.context or "") if x)))
    for r in timexes.itertuples(index=False):
        interval = f"{r.begin_date} – {r.end_date}" if r.begin_date else "not on the timeline"
        marks.append(Mark(int(r.start), int(r.end), "time", f"{r.value} · {interval} · {r.anchor}"))
    return marks
