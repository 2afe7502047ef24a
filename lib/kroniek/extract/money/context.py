"""The noun an amount belongs to ("lening", "boete"), from the parse or the nearest lexicon noun."""

from __future__ import annotations

from kroniek.extract.money.lexicon import Lexicon
from kroniek.nlp.tree import span_root


def context_from_doc(doc, start_char: int, end_char: int, lex: Lexicon, has_parse: bool | None = None) -> str:
    """The noun the amount belongs to: dependency head first, then nearest lexicon noun
    of the same sentence (within 15 tokens)."""
    span = doc.char_span(start_char, end_char, alignment_mode="expand")
    if span is None:
        return ""
    per_unit = ""
    after = doc[span.end : span.end + 3]
    if len(after) >= 2 and after[0].lower_ == "per" and after[1].is_alpha:
        per_unit = f"per {after[1].text}"
    if has_parse is None:
        has_parse = doc.has_annotation("DEP")
    candidates: list[str] = []
    if has_parse:
        token = span_root(span)
        for _ in range(4):
            head = token.head
            if head is token:
                break
            word = _context_word(head, lex)
            if word:
                candidates.append(word)
                break
            token = head
        for child in span_root(span).children:
            if child.dep_ in ("nmod", "obl") or child.lower_ == "aan":
                for grandchild in child.subtree:
                    word = _context_word(grandchild, lex)
                    if word:
                        candidates.append(word)
                        break
    if not candidates:
        # nearest lexicon noun, looking outwards, never across a sentence start
        left = [doc[i] for i in range(span.start - 1, max(-1, span.start - 16), -1)]
        right = [doc[i] for i in range(span.end, min(len(doc), span.end + 15))]
        for k in range(max(len(left), len(right))):
            for side, token in (("left", left[k] if k < len(left) else None), ("right", right[k] if k < len(right) else None)):
                if token is None:
                    continue
                if side == "right" and token.is_sent_start:
                    right = right[:k]
                    continue
                word = _context_word(token, lex)
                if word:
                    candidates.append(word)
                    break
                if side == "left" and token.is_sent_start:
                    left = left[:k]
            if candidates:
                break
    noun = candidates[0] if candidates else ""
    return " ".join(x for x in (noun, per_unit) if x)


def _context_word(token, lex: Lexicon) -> str:
    for form in (token.lemma_.lower() if token.lemma_ else "", token.lower_):
        if form in lex.context_nouns:
            return lex.context_nouns[form]
    lower = token.lower_
    if len(lower) > 6:
        for size in range(len(lower) - 4, 3, -1):
            tail = lower[-size:]
            if tail in lex.context_nouns:
                return lex.context_nouns[tail]  # compounds: "coronasteun" -> steun
        if token.pos_ == "NOUN":
            # a compound whose head is no money noun takes its meaning from the part before:
            # "schuldenberg" is debt, "kostenpost" costs (the longest known first part)
            for size in range(len(lower) - 3, 3, -1):
                head = lower[:size]
                if head in lex.context_nouns:
                    return lex.context_nouns[head]
    return ""
