"""Feed connector: poll RSS/Atom feeds and publish new items to news.raw.v1.

normalize.py and extract.py are pure (no network); http.py downloads with limits; state.py is
the sqlite store (dedup across restarts, conditional GET validators, backoff); sink.py is the
Kafka producer; poller.py ties them together; run.py is what `borderlines feeds poll` calls.
"""
