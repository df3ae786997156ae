"""Short synthetic news items for the reliability tests: one or two varied sentences each, some about
migration, so thousands of them go through the real spaCy enrichment in seconds."""

from __future__ import annotations

import random
from typing import Any

import orjson

_COUNTRIES = ["Mexico", "Guatemala", "Honduras", "Spain", "Italy", "Greece", "Turkey", "Germany", "Morocco",
              "Libya", "Poland", "Chile", "Canada", "Kenya", "Japan", "Brazil"]
_CITIES = ["Madrid", "Rome", "Athens", "Berlin", "Rabat", "Warsaw", "Nairobi", "Ottawa", "Lima", "Tijuana"]
_TEMPLATES = [
    "Officials from {c1} and {c2} met in {city} on Monday to discuss migration.",
    "The border patrol said agents detained {n} migrants near the {c1} border last week.",
    "{c1} announced new asylum rules on Tuesday, the interior ministry said.",
    "A caravan of about {n} people left {city} heading north, local police said.",
    "The football club from {city} won {n2} to {n3} on Sunday.",
    "Shares in {city} rose after the central bank of {c1} kept interest rates unchanged.",
    "{c1} and {c2} signed an agreement on the return of irregular migrants in {city}.",
    "A court in {city} blocked the deportation of {n} asylum seekers to {c2}.",
    "Heavy rain flooded streets in {city} and closed two schools, officials said.",
    "The museum in {city} opened an exhibition of paintings from {c1}.",
    "{c1} will build a new reception centre for refugees near {city}, the government said.",
    "Farmers in {c1} protested against low prices outside the parliament in {city}.",
]


def body_for(n: int) -> str:
    rnd = random.Random(n)
    c1, c2 = rnd.sample(_COUNTRIES, 2)
    text = rnd.choice(_TEMPLATES).format(c1=c1, c2=c2, city=rnd.choice(_CITIES), n=rnd.randint(12, 900),
                                         n2=rnd.randint(0, 5), n3=rnd.randint(0, 5))
    if rnd.random() < 0.4:
        text += " " + rnd.choice(_TEMPLATES).format(c1=c2, c2=c1, city=rnd.choice(_CITIES),
                                                    n=rnd.randint(12, 900), n2=1, n3=2)
    return text


def item(item_id: str, n: int, **extra: Any) -> dict[str, Any]:
    return {"id": item_id, "url": f"https://example.test/{item_id}", "source": "reliability",
            "body": body_for(n), "published_at": "2024-05-06T08:00:00Z", **extra}


def items(prefix: str, count: int) -> tuple[list[str], list[bytes]]:
    """`count` items with ids `prefix-00000`...: (ids, encoded values)."""
    ids = [f"{prefix}-{n:05d}" for n in range(count)]
    return ids, [orjson.dumps(item(item_id, n)) for n, item_id in enumerate(ids)]
