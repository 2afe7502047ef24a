"""The grammar of a monetary expression: [hedge] [currency] number [magnitude] [currency],
ranges ("X tot Y", "tussen X en Y") and changes ("steeg van X naar Y")."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Sequence

from kroniek.extract.money.lexicon import CurrencyWord, Lexicon, Tok
from kroniek.extract.money.numbers import number_word, parse_number


@dataclass
class Amount:
    start: int  # token index
    end: int  # token index, exclusive
    low: float
    high: float
    currency: str | None
    vague: bool = False
    has_magnitude: bool = False
    magnitude: float = 1.0
    cur_start: int | None = None
    written: bool = True  # the currency is written ("euro", "$"), not a default ("een ton")


@dataclass
class Figure:
    start: int
    end: int
    low: float
    high: float
    currency: str | None
    kind: str
    approx: bool
    inherited: bool = False  # no currency word: the currency is inferred
    extra: dict = field(default_factory=dict)


class _Parser:
    def __init__(
        self,
        toks: Sequence[Tok],
        lex: Lexicon,
        article_year: int | None,
        money_sentence: Callable[[int], bool],
        change_at: Callable[[int], bool] | None = None,
    ):
        """``money_sentence(char)``: the sentence at a character is about money;
        ``change_at(char)``: the word at a character is a verb or noun of change (by lemma)."""
        self.toks = toks
        self.change_at = change_at or (lambda _c: False)
        self.lows = tuple(t.low for t in toks)
        self.lex = lex
        self.year = article_year
        self.money_sentence = money_sentence
        self.ton_used = False

    def match(self, i: int, table: dict) -> tuple[object, int] | None:
        """Longest phrase from ``table`` starting at token i: (value, length)."""
        lows = self.lows
        for n in range(min(self.lex.max_phrase, len(lows) - i), 0, -1):
            key = lows[i : i + n]
            if key in table:
                return table[key], n
        return None

    def match_seq(self, i: int, phrases: list[tuple[str, ...]]) -> int:
        lows = self.lows
        for phrase in phrases:
            n = len(phrase)
            if lows[i : i + n] == phrase:
                return n
        return 0

    def currency_at(self, i: int, position: str) -> tuple[str, float, int] | None:
        hit = self.match(i, self.lex.currencies)
        if hit is None:
            return None
        word, n = hit
        assert isinstance(word, CurrencyWord)
        allowed = (position, "both") if position == "post" else (position, "both", "pre-mag")
        if word.position not in allowed:
            return None
        surface = " ".join(t.text for t in self.toks[i : i + n])
        if word.surface.isupper() and surface != word.surface:
            return None  # codes count only in capitals: "EUR", not "eur"
        currency = self._era(surface.lower(), word.currency)
        if currency is None:
            return None
        return currency, word.factor, n

    def _era(self, surface: str, currency: str) -> str | None:
        """The currency a word names in the article's year ("frank": Belgian before the
        euro, Swiss after; ``money.yaml``'s era currencies)."""
        if surface not in self.lex.era_currencies:
            return currency
        before, after = self.lex.era_currencies[surface]
        return before if self.lex.before_euro(self.year) else after

    def nucleus(self, i: int) -> tuple[float, float, int, bool] | None:
        """A bare number at token i: (low, high, tokens used, vague)."""
        if i >= len(self.toks):
            return None
        tok = self.toks[i]
        if tok.is_num:
            value = parse_number(tok.text)
            if value is None:
                return None
            half = self._half_after(i)  # "2 1/2 miljoen", "2½ miljoen"
            return value + 0.5 * bool(half), value + 0.5 * bool(half), 1 + half, False
        few = self.match_seq(i, self.lex.few_words)
        if few:
            if self.currency_at(i + few, "post") is not None:
                return 2.0, 9.0, few, True  # "een paar euro": a few units of the currency
            unit_tok = self.toks[i + few] if i + few < len(self.toks) else None
            if unit_tok is not None and unit_tok.low == "tonnen":
                return self.nucleus(i + few)[:2] + (few + 1, True) if self.nucleus(i + few) else None
            if unit_tok is not None and unit_tok.low in self.lex.vague:
                unit = self.lex.vague[unit_tok.low]
                return 2 * unit, 10 * unit - 1, few + 1, True
            unit = number_word(unit_tok.low) if unit_tok is not None else None
            if unit in (10.0, 100.0, 1000.0):
                return 2 * unit, 9 * unit, few + 1, True
            mag = self.magnitude_at(i + few)
            if mag is not None:
                return 2.0, 9.0, few, True  # "een paar miljoen": the magnitude follows
        hit = self.match(i, self.lex.extra_numbers)
        if hit is not None:
            value, n = hit
            return float(value), float(value), n, False
        if tok.low in self.lex.vague:
            unit = self.lex.vague[tok.low]
            return 2 * unit, 10 * unit - 1, 1, True
        if tok.low == "tonnen" and (self.currency_at(i + 1, "post") is not None or self.money_sentence(tok.start)):
            self.ton_used = True  # "vele tonnen": several hundred thousand (euro)
            return 200_000.0, 999_999.0, 1, True
        value = number_word(tok.low)
        if value is not None:
            halves = [t.low for t in self.toks[i + 1 : i + 4]]
            if halves[:2] == ["en", "een"] and len(halves) == 3 and halves[2] in ("half", "halve"):
                return value + 0.5, value + 0.5, 4, False  # "twee en een half miljoen"
            return value, value, 1, False
        return None

    def _half_after(self, i: int) -> int:
        """Tokens of a half right after the digits at i: "½" (1) or " 1/2" (3), else 0."""
        nxt = [t.text for t in self.toks[i + 1 : i + 4]]
        if nxt[:1] == ["½"]:
            return 1
        if nxt == ["1", "/", "2"] and self.toks[i + 3].end - self.toks[i + 1].start == 3:
            return 3
        return 0

    def magnitude_at(self, i: int) -> tuple[float, int] | None:
        if i >= len(self.toks):
            return None
        hit = self.match(i, self.lex.magnitudes)
        if hit is not None:
            value, n = hit
            # "k" only glued to digits or right after them ("5k", "5 k"), never a word.
            if self.toks[i].low == "k" and not self.toks[i - 1].is_num:
                return None
            return float(value), n
        if self.toks[i].low in self.lex.ton_words:
            nxt = self.currency_at(i + 1, "post")
            if nxt is not None or self.money_sentence(self.toks[i].start):
                self.ton_used = True
                return 100_000.0, 1
        return None

    def amount(self, i: int, bare_ok: bool = False) -> Amount | None:
        """[currency] number [magnitude...] [currency] at token i.

        ``bare_ok`` accepts a number word without magnitude or currency (the first bound
        of a range: "tussen zes en twaalf miljoen euro").
        """
        start = i
        currency = None
        factor = 1.0
        cur_start = None
        needs_magnitude = False
        pre = self.currency_at(i, "pre")
        if pre is not None:
            currency, factor, n = pre
            needs_magnitude = self.match(i, self.lex.currencies)[0].position == "pre-mag"  # type: ignore[index, union-attr]
            cur_start = i
            i += n
        nuc = self.nucleus(i)
        if nuc is None:
            return None
        low, high, n, vague = nuc
        is_word_number = not self.toks[i].is_num
        i += n
        price_suffix = False
        if not is_word_number and [t.text for t in self.toks[i : i + 2]] in ([",", "-"], [",", "–"], [",", "--"]):
            i += 2  # "$99, -": the Dutch round-price dash, spaced out by detokenisation
            price_suffix = True
        magnitude = 1.0
        has_mag = False
        while True:
            mag = self.magnitude_at(i)
            if mag is None:
                break
            value, n = mag
            if self.toks[i].low in ("miljoenen", "miljarden") and not vague:
                break
            magnitude *= value
            has_mag = True
            i += n
        if vague and not has_mag and currency is None and self.currency_at(i, "post") is None and not self.ton_used and high < 1e6:
            return None  # "duizenden": a count; "miljoenen" may be money (currency.py decides)
        post = self.currency_at(i, "post") if currency is None else None
        if post is not None:
            currency, factor, n = post
            cur_start = i
            i += n
        written = currency is not None
        if currency is None and getattr(self, "ton_used", False):
            # "een ton" is a figure in the news's own currency (before the euro: guilder)
            currency = self.lex.currency_default(self.year)
        self.ton_used = False
        if needs_magnitude and not has_mag and not price_suffix and not self.toks[i - 1].text.endswith((",-", ",--")):
            return None
        if is_word_number and not has_mag and currency is None and not bare_ok and not (vague and high >= 1e6):
            return None
        if self.toks[start].low == "een" and not has_mag and currency is None:
            return None
        return Amount(start, i, low * magnitude * factor, high * magnitude * factor, currency, vague, has_mag, magnitude, cur_start, written)

    def qualifier_before(self, i: int) -> tuple[str, bool, int] | None:
        """A hedge phrase ending right before token i: (kind, approx, start token)."""
        for n in range(self.lex.max_phrase, 0, -1):
            if i - n < 0:
                continue
            key = tuple(t.low for t in self.toks[i - n : i])
            if key in self.lex.qualifiers:
                kind, approx = self.lex.qualifiers[key]
                return kind, approx, i - n
        return None

    def opener_before(self, i: int) -> tuple[str, int] | None:
        for phrase in self.lex.range_openers:
            n = len(phrase)
            if i - n >= 0 and tuple(t.low for t in self.toks[i - n : i]) == phrase:
                return phrase[0], i - n
        return None

    def is_change(self, i: int, after: int | None = None) -> bool:
        """A verb or noun of change among the six tokens before token i, or (with ``after``)
        among the four after token ``after`` ("is van 5 tot 6 miljoen gestegen")."""
        window = list(self.toks[max(0, i - 6) : i])
        if after is not None:
            window += self.toks[after : after + 4]
        if any(t.low in self.lex.spread_words for t in window):
            return False  # "lopen uiteen van 40 tot 55 euro", "variëren van": a spread, not a change
        return any(t.low in self.lex.change_verbs or self.change_at(t.start) for t in window)

    def figures(self) -> list[Figure]:
        out: list[Figure] = []
        i = 0
        n_toks = len(self.toks)
        while i < n_toks:
            a = self.amount(i)
            if a is None:
                bare = self.amount(i, bare_ok=True)
                if bare is not None and self.match_seq(bare.end, self.lex.range_connectors) and (self.opener_before(i) or self._bound_follows(bare)):
                    a = bare
            if a is None:
                i += 1
                continue
            fig = self.assemble(a)
            if fig is None:
                i = a.end
                continue
            if isinstance(fig, list):
                out.extend(fig)
                i = max(f.end for f in fig)
            else:
                out.append(fig)
                i = fig.end
        return out

    def _bound_follows(self, a: Amount) -> bool:
        """A number word opens a range when the bound after "tot"/"à" has a magnitude or a
        currency ("zo'n drie tot vier ton", "vijf à zes miljoen euro")."""
        conn = self.match_seq(a.end, self.lex.range_connectors)
        if self.lows[a.end] not in ("tot", "à", "á", "a", "-", "–"):
            return False
        b = self.amount(a.end + conn)
        return b is not None and (b.has_magnitude or b.currency is not None) and a.high <= b.low / b.magnitude * (1 + 1e-9)

    def followed_by_percent(self, end: int) -> bool:
        return end < len(self.toks) and self.toks[end].low in ("%", "procent", "procentpunt", "procentpunten", "pct", "pct.")

    def assemble(self, a: Amount) -> Figure | list[Figure] | None:
        if self.followed_by_percent(a.end):
            return None
        # Range: A <connector> B
        conn_at = a.end
        opener = self.opener_before(a.start)
        if opener is not None and opener[0] == "tussen" and conn_at < len(self.toks) and self.toks[conn_at].text == "(":
            # "tussen de 236 miljoen (Zeeland) en 1,4 miljard euro": skip the parenthesis
            close = next((j for j in range(conn_at + 1, min(len(self.toks), conn_at + 8)) if self.toks[j].text == ")"), None)
            if close is not None and self.lows[close + 1 : close + 2] == ("en",):
                conn_at = close + 1
        conn = self.match_seq(conn_at, self.lex.range_connectors)
        if not conn and opener is not None and opener[0] == "van" and a.end < len(self.toks) and self.toks[a.end].low == "naar":
            conn = 1  # "steeg van 45 naar 150 euro": a change, read like "van ... tot"
        if conn:
            connector = tuple(t.low for t in self.toks[conn_at : conn_at + conn])
            b_at = conn_at + conn
            hedge = self.match(b_at, self.lex.qualifiers) if connector[0] in ("tot", "à", "á", "en") else None
            b = self.amount(b_at)
            if b is None and hedge is None and self.lows[b_at : b_at + 1] in (("wel",), ("zelfs",)):
                hedge = (("single", False), 1)  # "100.000 tot wel 200.000 euro"
            if b is None and hedge is not None:
                b = self.amount(b_at + hedge[1])  # "van 7146 euro tot ruim 108.000 euro"
                if b is not None:
                    b.vague = b.vague or bool(hedge[0][1])  # type: ignore[index]
            glued = connector in (("-",), ("–",)) and self.toks[a.end].start == self.toks[a.end - 1].end
            ok = b is not None and not self.followed_by_percent(b.end)
            if ok and connector == ("en",):
                ok = opener is not None and opener[0] == "tussen"
            if ok and connector == ("naar",):
                ok = opener is not None and opener[0] == "van"  # "van X naar Y" is always a change
            if ok and connector in (("a",),):
                ok = self.toks[a.end - 1].is_num
            if ok and connector in (("-",), ("–",)) and not glued and not (a.currency or a.has_magnitude):
                ok = True
            if ok:
                assert b is not None
                by_difference = (a.currency or a.has_magnitude) and a.start > 0 and self.lows[a.start - 1] == "met" and connector[0] == "tot" and self.is_change(a.start)
                if by_difference or (opener is not None and opener[0] == "van" and (
                    connector[0] == "naar" or (connector[0] == "tot" and self.is_change(opener[1], b.end))
                )):
                    # "steeg van 5 tot 6 miljoen euro", "daalt met 5 euro tot 1200 euro": two amounts
                    return self.change_figures(a, b, share_magnitude=not by_difference)
                return self.range_figure(a, b, opener)
        return self.single(a)

    def change_figures(self, a: Amount, b: Amount, share_magnitude: bool) -> list[Figure]:
        """Two single amounts of a change; the first shares the second's magnitude ("van 2
        tot 3 miljard") and currency, unless it is the difference ("met 5 tot 1200 euro")."""
        if share_magnitude and not a.has_magnitude and b.has_magnitude:
            a.low, a.high = a.low * b.magnitude, a.high * b.magnitude
        a.currency = a.currency or b.currency
        first = Figure(a.start, a.end, a.low, a.high, a.currency, "single", a.vague, inherited=not (a.written or b.written))
        if share_magnitude and b.has_magnitude:
            first.extra["shared_magnitude"] = True  # decided like a figure with a magnitude
        second = Figure(b.start, b.end, b.low, b.high, b.currency, "single", b.vague, inherited=not b.written)
        return [first, second]

    def single(self, a: Amount) -> Figure | None:
        if self.followed_by_percent(a.end):
            return None
        start, kind, approx = a.start, "single", a.vague
        q = self.qualifier_before(a.start)
        if q is not None:
            qkind, qapprox, qstart = q
            if self.toks[qstart].low == "tot" and self.is_change(qstart):
                # "daalde met 2,5 procent tot $2,73": the new value, not an upper bound
                q = None
        if q is not None:
            qkind, qapprox, qstart = q
            start, approx = qstart, approx or qapprox
            if not a.vague:
                kind = qkind
        if a.vague:
            kind = "range"
        fig = Figure(start, a.end, a.low, a.high, a.currency, kind, approx, inherited=not a.written)
        if a.vague and not a.has_magnitude:
            fig.extra["vague_bare"] = True  # "miljoenen": money only where the sentence says so
        return fig

    def range_figure(self, a: Amount, b: Amount, opener: tuple[str, int] | None) -> Figure:
        low, high = a.low, b.high
        if not a.has_magnitude and b.has_magnitude:
            low *= b.magnitude
        currency = a.currency or b.currency
        if a.currency is None and b.currency is not None:
            # the currency factor (cent) of B applies to A as well
            factor = self._factor(b)
            low *= factor
        if low > high:
            low, high = high, low
        start = a.start
        if opener is not None and opener[0] == "tussen":
            start = opener[1]
        approx = a.vague or b.vague
        q = self.qualifier_before(start)
        if q is not None and q[0] == "single":
            start, approx = q[2], True
        return Figure(start, b.end, low, high, currency, "range", approx, inherited=not (a.written or b.written))

    def _factor(self, b: Amount) -> float:
        if b.cur_start is None:
            return 1.0
        hit = self.currency_at(b.cur_start, "post") or self.currency_at(b.cur_start, "pre")
        return hit[1] if hit else 1.0
