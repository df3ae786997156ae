"""`doc_text`: the same text as `Doc.text`, built once per Doc."""

from __future__ import annotations

import spacy

from workers.nlp.doctext import doc_text


def test_doc_text_equals_doc_text_and_is_cached() -> None:
    doc = spacy.blank("en")("Migrants  crossed\nthe border on Monday. ")
    first = doc_text(doc)
    assert first == doc.text
    assert doc_text(doc) is first
