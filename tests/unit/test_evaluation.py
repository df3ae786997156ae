"""Unit tests for workers.evaluation: the scoring must be right before any number it prints is trusted.

All texts here are written for the tests; nothing is read from /work/shared.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workers.evaluation import (
    PRF,
    THRESHOLDS,
    EvalReport,
    bare_spacy_entities,
    gold_to_input,
    load_gold,
    match_events,
    names_match,
    run_eval,
    score,
    score_entities,
    token_overlap,
)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"

S_MEET = "Secretary Jane Doe met on Monday with her Guatemalan counterpart, Carlos Ruiz, in Washington."
S_SIGN = "The two governments will sign a safe third country agreement next week."
S_STAT = (
    "Border agents detained more than 60,000 migrants last month, the Department of Homeland Security said."
)
S_WALL = "The Pentagon sent 2,000 troops to the border in Texas on Friday."
BODY = " ".join([S_MEET, S_SIGN, S_STAT, S_WALL])


def gold_event(
    etype: str,
    evidence: str,
    *,
    status: str = "occurred",
    actors: list[str] | None = None,
    countries: list[str] | None = None,
    date: str | None = None,
) -> dict[str, Any]:
    return {
        "type": etype,
        "status": status,
        "actors": actors or [],
        "countries": countries or [],
        "location": None,
        "date": date,
        "evidence": evidence,
    }


def pred_event(
    etype: str,
    sentence: str,
    *,
    body: str = BODY,
    status: str = "occurred",
    actors: list[str] | None = None,
    countries: list[str] | None = None,
    date: str | None = None,
    offsets: bool = True,
) -> dict[str, Any]:
    start = body.find(sentence) if offsets else -1
    return {
        "event_id": f"e-{etype}-{start}",
        "event_type": etype,
        "status": status,
        "confidence": 0.9,
        "actors": [
            {"text": a, "canonical": a, "label": "PERSON", "country": None, "role": None}
            for a in actors or []
        ],
        "countries": countries or [],
        "location": None,
        "date": None if date is None else {"text": date, "resolved": date, "granularity": "day"},
        "quantities": [],
        "policies": [],
        "evidence": {"sentence": sentence, "start": start, "end": start + len(sentence) if offsets else -1},
        "source": {"item_id": "x", "url": None, "outlet": None, "published_at": None},
    }


GOLD_EVENTS = [
    gold_event(
        "OFFICIAL_MEETING",
        S_MEET,
        actors=["Jane Doe", "Carlos Ruiz"],
        countries=["GTM", "USA"],
        date="2019-03-25",
    ),
    gold_event(
        "AGREEMENT",
        S_SIGN,
        status="planned",
        actors=["United States", "Guatemala"],
        countries=["GTM", "USA"],
        date=None,
    ),
    gold_event(
        "ENFORCEMENT_STATISTIC",
        S_STAT,
        actors=["Department of Homeland Security"],
        countries=["USA"],
        date="2019-02",
    ),
]
GOLD_ENTITIES = {
    "PERSON": ["Jane Doe", "Carlos Ruiz"],
    "ORG": ["Department of Homeland Security", "Pentagon"],
    "GPE": ["Washington", "Texas"],
    "LOC": [],
}


def gold_item(
    item_id: str = "doc-1",
    *,
    events: list[dict[str, Any]] | None = None,
    relevant: bool = True,
    entities: dict[str, list[str]] | None = None,
    body: str = BODY,
) -> dict[str, Any]:
    return {
        "id": item_id,
        "url": f"https://example.org/{item_id}",
        "source": "Example Wire",
        "title": "A test article",
        "body": body,
        "published_at": "2019-03-26T12:00:00Z",
        "gold": {
            "migration_relevant": relevant,
            "events": GOLD_EVENTS if events is None else events,
            "entities": GOLD_ENTITIES if entities is None else entities,
        },
    }


def perfect_prediction(item: dict[str, Any]) -> dict[str, Any]:
    """The prediction an ideal enricher would make for a gold item."""
    gold = item["gold"]
    events = [
        pred_event(
            e["type"],
            e["evidence"],
            body=item["body"],
            status=e["status"],
            actors=e["actors"],
            countries=e["countries"],
            date=e["date"],
        )
        for e in gold["events"]
    ]
    entities = [
        {"text": n, "label": label, "start": 0, "end": 1, "canonical": n, "country": None}
        for label, names in gold["entities"].items()
        for n in names
    ]
    return {
        "item_id": item["id"],
        "relevance": {"migration": gold["migration_relevant"], "score": 0.9, "topics": []},
        "entities": entities,
        "events": events,
    }


def empty_prediction(item_id: str = "doc-1") -> dict[str, Any]:
    return {
        "item_id": item_id,
        "relevance": {"migration": False, "score": 0.0, "topics": []},
        "entities": [],
        "events": [],
    }


# --------------------------------------------------------------------------- PRF arithmetic


def test_prf_arithmetic_and_vacuous_cases() -> None:
    prf = PRF(tp=2, fp=1, fn=3)
    assert prf.precision == pytest.approx(2 / 3)
    assert prf.recall == pytest.approx(2 / 5)
    assert prf.f1 == pytest.approx(2 * (2 / 3) * (2 / 5) / (2 / 3 + 2 / 5))
    assert PRF().f1 == 1.0  # no gold, no prediction: nothing to get wrong
    assert PRF(fn=2).recall == 0.0 and PRF(fn=2).f1 == 0.0
    assert PRF(fp=2).precision == 0.0 and PRF(fp=2).f1 == 0.0


# --------------------------------------------------------------------------- whole-report behaviour


def test_perfect_predictions_score_one_everywhere() -> None:
    items = [gold_item("doc-1"), gold_item("doc-2", events=[], relevant=False)]
    report = score(items, [perfect_prediction(i) for i in items])
    assert report.relevance.f1 == 1.0
    assert report.event_types.f1 == 1.0
    assert (report.events.tp, report.events.fp, report.events.fn) == (3, 0, 0)
    assert report.events.f1 == 1.0
    assert report.status.value == 1.0
    assert report.date.value == 1.0
    assert report.date_gold_nonnull.total == 2  # the AGREEMENT has no gold date
    assert report.entities.overall.f1 == 1.0
    assert all(report.meets_bar().values())
    assert set(report.meets_bar()) == set(THRESHOLDS)


def test_perfect_predictions_on_seed_fixture() -> None:
    items = load_gold(FIXTURES / "seed-gold.json")
    report = score(items, [perfect_prediction(i) for i in items])
    assert report.events.tp == len(items[0]["gold"]["events"]) == 6
    assert report.events.f1 == report.entities.overall.f1 == report.relevance.f1 == 1.0
    assert all(report.meets_bar().values())


def test_empty_prediction_gives_zero_recall() -> None:
    report = score([gold_item()], [empty_prediction()])
    assert report.relevance.recall == 0.0
    assert report.event_types.recall == 0.0
    assert report.events.recall == 0.0 and report.events.fn == 3
    assert report.entities.overall.recall == 0.0
    assert report.status.value is None and report.date.value is None
    assert not any(report.meets_bar().values())


def test_missing_prediction_counts_as_empty_and_is_listed() -> None:
    items = [gold_item("doc-1"), gold_item("doc-2")]
    report = score(items, [perfect_prediction(items[0]), perfect_prediction(gold_item("not-in-gold"))])
    assert report.missing_predictions == ["doc-2"]
    assert (report.events.tp, report.events.fn) == (3, 3)
    assert report.relevance.recall == 0.5
    doc2 = report.documents[1]
    assert not doc2.has_prediction and doc2.pred_relevant is None and doc2.matched == 0


def test_wrong_status_lowers_status_accuracy_only() -> None:
    item = gold_item()
    pred = perfect_prediction(item)
    pred["events"][1]["status"] = "occurred"  # gold says planned
    report = score([item], [pred])
    assert report.events.f1 == 1.0
    assert report.status.correct == 2 and report.status.total == 3
    assert report.status.value == pytest.approx(2 / 3)
    assert report.date.value == 1.0
    assert report.meets_bar()["status_accuracy"] is False


def test_missing_or_wrong_date_lowers_date_accuracy() -> None:
    item = gold_item()
    pred = perfect_prediction(item)
    pred["events"][0]["date"] = None  # gold 2019-03-25: missing counts wrong
    pred["events"][2]["date"]["resolved"] = "2019-03"  # gold 2019-02: wrong month
    report = score([item], [pred])
    assert report.date.correct == 1 and report.date.total == 3  # null == null on the AGREEMENT is right
    assert report.date_gold_nonnull.correct == 0 and report.date_gold_nonnull.total == 2


def test_spurious_date_where_gold_has_none_is_wrong() -> None:
    item = gold_item()
    pred = perfect_prediction(item)
    pred["events"][1]["date"] = {"text": "next week", "resolved": "2019-04-01", "granularity": "day"}
    report = score([item], [pred])
    assert report.date.correct == 2
    assert report.date_gold_nonnull.value == 1.0


def test_a_relative_date_resolved_against_the_ingest_time_is_scored_as_no_date() -> None:
    """Gold leaves "next Tuesday" null in an undated item; the record resolves it against the ingest time and
    says so. The scorer compares it as null, and keeps the resolved value in `date_as_resolved`."""
    item = gold_item()
    pred = perfect_prediction(item)
    pred["events"][1]["date"] = {
        "text": "next Tuesday", "resolved": "2026-12-01", "granularity": "day", "anchor": "ingest_time"
    }
    report = score([item], [pred])
    assert report.date.correct == 3
    assert report.date_as_resolved.correct == 2 and report.date_as_resolved.total == 3


def test_a_written_year_or_a_publication_anchor_keeps_the_date_scored() -> None:
    item = gold_item()
    pred = perfect_prediction(item)
    pred["events"][1]["date"] = {  # the text's own date, even in an undated item
        "text": "June 4, 2019", "resolved": "2019-06-04", "granularity": "day", "anchor": "ingest_time"
    }
    pred["events"][0]["date"] = {  # an anchored relative date as published: still wrong against gold
        "text": "Tuesday", "resolved": "2019-03-26", "granularity": "day", "anchor": "published_at"
    }
    report = score([item], [pred])
    assert report.date.correct == 1
    assert report.date.correct == report.date_as_resolved.correct


def test_relevance_counts() -> None:
    items = [
        gold_item("a", relevant=True),
        gold_item("b", relevant=False, events=[]),
        gold_item("c", relevant=True),
    ]
    preds = [perfect_prediction(i) for i in items]
    preds[1]["relevance"]["migration"] = True  # false positive
    preds[2]["relevance"]["migration"] = False  # false negative
    report = score(items, preds)
    assert (report.relevance.tp, report.relevance.fp, report.relevance.fn) == (1, 1, 1)


def test_event_types_are_scored_per_document_pairs() -> None:
    items = [
        gold_item("a", events=[GOLD_EVENTS[0], GOLD_EVENTS[0] | {"evidence": S_WALL}]),
        gold_item("b", events=[GOLD_EVENTS[2]]),
    ]
    preds = [empty_prediction("a"), empty_prediction("b")]
    preds[0]["events"] = [pred_event("OFFICIAL_MEETING", S_MEET), pred_event("BORDER_SECURITY", S_WALL)]
    preds[1]["events"] = [pred_event("OFFICIAL_MEETING", S_MEET)]
    report = score(items, preds)
    # gold pairs {(a, MEETING), (b, STAT)}; predicted {(a, MEETING), (a, BORDER), (b, MEETING)}
    assert (report.event_types.tp, report.event_types.fp, report.event_types.fn) == (1, 2, 1)
    assert report.documents[0].event_types.precision == 0.5
    assert report.documents[0].event_types.recall == 1.0


# --------------------------------------------------------------------------- event matching


def test_type_must_agree_even_with_same_evidence() -> None:
    gold = [gold_event("OFFICIAL_MEETING", S_MEET, actors=["Jane Doe"])]
    pred = [pred_event("OFFICIAL_VISIT", S_MEET, actors=["Jane Doe"])]
    pairs, missed, spurious = match_events("d", BODY, gold, pred)
    assert not pairs and len(missed) == 1 and len(spurious) == 1


def test_match_by_actor_containment_case_insensitive() -> None:
    gold = [gold_event("OFFICIAL_VISIT", S_MEET, actors=["Jane Doe"])]
    pred = [pred_event("OFFICIAL_VISIT", S_WALL, actors=["DOE"])]
    pairs, _, _ = match_events("d", BODY, gold, pred)
    assert len(pairs) == 1 and pairs[0].actor_overlap == 1 and not pairs[0].evidence_overlap


def test_match_by_shared_country_only() -> None:
    gold = [gold_event("BORDER_SECURITY", S_MEET, countries=["USA"])]
    pred = [pred_event("BORDER_SECURITY", S_WALL, countries=["MEX", "USA"])]
    pairs, _, _ = match_events("d", BODY, gold, pred)
    assert len(pairs) == 1 and pairs[0].country_overlap == 1


def test_no_shared_actor_country_or_evidence_is_no_match() -> None:
    gold = [gold_event("BORDER_SECURITY", S_MEET, actors=["Jane Doe"], countries=["GTM"])]
    pred = [pred_event("BORDER_SECURITY", S_WALL, actors=["Pentagon"], countries=["USA"])]
    pairs, missed, spurious = match_events("d", BODY, gold, pred)
    assert not pairs and len(missed) == len(spurious) == 1


def test_evidence_overlap_uses_character_offsets() -> None:
    # Gold evidence is a fragment of the meeting sentence; the prediction quotes the whole sentence.
    gold = [gold_event("OFFICIAL_MEETING", "met on Monday with her Guatemalan counterpart")]
    pred = [pred_event("OFFICIAL_MEETING", S_MEET)]
    pairs, _, _ = match_events("d", BODY, gold, pred)
    assert len(pairs) == 1 and pairs[0].evidence_overlap


def test_evidence_elsewhere_in_body_does_not_overlap() -> None:
    gold = [gold_event("OFFICIAL_MEETING", S_MEET)]
    pred = [pred_event("OFFICIAL_MEETING", S_SIGN)]
    pairs, _, _ = match_events("d", BODY, gold, pred)
    assert not pairs


def test_prediction_without_offsets_is_located_by_its_sentence() -> None:
    gold = [gold_event("OFFICIAL_MEETING", S_MEET)]
    pred = [pred_event("OFFICIAL_MEETING", S_MEET, offsets=False)]
    pairs, _, _ = match_events("d", BODY, gold, pred)
    assert len(pairs) == 1 and pairs[0].evidence_overlap


def test_gold_evidence_not_in_body_falls_back_to_token_overlap() -> None:
    # The annotator paraphrased: str.find fails, so content-word overlap decides.
    paraphrase = "Jane Doe met with Guatemalan counterpart Carlos Ruiz in Washington"
    assert BODY.find(paraphrase) < 0
    gold = [gold_event("OFFICIAL_MEETING", paraphrase)]
    pairs, _, _ = match_events("d", BODY, gold, [pred_event("OFFICIAL_MEETING", S_MEET)])
    assert len(pairs) == 1 and pairs[0].evidence_overlap
    pairs, _, _ = match_events("d", BODY, gold, [pred_event("OFFICIAL_MEETING", S_WALL)])
    assert not pairs


def test_token_overlap_ignores_function_words() -> None:
    assert token_overlap("the of and to", "the of and to") == 0.0
    assert token_overlap("troops sent to the border", "The Pentagon sent troops to the border.") == 1.0
    assert token_overlap("troops sent to the border", "Nothing related here") == 0.0


def test_matching_is_one_to_one() -> None:
    item = gold_item(events=[GOLD_EVENTS[0]])
    pred = empty_prediction()
    duplicate = pred_event("OFFICIAL_MEETING", S_MEET, actors=["Jane Doe"], date="2019-03-25")
    pred["events"] = [duplicate, dict(duplicate)]
    report = score([item], [pred])
    assert (report.events.tp, report.events.fp, report.events.fn) == (1, 1, 0)
    assert report.status.total == 1


def test_greedy_prefers_evidence_over_actor_matches() -> None:
    # Two gold events of one type share the actor; the single prediction quotes the second one's
    # sentence, so it must be paired with the second, leaving the first as the false negative.
    gold = [
        gold_event("BORDER_SECURITY", S_MEET, actors=["Jane Doe"], status="occurred"),
        gold_event("BORDER_SECURITY", S_WALL, actors=["Jane Doe"], status="planned"),
    ]
    pred = [pred_event("BORDER_SECURITY", S_WALL, actors=["Jane Doe"], status="planned")]
    pairs, missed, spurious = match_events("d", BODY, gold, pred)
    assert len(pairs) == 1 and pairs[0].gold.evidence == S_WALL and pairs[0].status_ok
    assert [m.evidence for m in missed] == [S_MEET] and not spurious


def test_greedy_prefers_more_shared_actors() -> None:
    gold = [
        gold_event("OFFICIAL_MEETING", "", actors=["Jane Doe"]),
        gold_event("OFFICIAL_MEETING", "", actors=["Jane Doe", "Carlos Ruiz"]),
    ]
    pred = [pred_event("OFFICIAL_MEETING", S_WALL, actors=["Jane Doe", "Carlos Ruiz"])]
    pairs, missed, _ = match_events("d", BODY, gold, pred)
    assert pairs[0].actor_overlap == 2 and missed[0].actors == ["Jane Doe"]


def test_greedy_assignment_recovers_both_pairs() -> None:
    gold = [
        gold_event("MIGRANT_MOVEMENT", S_MEET, actors=["Jane Doe"]),
        gold_event("MIGRANT_MOVEMENT", S_WALL, actors=["Jane Doe"]),
    ]
    # Listed in the opposite order: a first-come matcher would pair each with the wrong gold event.
    pred = [
        pred_event("MIGRANT_MOVEMENT", S_WALL, actors=["Jane Doe"], status="planned"),
        pred_event("MIGRANT_MOVEMENT", S_MEET, actors=["Jane Doe"]),
    ]
    pairs, missed, spurious = match_events("d", BODY, gold, pred)
    assert len(pairs) == 2 and not missed and not spurious
    assert all(p.evidence_overlap and p.gold.evidence == p.pred.evidence for p in pairs)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("Kirstjen Nielsen", "Nielsen", True),
        ("nielsen", "Kirstjen  NIELSEN", True),
        ("United States", "United States Border Patrol", True),
        ("US", "Business Council", False),  # word containment, not substring
        ("Sánchez", "Sanchez", False),  # accents are kept
        ("", "Anyone", False),
        # dotted abbreviations are one spelling of the name; acronyms are not expanded
        ("U.S. Border Patrol", "United States Border Patrol", True),
        ("U.N. refugee agency", "United Nations refugee agency", True),
        ("UNHCR", "United Nations High Commissioner for Refugees", False),
        ("Jesus Ortiz", "J.U.S. Ortiz", False),
    ],
)
def test_names_match(a: str, b: str, expected: bool) -> None:
    assert names_match(a, b) is expected


# --------------------------------------------------------------------------- entities


def test_entities_normalise_case_and_space_keep_accents_and_ignore_other_labels() -> None:
    item = gold_item(
        entities={"PERSON": ["Olga Sánchez", "Jane Doe"], "ORG": ["Pentagon"], "GPE": ["Texas"], "LOC": []}
    )
    pred = {
        "item_id": "doc-1",
        "entities": [
            {"text": "x", "label": "PERSON", "canonical": "jane  DOE"},
            {"text": "x", "label": "PERSON", "canonical": "Olga Sanchez"},  # accent dropped: wrong
            {"text": "x", "label": "ORG", "canonical": "Pentagon"},
            {"text": "x", "label": "ORG", "canonical": "Pentagon"},  # duplicates count once
            {"text": "Texas", "label": "GPE", "canonical": ""},  # empty canonical falls back to text
            {"text": "x", "label": "DATE", "canonical": "Friday"},  # not scored
            {"text": "x", "label": "NORP", "canonical": "Guatemalan"},  # not scored
        ],
    }
    scores = score_entities([item], [pred])  # no events, no relevance: entities only
    assert (scores.overall.tp, scores.overall.fp, scores.overall.fn) == (3, 1, 1)
    person = scores.by_label["PERSON"]
    assert (person.tp, person.fp, person.fn) == (1, 1, 1)
    assert scores.by_label["ORG"].f1 == scores.by_label["GPE"].f1 == 1.0
    assert scores.by_label["LOC"].f1 == 1.0
    assert ("doc-1", "PERSON", "olga sánchez") in scores.false_negatives


def test_entities_per_label_label_must_agree() -> None:
    item = gold_item(entities={"PERSON": [], "ORG": [], "GPE": ["Texas"], "LOC": []})
    pred = {"item_id": "doc-1", "entities": [{"text": "Texas", "label": "LOC", "canonical": "Texas"}]}
    scores = score_entities([item], [pred])
    assert scores.by_label["GPE"].fn == 1 and scores.by_label["LOC"].fp == 1


def test_score_handles_entity_only_predictions() -> None:
    item = gold_item()
    pred = {"item_id": "doc-1", "entities": perfect_prediction(item)["entities"]}
    report = score([item], [pred])
    assert report.entities.overall.f1 == 1.0
    assert report.events.recall == 0.0
    assert report.documents[0].pred_relevant is None


# --------------------------------------------------------------------------- loading and driver


def test_load_gold_accepts_jsonl_object_and_array(tmp_path: Path) -> None:
    items = [gold_item("a"), gold_item("b")]
    jsonl = tmp_path / "g.jsonl"
    jsonl.write_text("\n".join(json.dumps(i) for i in items) + "\n\n", encoding="utf-8")
    single = tmp_path / "g.json"
    single.write_text(json.dumps(items[0], indent=2), encoding="utf-8")
    array = tmp_path / "arr.json"
    array.write_text(json.dumps(items), encoding="utf-8")
    assert [i["id"] for i in load_gold(jsonl)] == ["a", "b"]
    assert [i["id"] for i in load_gold(str(single))] == ["a"]
    assert [i["id"] for i in load_gold(array)] == ["a", "b"]
    assert load_gold(FIXTURES / "seed-gold.json")[0]["gold"]["migration_relevant"] is True


def test_load_gold_rejects_records_without_gold(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps({"id": "x", "body": "no annotations"}) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match="record 1"):
        load_gold(path)


def test_run_eval_hides_gold_from_enrich(tmp_path: Path) -> None:
    items = [gold_item("a"), gold_item("b", events=[], relevant=False)]
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps(i) for i in items), encoding="utf-8")
    by_id = {i["id"]: i for i in items}
    seen: list[dict[str, Any]] = []

    def enrich(batch: list[dict[str, Any]]) -> list[dict[str, Any]]:
        seen.extend(batch)
        return [perfect_prediction(by_id[i["id"]]) for i in batch]

    report = run_eval(path, enrich, bare_model=None)
    assert [i["id"] for i in seen] == ["a", "b"]
    assert all("gold" not in i for i in seen) and seen[0]["body"] == BODY
    assert report.events.f1 == 1.0 and report.bare_entities is None
    assert report.enrich_seconds is not None


def test_gold_to_input_drops_annotations() -> None:
    item = gold_item() | {"notes": "annotator remarks"}
    assert set(gold_to_input(item)) == {"id", "url", "source", "title", "body", "published_at"}


def test_bare_spacy_entities_uses_raw_text_and_labels(monkeypatch: pytest.MonkeyPatch) -> None:
    spacy = pytest.importorskip("spacy")

    def fake_load(name: str) -> Any:
        assert name == "some_model"
        nlp = spacy.blank("en")
        ruler = nlp.add_pipe("entity_ruler")
        ruler.add_patterns(
            [
                {"label": "PERSON", "pattern": "Jane Doe"},
                {"label": "DATE", "pattern": "Monday"},
                {"label": "ORG", "pattern": [{"LOWER": "the"}, {"LOWER": "pentagon"}]},
            ]
        )
        return nlp

    monkeypatch.setattr(spacy, "load", fake_load)
    items = [gold_to_input(gold_item())]
    preds = bare_spacy_entities(items, "some_model")
    assert preds[0]["item_id"] == "doc-1" and "events" not in preds[0]
    ents = {(e["label"], e["canonical"]) for e in preds[0]["entities"]}
    assert ents == {("PERSON", "Jane Doe"), ("DATE", "Monday"), ("ORG", "The Pentagon")}
    first = preds[0]["entities"][0]
    assert BODY[first["start"] : first["end"]] == first["text"]
    scores = score_entities([gold_item()], preds)
    # The bare model keeps the article: "the pentagon" is not the gold "pentagon".
    assert scores.by_label["PERSON"].tp == 1 and scores.by_label["ORG"].fp == 1


# --------------------------------------------------------------------------- output


def _report_with_errors() -> EvalReport:
    item = gold_item()
    pred = perfect_prediction(item)
    pred["events"][0]["status"] = "planned"
    pred["events"].pop(2)
    pred["events"].append(pred_event("BORDER_SECURITY", S_WALL, countries=["USA"]))
    return score([item], [pred])


def test_format_text_shows_bar_table_and_verbose_errors() -> None:
    report = _report_with_errors()
    text = report.format_text(verbose=False)
    assert "PASS" in text and "FAIL" in text
    assert "doc-1" in text and "Per document" in text
    assert "False negatives" not in text
    verbose = report.format_text(verbose=True)
    assert "False negatives (gold events not found): 1" in verbose
    assert "ENFORCEMENT_STATISTIC" in verbose
    assert "False positives (predicted events not in gold): 1" in verbose
    assert "BORDER_SECURITY" in verbose
    assert "STATUS gold=occurred pred=planned; date gold=2019-03-25" in verbose


def test_to_dict_is_json_serialisable() -> None:
    report = _report_with_errors()
    data = json.loads(json.dumps(report.to_dict()))
    assert data["events"]["tp"] == 2 and data["events"]["fp"] == 1 and data["events"]["fn"] == 1
    assert data["meets_bar"]["status_accuracy"] is False
    assert data["documents"][0]["matched"] == 2
    assert data["events_by_type"]["BORDER_SECURITY"]["fp"] == 1


@given(
    keep=st.lists(st.booleans(), min_size=3, max_size=3),
    extra=st.lists(st.sampled_from([S_MEET, S_SIGN, S_STAT, S_WALL]), max_size=4),
)
def test_counts_are_consistent_for_any_subset(keep: list[bool], extra: list[str]) -> None:
    """Every gold event is either matched or missed, every prediction matched or spurious, and
    keeping a subset of the gold events as predictions gives precision 1 unless extras are added."""
    item = gold_item()
    pred = perfect_prediction(item)
    pred["events"] = [e for e, k in zip(pred["events"], keep, strict=True) if k]
    pred["events"] += [pred_event("OFFICIAL_MEETING", s, actors=["Jane Doe"]) for s in extra]
    report = score([item], [pred])
    assert report.events.tp + report.events.fn == 3
    assert report.events.tp + report.events.fp == len(pred["events"])
    assert report.events.tp >= sum(keep)
    assert report.status.total == report.events.tp
    if not extra:
        assert report.events.precision == 1.0 and report.events.tp == sum(keep)
