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


def remember_text(doc: Doc, text: str) -> Doc:
    """Record the string `doc` was made from, so `doc_text` never rebuilds it (0.2 s per 300 dev-feed
    bodies, measured). spaCy's tokenizer keeps every character, so the two are equal; the end offset of the last
    token is checked as a cheap guard, and a Doc that fails it is left to `doc_text`."""
    end = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0
    if end == len(text):
        doc.user_data[_KEY] = text
    return doc
