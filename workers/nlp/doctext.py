"""`Doc.text` without the cost: spaCy rebuilds it from every token on each access (about 5 ms on a long
article, measured), and the entity, relevance and event passes each need it, some per sentence."""

from __future__ import annotations

from spacy.tokens import Doc

_KEY = "borderlines.text"


def doc_text(doc: Doc) -> str:
    """`doc.text`, built once per Doc and kept in its `user_data`."""
    text = doc.user_data.get(_KEY)
    if text is None:
        text = doc.user_data[_KEY] = doc.text
    return text
