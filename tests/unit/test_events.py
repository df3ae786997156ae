"""Event extraction rules, on short texts written for these tests (tests/fixtures/texts) and the seed."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

from workers.nlp.enrich import Enricher
from workers.nlp.types import EVENT_TYPES, STATUSES, Event

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
PUBLISHED = "2019-03-26T20:00:00Z"  # a Tuesday


@pytest.fixture(scope="module")
def enricher() -> Enricher:
    return Enricher()


def _item(body: str, *, title: str | None = None, published_at: str | None = PUBLISHED) -> dict[str, Any]:
    return {
        "id": "t-1",
        "url": "https://example.test/a",
        "source": "test-wire",
        "title": title,
        "body": body,
        "published_at": published_at,
    }


def _events(enricher: Enricher, body: str, **kwargs: Any) -> list[Event]:
    return enricher.enrich_one(_item(body, **kwargs))["events"]


def _one(events: list[Event], event_type: str) -> Event:
    found = [e for e in events if e["event_type"] == event_type]
    assert len(found) == 1, [(e["event_type"], e["status"]) for e in events]
    return found[0]


# One sentence per event type; all texts written for this test.
TYPE_CASES = [
    (
        "OFFICIAL_MEETING",
        "occurred",
        "Mexico's foreign minister met with the U.S. Secretary of Homeland Security on Monday in Washington "
        "to discuss the growing number of asylum seekers.",
    ),
    (
        "OFFICIAL_VISIT",
        "planned",
        "The Homeland Security secretary will travel to Guatemala next week to discuss migration with "
        "President Luis Herrera.",
    ),
    (
        "AGREEMENT",
        "occurred",
        "Guatemala and the United States signed a safe third country agreement on Friday, forcing asylum "
        "seekers to apply for protection in Guatemala.",
    ),
    (
        "POLICY_ANNOUNCEMENT",
        "occurred",
        "The Department of Homeland Security announced a new policy on Monday requiring asylum seekers to wait "
        "in Mexico while their cases are processed.",
    ),
    (
        "LEGISLATION",
        "occurred",
        "The House passed a bill on Thursday that would give legal status to young immigrants brought to the "
        "country as children.",
    ),
    (
        "COURT_RULING",
        "occurred",
        "A federal judge in San Francisco blocked the administration's asylum ban on Monday, ruling that it "
        "violates immigration law.",
    ),
    (
        "BORDER_SECURITY",
        "occurred",
        "The Pentagon deployed 5,000 troops to the southern border last month to stop migrants from crossing "
        "illegally.",
    ),
    (
        "ENFORCEMENT_STATISTIC",
        "occurred",
        "Border Patrol agents apprehended more than 60,000 migrants at the southern border in February, "
        "officials said.",
    ),
    (
        "DETENTION",
        "ongoing",
        "Hundreds of migrant children are being held in a detention center in Texas, according to lawyers for "
        "the families.",
    ),
    (
        "DEPORTATION",
        "occurred",
        "Immigration authorities deported 120 Guatemalans on a charter flight to Guatemala City on Tuesday.",
    ),
    (
        "ENFORCEMENT_OPERATION",
        "occurred",
        "ICE agents arrested 280 immigrant workers in a raid at a technology company in Allen, Texas, on "
        "Wednesday.",
    ),
    (
        "MIGRANT_MOVEMENT",
        "ongoing",
        "A caravan of about 3,000 migrants from Honduras is moving north through southern Mexico toward the "
        "United States.",
    ),
    (
        "SMUGGLING_TRAFFICKING",
        "occurred",
        "Federal prosecutors in Arizona charged six men with smuggling migrants across the border in "
        "tractor-trailers.",
    ),
    (
        "HUMANITARIAN_INCIDENT",
        "occurred",
        "Border Patrol agents fired tear gas at migrants who tried to climb the border fence near Tijuana on "
        "Sunday.",
    ),
    (
        "AID_FUNDING",
        "occurred",
        "The State Department cut aid to Guatemala, Honduras and El Salvador on Friday after the president "
        "complained about migrant flows.",
    ),
    (
        "PRESSURE_THREAT",
        "occurred",
        "The president threatened on Friday to close the border with Mexico if the Mexican government did not "
        "stop the migrants.",
    ),
    (
        "PROTECTION_GRANT",
        "occurred",
        "The Department of Homeland Security extended Temporary Protected Status for 250,000 Salvadoran "
        "immigrants for another 18 months.",
    ),
]


def test_cases_cover_every_type() -> None:
    assert {t for t, _, _ in TYPE_CASES} == set(EVENT_TYPES)


@pytest.mark.parametrize(("event_type", "status", "text"), TYPE_CASES, ids=[c[0] for c in TYPE_CASES])
def test_event_type_and_status(enricher: Enricher, event_type: str, status: str, text: str) -> None:
    events = _events(enricher, text)
    event = _one(events, event_type)
    assert event["status"] == status
    assert event["status"] in STATUSES


@pytest.mark.parametrize(
    ("text", "event_type", "status"),
    [
        (
            "The two governments did not sign the migration agreement after talks in Mexico City broke down.",
            "AGREEMENT",
            "negated",
        ),
        (
            "The administration is considering a new travel ban aimed at asylum seekers from Central America.",
            "POLICY_ANNOUNCEMENT",
            "hypothetical",
        ),
        (
            "The minister will sign a migration accord with Honduras tomorrow in Tegucigalpa.",
            "AGREEMENT",
            "planned",
        ),
        (
            "The caravan of Honduran migrants is moving through Guatemala toward the Mexican border.",
            "MIGRANT_MOVEMENT",
            "ongoing",
        ),
        ("Mexico signed a migration agreement with the United States on Friday.", "AGREEMENT", "occurred"),
        (
            "Congress is scheduled to vote on the border security bill next week, party leaders said.",
            "LEGISLATION",
            "planned",
        ),
        # "should"/"must" with a coming date tell a schedule; without one, a wish
        (
            "The justice minister should visit the migrant shelters in Pacaraima next week, his office said.",
            "OFFICIAL_VISIT",
            "planned",
        ),
    ],
)
def test_status(enricher: Enricher, text: str, event_type: str, status: str) -> None:
    assert _one(_events(enricher, text), event_type)["status"] == status


def test_the_writers_conjecture_on_a_condition_is_not_published(enricher: Enricher) -> None:
    lead = "Asylum seekers waited at the border in Tijuana. "
    act = "the American Civil Liberties Union is going to sue Texas in federal court over the migrant shelter closures"
    conjecture = f"If Governor Abbott goes ahead, {act}."
    commentary = (
        "If Governor Abbott goes ahead, though, it is almost certainly going to attract another court challenge "
        "from the American Civil Liberties Union over the migrant shelter closures."
    )
    assert [e for e in _events(enricher, lead + conjecture) if e["event_type"] == "COURT_RULING"] == []
    assert [e for e in _events(enricher, lead + commentary) if e["event_type"] == "COURT_RULING"] == []
    # "even if" concedes: the act stands; what a group said it will do if ... is its plan
    assert _one(_events(enricher, f"{lead}Even if Governor Abbott goes ahead, {act}."), "COURT_RULING")["status"] == (
        "planned"
    )
    said = (
        "The American Civil Liberties Union said it is going to sue Texas in federal court over the migrant "
        "shelter closures if Governor Abbott goes ahead."
    )
    assert _one(_events(enricher, lead + said), "COURT_RULING")["status"] == "planned"


def test_should_without_a_date_is_a_wish_not_a_schedule(enricher: Enricher) -> None:
    body = "The justice minister should visit the migrant shelters in Pacaraima, his critics said."
    statuses = [e["status"] for e in _events(enricher, body) if e["event_type"] == "OFFICIAL_VISIT"]
    assert statuses in ([], ["hypothetical"])


def test_threat_to_close_border_is_pressure_not_border_security(enricher: Enricher) -> None:
    events = _events(
        enricher,
        "The president threatened to close the southern border to stop the flow of migrants from Mexico.",
    )
    assert [e["event_type"] for e in events] == ["PRESSURE_THREAT"]
    assert events[0]["status"] == "occurred"


def test_meeting_about_trade_is_not_an_event(enricher: Enricher) -> None:
    item = json.loads((FIXTURES / "texts" / "not_migration.json").read_text(encoding="utf-8"))
    result = enricher.enrich_one(item)
    assert result["events"] == []
    assert result["relevance"]["migration"] is False


def test_a_caravan_of_vehicles_is_no_migrant_movement(enricher: Enricher) -> None:
    trucks = _events(enricher, "Migrants waited at the border crossing as officials checked papers. A caravan of "
                               "more than 300 cargo trucks left David before dawn on Wednesday.")
    assert "MIGRANT_MOVEMENT" not in {e["event_type"] for e in trucks}
    people = _events(enricher, "Migrants waited at the border crossing as officials checked papers. A caravan of "
                               "more than 3,000 migrants left Tapachula before dawn on Wednesday.")
    assert "MIGRANT_MOVEMENT" in {e["event_type"] for e in people}


def test_speculation_is_not_published(enricher: Enricher) -> None:
    body = (
        "Asylum seekers wait in shelters across northern Mexico. If the caravan ever reached the border, "
        "the migrants could cross within hours, one analyst speculated."
    )
    assert [e for e in _events(enricher, body) if e["event_type"] == "MIGRANT_MOVEMENT"] == []


@pytest.mark.parametrize(
    ("text", "event_type", "resolved", "granularity"),
    [
        (
            "The Homeland Security secretary met on Tuesday with Mexican officials to discuss asylum seekers.",
            "OFFICIAL_MEETING",
            "2019-03-26",
            "day",
        ),
        (
            "The Homeland Security secretary will travel to Honduras tomorrow to discuss migration.",
            "OFFICIAL_VISIT",
            "2019-03-27",
            "day",
        ),
        (
            "Last month, Customs and Border Protection detained more than 90,000 migrants at the southern "
            "border.",
            "ENFORCEMENT_STATISTIC",
            "2019-02",
            "month",
        ),
    ],
)
def test_relative_dates(
    enricher: Enricher, text: str, event_type: str, resolved: str, granularity: str
) -> None:
    date = _one(_events(enricher, text), event_type)["date"]
    assert date is not None
    assert (date["resolved"], date["granularity"], date["anchor"]) == (resolved, granularity, "published_at")


@pytest.mark.parametrize(
    ("text", "event_type", "resolved"),
    [
        # a state is dated when it was seen or reported ...
        ("As of Monday, 41 of the workers remained in ICE custody in Omaha, officials said.", "DETENTION",
         "2019-03-25"),
        ("The agency said Monday that it was holding about 8,000 migrants in custody in El Paso.", "DETENTION",
         "2019-03-25"),
        # ... never by the point it started from
        ("Since January, hundreds of migrant children have been held in a tent city in Texas.", "DETENTION", None),
        ("More than 900 people who landed after March 2 are being held at the camp on Lesbos.", "DETENTION", None),
        ("The caravan of about 5,000 migrants, which set off from Honduras on March 12, is still weeks from the "
         "border.", "MIGRANT_MOVEMENT", None),
    ],
)
def test_an_ongoing_state_is_dated_when_it_was_observed(
    enricher: Enricher, text: str, event_type: str, resolved: str | None
) -> None:
    event = _one(_events(enricher, text, title="Migrant detention"), event_type)
    assert (event["status"], event["date"] and event["date"]["resolved"]) == ("ongoing", resolved)


def test_the_baseline_of_a_comparison_does_not_date_the_figure(enricher: Enricher) -> None:
    text = (
        "Border Patrol agents made about 99,000 apprehensions along the southwest border in February, down "
        "from more than 140,000 in December, the agency said."
    )
    date = _one(_events(enricher, text), "ENFORCEMENT_STATISTIC")["date"]
    assert date is not None and date["resolved"] == "2019-02"


def test_missing_published_at_uses_ingest_time(enricher: Enricher) -> None:
    from datetime import UTC, datetime

    item = _item(
        "Immigration authorities deported 120 Guatemalans on a charter flight on Tuesday.", published_at=None
    )
    result = enricher.enrich_one(item, ingest_time=datetime(2019, 3, 28, 12, tzinfo=UTC))
    assert "published_at_missing:ingest_time_used" in result["processing"]["warnings"]
    event = _one(result["events"], "DEPORTATION")
    assert event["date"] is not None
    assert event["date"]["anchor"] == "ingest_time"
    assert event["date"]["resolved"] == "2019-03-26"


def test_repeated_mentions_merge_and_planned_dates_carry(enricher: Enricher) -> None:
    item = json.loads((FIXTURES / "texts" / "ministerial_trip.json").read_text(encoding="utf-8"))
    events = enricher.enrich_one(item)["events"]
    got = sorted((e["event_type"], e["status"], e["date"]["resolved"] if e["date"] else None) for e in events)
    want = sorted((e["type"], e["status"], e["date"]) for e in item["expected"]["events"])
    assert got == want


def test_evidence_offsets_and_ids(enricher: Enricher) -> None:
    body = (
        "Share this article\n\nThe Pentagon deployed 5,000 troops to the southern border last month to stop "
        "migrants from crossing illegally.\n\nLeave us your opinion"
    )
    first = enricher.enrich_one(_item(body))["events"]
    second = enricher.enrich_one(_item(body))["events"]
    assert [e["event_id"] for e in first] == [e["event_id"] for e in second]
    event = _one(first, "BORDER_SECURITY")
    assert re.fullmatch(r"[0-9a-f]{24}", event["event_id"])
    evidence = event["evidence"]
    assert body[evidence["start"] : evidence["end"]] == evidence["sentence"]
    assert "Share" not in evidence["sentence"]
    assert event["quantities"] == [{"value": 5000.0, "text": "5,000", "unit": "troops"}]
    assert event["source"] == {
        "item_id": "t-1",
        "url": "https://example.test/a",
        "outlet": "test-wire",
        "published_at": PUBLISHED,
    }


def test_boilerplate_lines_give_no_events(enricher: Enricher) -> None:
    body = (
        "Migrants crossed the border near El Paso on Monday, according to Border Patrol.\n\n"
        "Share this article about migrants who crossed the border\n\nLeave us your opinion"
    )
    events = _events(enricher, body)
    assert all("Share" not in e["evidence"]["sentence"] for e in events)


def test_counterpart_gets_country(enricher: Enricher) -> None:
    body = (
        "The U.S. Secretary of Homeland Security met on Tuesday with his Mexican counterpart, Olga "
        "Sánchez Cordero, in Miami to discuss illegal immigration."
    )
    event = _one(_events(enricher, body), "OFFICIAL_MEETING")
    countries = {a["canonical"]: a["country"] for a in event["actors"]}
    assert countries.get("Olga Sánchez Cordero") == "MEX"
    assert {"MEX", "USA"} <= set(event["countries"])
    assert event["location"] is not None and event["location"]["canonical"] == "Miami"
    assert event["countries"] == sorted(set(event["countries"]))


# --------------------------------------------------------------------------- seed article end to end


def _seed() -> Mapping[str, Any]:
    data: Mapping[str, Any] = json.loads((FIXTURES / "seed-gold.json").read_text(encoding="utf-8"))
    return data


def test_seed_article_events(enricher: Enricher) -> None:
    seed = _seed()
    result = enricher.enrich_one(dict(seed))
    got = sorted(
        (e["event_type"], e["status"], e["date"]["resolved"] if e["date"] else None) for e in result["events"]
    )
    want = sorted((e["type"], e["status"], e["date"]) for e in seed["gold"]["events"])
    assert got == want
    assert result["relevance"]["migration"] is True


def test_seed_article_event_details(enricher: Enricher) -> None:
    result = enricher.enrich_one(dict(_seed()))
    meeting = next(
        e for e in result["events"] if e["event_type"] == "OFFICIAL_MEETING" and e["status"] == "occurred"
    )
    names = {a["canonical"] for a in meeting["actors"]}
    assert {"Kirstjen Nielsen", "Olga Sánchez Cordero"} <= names
    assert {"MEX", "USA"} <= set(meeting["countries"])
    assert meeting["location"] is not None and meeting["location"]["canonical"] == "Miami"
    stat = next(e for e in result["events"] if e["event_type"] == "ENFORCEMENT_STATISTIC")
    assert stat["quantities"][0]["value"] == 75000
    assert stat["quantities"][0]["unit"] == "people"
    policy = next(e for e in result["events"] if e["event_type"] == "POLICY_ANNOUNCEMENT")
    assert "Migrant Protection Protocols" in policy["policies"] or policy["status"] == "ongoing"


def test_seed_article_entities(enricher: Enricher) -> None:
    seed = _seed()
    result = enricher.enrich_one(dict(seed))
    for label in ("PERSON", "GPE"):
        got = {e["canonical"] for e in result["entities"] if e["label"] == label}
        missing = set(seed["gold"]["entities"][label]) - got
        # the entity layer is tested in depth elsewhere; here: the facade passes its output through
        assert len(missing) <= 1, (label, missing)
    assert not any(e["text"].startswith("Déjanos") for e in result["entities"])


# --------------------------------------------------------------------------- precision rules


@pytest.mark.parametrize(
    "text",
    [
        # questions ask, they do not report
        "Will the administration deploy more troops to the southern border to stop migrants?",
        # an idea, not an occurrence
        "The cost of building a wall along the southern border keeps rising, immigration experts say.",
        # "meet" a deadline is no meeting
        "Congress failed to meet the deadline to protect Dreamers from deportation.",
        # a threat needs someone who threatens and an act threatened
        "Critics say the new asylum rules threaten the independence of immigration judges.",
        # background: a ruling years before publication
        "In 2009, a federal court ruled on a different asylum case at the border.",
        # speculation, not a proposal
        "If the caravan reached the border, the government could close the ports of entry, one analyst said.",
        # a relative clause describing who people are is no movement
        "The program has shielded hundreds of thousands of young immigrants who entered the United States "
        "illegally as children.",
        # remains sent home for burial are no removal
        "The Honduran consulate said the migrant's body will be returned to Honduras next week for burial.",
        # travellers delayed at an airport are not detained
        "Dozens of travellers from the seven countries in the travel ban were held up at U.S. airports on "
        "Saturday.",
        # people with no office meeting are no official meeting
        "Ana Ruiz said she met Tomás Pérez, a 7-year-old migrant, at an El Paso shelter on Monday.",
    ],
)
def test_precision_rules_drop(enricher: Enricher, text: str) -> None:
    assert _events(enricher, text) == []


def test_a_plan_that_died_is_no_death(enricher: Enricher) -> None:
    # a "death" that is not a person's; with learned events on (not the default) the classifier may read a
    # blocked bill here, which it is, so this asserts only what the rule is about
    events = _events(enricher, "The border security plan died quietly in the Senate, immigration advocates recalled.")
    assert [e for e in events if e["event_type"] == "HUMANITARIAN_INCIDENT"] == []


def test_policy_verb_with_named_programme_object(enricher: Enricher) -> None:
    text = (
        "In September, the president ended his predecessor's DACA -- Deferred Action for Childhood "
        "Arrivals -- program, which protects young immigrants from deportation."
    )
    event = _one(_events(enricher, text), "POLICY_ANNOUNCEMENT")
    assert event["status"] == "occurred"
    assert event["date"] is not None and event["date"]["resolved"] == "2018-09"
    assert "Deferred Action for Childhood Arrivals" in event["policies"]


def test_verbless_figure_is_a_statistic(enricher: Enricher) -> None:
    body = (
        "Border apprehensions keep climbing, officials at the Department of Homeland Security say. "
        "More than 66,000 people in February alone."
    )
    event = _one(_events(enricher, body), "ENFORCEMENT_STATISTIC")
    assert event["date"] is not None and event["date"]["resolved"] == "2019-02"
    assert event["quantities"][0]["value"] == 66000


def test_at_most_two_events_per_type(enricher: Enricher) -> None:
    body = " ".join(
        f"In {month} 2018, Border Patrol agents apprehended {n:,} migrants at the southern border."
        for month, n in [("January", 30_000), ("February", 31_000), ("March", 42_000), ("April", 45_000)]
    )
    assert len([e for e in _events(enricher, body) if e["event_type"] == "ENFORCEMENT_STATISTIC"]) == 2


def test_planned_meeting_inherits_the_trip_date(enricher: Enricher) -> None:
    body = (
        "On Thursday, the secretary of homeland security will travel to Honduras to discuss migration. "
        "She will also hold talks with the president of Honduras, Luis Herrera."
    )
    events = _events(enricher, body)
    meeting = _one(events, "OFFICIAL_MEETING")
    assert meeting["status"] == "planned"
    assert meeting["date"] is not None and meeting["date"]["resolved"] == "2019-03-28"
    herrera = next(a for a in meeting["actors"] if a["canonical"] == "Luis Herrera")
    assert herrera["country"] == "HND"


# --------------------------------------------------------------------------------------------
# Round 2: generalisation rules (all texts written for these tests)
# --------------------------------------------------------------------------------------------


def _direct(
    enricher: Enricher, body: str, published_at: str | None = PUBLISHED, *, learned: bool = False, **kwargs: Any
) -> list[Event]:
    """extract_events itself, without the item-level relevance gate (that is tested in test_enrich)."""
    from datetime import UTC, datetime

    from workers.nlp.dates import anchor_from
    from workers.nlp.entities import extract_entities
    from workers.nlp.events import extract_events

    item = {**_item(body, published_at=published_at), **kwargs}
    doc = enricher.nlp(body)
    anchor, kind = anchor_from(published_at, datetime(2026, 11, 28, 12, tzinfo=UTC))
    return extract_events(doc, extract_entities(doc), item, anchor, kind, learned=learned)


@pytest.mark.parametrize(
    ("text", "event_type", "status", "resolved"),
    [
        # a lawsuit that itself "claims" is the event, not the setting of a quote; a yearless month named
        # in a past-tense report is last year's when it lies ahead of the publication date
        (
            "A lawsuit filed in May claimed that the state motor vehicle agency had shared the records of "
            "undocumented immigrants with ICE.",
            "COURT_RULING",
            "occurred",
            "2018-05",
        ),
        (
            "The administration tried to end the asylum program, but the Supreme Court last month said it "
            "could stay in place.",
            "COURT_RULING",
            "occurred",
            "2019-02",
        ),
        (
            "California's new law allowing undocumented immigrants to obtain driver's licenses went into "
            "effect on Monday.",
            "POLICY_ANNOUNCEMENT",
            "occurred",
            "2019-03-25",
        ),
        (
            "Immigration officials said the asylum plan was expanded to families on March 4.",
            "POLICY_ANNOUNCEMENT",
            "occurred",
            "2019-03-04",
        ),
        (
            "The governor in January announced a new amnesty for undocumented farm workers.",
            "POLICY_ANNOUNCEMENT",
            "occurred",
            "2019-01",
        ),
        (
            "The Senate on Thursday approved a sweeping immigration overhaul by a wide margin.",
            "LEGISLATION",
            "occurred",
            "2019-03-21",
        ),
        (
            "The Fifth Circuit next week will hold oral arguments on the appeal against the asylum rule.",
            "COURT_RULING",
            "planned",
            "2019-04",
        ),
        (
            # a date in its own phrase on the verb, though "before" stands earlier (seventh session)
            "Testifying before the House Homeland Security Committee on Monday, the DHS secretary defended the "
            "new asylum rule.",
            "OFFICIAL_MEETING",
            "occurred",
            "2019-03-25",
        ),
    ],
)
def test_round2_triggers_and_dates(
    enricher: Enricher, text: str, event_type: str, status: str, resolved: str
) -> None:
    event = _one(_direct(enricher, text), event_type)
    assert event["status"] == status
    assert event["date"] is not None and event["date"]["resolved"] == resolved


@pytest.mark.parametrize(
    ("text", "event_type", "status"),
    [
        (
            "U.S. Citizenship and Immigration Services approved 40,000 applications for deferred action "
            "under the program.",
            "PROTECTION_GRANT",
            "occurred",
        ),
        (
            "In Texas, more than 40,000 applications were approved for the temporary protected status program.",
            "PROTECTION_GRANT",
            "occurred",
        ),
        (
            "The president signed an executive order ending the practice of separating migrant families at "
            "the border.",
            "POLICY_ANNOUNCEMENT",
            "occurred",
        ),
        (
            "A group of Republican senators introduced a legislative fix to keep migrant families together.",
            "LEGISLATION",
            "occurred",
        ),
        (
            "About 1,200 migrant teenagers are detained there now, officials said.",
            "DETENTION",
            "ongoing",
        ),
        (
            "President Trump vowed to declare a national emergency to build the border wall.",
            "BORDER_SECURITY",
            "planned",
        ),
        (
            "The senator pledged to introduce a bill to protect young immigrants from deportation.",
            "LEGISLATION",
            "planned",
        ),
    ],
)
def test_round2_types_and_status(enricher: Enricher, text: str, event_type: str, status: str) -> None:
    assert _one(_direct(enricher, text), event_type)["status"] == status


def test_planned_event_does_not_take_another_verbs_date(enricher: Enricher) -> None:
    text = "The governor is expected to sign the immigration bill passed by the legislature on Monday night."
    event = _one(_direct(enricher, text), "LEGISLATION")
    assert event["status"] == "planned"
    assert event["date"] is None


def test_date_range_and_reference_points_are_not_event_dates(enricher: Enricher) -> None:
    body = (
        "Immigration officials approved 30,000 applications for deferred action before the official "
        "start date of February 18."
    )
    assert _one(_direct(enricher, body), "PROTECTION_GRANT")["date"] is None


def test_shielding_from_deportation_is_no_statistic(enricher: Enricher) -> None:
    body = (
        "In June, the administration took steps to block the potential deportation of as many as 800,000 "
        "young immigrants."
    )
    assert [e for e in _direct(enricher, body) if e["event_type"] == "ENFORCEMENT_STATISTIC"] == []


def test_arrests_in_a_crackdown_are_an_operation(enricher: Enricher) -> None:
    body = "Immigration agents detained 150 people in March as part of a nationwide crackdown on visa overstays."
    types = {e["event_type"] for e in _direct(enricher, body)}
    assert "ENFORCEMENT_OPERATION" in types
    assert "ENFORCEMENT_STATISTIC" not in types


def test_definite_mention_merges_into_the_reported_lawsuit(enricher: Enricher) -> None:
    body = (
        "Immigrant rights groups filed a lawsuit on Tuesday against the state's new asylum rule. "
        "The lawsuit was filed on behalf of the Border Families Network, a coalition of shelters."
    )
    assert len([e for e in _direct(enricher, body) if e["event_type"] == "COURT_RULING"]) == 1


def test_study_findings_are_background(enricher: Enricher) -> None:
    body = (
        "Advocates released a report finding that poor medical care in immigration detention contributed "
        "to the deaths of six migrants."
    )
    types = {e["event_type"] for e in _direct(enricher, body)}
    assert "HUMANITARIAN_INCIDENT" not in types


def test_campaigners_wishes_are_not_published(enricher: Enricher) -> None:
    body = "Immigrant advocates continue to lobby other states to pass similar laws on driver's licenses for migrants."
    assert [e for e in _direct(enricher, body) if e["event_type"] == "LEGISLATION"] == []


def test_archive_item_without_publication_date_is_anchored_in_its_own_time(enricher: Enricher) -> None:
    item = json.loads((FIXTURES / "texts" / "undated_archive.json").read_text(encoding="utf-8"))
    event = _one(_direct(enricher, item["body"], published_at=None, title=item["title"]), "POLICY_ANNOUNCEMENT")
    assert event["date"] is not None
    assert event["date"]["resolved"] == item["expected"]["policy_date"]
    assert event["date"]["anchor"] == "ingest_time"


def test_meeting_spread_over_months_is_no_official_meeting(enricher: Enricher) -> None:
    body = "Four senators met privately for months to write the immigration bill."
    assert [e for e in _direct(enricher, body) if e["event_type"] == "OFFICIAL_MEETING"] == []


@pytest.mark.parametrize(
    "text",
    [
        "While the president made clear the zero-tolerance policy of prosecuting illegal border crossers "
        "continues, children will now stay in detention with their parents.",
        "The travel ban remains in place for citizens of five countries, the State Department said.",
    ],
)
def test_policy_still_in_force_is_ongoing(enricher: Enricher, text: str) -> None:
    event = _one(_direct(enricher, text), "POLICY_ANNOUNCEMENT")
    assert event["status"] == "ongoing"
    assert event["date"] is None


def test_court_agreeing_to_decide_is_the_courts_act(enricher: Enricher) -> None:
    body = "The Supreme Court agreed on Monday to decide whether the administration can end the asylum program."
    event = _one(_direct(enricher, body), "COURT_RULING")
    assert event["status"] == "occurred"
    assert event["date"] is not None and event["date"]["resolved"] == "2019-03-25"


def test_attributive_date_belongs_to_its_noun(enricher: Enricher) -> None:
    body = (
        "Arizona's motor vehicle agency implemented the governor's Sept. 18 order on driver's licenses for "
        "immigrants."
    )
    assert _one(_direct(enricher, body), "POLICY_ANNOUNCEMENT")["date"] is None


def test_stock_count_without_period_is_no_statistic(enricher: Enricher) -> None:
    body = "There are 1,200 Guatemalan nationals who have final deportation orders against them in the U.S."
    assert [e for e in _direct(enricher, body) if e["event_type"] == "ENFORCEMENT_STATISTIC"] == []


# ---- legislative process and deportation mentions (round 3; texts written for these tests) ----------


@pytest.mark.parametrize(
    "text",
    [
        "The Senate immigration bill cleared on a 68-32 vote on Thursday, sending it to the House.",
        "The Judiciary Committee adopted nine amendments to the immigration overhaul on Tuesday.",
        "Four senators unveiled a framework for an immigration overhaul that would tighten border security.",
        "Border security legislation, approved on Monday by the House, now goes to the Senate.",
    ],
)
def test_legislative_steps_are_legislation(enricher: Enricher, text: str) -> None:
    assert "LEGISLATION" in {e["event_type"] for e in _events(enricher, text)}


@pytest.mark.parametrize(
    "text",
    [
        "House Republicans drafted another bill to deport children who are already in the country.",
        "The sheriff says the rule prevents deputies from deporting anyone stopped for a traffic offence.",
        "The administration said it would stop deporting young immigrants brought to the country as children.",
    ],
)
def test_deportation_as_an_idea_is_not_a_deportation(enricher: Enricher, text: str) -> None:
    assert "DEPORTATION" not in {e["event_type"] for e in _events(enricher, text)}


def test_a_photo_caption_reports_no_event(enricher: Enricher) -> None:
    scene = "Border Patrol agents detained 40 migrants who crossed the Rio Grande near Eagle Pass, Texas,"
    assert _events(enricher, scene + " in this file photo." + _CONTEXT) == []
    assert _events(enricher, scene + " on Monday." + _CONTEXT) != []


def test_deportations_that_happen_stay(enricher: Enricher) -> None:
    text = "Immigration agents deported 120 Guatemalans on a charter flight from Texas on Monday."
    assert _one(_events(enricher, text), "DEPORTATION")["status"] == "occurred"


_CONTEXT = " Advocates say the asylum system is overwhelmed and migrants wait for months at the border."


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("Rep. Jane Roe, a former immigration lawyer, plans two bills that would tighten asylum rules.",
         "LEGISLATION"),
        ("A House committee is preparing border-security legislation for a vote in the spring.", "LEGISLATION"),
        ("Mexico is finalizing a deal with the United States to give jobs to migrants at the border.",
         "AGREEMENT"),
    ],
)
def test_what_is_being_prepared_is_planned(enricher: Enricher, text: str, event_type: str) -> None:
    assert _one(_events(enricher, text + _CONTEXT), event_type)["status"] == "planned"


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("The deportation of 40 Guatemalans to Guatemala City is foreseen for Friday, the migration institute said.",
         "DEPORTATION"),
        ("A new expulsion flight to Caracas with about 90 foreigners is programmed for next week, Chile's "
         "government informed.", "DEPORTATION"),
    ],
)
def test_a_plan_verb_in_the_present_passive_is_the_acts_timetable(enricher: Enricher, text: str,
                                                                   event_type: str) -> None:
    assert _one(_events(enricher, text + _CONTEXT), event_type)["status"] == "planned"
    maybe = text.replace(" is ", " could be ", 1)
    assert "planned" not in {e["status"] for e in _events(enricher, maybe + _CONTEXT) if e["event_type"] == event_type}


def test_a_participle_clause_keeps_its_own_past(enricher: Enricher) -> None:
    text = ("Under the agreement, signed in Rabat on Monday by the two interior ministers, Spain will supply 20 "
            "patrol boats to Morocco.")
    assert _one(_events(enricher, text + _CONTEXT), "AGREEMENT")["status"] == "occurred"


def test_a_named_deal_with_its_signing_participle_is_an_act_not_a_mention(enricher: Enricher) -> None:
    text = ("The memorandum of understanding on migration between Tunisia and the European Union, signed Sunday in "
            "Carthage, foresees 105 million euros for border management.")
    agreement = _one(_direct(enricher, text, learned=False), "AGREEMENT")
    assert agreement["status"] == "occurred"


def test_a_participle_opened_by_once_is_still_ahead(enricher: Enricher) -> None:
    text = ("Once approved by the Bundestag, Germany's asylum bill will let border police return migrants within "
            "24 hours.")
    assert _one(_events(enricher, text + _CONTEXT), "LEGISLATION")["status"] == "planned"


# --------------------------------------------------------------------------------------------
# The learned sentence classifier (workers.nlp.sentence_types; texts written for these tests)
# --------------------------------------------------------------------------------------------

SENT_ON = "The Senate handed the asylum overhaul to the House late on Thursday, 61 votes to 38."


def test_learned_events_add_what_no_trigger_rule_states(enricher: Enricher) -> None:
    rules_only = _direct(enricher, SENT_ON, published_at="2019-03-29T12:00:00Z", learned=False)
    assert rules_only == []
    learned = _direct(enricher, SENT_ON, published_at="2019-03-29T12:00:00Z", learned=True)
    assert [(e["event_type"], e["status"]) for e in learned] == [("LEGISLATION", "occurred")]
    event = learned[0]
    assert event["date"] is not None and event["date"]["resolved"] == "2019-03-28"
    assert event["confidence"] < 0.7  # starts below the rules' cues


class _FixedClassifier:
    """Stands in for the learned classifier: one answer for every sentence (the rule path is under test)."""

    def __init__(self, label: str, cues: tuple[str, ...]) -> None:
        from workers.nlp.sentence_types import Prediction

        self.prediction = Prediction(label, 0.99, cues)

    def predict(self, text: str) -> Any:
        return self.prediction


def test_a_learned_cue_stands_in_when_the_rules_reading_fails_its_checks(
    enricher: Enricher, monkeypatch: pytest.MonkeyPatch
) -> None:
    import workers.nlp.events as events_module

    # the meeting rule fires on "in a meeting centered in ..." and that reading fails its checks; "received" holds
    text = ("Madrid.- The president of the Government of Spain, Pedro Sánchez, received this Monday in the Moncloa "
            "Palace to his counterparts of Senegal, Macky Sall, and of Mauritania, Mohamed Ould Ghazouani, in a "
            "meeting centered in the arrivals of migrant cayucos to the Canary Islands.")
    assert "OFFICIAL_MEETING" not in {e["event_type"] for e in _direct(enricher, text, learned=False)}
    monkeypatch.setattr(events_module, "type_classifier", lambda: _FixedClassifier("OFFICIAL_MEETING", ("receiv-",)))
    assert _one(_direct(enricher, text, learned=True), "OFFICIAL_MEETING")["status"] == "occurred"


def test_a_learned_cue_under_a_verb_of_talk_gives_way_to_the_next_cue(
    enricher: Enricher, monkeypatch: pytest.MonkeyPatch
) -> None:
    import workers.nlp.events as events_module

    # the strongest cue, "migration", is what they discussed; the next, "talks", is what they held
    text = ("The foreign minister and her Guatemalan counterpart then held more than three hours of talks at the "
            "ministry on Monday, where they discussed migration.")
    assert "OFFICIAL_MEETING" not in {e["event_type"] for e in _direct(enricher, text, learned=False)}
    monkeypatch.setattr(
        events_module, "type_classifier", lambda: _FixedClassifier("OFFICIAL_MEETING", ("migra-", "talk"))
    )
    assert _one(_direct(enricher, text, learned=True), "OFFICIAL_MEETING")["status"] == "occurred"
    # with no cue but the topic there is no act
    monkeypatch.setattr(events_module, "type_classifier", lambda: _FixedClassifier("OFFICIAL_MEETING", ("migra-",)))
    assert "OFFICIAL_MEETING" not in {e["event_type"] for e in _direct(enricher, text, learned=True)}


def test_learned_events_need_migration_context(enricher: Enricher) -> None:
    body = "The overhaul of the tax code cleared the upper chamber 71-29 late on Thursday, sending it to the House."
    assert _direct(enricher, body, published_at="2019-03-29T12:00:00Z", learned=True) == []


def test_learned_event_takes_the_modality_of_the_main_verb(enricher: Enricher) -> None:
    # the cue ("cleared") sits in a relative clause; what the sentence reports is what the chamber would do
    body = (
        "Senate leaders said the chamber would take up the asylum overhaul, which cleared the House 221-207, "
        "after the recess."
    )
    events = _direct(enricher, body, published_at="2019-03-29T12:00:00Z", learned=True)
    assert [(e["event_type"], e["status"]) for e in events] == [("LEGISLATION", "planned")]


# --------------------------------------------------------------------------------------------
# Sixth session: backstory, perpetrators, generic courts, participles and future-in-the-past
# (texts written for these tests)
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        # a removal told as who someone is, not a removal the article reports
        "Prosecutors charged the farmworker with re-entering the United States after having been deported.",
        "Agents should target migrants who have previously been deported and came back, the memo says.",
        # the second conjunct shares the first's place under "from": a policy's reach, not a removal
        "The new rule stops agents from detaining and deporting asylum seekers with pending cases.",
    ],
)
def test_backstory_and_prevented_removals_are_not_deportations(enricher: Enricher, body: str) -> None:
    assert [e for e in _direct(enricher, body) if e["event_type"] == "DEPORTATION"] == []


def test_a_reported_removal_is_still_a_deportation(enricher: Enricher) -> None:
    events = _direct(enricher, "Immigration agents deported 140 Salvadoran migrants on Tuesday, officials said.")
    assert [(e["event_type"], e["status"]) for e in events] == [("DEPORTATION", "occurred")]


@pytest.mark.parametrize(
    "body",
    [
        "The senator told stories of Americans killed by undocumented immigrants near the border.",
        "The migrant who fired the gun shot that killed a tourist on the pier was acquitted this week.",
        "Many critics of immigration recall a grandparent who was born abroad but died a proud citizen.",
        "The governor said international ruling bodies have no say over the state's border with Mexico.",
    ],
)
def test_harm_by_migrants_or_to_nobody_is_no_humanitarian_incident(enricher: Enricher, body: str) -> None:
    assert [e for e in _direct(enricher, body) if e["event_type"] == "HUMANITARIAN_INCIDENT"] == []


@pytest.mark.parametrize(
    "body",
    [
        "Three migrants died in the desert west of Yuma on Sunday, the Border Patrol said.",
        "A migrant was shot and killed by Mexican police near the border on Sunday.",
    ],
)
def test_harm_to_migrants_is_a_humanitarian_incident(enricher: Enricher, body: str) -> None:
    events = [e for e in _direct(enricher, body) if e["event_type"] == "HUMANITARIAN_INCIDENT"]
    assert len(events) == 1 and events[0]["status"] == "occurred"


@pytest.mark.parametrize(
    "body",
    [
        "Congress missed the deadline, but courts have ruled the asylum program can stay in place for now.",
        "He must respect the limits of his office on immigration, or the courts will enjoin him again.",
    ],
)
def test_courts_in_general_give_no_court_ruling(enricher: Enricher, body: str) -> None:
    assert [e for e in _direct(enricher, body) if e["event_type"] == "COURT_RULING"] == []


@pytest.mark.parametrize(
    "body",
    [
        "Federal courts blocked the asylum ban on Monday.",
        "The courts blocked the asylum ban on Monday.",
    ],
)
def test_courts_that_acted_still_rule(enricher: Enricher, body: str) -> None:
    events = [e for e in _direct(enricher, body) if e["event_type"] == "COURT_RULING"]
    assert len(events) == 1 and events[0]["date"] is not None


def test_a_participle_does_not_claim_a_planned_events_date(enricher: Enricher) -> None:
    # "titled ... on Wednesday": the participle describes the forum; Wednesday is when the meeting is
    body = (
        "The governor will deliver a speech on border policy at an event titled \"Borders and Neighbours\" on "
        "Wednesday, the same day state and federal officials will meet to discuss the migrant shelters."
    )
    events = _direct(enricher, body, published_at="2019-03-25T12:00:00Z")  # a Monday
    meeting = _one(events, "OFFICIAL_MEETING")
    assert meeting["status"] == "planned"
    assert meeting["date"] is not None and meeting["date"]["resolved"] == "2019-03-27"


def test_would_begin_after_a_past_report_is_planned(enricher: Enricher) -> None:
    body = (
        "In a post on Friday the president said that immigration agents next week would begin deporting "
        "thousands of families."
    )
    events = _direct(enricher, body, published_at="2019-06-18T12:00:00Z")
    deportation = _one(events, "DEPORTATION")
    assert deportation["status"] == "planned"
    assert deportation["date"] is not None and deportation["date"]["resolved"].startswith("2019-06")


def test_an_undated_act_takes_the_date_of_the_sentence_before(enricher: Enricher) -> None:
    body = (
        "Mexican and U.S. officials met in Washington on Tuesday to discuss the asylum backlog. "
        "Mexico deployed 6,000 National Guard troops to its southern border with Guatemala, the minister said."
    )
    events = _direct(enricher, body, published_at="2019-06-12T12:00:00Z")  # a Wednesday
    deployment = _one(events, "BORDER_SECURITY")
    assert deployment["date"] is not None and deployment["date"]["resolved"] == "2019-06-11"


@pytest.mark.parametrize(
    "first",
    [
        "The border programme began in 2012 under President Barack Obama.",  # long past: background, not this act
        "The two governments will meet again next week to discuss the asylum backlog.",  # ahead: not what happened
    ],
)
def test_old_or_future_dates_are_not_carried(enricher: Enricher, first: str) -> None:
    body = f"{first} Mexico deployed 6,000 National Guard troops to its southern border with Guatemala."
    deployment = _one(_direct(enricher, body, published_at="2019-06-12T12:00:00Z"), "BORDER_SECURITY")
    assert deployment["date"] is None


def test_a_planned_act_does_not_take_a_past_date_from_before(enricher: Enricher) -> None:
    body = (
        "Mexican and U.S. officials met in Washington on Tuesday to discuss the asylum backlog. "
        "Mexico will deploy 6,000 National Guard troops to its southern border with Guatemala."
    )
    deployment = _one(_direct(enricher, body, published_at="2019-06-12T12:00:00Z"), "BORDER_SECURITY")
    assert deployment["status"] == "planned" and deployment["date"] is None


def test_harm_by_a_gang_to_people_not_said_to_be_migrants_is_a_crime_story(enricher: Enricher) -> None:
    body = "The president spoke of two teenage girls killed by the gang MS-13 on Long Island, near the border fight."
    assert [e for e in _direct(enricher, body) if e["event_type"] == "HUMANITARIAN_INCIDENT"] == []


def test_the_harmed_is_the_object_of_an_active_verb(enricher: Enricher) -> None:
    body = "Gunmen from a drug cartel killed 19 migrants near the border town of Camargo, Mexico, on Sunday."
    events = [e for e in _direct(enricher, body) if e["event_type"] == "HUMANITARIAN_INCIDENT"]
    assert len(events) == 1 and events[0]["date"] is not None


def test_a_state_in_the_present_perfect_since_a_time_is_ongoing(enricher: Enricher) -> None:
    body = (
        "More than 900 migrant children have been separated from their parents at the border since early May "
        "under the administration's policy, officials said."
    )
    event = _one(_direct(enricher, body, published_at="2018-06-20T12:00:00Z"), "DETENTION")
    assert event["status"] == "ongoing" and event["date"] is None


def test_acts_repeated_since_a_time_stay_occurred(enricher: Enricher) -> None:
    body = "Since taking office, the president has signed three executive orders on immigration."
    event = _one(_direct(enricher, body, published_at="2018-06-20T12:00:00Z"), "POLICY_ANNOUNCEMENT")
    assert event["status"] == "occurred"


def test_the_present_perfect_takes_no_date_from_the_sentence_before(enricher: Enricher) -> None:
    body = (
        "Migrants rushed the fence at the San Ysidro crossing on Sunday. "
        "The president has threatened to close the border with Mexico completely."
    )
    threat = _one(_direct(enricher, body, published_at="2018-11-26T12:00:00Z"), "PRESSURE_THREAT")
    assert threat["date"] is None


@pytest.mark.parametrize(
    "body",
    [
        "To restore the population, the country would have to admit an additional 1 million immigrants per year.",
        "The rule would cut legal immigration by 260,000 people a year, officials at the Department of Homeland "
        "Security said.",
    ],
)
def test_projected_figures_are_not_enforcement_statistics(enricher: Enricher, body: str) -> None:
    assert [e for e in _direct(enricher, body) if e["event_type"] == "ENFORCEMENT_STATISTIC"] == []


def test_a_death_in_custody_is_a_detention_event(enricher: Enricher) -> None:
    # events.md lists "deaths in custody" under DETENTION
    body = (
        "A 52-year-old Guatemalan man died on Sunday after he was found unresponsive in a segregation cell at "
        "the Pine Hollow Detention Center, federal immigration officials said."
    )
    events = _direct(enricher, body, published_at="2016-11-02T12:00:00Z")
    assert [(e["event_type"], e["status"]) for e in events] == [("DETENTION", "occurred")]
    assert events[0]["date"] is not None and events[0]["date"]["resolved"] == "2016-10-30"


def test_due_to_meet_schedules_a_meeting(enricher: Enricher) -> None:
    body = (
        "The home secretary is due to meet her French counterpart in Paris on Monday to discuss migrant "
        "crossings of the Channel."
    )
    meeting = _one(_direct(enricher, body, published_at="2021-09-03T12:00:00Z"), "OFFICIAL_MEETING")
    assert meeting["status"] == "planned"
    assert meeting["date"] is not None and meeting["date"]["resolved"] == "2021-09-06"


# Seventh session: cues the rules missed -- a chamber that acted without a bill word near, roll-call
# tallies, a veto, counted nationalities, bodies found, people returned to a country, an influx, a hand-over to
# the immigration authorities, a judge's bar, a deal within reach, testimony before a committee, a
# conditional block. All sentences written for this test.
ROUND3_CASES = [
    ("The state Senate voted 24-13 on Thursday to end driver's licenses for undocumented immigrants.",
     "LEGISLATION", "occurred"),
    ("A rival asylum package offered by Senator Ann Doyle fell short, 47 to 52, after a day of debate on migration.",
     "LEGISLATION", "occurred"),
    ("Senator Ann Doyle's asylum overhaul passed the upper chamber late on Thursday, sending it to the House.",
     "LEGISLATION", "occurred"),
    ("The immigration package drew only 44 votes when it came up in the Senate on Wednesday.",
     "LEGISLATION", "occurred"),
    ("The governor issued the first veto of his term on Friday, rejecting limits on police cooperation with "
     "immigration agents.",
     "LEGISLATION", "occurred"),
    ("The Fairview Town Board voted unanimously on Monday to fund a new shelter for asylum seekers.",
     "LEGISLATION", "occurred"),
    ("In the first five months of the year, 48 thousand 210 Hondurans were returned from Mexico and the "
     "United States, the migration institute said.", "ENFORCEMENT_STATISTIC", "occurred"),
    ("French police said they stopped 260 migrants from launching small boats toward England on Sunday alone.",
     "ENFORCEMENT_STATISTIC", "occurred"),
    ("Rescuers found the remains of two migrants in the desert near Sasabe, Arizona, on Saturday.",
     "HUMANITARIAN_INCIDENT", "occurred"),
    ("Eleven migrants were treated for injuries after the boat capsized near the Greek island of Lesbos "
     "on Monday.", "HUMANITARIAN_INCIDENT", "occurred"),
    ("Forty Salvadoran migrants were returned to San Salvador on Thursday aboard a flight chartered by ICE.",
     "DEPORTATION", "occurred"),
    ("More than 900 people crossed the river into Eagle Pass on Sunday, Border Patrol agents said.",
     "MIGRANT_MOVEMENT", "occurred"),
    ("After questioning, the 23 migrants were turned over to Immigration and Customs Enforcement on Tuesday.",
     "DETENTION", "occurred"),
    ("A federal judge in Seattle barred the administration on Monday from enforcing the new asylum rule.",
     "COURT_RULING", "occurred"),
    ("The attorney general said the government would appeal the ruling on the asylum ban.",
     "COURT_RULING", "planned"),
    ("Mexico and Guatemala agreed on Friday to set up a joint working group on migrant smuggling.",
     "AGREEMENT", "occurred"),
    ("The DHS secretary testified before the House Judiciary Committee on Tuesday about the asylum backlog.",
     "OFFICIAL_MEETING", "occurred"),
    ("The senator said on Monday he would block all aid to the three countries until they accept more "
     "deportation flights.", "PRESSURE_THREAT", "occurred"),
    ("The agency said on Monday it will suspend processing at the Nogales port of entry to free officers for "
     "migrant arrivals.", "BORDER_SECURITY", "planned"),
]


@pytest.mark.parametrize(("text", "event_type", "status"), ROUND3_CASES, ids=[c[1] for c in ROUND3_CASES])
def test_round3_triggers(enricher: Enricher, text: str, event_type: str, status: str) -> None:
    assert _one(_events(enricher, text), event_type)["status"] == status


_LONG_DEBATE = (
    "Lawmakers have argued for months over the asylum system. The debate has divided both parties. Leaders "
    "in both chambers have traded accusations for weeks. Several senators said they were tired of the fight. "
    "Others said the talks had been productive. The Senate voted 52-48 on Tuesday to approve the package, "
    "sending it to President Ellen Hart."
)


def test_a_migration_story_lends_its_context_to_every_sentence(enricher: Enricher) -> None:
    # the vote sits four sentences after the only cue: it tells the story only when the item is about migration
    about = _direct(enricher, _LONG_DEBATE, title="Senate passes asylum overhaul")
    assert [(e["event_type"], e["status"]) for e in about] == [("LEGISLATION", "occurred")]
    assert _direct(enricher, _LONG_DEBATE, title="Senate ends a long week") == []


def test_a_cue_two_sentences_back_is_local_context(enricher: Enricher) -> None:
    text = (
        "Central American migrants have crowded shelters in Tapachula for weeks. Local officials say the city "
        "is at its limit. Guatemala's foreign minister met her Mexican counterpart in Mexico City on Tuesday, "
        "officials said."
    )
    assert [e["event_type"] for e in _direct(enricher, text)] == ["OFFICIAL_MEETING"]


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("The Interior Ministry began fingerprinting every asylum seeker at the Lampedusa centre on Monday.",
         "occurred"),
        ("The emergency asylum restrictions lapsed at midnight on Sunday, Prime Minister Hanna Berg's office "
         "said.", "occurred"),
        ("Canada's immigration minister ordered a halt to removals to Haiti on Friday.", "occurred"),
        ("The state's new asylum requirement for migrants entered into force on Saturday, the Peruvian "
         "government said.", "occurred"),
        ("The border health order against migrants expires at midnight on Thursday, the Department of "
         "Homeland Security said.", "planned"),
    ],
)
def test_policy_acts_without_a_policy_word_near_the_verb(enricher: Enricher, text: str, status: str) -> None:
    assert _one(_events(enricher, text), "POLICY_ANNOUNCEMENT")["status"] == status


def test_an_announcement_of_another_event_is_that_event(enricher: Enricher) -> None:
    text = "The Department of Homeland Security announced on Monday that it would begin deporting families."
    assert [(e["event_type"], e["status"]) for e in _events(enricher, text)] == [("DEPORTATION", "planned")]


def test_a_count_over_a_span_of_months_is_a_figure(enricher: Enricher) -> None:
    text = ("The minister reported that between January and mid-March the Guard and migration agents rescued 7,408 "
            "migrants in the border states.")
    assert "ENFORCEMENT_STATISTIC" in {e["event_type"] for e in _direct(enricher, text)}  # the rules alone


@pytest.mark.parametrize(
    ("text", "resolved"),
    [
        ("More than 41,000 migrants have reached Spain by sea so far this year, ministry data show.", "2019"),
        ("Agents have apprehended 52,000 migrants since January, the agency said on Tuesday.", "2019"),
        ("In the first two months of the year, 3,100 Guatemalans were returned by air, migration officials "
         "said on Monday.", "2019"),
        ("Agents have apprehended 61,000 children since October, the agency said on Tuesday.", None),
    ],
)
def test_a_running_figure_is_dated_by_its_period(enricher: Enricher, text: str, resolved: str | None) -> None:
    # published on Tuesday 2019-03-26: the count runs from a start to now, it did not happen on Tuesday
    date = _one(_events(enricher, text, title="Migration figures"), "ENFORCEMENT_STATISTIC")["date"]
    assert (date and date["resolved"]) == resolved


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("Hundreds of migrants have been camped along the river in Matamoros for weeks, waiting for asylum "
         "appointments.", "MIGRANT_MOVEMENT"),
        ("As of Tuesday, 41 of the workers remained in ICE custody in Omaha, officials said.", "DETENTION"),
    ],
)
def test_states_that_last_are_ongoing(enricher: Enricher, text: str, event_type: str) -> None:
    assert _one(_events(enricher, text, title="After the immigration raid"), event_type)["status"] == "ongoing"


def test_a_meeting_told_by_its_course_is_a_meeting(enricher: Enricher) -> None:
    text = (
        "The meeting at the Foreign Ministry in Mexico City lasted two hours on Tuesday and focused on migrant "
        "smuggling, Mexican officials said."
    )
    event = _one(_events(enricher, text), "OFFICIAL_MEETING")
    assert (event["status"], event["date"] and event["date"]["resolved"]) == ("occurred", "2019-03-26")


@pytest.mark.parametrize(
    "text",
    [
        "ICE held an average of 31,000 immigrants a day in detention in 2016, agency figures show.",
        "That week, 12,400 migrant parents and children were taken in by Border Patrol agents.",
    ],
)
def test_averages_and_intakes_are_figures(enricher: Enricher, text: str) -> None:
    assert _one(_events(enricher, text), "ENFORCEMENT_STATISTIC")["status"] == "occurred"


@pytest.mark.parametrize(
    ("text", "event_type", "status"),
    [
        ("Greek authorities on Monday moved 300 asylum seekers into a new reception centre on the island of "
         "Samos.", "DETENTION", "occurred"),
        ("The refugee office said it would open an emergency intake site for 1,500 migrant children in El Paso.",
         "DETENTION", "planned"),
        ("The Hope House migrant shelter in Nogales has been over capacity every night this month, its "
         "director said.", "HUMANITARIAN_INCIDENT", "ongoing"),
        ("Syrian refugees cleared before the order will be allowed in, the State Department said on Monday.",
         "PROTECTION_GRANT", "planned"),
    ],
)
def test_round3_placements_shelters_and_admissions(
    enricher: Enricher, text: str, event_type: str, status: str
) -> None:
    assert _one(_events(enricher, text), event_type)["status"] == status


@pytest.mark.parametrize(
    ("text", "event_type", "status"),
    [
        ("Soldiers found 87 migrants crammed into the trailer of a truck near Coatzacoalcos, Veracruz, on "
         "Sunday, the migration institute said.", "SMUGGLING_TRAFFICKING", "occurred"),
        ("Agents of the migration institute carried out on Thursday an operation in four hotels of Tapachula, "
         "Chiapas, where 300 migrants were staying.", "ENFORCEMENT_OPERATION", "occurred"),
        ("A total of 134 Hondurans returned to the country on Tuesday in two flights of deportation from "
         "Houston, migration officials said.", "DEPORTATION", "occurred"),
        ("The Spanish government pledged on Monday 40 million euros to Morocco to help it patrol its coast "
         "against migrant smuggling.", "AID_FUNDING", "occurred"),
    ],
)
def test_round3_translated_phrasing_and_money(enricher: Enricher, text: str, event_type: str, status: str) -> None:
    assert _one(_events(enricher, text), event_type)["status"] == status


def test_a_migration_story_keeps_its_context_beyond_two_sentences(enricher: Enricher) -> None:
    # the cue ("migrants") is four sentences before the figure; the headline says what the story is
    text = (
        "Hundreds of migrants waited on the beaches of northern France on Sunday. "
        "The weather had turned calm after a week of storms. "
        "Fishermen in Calais said the sea was as flat as they had seen it all summer. "
        "Local cafes stayed open late. "
        "Officials said 1,295 people were intercepted on Monday alone."
    )
    events = _events(enricher, text, title="Record day for Channel crossings by migrants")
    statistic = _one(events, "ENFORCEMENT_STATISTIC")
    assert statistic["evidence"]["sentence"].startswith("Officials said 1,295 people")


@pytest.mark.parametrize(
    "text",
    [
        "The administration said on Monday that it intends to admit no more than 30,000 refugees next year.",
        "The prime minister said the humanitarian intake would rise from 13,750 to 20,000 places a year.",
        "The interior ministry said the annual quota for asylum seekers would be cut to 120,000 next year.",
    ],
)
def test_a_ceiling_on_an_intake_is_a_policy_not_a_figure(enricher: Enricher, text: str) -> None:
    types = {e["event_type"] for e in _events(enricher, text, title="Refugee admissions")}
    assert "POLICY_ANNOUNCEMENT" in types and "ENFORCEMENT_STATISTIC" not in types


@pytest.mark.parametrize(
    ("text", "status", "resolved"),
    [
        # the announcement of a policy is the event: it happened on the day it was made
        ("The interior ministry said on Monday that the annual quota for asylum seekers would be cut to "
         "120,000.", "occurred", "2019-03-25"),
        ("The State Department said on Monday that the administration intends to admit no more than 30,000 "
         "refugees in the coming fiscal year.", "occurred", "2019-03-25"),
        # a policy act with a time of its own is still ahead
        ("The Home Office said on Monday it would begin accepting asylum applications next week.",
         "planned", "2019-04"),
    ],
)
def test_an_announced_policy_happened_when_it_was_announced(
    enricher: Enricher, text: str, status: str, resolved: str
) -> None:
    event = _one(_events(enricher, text, title="Asylum rules"), "POLICY_ANNOUNCEMENT")
    assert (event["status"], event["date"] and event["date"]["resolved"]) == (status, resolved)


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        # translated phrasing: "persons", capacity stated as a share or a multiple
        ("The shelters for migrants in Ciudad Juárez are working at more than 150% of their capacity after the "
         "arrival of hundreds of persons.", "HUMANITARIAN_INCIDENT"),
        ("The arrivals overwhelmed the city's family shelter in Boston, which is built for about 140 people.",
         "HUMANITARIAN_INCIDENT"),
        # permits and cards granted for protection
        ("The government of Colombia issued special stay permits to about 440,000 Venezuelans in Bogotá.",
         "PROTECTION_GRANT"),
        ("The migration institute said it will grant cards of visitor for humanitarian reasons to the migrants "
         "in Tapachula.", "PROTECTION_GRANT"),
    ],
)
def test_round4_shelters_over_capacity_and_permits(enricher: Enricher, text: str, event_type: str) -> None:
    assert _one(_events(enricher, text, title="Migrants in the region"), event_type)


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("ICE officers arrested at least 41 people in or near courthouses in 14 Washington counties in 2018, "
         "according to the complaint.", "ENFORCEMENT_STATISTIC"),
        ("Greek authorities recorded 339 new arrivals in the 24 hours to Monday morning.", "ENFORCEMENT_STATISTIC"),
        ("Last year, the jail's 287(g) unit screened 1,212 inmates and referred 186 of them to ICE.",
         "ENFORCEMENT_STATISTIC"),
        ("Mexican officials said the migration institute would begin chartering additional flights next month "
         "to return Venezuelan migrants detained in the north of the country.", "DEPORTATION"),
    ],
)
def test_round4_small_counts_short_periods_and_return_flights(
    enricher: Enricher, text: str, event_type: str
) -> None:
    assert _one(_events(enricher, text, title="Migration figures"), event_type)


def test_a_share_is_not_a_count(enricher: Enricher) -> None:
    text = "According to the institute, 57 percent of immigrants had private health insurance in 2017."
    assert "ENFORCEMENT_STATISTIC" not in {e["event_type"] for e in _events(enricher, text, title="Immigrants")}


@pytest.mark.parametrize(
    "text",
    [
        "The migratory station in Tapachula, the largest in the region, holds more than 1,900 persons, almost "
        "double its capacity, a rights group said.",
        "The Hall County jail in Grand Island held an average of 1,140 immigration detainees a day in January, "
        "in a facility designed and staffed for 900.",
    ],
)
def test_a_detention_site_over_its_capacity_is_detention(enricher: Enricher, text: str) -> None:
    types = [e["event_type"] for e in _events(enricher, text, title="Migrant detention")]
    assert types == ["DETENTION"]


@pytest.mark.parametrize(
    "text",
    [
        "A navy patrol boat intercepted a wooden boat carrying 67 people north-west of Christmas Island on "
        "Wednesday night.",
        "More than 2,500 people were rescued from 14 boats off Lampedusa on Saturday and Sunday, the coastguard "
        "said.",
    ],
)
def test_boats_carrying_people_are_a_movement(enricher: Enricher, text: str) -> None:
    assert _one(_events(enricher, text, title="Migrants at sea"), "MIGRANT_MOVEMENT")["status"] == "occurred"


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ('"We are at 140 percent of capacity and sleeping people in the chapel," said the pastor who runs the '
         "migrant shelter in Ciudad Juárez.", "ongoing"),
        ("Hundreds of migrants have spent the past several nights sleeping on the sidewalks of downtown El Paso.",
         "ongoing"),
        ("At least 41 people are missing after a rubber dinghy sank off the coast of Libya on Monday.", "occurred"),
    ],
)
def test_a_crowded_shelter_is_a_lasting_condition_and_a_loss_is_not(
    enricher: Enricher, text: str, status: str
) -> None:
    assert _one(_events(enricher, text, title="Migrants"), "HUMANITARIAN_INCIDENT")["status"] == status


def test_the_day_of_the_act_beats_a_coarser_date_in_the_same_clause(enricher: Enricher) -> None:
    text = (
        "A navy patrol boat intercepted a wooden boat carrying 67 people north-west of Christmas Island on "
        "Monday night, the fourth such interception this week."
    )
    date = _one(_events(enricher, text, title="Asylum boats"), "MIGRANT_MOVEMENT")["date"]
    assert date is not None and date["resolved"] == "2019-03-25"


def test_money_a_migrant_sends_home_is_not_aid(enricher: Enricher) -> None:
    text = "He had hoped to find work in Houston, where a cousin lives, and send money home to his migrant family."
    assert "AID_FUNDING" not in {e["event_type"] for e in _events(enricher, text, title="A migrant's journey")}


ROUND5_CASES = [
    ("The president signed an executive order on Monday suspending the entry of asylum seekers at the southern "
     "border.", "POLICY_ANNOUNCEMENT", "occurred", "2019-03-25"),
    ("The government of Costa Rica issued a decree on Friday tightening the asylum system.",
     "POLICY_ANNOUNCEMENT", "occurred", "2019-03-22"),
    ("The navy intercepted 126 migrants on two boats off the coast of Sfax on Monday, the ministry said.",
     "ENFORCEMENT_OPERATION", "occurred", "2019-03-25"),
    ("Arrivals in Spain fell to 3,914 in August, interior ministry figures showed.",
     "ENFORCEMENT_STATISTIC", "occurred", "2018-08"),
    ("A Chilean Air Force plane carrying 55 foreign nationals took off from Santiago on Sunday, the second "
     "expulsion flight this year.", "DEPORTATION", "occurred", "2019-03-24"),
    ("The European Commission on Monday approved 32 million euros for coastguard training in Libya.",
     "AID_FUNDING", "occurred", "2019-03-25"),
    ("The government of the United States will destine 4.5 million dollars to a center for returned migrants in "
     "San Pedro Sula.", "AID_FUNDING", "planned", None),
    ("The 63 migrants disembarked in Lampedusa late on Tuesday, the coastguard said.",
     "MIGRANT_MOVEMENT", "occurred", "2019-03-26"),
    ("On Wednesday, 1,100 asylum seekers were taken from Samos by ferry to Piraeus.",
     "MIGRANT_MOVEMENT", "occurred", "2019-03-20"),
    ("The two drivers were put at the disposition of the prosecutor's office in Veracruz for their probable "
     "responsibility in the crime of trafficking of persons.", "SMUGGLING_TRAFFICKING", "occurred", None),
    ("Fire broke out at the migrant camp near Athens on Sunday night, destroying dozens of tents and forcing "
     "hundreds of people to flee.", "HUMANITARIAN_INCIDENT", "occurred", "2019-03-24"),
    ("Both leaders agreed on Tuesday to expand return flights and reinforce controls at the border with "
     "Guatemala.", "AGREEMENT", "occurred", "2019-03-26"),
    ("France, Germany and Portugal agreed on Monday to take in the 63 passengers once they were on land.",
     "AGREEMENT", "occurred", "2019-03-25"),
    ("The Court of Appeals of Iquique accepted habeas corpus petitions filed on behalf of twelve Venezuelan "
     "migrants on Friday.", "COURT_RULING", "occurred", "2019-03-22"),
    ("The government of Chile published the new Migration Law in the official gazette on Tuesday.",
     "LEGISLATION", "occurred", "2019-03-26"),
    ("Panama's security minister announced the sending of 300 more agents to the border with Colombia on "
     "Monday.", "BORDER_SECURITY", "occurred", "2019-03-25"),
]


@pytest.mark.parametrize(
    ("text", "event_type", "status", "resolved"), ROUND5_CASES, ids=[f"{c[1]}-{i}" for i, c in enumerate(ROUND5_CASES)]
)
def test_round5_orders_landings_interceptions_and_translated_acts(
    enricher: Enricher, text: str, event_type: str, status: str, resolved: str | None
) -> None:
    event = _one(_events(enricher, text, title="Migrants"), event_type)
    assert event["status"] == status
    assert (event["date"] or {}).get("resolved") == resolved


def test_interceptions_over_a_period_are_a_figure_not_an_operation(enricher: Enricher) -> None:
    text = "The navy has intercepted 5,126 migrants off the coast of Sfax since January, the ministry said."
    types = {e["event_type"] for e in _events(enricher, text, title="Migrants")}
    assert types == {"ENFORCEMENT_STATISTIC"}


def test_humanitarian_parole_is_a_migration_cue() -> None:
    from workers.nlp.triggers import MIGRATION_CONTEXT

    assert MIGRATION_CONTEXT.search("the humanitarian parole program for Cubans and Haitians")
    assert MIGRATION_CONTEXT.search("the parole board met on Tuesday") is None


def test_an_official_due_somewhere_for_talks_is_a_planned_meeting(enricher: Enricher) -> None:
    text = "Italy's interior minister is due in Tunis on Friday for talks with his Tunisian counterpart on returns."
    event = _one(_events(enricher, text, title="Migration talks"), "OFFICIAL_MEETING")
    assert event["status"] == "planned"
    assert event["date"] is not None and event["date"]["resolved"] == "2019-03-29"


def test_refugees_admitted_are_a_protection_grant_not_a_figure(enricher: Enricher) -> None:
    text = (
        "State Department figures released on Friday show the United States admitted 9,870 refugees in January, "
        "the highest monthly total in two years."
    )
    types = [e["event_type"] for e in _events(enricher, text, title="Refugee admissions")]
    assert types == ["PROTECTION_GRANT"]


# Words that only look like an event of the type: each text written for this test (title "Migrants").
NOT_EVENT_CASES = [
    # a sign, a sign-off: no signed order
    ("Officials cautioned that the extension should not be read as a sign that the asylum program would "
     "survive.", "POLICY_ANNOUNCEMENT"),
    ("The county commission signed off on the arrangement with immigration officials 2-1 on Monday.",
     "POLICY_ANNOUNCEMENT"),
    ("Critics, including several United Nations bodies, have said the deportation flights risk returning "
     "people to danger.", "HUMANITARIAN_INCIDENT"),
    ("Sweden's Migration Board said last week that it had received 38,940 asylum applications in the first "
     "ten months of the year.", "PROTECTION_GRANT"),
    ("The migrant family was given a bed at a shelter in Chicago on Thursday morning, after two nights on the "
     "floor of a police station.", "LEGISLATION"),
    ("Federal agents found 580 kilograms of cocaine packed into a false compartment in the hull of a yacht "
     "that had carried migrants before.", "DETENTION"),
    # an act in a "since" clause is a reference point
    ("Last month, 10,551 migrants reached the Greek islands by sea, the highest monthly figure since the "
     "EU-Turkey statement took effect.", "POLICY_ANNOUNCEMENT"),
    # remains, targets and habits
    ("The Honduran consulate said the migrant's body is expected to be returned to Honduras next week for "
     "burial.", "DEPORTATION"),
    ("Canada, by contrast, has tended to meet or exceed its refugee targets, largely because of private "
     "sponsorship.", "OFFICIAL_MEETING"),
    ("Conditions in the migrant detention centres in Libya are dire, according to United Nations staff who "
     "visit them.", "OFFICIAL_VISIT"),
    # a ship left drifting is no person adrift
    ("Late on Monday, the European Commission said France and Germany had agreed to take in the passengers, "
     "ending an impasse that had left the ship drifting off Malta for 12 days.", "HUMANITARIAN_INCIDENT"),
    # a meeting on a trip is part of the visit: one event, the visit
    ("The interior minister will travel to Calais on Thursday to meet French police officers at the port.",
     "OFFICIAL_MEETING"),
    # what a speaker says in quotes is comment, not the report
    ("\"The council passed a law, the mayor signed it, and my job is to enforce it,\" the sheriff said of the "
     "immigration ordinance.", "LEGISLATION"),
    ("“Nobody deported those families because of a tweet,” the senator said in an interview about migrants.",
     "DEPORTATION"),
    # a running total of money is no count of people
    ("The new grant brings the total paid to the shelters this year to 240 million euros.",
     "ENFORCEMENT_STATISTIC"),
]


@pytest.mark.parametrize(
    ("text", "event_type"), NOT_EVENT_CASES, ids=[f"{c[1]}-{i}" for i, c in enumerate(NOT_EVENT_CASES)]
)
def test_what_only_looks_like_an_event_is_none(enricher: Enricher, text: str, event_type: str) -> None:
    assert event_type not in {e["event_type"] for e in _events(enricher, text, title="Migrants")}


# The date of the act, not of a clause around it: (text, title, type, resolved date or None).
DATED_CASES = [
    # a date in a "since" clause does not date the act
    ("The president met for an hour in the Cabinet Room with the presidents of Honduras and Guatemala, the "
     "first time the leaders had sat down together since the surge of unaccompanied minors became a crisis "
     "this spring.", "Migration summit", "OFFICIAL_MEETING", None),
    # money released takes its own day, not the running total's year
    ("On Tuesday, the governor released an additional $30 million in state emergency funds for migrant "
     "shelters in Chicago, bringing the state's contribution this year to more than $160 million.", "Migrants",
     "AID_FUNDING", "2019-03-26"),
    # a time of day after "before" is no reference point
    ("Two migrants died when an overcrowded dinghy began to deflate shortly after leaving a beach near Calais "
     "before dawn on Sunday.", "Channel crossings", "HUMANITARIAN_INCIDENT", "2019-03-24"),
    # a state seen "by Monday" was seen on Monday; a translated running period is the year
    ("By Monday, 212 of the migrants were being held at an immigration depot outside Johannesburg, police "
     "said.", "Migrants", "DETENTION", "2019-03-25"),
    ("In what goes of the year, the National Migration Institute has detained 41,200 foreigners in the state, "
     "according to its figures.", "Migrants", "ENFORCEMENT_STATISTIC", "2019"),
]


@pytest.mark.parametrize(
    ("text", "title", "event_type", "resolved"), DATED_CASES, ids=[f"{c[2]}-{i}" for i, c in enumerate(DATED_CASES)]
)
def test_the_act_is_dated_by_its_own_clause(
    enricher: Enricher, text: str, title: str, event_type: str, resolved: str | None
) -> None:
    date = _one(_events(enricher, text, title=title), event_type)["date"]
    if resolved is None:
        assert date is None
    else:
        assert date is not None and date["resolved"] == resolved


# One event of the type with this status: (text, title, type, status); texts written for this test.
STATUS_CASES = [
    # a past attempt happened
    ("About 300 migrants tried to storm the border fence around the Spanish enclave of Melilla before dawn on "
     "Monday, police said.", "Migrants at the fence", "MIGRANT_MOVEMENT", "occurred"),
    # a past clause after a plan keeps its own time
    ("Mexico's Foreign Ministry said on Thursday that it would accept migrants returned under the program "
     "after Washington agreed to a list of conditions on asylum hearings.", "Remain in Mexico", "AGREEMENT",
     "occurred"),
    # a caption glued to the next paragraph is no "since" clause
    ("Image caption The number of migrants detained in May was the highest since 2006\n\nCongress approved a "
     "humanitarian aid plan for migrants at the US-Mexico border on Thursday.", "Migrants at the border",
     "LEGISLATION", "occurred"),
    # rules brought in, parenthetical courts, shut crossings, hunger strikes, veto advice, translated harm
    ("Ecuador brought in its own passport requirement for Venezuelan migrants last Saturday, leaving thousands "
     "stranded at the Rumichaca bridge.", "Migrants", "POLICY_ANNOUNCEMENT", "occurred"),
    ("On Monday, the Supreme Court, in a 5-4 order, allowed Border Patrol agents to resume cutting through the "
     "wire along the Rio Grande near Eagle Pass.", "Migrants", "COURT_RULING", "occurred"),
    ("The federal government shut down all northbound and southbound traffic at the San Ysidro Port of Entry for "
     "about five hours Sunday.", "Migrants", "BORDER_SECURITY", "occurred"),
    ("At Harmondsworth, one of the country's largest removal centres, 12 men refused food on Tuesday, according "
     "to a charity.", "Migrants", "DETENTION", "occurred"),
    ("Late on Wednesday, the White House issued a statement saying the president's advisers would recommend he "
     "veto the bipartisan immigration bill.", "Migrants", "PRESSURE_THREAT", "occurred"),
    ("The past Saturday, a group of 15 migrants was deprived of the liberty by armed men near the international "
     "bridge in Reynosa.", "Migrants", "HUMANITARIAN_INCIDENT", "occurred"),
    ("More than 200 newly arrived migrants were sleeping on warming buses parked near the intake site in "
     "Chicago.", "Migrants", "HUMANITARIAN_INCIDENT", "ongoing"),
    # families that remained waiting, a caravan that left
    ("In Huaquillas, on the Ecuadorian side of the border, hundreds of families remained waiting this Saturday "
     "in the middle of the street.", "Migrants", "MIGRANT_MOVEMENT", "ongoing"),
    ("Around 6,000 migrants, most of them Venezuelans, left Tapachula this Monday at first light in a caravan "
     "with which they seek to arrive at the northern border.", "Migrants", "MIGRANT_MOVEMENT", "occurred"),
    # reinforcements of officers and border posts
    ("In Brussels, the EU border agency Frontex said it would send 100 additional officers and two coastal "
     "patrol vessels to the eastern Aegean from next month.", "Migrants", "BORDER_SECURITY", "planned"),
    ("French officers will begin deploying along a 150km stretch of coastline between Dunkirk and the Somme "
     "estuary from June, the Home Office said.", "Migrants", "BORDER_SECURITY", "planned"),
    ("The Guatemalan Institute of Migration said on Tuesday it had reinforced with some 300 agents the border "
     "posts of Agua Caliente and El Florido.", "Migrants", "BORDER_SECURITY", "occurred"),
    # people adrift, shelters turning families away
    ("The Turkish Coast Guard said its crews picked up 41 migrants, among them 12 children, drifting in two "
     "life rafts off the coast of Izmir on Sunday.", "Migrants", "HUMANITARIAN_INCIDENT", "occurred"),
    ("In Brownsville, the respite center, which takes in families released by the Border Patrol, turned "
     "families away on Monday night for lack of beds.", "Migrants", "HUMANITARIAN_INCIDENT", "occurred"),
    ("From there, the migrants say, they were put on a vessel, taken back towards Turkish waters and left on a "
     "life raft without an engine.", "Migrants", "HUMANITARIAN_INCIDENT", "occurred"),
    # people presented or leaving in a period are figures; migrants secured are an operation
    ("Figures published by the National Migration Institute show that 27,418 foreigners were \"presented\" to "
     "migration authorities in April alone.", "Migrants", "ENFORCEMENT_STATISTIC", "occurred"),
    ("Last month alone more than 24,000 people left Necocli in the direction of the Darien.", "Migrants",
     "ENFORCEMENT_STATISTIC", "occurred"),
    ("Personnel of the National Institute of Migration, with support of the National Guard, secured this Monday "
     "134 migrants of Central America in a truck on the highway to Tuxtla Gutiérrez.", "Migrants",
     "ENFORCEMENT_OPERATION", "occurred"),
    # legal steps announced or weighed
    ("The Refugee Rights Alliance said it will present a demand before a federal court next week, arguing that "
     "the cancellation of the program was unlawful.", "Migrants", "COURT_RULING", "planned"),
    ("The American Civil Liberties Union said it was studying a legal challenge to the new asylum rules.", "Migrants",
     "COURT_RULING", "hypothetical"),
    ("The government of the state of Chihuahua evaluates to file an action in the Supreme Court of Justice "
     "against the closure of the migrant shelters.", "Migrants", "COURT_RULING", "hypothetical"),
    # removals by charter, escort, convoy and pushback
    ("Interior ministry officials said a charter flight to Islamabad is expected to leave on Thursday, the "
     "second this year.", "Migrants", "DEPORTATION", "planned"),
    ("Police escorted 17 rejected asylum seekers onto a chartered plane to Baghdad on Wednesday, the ministry "
     "said.", "Migrants", "DEPORTATION", "occurred"),
    ("The agency is expected to resume its return convoys to Syria next month.", "Refugees in Lebanon",
     "DEPORTATION", "planned"),
    ("Border guards drove the group of 25 migrants to the border line and made them walk back into Belarus on "
     "Sunday night, activists said.", "Migrants", "DEPORTATION", "occurred"),
    # deals announced, partnerships signed, payments confirmed
    ("The two prime ministers announced the deal in Madrid on Thursday after months of talks on returns.",
     "Migrants", "AGREEMENT", "occurred"),
    ("Last week the European Union signed a partnership with Senegal to curb departures of migrant boats.",
     "Migrants", "AGREEMENT", "occurred"),
    ("On Monday the Commission confirmed a further €30 million payment to Libya for coast guard training.",
     "Migrants", "AID_FUNDING", "occurred"),
    # figures with translated periods, attempts and running totals
    ("In the month of May, agents of the Tucson sector detained more than 14,000 persons, according to figures "
     "of the agency.", "Migrants", "ENFORCEMENT_STATISTIC", "occurred"),
    ("The Border Guard said it had recorded 2,310 attempts to cross illegally so far this month.", "Migrants",
     "ENFORCEMENT_STATISTIC", "occurred"),
    ("The latest landings push the total for the islands so far this year to 9,420, according to ministry "
     "figures.", "Migrants", "ENFORCEMENT_STATISTIC", "occurred"),
    # money for fences, a reinforced presence, checkpoints kept
    ("Last year the spending bill provided $600 million for about 30 miles of new fencing in Arizona.",
     "Migrants", "BORDER_SECURITY", "occurred"),
    ("Guatemala reinforced on Friday the presence of the Army in Tecún Umán ahead of the caravan.", "Migrants",
     "BORDER_SECURITY", "occurred"),
    ("Police said they will maintain checkpoints on the highway to the border during the coming days.",
     "Migrants", "BORDER_SECURITY", "planned"),
    # crossings, flights out, caravans dissolved, deaths, decrees signed
    ("About 200 young men tried to scale the fence at Melilla before dawn on Friday.", "Migrants",
     "MIGRANT_MOVEMENT", "occurred"),
    ("A military plane departed on Wednesday from Boa Vista with 180 Venezuelans on board, bound for Manaus.",
     "Migrants", "MIGRANT_MOVEMENT", "occurred"),
    ("Police and soldiers dissolved on Sunday a caravan of some 2,000 migrants near the border town of "
     "Chiquimula.", "Migrants", "ENFORCEMENT_OPERATION", "occurred"),
    ("Two passengers were pronounced dead on the quay in Almería, Spain, after the boat was towed in, the Red Cross "
     "said.",
     "Migrants", "HUMANITARIAN_INCIDENT", "occurred"),
    ("The decree, signed on Friday by the interim president, repeals the 2015 law against migrant smuggling.",
     "Migrants", "LEGISLATION", "occurred"),
    # a threat is made in words, quoted or not; a scare-quoted name is no quotation
    ("\"I am threatening to close the southern border if Mexico does not stop the caravans,\" President Trump "
     "said on Friday.", "Migrants", "PRESSURE_THREAT", "occurred"),
    ("The government ended its \"zero tolerance\" policy for migrant families on Tuesday.", "Migrants",
     "POLICY_ANNOUNCEMENT", "occurred"),
    # a dateline parsed as a second subject; a sum in euros between the verb and the deal
    ("PUERTO DEL ROSARIO, FUERTEVENTURA — Some 300 people reached the island on four wooden boats overnight, "
     "Spain's coast guard said on Sunday.", "Migrants", "MIGRANT_MOVEMENT", "occurred"),
    ("Earlier this month the EU signed a €95 million partnership with Senegal to curb departures of migrant boats.",
     "Migrants", "AGREEMENT", "occurred"),
    # visits name their destination; officials due to meet; meetings chaired
    ("The UN special envoy for migration, Maria Santos, will visit Quito and Lima next week, her office said.",
     "Migrants", "OFFICIAL_VISIT", "planned"),
    # a meeting held is its own event beside a trip still to come
    ("Homeland Security Secretary Kirstjen Nielsen met her Mexican counterpart in Miami on Tuesday and will travel "
     "to Tegucigalpa on Wednesday for talks on migration.", "Migrants", "OFFICIAL_MEETING", "occurred"),
    ("Interior Minister Ana Ortega is expected to travel to Gran Canaria later this month to inspect the new patrol "
     "boats, her ministry said.", "Migrants", "OFFICIAL_VISIT", "planned"),
    ("Officials from eleven South American governments are due to meet in Bogota on Thursday to discuss the flow "
     "of migrants.", "Migrants", "OFFICIAL_MEETING", "planned"),
    ("Prime Minister Ana Ruiz is due to chair a meeting of ministers and security chiefs on Thursday on the "
     "arrival of refugees.", "Migrants", "OFFICIAL_MEETING", "planned"),
    # sea-crossing words alone make the story: no "migrant" anywhere
    ("At least 600 people reached El Hierro aboard cayucos over the weekend, the Red Cross said.",
     "Busy weekend at the islands", "MIGRANT_MOVEMENT", "occurred"),
    # a custody or a deployment that goes on, said anywhere in the sentence
    ("The asylum seeker was taken to the immigration detention center in Newark, where he remains, his lawyer "
     "said.", "Courthouse arrest", "DETENTION", "ongoing"),
    ("Mexico maintains deployed 10,000 members of the National Guard at its northern border to stop migrants, "
     "the minister informed.", "Border deployment", "BORDER_SECURITY", "ongoing"),
    # a removal told as a habit goes on; an appeal for money asks for it
    ("Every day, the migration authorities deport hundreds of Haitians through the border crossing of Dajabón.",
     "Deportations", "DEPORTATION", "ongoing"),
    ("The UN refugee agency appealed to donor countries to give an additional $4.5 million in funding for the "
     "Rohingya refugees.", "Aid appeal", "AID_FUNDING", "hypothetical"),
    # what an actor hopes or aims to do is its plan
    ("The interior ministry hopes to deport the 40 Afghan men on a charter flight in January.",
     "Deportations", "DEPORTATION", "planned"),
]


@pytest.mark.parametrize(
    ("text", "title", "event_type", "status"), STATUS_CASES, ids=[f"{c[2]}-{i}" for i, c in enumerate(STATUS_CASES)]
)
def test_acts_found_with_their_status(enricher: Enricher, text: str, title: str, event_type: str, status: str) -> None:
    assert _one(_events(enricher, text, title=title), event_type)["status"] == status


@pytest.mark.parametrize(
    "text",
    [
        "The migration office counted 14,320 people crossing the river in May, down from 17,900 in April.",
        "Border guards prevented more than 12,000 attempts at illegal entry last year, ministry figures show.",
    ],
)
def test_figures_counted_or_attempts_prevented_are_statistics(enricher: Enricher, text: str) -> None:
    # the default settings: what a rule or the classifier reads as a figure passes the check of what it counts
    assert _one(_direct(enricher, text + _CONTEXT, learned=True), "ENFORCEMENT_STATISTIC")["status"] == "occurred"


def test_a_learned_event_told_under_a_speaker_takes_the_speaker_as_its_actor(
    enricher: Enricher, monkeypatch: pytest.MonkeyPatch
) -> None:
    import workers.nlp.events as events_module

    # the figure's clause names nobody; the agency that reports it is who the event is from
    text = ("The Lakeside Refugee Council said on Sunday that the number of people housed in the hall had "
            "doubled in a week.")
    fixed = _FixedClassifier("HUMANITARIAN_INCIDENT", ("doubl-",))
    monkeypatch.setattr(events_module, "type_classifier", lambda: fixed)
    events = _direct(enricher, text + _CONTEXT, learned=True)
    incident = _one(events, "HUMANITARIAN_INCIDENT")
    assert [a["canonical"] for a in incident["actors"]] == ["Lakeside Refugee Council"]


def test_a_later_clauses_date_is_not_the_date_of_what_happened(enricher: Enricher) -> None:
    # June is when the group will first meet, not when the delegations agreed (and not last June)
    text = ("Both delegations agreed to create a working group on migration, which will hold its first session "
            "in June in Washington.")
    agreement = _one(_direct(enricher, text + _CONTEXT, published_at="2025-05-28T10:00:00Z"), "AGREEMENT")
    assert agreement["status"] == "occurred"
    assert agreement["date"] is None


@pytest.mark.parametrize(
    "text",
    [
        "About 350 foreigners reached the border post at Chacalluta on Monday, officials said.",
        "Some 2,000 Venezuelans crossed the river into Colombia on Sunday, officials said.",
    ],
)
def test_foreigners_and_nationalities_on_the_move_are_movers(
    enricher: Enricher, monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    import workers.nlp.events as events_module

    # the classifier's reading stands fixed: what is under test is the check of who moves
    fixed = _FixedClassifier("MIGRANT_MOVEMENT", ("reach", "cross"))
    monkeypatch.setattr(events_module, "type_classifier", lambda: fixed)
    assert _one(_direct(enricher, text + _CONTEXT, learned=True), "MIGRANT_MOVEMENT")["status"] == "occurred"


def test_a_verb_the_parser_hung_on_a_date_is_no_relative_clause() -> None:
    from spacy.tokens import Doc, Span
    from spacy.vocab import Vocab

    from workers.nlp.events import _relative_clause

    # "the department on Wednesday extended the status" parsed with "extended" as a clause of "Wednesday"
    words = ["The", "department", "on", "Wednesday", "extended", "the", "status"]
    doc = Doc(Vocab(), words=words, heads=[1, 1, 1, 2, 3, 6, 4],
              deps=["det", "ROOT", "prep", "pobj", "relcl", "det", "dobj"])
    doc.ents = [Span(doc, 3, 4, label="DATE")]
    assert not _relative_clause(doc[4])
    # "the program, which granted them permits": a clause that describes the program
    words = ["the", "program", "which", "granted", "them", "permits"]
    doc = Doc(Vocab(), words=words, heads=[1, 1, 3, 1, 3, 3], deps=["det", "ROOT", "nsubj", "relcl", "dative", "dobj"])
    assert _relative_clause(doc[3])


@pytest.mark.parametrize(
    ("text", "is_figure"),
    [
        ("Coast guard figures released on Monday show that more than 9,000 migrants have landed on the island "
         "since January.", True),
        ("By the ministry's own figures, 132 migrants have been transferred to the centre since April.", True),
        # a landing on a day is a movement, not a figure
        ("On Sunday alone, 640 migrants landed on the island aboard 17 small boats.", False),
    ],
)
def test_people_moved_in_number_are_a_figure_only_when_the_count_runs_or_is_data(
    enricher: Enricher, monkeypatch: pytest.MonkeyPatch, text: str, is_figure: bool
) -> None:
    import workers.nlp.events as events_module

    # the classifier reads a figure in each; the figure's checks decide
    figure = _FixedClassifier("ENFORCEMENT_STATISTIC", ("migra-",))
    monkeypatch.setattr(events_module, "type_classifier", lambda: figure)
    types = {e["event_type"] for e in _direct(enricher, text, learned=True)}
    assert ("ENFORCEMENT_STATISTIC" in types) is is_figure, types


@pytest.mark.parametrize(
    ("text", "expected", "absent"),
    [
        ("On Thursday, the authorities deported another 150 migrants to Guatemala on a charter flight.",
         "DEPORTATION", "ENFORCEMENT_STATISTIC"),
        ("On Sunday alone, 640 migrants arrived on Lampedusa aboard 17 small boats.",
         "MIGRANT_MOVEMENT", "ENFORCEMENT_STATISTIC"),
        # the day's count told as data stays a figure
        ("The ministry has published its figure for yesterday: 1,047 migrants crossed the Channel in small boats "
         "on Monday.", "ENFORCEMENT_STATISTIC", "MIGRANT_MOVEMENT"),
    ],
)
def test_one_days_removals_or_arrivals_are_the_act_not_a_figure(
    enricher: Enricher, text: str, expected: str, absent: str
) -> None:
    types = {e["event_type"] for e in _direct(enricher, text + _CONTEXT, learned=True)}
    assert expected in types and absent not in types, types


def test_a_figure_is_dated_by_the_period_it_counts_not_its_release_or_a_record(enricher: Enricher) -> None:
    text = ("Border Patrol agents made about 56,400 apprehensions of migrants along the southwest border in July, "
            "according to figures released late Tuesday, the lowest monthly total since September 2020.")
    figure = _one(_direct(enricher, text, "2024-08-22T12:00:00Z", learned=True), "ENFORCEMENT_STATISTIC")
    assert figure["date"] is not None and figure["date"]["resolved"] == "2024-07"
    # with no period, the day the figures came out dates them
    text = "Border Patrol agents made about 56,400 apprehensions of migrants, according to figures released Tuesday."
    figure = _one(_direct(enricher, text, "2024-08-22T12:00:00Z", learned=True), "ENFORCEMENT_STATISTIC")
    assert figure["date"] is not None and figure["date"]["resolved"] == "2024-08-20"


@pytest.mark.parametrize(
    "text",
    [
        "For more information on the state's border security efforts and migrant busing, visit the Office of the "
        "Governor website.",
        "ADVOCATES ASK JUDGE TO STRIKE DOWN ASYLUM RULE",
        "In this issue: a record visa quota; a construction-site raid in Kuala Lumpur; Nepal courts Japan's care "
        "sector; Taiwan and India close in on a worker deal.",
    ],
)
def test_page_furniture_and_newsletter_headings_carry_no_events(enricher: Enricher, text: str) -> None:
    assert _direct(enricher, text + "\n\n" + _CONTEXT.strip(), learned=True) == []


def test_a_days_record_is_a_movement_not_a_running_figure(enricher: Enricher) -> None:
    text = ("More than 1,100 migrants crossed the Channel in small boats yesterday, the highest daily total so far "
            "this year.")
    types = {e["event_type"] for e in _direct(enricher, text, "2025-05-31T08:00:00Z", learned=True)}
    assert "MIGRANT_MOVEMENT" in types and "ENFORCEMENT_STATISTIC" not in types, types


def test_agreeing_to_meet_again_is_no_agreement(enricher: Enricher) -> None:
    text = "The migration ministers agreed to meet again in Mexico City in April with their Guatemalan counterparts."
    assert "AGREEMENT" not in {e["event_type"] for e in _direct(enricher, text, learned=True)}


@pytest.mark.parametrize(
    "text",
    [
        "According to the migration directorate, 27,965 people were repatriated to Haiti between October 2 and "
        "October 25.",
        "This interdiction brings to 1,146 the number of migrants apprehended by the Defence Force at sea.",
    ],
)
def test_counts_over_a_range_or_brought_to_a_total_are_figures(enricher: Enricher, text: str) -> None:
    types = {e["event_type"] for e in _direct(enricher, text, "2024-10-28T12:00:00Z", learned=True)}
    assert "ENFORCEMENT_STATISTIC" in types, types


@pytest.mark.parametrize(
    "text",
    [
        # a reaction a move "was met with" is no meeting
        "The move by Homeland Security Secretary Kirstjen Nielsen was met with criticism and anger from Mexican "
        "officials and members of Congress earlier this week.",
        # a person's history is no deportation of the day
        "On Monday a previously deported Honduran man threw rocks at Border Patrol agents near El Paso, Texas.",
    ],
)
def test_words_in_a_sense_that_reports_no_act(enricher: Enricher, text: str) -> None:
    lead = "Asylum seekers waited at the border in Tijuana. "
    assert [e["event_type"] for e in _events(enricher, lead + text)] == []


@pytest.mark.parametrize(
    ("text", "word", "no_act"),
    [
        ("Senator Durbin told NBC's “Meet the Press” that the vote would fail.", "Meet", True),
        ("What Mexican officials expect as visiting rights for migrants is not granted.", "visiting", True),
        ("Officials will meet with Mexican diplomats on Monday.", "meet", False),
        ("The minister is visiting the detention center on Monday.", "visiting", False),
    ],
)
def test_the_no_act_reading_of_a_trigger_word(enricher: Enricher, text: str, word: str, no_act: bool) -> None:
    import workers.nlp.events as events_module

    doc = enricher.nlp(text)
    token = next(t for t in doc if t.text == word)
    assert events_module._no_act_reading(token) is no_act


def test_a_live_blogs_timestamped_entry_happened_on_the_blogs_day(enricher: Enricher) -> None:
    body = (
        "Live: Channel crossings inquiry\n\n"
        "09:05 - The inquiry into the November sinking resumes in Dover.\n\n"
        "16:12 - Kent Police have just confirmed that two men have been charged with people smuggling in "
        "connection with the crossing."
    )
    charge = _one(_events(enricher, body, published_at="2025-02-18T17:00:00Z"), "SMUGGLING_TRAFFICKING")
    assert charge["date"] is not None and charge["date"]["resolved"] == "2025-02-18"


def test_one_timestamp_alone_does_not_date_an_act(enricher: Enricher) -> None:
    body = (
        "Border officials described the scene where 40 migrants landed at the port.\n\n"
        "16:12 - Kent Police have just confirmed that two men have been charged with people smuggling in "
        "connection with the crossing."
    )  # not a live blog: one clock time may be anything
    events = _events(enricher, body, published_at="2025-02-18T17:00:00Z", title="Channel migrants land in Dover")
    charge = _one(events, "SMUGGLING_TRAFFICKING")
    assert charge["date"] is None


def test_a_date_the_parser_hangs_on_the_sentence_before_still_dates_the_act(enricher: Enricher) -> None:
    body = (
        '"We will keep our promise," said the governor. "Until Washington does its job and secures the border, '
        'Texas will keep stepping up to provide relief to our overwhelmed border communities."\n\n'
        "Earlier today, two buses carrying 87 migrants arrived in Denver, Colorado, the latest of more than 300 "
        "buses the state has sent to the city."
    )
    events = _events(enricher, body, published_at="2024-05-09T19:00:00Z", title="Texas buses migrants to Denver")
    arrival = _one(events, "MIGRANT_MOVEMENT")
    assert arrival["date"] is not None and arrival["date"]["resolved"] == "2024-05-09"


# Acts stated with this session's cues, each with the headline that sets its item's migration context; the
# last column: found by the trigger rules alone (no learned events, no item-level relevance gate)
ACT_CUE_CASES = [
    pytest.param(
        "The Commissioner will meet his Zimbabwean counterparts in Beitbridge on Thursday to finalise a joint plan "
        "for managing migrant returns.",
        "Migrant returns deal to be expanded", "OFFICIAL_MEETING", "planned", False, id="counterparts-unnamed",
    ),
    pytest.param(
        "Ms Okafor is due to meet her French counterpart in Paris on Monday to push for the returns scheme to be "
        "scaled up.",
        "Migrant returns deal to be expanded", "OFFICIAL_MEETING", "planned", False, id="counterpart-named",
    ),
    pytest.param(
        "The Minister of Public Security toured the CATEM on Tuesday together with migration officials.",
        "Officials inspect migrant reception centres", "OFFICIAL_VISIT", "occurred", False, id="tour",
    ),
    pytest.param(
        "The Prime Minister visited the transit site for Sudanese refugees in Adré on Monday.",
        "Officials inspect migrant reception centres", "OFFICIAL_VISIT", "occurred", False, id="visit-to-a-site",
    ),
    pytest.param(
        "Warsaw on Thursday suspended the right to claim asylum on its border with Belarus for 60 days.",
        "Poland suspends asylum claims on Belarus border", "POLICY_ANNOUNCEMENT", "occurred", False,
        id="asylum-suspended",
    ),
    pytest.param(
        "On Tuesday, crews from Panama's National Border Service began stretching coils of barbed wire across five "
        "trails used by migrants.",
        "Government tightens border as migrants arrive", "BORDER_SECURITY", "occurred", False, id="barbed-wire",
    ),
    pytest.param(
        "Two days after the boat of Rohingya refugees arrived, a vessel from the Indonesian Navy towed it back out to "
        "sea.",
        "Government tightens border as migrants arrive", "BORDER_SECURITY", "occurred", False, id="towed-back",
    ),
    pytest.param(
        "The president said the government had ordered about 300 soldiers to the border to stop migrant smuggling.",
        "Government tightens border as migrants arrive", "BORDER_SECURITY", "occurred", False, id="troops-ordered",
    ),
    pytest.param(
        "RCMP officers on Thursday arrested two men near Hemmingford, Que., who police say were guiding a group of "
        "seven people south across the border.",
        "Two arrested near Quebec border crossing used by migrants", "SMUGGLING_TRAFFICKING", "occurred", False,
        id="guiding-migrants",
    ),
    pytest.param(
        "More than 20,000 Haitians have been approved to travel under the humanitarian parole program so far, "
        "according to the Department of Homeland Security.",
        "Migrants gain protection", "PROTECTION_GRANT", "occurred", True, id="parole-approvals",
    ),
    pytest.param(
        "The government of Colombia said on Monday it had renewed the Temporary Protection Permit for Venezuelan "
        "migrants for another ten years.",
        "Migrants gain protection", "PROTECTION_GRANT", "occurred", True, id="protection-renewed",
    ),
    pytest.param(
        "Eleven men who came ashore last week have been flown to Nauru for offshore processing, the Australian "
        "Border Force said.",
        "Governments act on migration", "DETENTION", "occurred", True, id="offshore-processing",
    ),
    pytest.param(
        "Checkpoints of the National Guard were installed on Monday along the highway used by migrants in Oaxaca.",
        "Governments act on migration", "BORDER_SECURITY", "occurred", True, id="checkpoints-installed",
    ),
    pytest.param(
        "Prime Minister Petteri Orpo said the government would send parliament a bill next month allowing border "
        "guards to turn away asylum seekers.",
        "Governments act on migration", "LEGISLATION", "planned", True, id="bill-sent",
    ),
]


@pytest.mark.parametrize(("sentence", "title", "event_type", "status", "rules_only"), ACT_CUE_CASES)
def test_acts_stated_with_the_newer_cues(
    enricher: Enricher, sentence: str, title: str, event_type: str, status: str, rules_only: bool
) -> None:
    events = (_direct if rules_only else _events)(enricher, sentence, title=title)
    assert _one(events, event_type)["status"] == status


def test_a_private_meeting_is_still_no_official_one(enricher: Enricher) -> None:
    body = "Her lawyer met the deported woman in Tijuana on Monday to prepare the asylum appeal."
    assert not [e for e in _events(enricher, body) if e["event_type"] == "OFFICIAL_MEETING"]
