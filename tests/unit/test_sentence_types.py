"""The learned sentence-level event-type classifier (workers.nlp.sentence_types).

Sentences here are written for the tests; the shipped training sentences are the team's own writing.
"""

from __future__ import annotations

from collections import Counter

import numpy as np
import orjson
import pytest

from workers.nlp.sentence_types import (
    ARTICLE_DATA,
    LABELS,
    NONE,
    TRAINING_DATA,
    SentenceClassifier,
    cue_matches,
    features,
    load_examples,
    stem,
    type_classifier,
)
from workers.nlp.types import EVENT_TYPES, STATUSES

SMALL: list[tuple[str, str]] = [
    ("The Senate passed the asylum bill on Thursday.", "LEGISLATION"),
    ("The House will vote next week on the visa bill.", "LEGISLATION"),
    ("Lawmakers passed a bill to fund shelters for migrant children.", "LEGISLATION"),
    ("Agents deported 120 Guatemalans on a charter flight.", "DEPORTATION"),
    ("The government deported dozens of migrants to Honduras.", "DEPORTATION"),
    ("Officials deported a family of five to El Salvador on Monday.", "DEPORTATION"),
    ("Immigration is a moral issue, the columnist wrote.", NONE),
    ("The weather was warm on Thursday in the capital.", NONE),
    ("Polls show voters split on the issue.", NONE),
]


def test_features_stem_words_drop_stop_words_pair_neighbours_and_take_prefixes() -> None:
    assert stem("deported") == stem("deports") == stem("deporting") == "deport"
    assert stem("bus") == "bus"  # too short to strip
    assert stem("2019") == "<num>"
    assert features("The bills were passed") == ["bill", "pass", "bill_pass", "passe-"]


def test_cues_point_back_to_words() -> None:
    assert cue_matches("deport", "Deported") and cue_matches("bill_pass", "bills")
    assert cue_matches("legis-", "Legislators") and not cue_matches("legis-", "legis")
    assert not cue_matches("deport", "departed")


def test_learns_the_small_set_and_names_its_cue() -> None:
    clf = SentenceClassifier.train(SMALL)
    passed = clf.predict("Legislators passed a bill on asylum.")
    assert passed.label == "LEGISLATION" and {"pass", "bill"} & set(passed.cues)
    deported = clf.predict("Mexico deported migrants.")
    assert deported.label == "DEPORTATION" and deported.cues[0] in {"deport", "depor-"}
    assert clf.predict("Voters are split, polls show.").label == NONE
    assert clf.predict("").label == NONE  # no known feature: the bias alone, which favours NONE here


def test_training_is_deterministic() -> None:
    first = SentenceClassifier.train(SMALL)
    second = SentenceClassifier.train(SMALL)
    assert first.vocabulary == second.vocabulary
    assert np.array_equal(first.weights, second.weights) and np.array_equal(first.bias, second.bias)


def test_shipped_sentences_are_well_formed() -> None:
    rows = [orjson.loads(line) for line in TRAINING_DATA.read_bytes().splitlines() if line.strip()]
    assert all(set(row) == {"text", "type", "status"} for row in rows)
    assert all((row["type"] is None) == (row["status"] is None) for row in rows)
    assert all(row["type"] is None or row["type"] in EVENT_TYPES for row in rows)
    assert all(row["status"] is None or row["status"] in STATUSES for row in rows)
    texts = [row["text"] for row in rows]
    assert len(texts) == len(set(texts)), "duplicate training sentences"
    per_type = Counter(row["type"] for row in rows)
    assert all(per_type[t] >= 40 for t in EVENT_TYPES), per_type
    assert set(LABELS) == {NONE, *EVENT_TYPES}


def test_article_sentences_are_well_formed_and_leave_the_held_out_articles_out() -> None:
    rows = [orjson.loads(line) for line in ARTICLE_DATA.read_bytes().splitlines() if line.strip()]
    assert all(set(row) == {"text", "type", "source"} for row in rows)
    assert all(row["type"] is None or row["type"] in EVENT_TYPES for row in rows)
    pairs = [(row["text"], row["type"]) for row in rows]
    assert len(pairs) == len(set(pairs)), "duplicate (sentence, type) rows"
    # test_team_articles.py measures the classifier on team4-* to team10-* and on set Y: none of their sentences
    # may train it
    held_out = ("team", "y1-", "y2-", "y3-", "y4-")
    assert not any(str(row["source"]).startswith(held_out) for row in rows)
    with_event = sum(row["type"] is not None for row in rows)
    assert with_event >= 400 and len(rows) - with_event >= with_event  # both kinds, events the fewer


def test_held_out_accuracy_on_the_shipped_sentences() -> None:
    """Five-fold cross-validation: a broken feature or training step shows here (18 labels; chance is
    about 0.35 by always answering NONE)."""
    examples = load_examples()
    correct = 0
    for fold in range(5):
        train = [e for i, e in enumerate(examples) if i % 5 != fold]
        test = [e for i, e in enumerate(examples) if i % 5 == fold]
        clf = SentenceClassifier.train(train)
        correct += sum(clf.predict(text).label == label for text, label in test)
    assert correct / len(examples) >= 0.55


@pytest.mark.parametrize(
    ("sentence", "label"),
    [
        ("The appeals court struck down the administration's asylum restrictions on Friday.", "COURT_RULING"),
        ("Border agents apprehended more than 41,000 people in October, the agency said.", "ENFORCEMENT_STATISTIC"),
        ("The columnist argued that the debate had become a proxy for wider cultural anxieties.", NONE),
    ],
)
def test_type_classifier_reads_plain_cases(sentence: str, label: str) -> None:
    assert type_classifier().predict(sentence).label == label
