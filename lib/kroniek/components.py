"""Kroniek's own spaCy pipeline stages, registered with spaCy when this module is imported.

Kept apart from :mod:`kroniek.nlp` so that reading the pipeline's name and cache key
never imports spaCy.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

_NAME_COMPOUND = re.compile(r"^([A-Z][\w&.']*?[\w&])-([a-z]{3,}\w*)$")


@Language.component("kroniek_split_names")
def split_name_compounds(doc: Doc) -> Doc:
    """Split "Ryanair-vliegtuig" into "Ryanair" "-" "vliegtuig".

    Dutch writes a name and a common noun as one hyphenated word; tokenizers keep it
    whole, which hides the name from NER.  Only a capitalised first part followed by a
    lower-case part is split, so "Wit-Rusland" and "Noord-Korea" stay whole.
    """
    with doc.retokenize() as retokenizer:
        for token in doc:
            m = _NAME_COMPOUND.match(token.text)
            if m:
                head, tail = m.group(1), m.group(2)
                words = [head, "-", tail]
                heads = [(token, 0), (token, 0), (token, 0)]
                retokenizer.split(token, words, heads=heads)
    return doc
