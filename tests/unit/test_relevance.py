"""Migration relevance: the cheap pre-check and the full judgement, on texts written for these tests."""

from __future__ import annotations

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language

from workers.nlp.relevance import THRESHOLD, could_be_migration, lexical_score, score_relevance, text_evidence

_BLANK = spacy.blank("en")


@pytest.fixture(scope="module")
def blank() -> Language:
    # relevance is lexical: a tokenizer-only pipeline is enough and keeps these tests fast
    return spacy.blank("en")


MIGRATION_TEXTS = [
    "Border Patrol agents apprehended 900 migrants near El Paso on Monday, and most asked for asylum.",
    "The administration will end Temporary Protected Status for Haitian immigrants next year.",
    "A caravan of Central American migrants reached the U.S.-Mexico border on Sunday.",
    "ICE agents detained dozens of undocumented immigrants in raids across three states.",
    "Lawmakers debated a bill to protect Dreamers from deportation, but no vote was held.",
    # sea crossings told without "migrant": Channel and Rohingya boats
    "Border Force crews brought 612 people ashore at Dover after they crossed the Channel in small boats.",
    "A wooden boat carrying 180 Rohingya reached Aceh on Sunday, the UNHCR said.",
    # European wording: checks at internal borders, "international protection" for asylum
    "Austria extended its border controls with Slovenia and Hungary, and police stepped up border checks.",
    "Applicants for international protection will be housed in the new centre, the minister said.",
    # the words of pushbacks, workplace checks and displacement, with no "migrant" at all
    "The court found that police carried out pushbacks and the collective expulsion of aliens at the border.",
    "The bill would require every employer to check new hires through E-Verify, and the E-Verify rule "
    "would start in July.",
    "Some 3,000 displaced persons crossed the river; the displaced persons were given shelter, and the "
    "government said it respects non-refoulement.",
    "Police moved 400 exiles from the camp; eleven were placed in the administrative detention centre.",
    # farm guest workers, and people fleeing fighting over a border river
    "Growers rely on H-2A guest workers, and the new H-2A wage rule cuts what work visas pay.",
    "Thousands fled across the river as fighting flared; the displaced persons were sheltered in schools.",
    "The Coast Guard said it had interdicted 312 Cubans at sea this month, most of them rafters on makeshift rafts.",
    # the same words with migrants in the story, and the metaphor "a flood of refugees"
    "A caravan of 3,000 migrants left Tapachula on Sunday, and the caravan is heading north to the border.",
    "A flood of refugees from the war reached the border, and the refugees asked for protection.",
    "Refugees on the sinking boat said waves flooded the deck; the coast guard rescued 40 refugees.",
    # translated Spanish names of agencies, temporary protection, and a border barrier with no migrant named
    "Migración Colombia opened a new stage of the temporary protection statute; the temporary protection permit "
    "lasts ten years, the Migración Colombia director said.",
    # the central Mediterranean without "migrant": interceptions, pullbacks, rescues
    "Rescue groups say the coast guard's interceptions at sea and pullbacks to Libya rose again; search and rescue "
    "ships reported two rubber boats in distress.",
    "The minister said 5,000 Syrians returned voluntarily last month; voluntary returns will rise, and each of the "
    "returnees gets a grant.",
    "The state will put the buoy barrier back in the river to secure the border, and troops strung concertina "
    "wire along the bank to stop illegal crossings.",
    # labour migration in its own words: a trainee programme for foreign workers, skilled worker visas
    "Parliament voted to scrap the technical intern programme for foreign workers; foreign workers will be able "
    "to change employers, and the cap on skilled worker visas doubles.",
]
OTHER_TEXTS = [
    "The central bank raised interest rates by a quarter point on Wednesday, citing inflation.",
    "The home team won the championship after a dramatic overtime goal in front of 60,000 fans.",
    "The senator introduced a bill to cut taxes for small businesses and expand broadband access.",
    "A wall of fog rolled over the bay as commuters crossed the bridge on Tuesday morning.",
    # the holiday caravan, the payment card, and birds that migrate
    "The caravan park reopened after the flood, and shoppers paid with Visa gift cards at the caravan site.",
    "Migratory birds crowd the wetland each spring; the godwit migration is the longest of any bird species.",
    # expelled from school or party: weak on its own
    "The academy expelled two pupils for cheating, and the party expelled a councillor after the vote.",
    # a bank's systems migration, a caravan of lowriders, and the "refugees" of a flood
    "The bank's systems migration locked 400,000 customers out; the migration of accounts to the new platform "
    "failed, and the data migration will be retried.",
    "A caravan of lowriders crossed the city on Sunday; the caravan raised money, and a second caravan is planned.",
    "Flooded out of their homes by the storm, the villagers called themselves refugees in their own village; the "
    "refugees slept in the school as the flood waters rose.",
    # one customer "deported" from her account does not make the systems migration a story about people
    "The bank's core banking migration failed; the migration of customer data took days, and one customer said "
    "she felt deported from her own account after the IT migration.",
    # foreign workers are also a trade or tax story's
    "The plant's owners said the new tariffs would hurt sales; 40 foreign workers helped install the line.",
    # students from abroad are also education news
    "The university enrolled more international students this year; international students pay higher fees.",
    # Spanish sports clubs and sections in translated sports pages
    "Deportes Cordillera signed the striker from Deportivo Táchira; the Deportes club paid a record fee, and "
    "Deportivo fans cheered the deportistas.",
]


@pytest.mark.parametrize("text", MIGRATION_TEXTS)
def test_migration_texts_are_relevant(blank: Language, text: str) -> None:
    rel = score_relevance(blank(text), [], [])
    assert rel["migration"] is True
    assert THRESHOLD <= rel["score"] <= 1.0
    assert rel["topics"]
    assert could_be_migration(text)


@pytest.mark.parametrize("text", OTHER_TEXTS)
def test_other_texts_are_not_relevant(blank: Language, text: str) -> None:
    rel = score_relevance(blank(text), [], [])
    assert rel["migration"] is False
    assert 0.0 <= rel["score"] < THRESHOLD


def test_title_counts() -> None:
    nlp = spacy.blank("en")
    body = "Officials gave few details about the plan on Tuesday. " * 5
    without = score_relevance(nlp(body), [], [])
    title = "Administration plans new asylum restrictions for migrants"
    with_title = score_relevance(nlp(body), [], [], title=title)
    assert with_title["score"] > without["score"]
    assert with_title["migration"] is True


def test_the_old_asylum_building_is_not_asylum(blank: Language) -> None:
    title = "Council backs plan to turn the old Hillcrest asylum into flats"
    body = ("The asylum opened in 1871 and at its peak housed 1,200 patients. The council approved the plan to turn "
            "the asylum into 90 flats, keeping the chapel of the former lunatic asylum.")
    assert score_relevance(blank(body), [], [], title=title)["migration"] is False
    # patients in a migration story: the asylum they seek still counts
    seeking = ("Doctors treated 40 patients at the shelter, where families wait to seek asylum. The asylum office "
               "in the city has a backlog of 9,000 claims, and many asylum seekers sleep outside.")
    assert score_relevance(blank(seeking), [], [], title="Asylum seekers wait in the heat")["migration"] is True


def test_long_article_with_one_passing_mention_is_not_relevant() -> None:
    nlp = spacy.blank("en")
    body = (
        "The budget debate dragged on through the night as senators argued over spending. " * 60
        + "One senator briefly mentioned immigration."
    )
    assert score_relevance(nlp(body), [], [])["migration"] is False


_VOCAB = st.sampled_from(
    [
        "migrants",
        "asylum",
        "border",
        "wall",
        "ICE",
        "deported",
        "caravan",
        "the",
        "bank",
        "rates",
        "Dreamers",
        "visa",
        "refugees",
        ".",
        "\n\n",
        "team",
        "won",
        "buoy",
        "barrier",
        "concertina",
        "wire",
        "illegal",
        "crossings",
        "temporary",
        "protection",
        "Migración",
        "Deportes",
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_VOCAB, max_size=60).map(" ".join) | st.text(max_size=300))
def test_precheck_never_misses_what_the_full_judgement_accepts(text: str) -> None:
    rel = score_relevance(_BLANK(text), [], [])
    assert 0.0 <= rel["score"] <= 1.0
    if rel["migration"]:
        assert could_be_migration(text)


@pytest.mark.parametrize("text", [*MIGRATION_TEXTS, "Asylum", "the DACA ruling", "deportados", "frontera"])
def test_precheck_recall(text: str) -> None:
    assert could_be_migration(text)


def test_precheck_covers_every_topic_term() -> None:
    from workers.nlp.relevance import _TOPICS

    samples = {
        "migration": "chain migration",
        "asylum": "safe third country",
        "border": "ports of entry",
        "deportation": "sanctuary cities",
        "detention": "tent city",
        "caravan": "caravan",
        "daca": "Dream Act",
        "smuggling": "coyotes",
        "sea-crossings": "crossed the English Channel",
        "expulsion": "expelled",
        "displacement": "internally displaced persons",
        "agencies": "DHS",
        "travel-ban": "travel ban",
        "wall": "the wall",
        "return": "voluntary returns",
        "mobility": "student visas",
        "labour": "foreign trainees",
    }
    assert set(samples) == set(_TOPICS)
    for topic, text in samples.items():
        assert _TOPICS[topic][0].search(text), topic
        assert could_be_migration(text), topic


def test_only_migration_policies_count() -> None:
    from workers.nlp.relevance import is_migration_policy
    from workers.nlp.types import Entity

    def policy(text: str, canonical: str) -> Entity:
        return Entity(text=text, label="POLICY", start=0, end=len(text), canonical=canonical, country=None)

    assert is_migration_policy(policy("MPP", "Migrant Protection Protocols"))
    assert is_migration_policy(policy("DACA", "Deferred Action for Childhood Arrivals"))
    assert is_migration_policy(policy("TPS", "Temporary Protected Status"))
    assert not is_migration_policy(policy("ObamaCare", "Affordable Care Act"))
    body = "The ObamaCare rollout had problems. " * 10
    ents = [policy("ObamaCare", "Affordable Care Act")] * 10
    assert score_relevance(_BLANK(body), ents, [])["migration"] is False


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("THE ASYLUM OFFICE REOPENED", True),
        ("Sanctuary City officials met", True),
        ("ICE agents arrived", True),
        ("ice formed on the lake", False),
        ("The Homeland Security budget", True),
    ],
)
def test_matching_ignores_case_except_for_acronyms(blank: Language, text: str, expected: bool) -> None:
    # terms are searched in lower-cased text; only the agency acronyms must keep their case
    assert could_be_migration(text) is True or not expected
    rel = score_relevance(blank(text), [], [])
    assert bool(rel["topics"]) is expected


@pytest.mark.parametrize("text", MIGRATION_TEXTS + OTHER_TEXTS)
def test_evidence_computed_once_gives_the_same_judgements(blank: Language, text: str) -> None:
    # the enricher computes the words-only evidence once per item and hands it to both judgements
    title = "Asylum seekers wait at the border"
    evidence = text_evidence(text, title)
    doc = blank(text)
    given_evidence = score_relevance(doc, [], [], title=title, topic_evidence=evidence)
    assert given_evidence == score_relevance(doc, [], [], title=title)
    assert lexical_score(text, title, topic_evidence=evidence) == lexical_score(text, title)
