"""Record shapes of the enrichment contract (see README "Records" and schemas/).

TypedDicts rather than classes: the records are plain dicts that go straight to orjson.
Field names are the public contract: add fields, never rename.
"""

from __future__ import annotations

from typing import Literal, TypedDict

EventType = Literal[
    "OFFICIAL_MEETING",
    "OFFICIAL_VISIT",
    "AGREEMENT",
    "POLICY_ANNOUNCEMENT",
    "LEGISLATION",
    "COURT_RULING",
    "BORDER_SECURITY",
    "ENFORCEMENT_STATISTIC",
    "DETENTION",
    "DEPORTATION",
    "ENFORCEMENT_OPERATION",
    "MIGRANT_MOVEMENT",
    "SMUGGLING_TRAFFICKING",
    "HUMANITARIAN_INCIDENT",
    "AID_FUNDING",
    "PRESSURE_THREAT",
    "PROTECTION_GRANT",
]
EVENT_TYPES: tuple[str, ...] = EventType.__args__  # type: ignore[attr-defined]

Status = Literal["occurred", "planned", "ongoing", "negated", "hypothetical"]
STATUSES: tuple[str, ...] = Status.__args__  # type: ignore[attr-defined]

Granularity = Literal["day", "month", "year"]
DateAnchor = Literal["published_at", "ingest_time"]


class Entity(TypedDict):
    text: str
    label: str  # spaCy OntoNotes label, plus POLICY for named programmes and rules
    start: int  # character offsets into the item body
    end: int
    canonical: str
    country: str | None  # ISO 3166-1 alpha-3


class Actor(TypedDict):
    text: str
    canonical: str
    label: Literal["PERSON", "ORG", "GPE", "NORP"]
    country: str | None
    role: str | None  # e.g. "Secretary of Homeland Security", "agent", "counterpart"


class Location(TypedDict):
    text: str
    canonical: str
    country: str | None
    lat: float | None
    lon: float | None


class ResolvedDate(TypedDict):
    text: str
    resolved: str  # "YYYY-MM-DD" | "YYYY-MM" | "YYYY"
    granularity: Granularity
    anchor: DateAnchor  # what relative expressions were resolved against


class Quantity(TypedDict):
    value: float
    text: str
    unit: str


class Evidence(TypedDict):
    sentence: str
    start: int
    end: int


class Source(TypedDict):
    item_id: str
    url: str | None
    outlet: str | None
    published_at: str | None


class Event(TypedDict):
    event_id: str
    event_type: str
    status: str
    confidence: float
    actors: list[Actor]
    countries: list[str]
    location: Location | None
    date: ResolvedDate | None
    quantities: list[Quantity]
    policies: list[str]
    evidence: Evidence
    source: Source


class Relevance(TypedDict):
    migration: bool
    score: float
    topics: list[str]


class Processing(TypedDict):
    pipeline_version: str
    model: str
    duration_ms: float
    warnings: list[str]
    prefiltered: bool  # True: light path (entities only, no parse, no events): the words ruled migration out


class EnrichedItem(TypedDict):
    item_id: str
    url: str | None
    source: str | None
    title: str | None
    published_at: str | None
    language: str | None
    relevance: Relevance
    entities: list[Entity]
    events: list[Event]
    processing: Processing
