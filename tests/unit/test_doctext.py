"""`doc_text`: the same text as `Doc.text`, built once per Doc."""

from __future__ import annotations

import spacy

from workers.nlp.doctext import doc_text, remember_text


def test_doc_text_equals_doc_text_and_is_cached() -> None:
    doc = spacy.blank("en")("Migrants  crossed\nthe border on Monday. ")
    first = doc_text(doc)
    assert first == doc.text
    assert doc_text(doc) is first


def test_remember_text_keeps_the_source_string_when_it_is_the_docs_text() -> None:
    nlp = spacy.blank("en")
    text = "Migrants  crossed\nthe border on Monday. "
    doc = remember_text(nlp(text), text)
    assert doc_text(doc) is text


def test_remember_text_refuses_a_string_the_doc_was_not_made_from() -> None:
    nlp = spacy.blank("en")
    doc = remember_text(nlp("Migrants crossed the border."), "Migrants crossed the border on Monday.")
    assert doc_text(doc) == "Migrants crossed the border."


def test_remember_text_on_an_empty_doc() -> None:
    doc = remember_text(spacy.blank("en")(""), "")
    assert doc_text(doc) == ""
