"""The enrichment scored on the team's own annotated articles (tests/fixtures/team, fiction we wrote).

The 42 articles of seven writers are held out from the learned classifier's training data: they measure the default
settings (rules and classifier). Sets G to L train the classifier since the eleventh session, so their floors
measure the trigger rules alone; sets M, P, R, V, W and X train it since the sixteenth, and their floors measure the
default settings on text the classifier has read. The floors sit below the measured numbers (docs/EVALUATION.md,
eighth to eleventh sessions) so a regression shows, not noise.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from workers.evaluation import gold_to_input, load_gold, score
from workers.nlp.enrich import Enricher

GOLD = Path(__file__).resolve().parents[1] / "fixtures" / "team" / "team-gold.jsonl"
# Sixth session: 48 more articles by six new writers, scored blind with that session's final code
BLIND = GOLD.with_name("team-blind.jsonl")
# Seventh session: 24 more by three new writers (set I), scored blind at the session's start and end only
BLIND_I = GOLD.with_name("team-blind-i.jsonl")
# Eighth session: 24 more by three new writers (set J), scored blind at the session's start, middle and end
BLIND_J = GOLD.with_name("team-blind-j.jsonl")
# Ninth session: 24 more (set K), blind through that session; developed on in the tenth
BLIND_K = GOLD.with_name("team-blind-k.jsonl")
# Tenth session: 24 more by three new writers (set L), scored blind at the session's start, twice in the middle
# and at its end
BLIND_L = GOLD.with_name("team-blind-l.jsonl")
# Eleventh session: 30 more by three writers (set N), written as training data for the learned classifier
SET_N = GOLD.with_name("team-set-n.jsonl")
SET_O = SET_N.with_name("team-set-o.jsonl")  # and 40 more (set O), the same way
SET_Q = SET_N.with_name("team-set-q.jsonl")  # twelfth session: 40 more (set Q), the same way
SET_S = SET_N.with_name("team-set-s.jsonl")  # thirteenth session: 40 more (set S), the same way
SET_U = SET_N.with_name("team-set-u.jsonl")  # and 40 more (set U)
# Twelfth session: 24 more by three writers (set P), scored blind at the session's start, middle and end; kept out
# of the classifier's training data
BLIND_P = GOLD.with_name("team-blind-p.jsonl")
# Thirteenth session: 24 more by three writers (set R), scored blind at the session's start, twice in the middle
# and at its end; kept out of the classifier's training data
BLIND_R = GOLD.with_name("team-blind-r.jsonl")
# Fourteenth session: 24 more by three writers (set V), scored blind at the session's start and end, errors never
# read; and 40 by four training writers (set W), which stayed out of the classifier's data (adding them lowered
# the held-out sets' scores) and served as the session's development set for the rules
BLIND_V = GOLD.with_name("team-blind-v.jsonl")
SET_W = GOLD.with_name("team-set-w.jsonl")
# Fifteenth session: 32 more by four writers (set X), scored blind at the session's start and end, errors never read
BLIND_X = GOLD.with_name("team-blind-x.jsonl")
# Sixteenth session: 40 by four training writers (set Z), which stayed out of the classifier's data (leave-one-set-out
# over M, P, R, V, W and X, adding Z gave 4 fewer matched and 5 more false events) and joined the rules' development
# data
SET_Z = GOLD.with_name("team-set-z.jsonl")
# and 32 by four blind writers (set Y), scored at the session's start, after the classifier change and at its end,
# errors never read; held out from the classifier like the 42 above
BLIND_Y = GOLD.with_name("team-blind-y.jsonl")
# Eleventh session: 24 more by three writers (set M), scored blind at the session's start, twice in the middle and
# twice at its end; kept out of the classifier's training data like the 42 above
BLIND_M = GOLD.with_name("team-blind-m.jsonl")
TRAINED_ON = ("team1-", "team2-", "team3-")


@pytest.fixture(scope="module")
def held_out() -> list[dict[str, Any]]:
    items = [item for item in load_gold(GOLD) if not str(item["id"]).startswith(TRAINED_ON)]
    assert len(items) == 42
    return items


def _scores(items: list[dict[str, Any]], *, learned: bool) -> Any:
    enricher = Enricher(prefilter=True, learned_events=learned, warmup_items=0)
    return score(items, enricher.enrich_batch([gold_to_input(item) for item in items]))


def _below(report: Any, **floors: float) -> list[str]:
    """The measures of `report` under their floor ("events 0.512 < 0.56"); a measure with nothing to measure
    (no matched event for status or date) is under it too."""
    values = {
        "relevance": report.relevance.f1,
        "events": report.events.f1,
        "event_types": report.event_types.f1,
        "status": report.status.value,
        "date": report.date.value,
        "entities": report.entities.overall.f1,
    }
    return [
        f"{name} {values[name]} < {floor}"
        for name, floor in floors.items()
        if values[name] is None or values[name] < floor
    ]


def test_a_measure_under_its_floor_or_missing_is_reported() -> None:
    from types import SimpleNamespace as NS

    report = NS(relevance=NS(f1=0.96), events=NS(f1=0.5), event_types=NS(f1=0.7), status=NS(value=None),
                date=NS(value=0.8), entities=NS(overall=NS(f1=0.9)))
    below = _below(report, relevance=0.95, events=0.56, status=0.8, date=0.8)
    assert below == ["events 0.5 < 0.56", "status None < 0.8"]
    assert _below(report, relevance=0.95, entities=0.9) == []


@pytest.mark.parametrize(
    "path",
    [GOLD, BLIND, BLIND_I, BLIND_J, BLIND_K, BLIND_L, BLIND_M, BLIND_P, BLIND_R, SET_N, SET_O, SET_Q, SET_S, SET_U],
    ids=["team-gold", "team-blind", "team-blind-i", "team-blind-j", "team-blind-k", "team-blind-l", "team-blind-m",
         "team-blind-p", "team-blind-r", "team-set-n", "team-set-o", "team-set-q", "team-set-s", "team-set-u"],
)
def test_all_evidence_is_quoted_from_the_bodies(path: Path) -> None:
    for item in load_gold(path):
        for event in item["gold"]["events"]:
            assert event["evidence"] in item["body"], (item["id"], event["evidence"][:60])


def test_held_out_articles_meet_their_floors(held_out: list[dict[str, Any]]) -> None:
    report = _scores(held_out, learned=True)  # the default settings
    assert not _below(
        report,
        relevance=0.9,  # measured 0.959 (eighth session), 0.973 (eleventh, twelfth), 0.986 (thirteenth)
        events=0.66,  # measured 0.655, 0.711, 0.706, 0.714
        event_types=0.70,  # measured 0.700, 0.760, 0.751, 0.767
        status=0.84,  # measured 0.894, 0.886 (twelfth), 0.878
        entities=0.76,  # measured 0.772, 0.786, 0.805, 0.809
    )


def test_learned_events_add_recall_on_held_out_articles(held_out: list[dict[str, Any]]) -> None:
    with_learned = _scores(held_out, learned=True)
    rules_only = _scores(held_out, learned=False)
    # measured 113 vs 106 matched gold events in the eleventh session (event F1 0.711 vs 0.707): on these 42
    # articles, whose misses shaped many rules, it adds recall and little F1; on writing the rules were never
    # tuned on it adds much more (docs/EVALUATION.md)
    assert with_learned.events.tp > rules_only.events.tp
    assert with_learned.events.recall > rules_only.events.recall


def test_the_rules_meet_their_floors_on_the_blind_articles() -> None:
    items = load_gold(BLIND)
    assert len(items) == 48
    report = _scores(items, learned=False)
    assert not _below(
        report,
        relevance=0.95,  # measured 1.000
        events=0.56,  # measured 0.488 when blind (sixth session), 0.667 now
        event_types=0.64,  # measured 0.570, 0.758 now
        status=0.78,  # measured 0.810, 0.840 now
        date=0.6,  # measured 0.571, 0.679 now
        entities=0.72,  # measured 0.756, 0.780 now
    )


def test_the_rules_meet_their_floors_on_set_i() -> None:
    items = load_gold(BLIND_I)
    assert len(items) == 24
    report = _scores(items, learned=False)
    assert not _below(
        report,
        relevance=0.95,  # measured 1.000
        events=0.43,  # measured 0.368 at the seventh session's start, 0.500 at its end, 0.593 now
        event_types=0.48,  # measured 0.417, 0.558, 0.671 now
        status=0.74,  # measured 0.680, 0.821, 0.863 now
        date=0.55,  # measured 0.600, 0.641, 0.726 now
        entities=0.62,  # measured 0.676, 0.677, 0.695 now
    )


def test_the_rules_meet_their_floors_on_set_j() -> None:
    items = load_gold(BLIND_J)
    assert len(items) == 24
    report = _scores(items, learned=False)
    assert not _below(
        report,
        relevance=0.9,  # measured 0.978
        events=0.5,  # measured 0.533 at the eighth session's start, 0.558 at its end
        event_types=0.56,  # measured 0.599, 0.632
        status=0.75,  # measured 0.795, 0.833
        date=0.46,  # measured 0.545, 0.542
        entities=0.68,  # measured 0.735, 0.737
    )


def test_the_rules_meet_their_floors_on_set_k() -> None:
    items = load_gold(BLIND_K)
    assert len(items) == 24
    report = _scores(items, learned=False)
    # measured blind in the ninth session, then developed on in the tenth (its end: the last number)
    assert not _below(
        report,
        relevance=0.9,  # measured 0.977, 1.000, 1.000
        events=0.70,  # measured 0.571, 0.588, 0.773
        event_types=0.75,  # measured 0.633, 0.652, 0.828
        status=0.80,  # measured 0.848, 0.808, 0.871
        date=0.70,  # measured 0.609, 0.596, 0.771
        entities=0.70,  # measured 0.736, 0.741, 0.745
    )


def test_the_rules_meet_their_floors_on_set_l() -> None:
    items = load_gold(BLIND_L)
    assert len(items) == 24
    report = _scores(items, learned=False)
    assert not _below(
        report,
        relevance=0.9,  # measured 1.000 at the tenth session's start and end
        events=0.44,  # measured 0.486, 0.486
        event_types=0.48,  # measured 0.533, 0.533
        status=0.88,  # measured 0.944, 0.972
        date=0.62,  # measured 0.694, 0.694
        entities=0.67,  # measured 0.717, 0.717
    )


# Floors for the default settings on the blind sets that did not train the classifier until the sixteenth session,
# below what was measured
# (relevance / events / event types / status / date / entities, in that order):
# M, blind in the eleventh session (rules only at its start, then the final code), then the twelfth's and the
#   thirteenth's ends: 0.950 0.481 0.549 0.911 0.667 0.624 | 0.950 0.574 0.641 0.917 0.733 0.632 |
#   1.000 0.624 0.691 0.897 0.721 0.658 | 1.000 0.673 0.741 0.882 0.697 0.665
# P, blind in the twelfth session (start, middle, end), developed on in the thirteenth (its end):
#   0.905 0.631 0.685 0.862 0.692 0.697 | 0.905 0.676 0.738 0.875 0.667 0.721 | 0.905 0.685 0.745 0.877 0.644 0.725 |
#   1.000 0.767 0.814 0.881 0.631 0.738
# R, blind in the thirteenth session (start, twice in the middle, the final code read twice):
#   0.977 0.738 0.782 0.831 0.711 0.657 | 1.000 0.753 0.796 0.833 0.714 0.659 | 1.000 0.764 0.812 0.826 0.733 0.656
_MEASURES = ("relevance", "events", "event_types", "status", "date", "entities")
# V, blind in the fourteenth session (its start and its end gave the same numbers):
#   1.000 0.673 0.717 0.930 0.620 0.740
# W, unseen at the fourteenth session's start, then its development set: 0.971 0.667 0.738 0.861 0.697 0.696 |
#   0.986 0.674 0.745 0.863 0.694 0.697
# Fifteenth session's end: M 1.000 0.707 0.778 0.890 0.720 0.685 | P 1.000 0.789 0.838 0.886 0.659 0.753 |
#   R 1.000 0.781 0.824 0.831 0.730 0.663 | V 1.000 0.679 0.723 0.931 0.667 0.750 |
#   W 0.986 0.681 0.749 0.865 0.690 0.713
# X, blind in the fifteenth session (start | end): 1.000 0.651 0.725 0.926 0.734 0.715 |
#   1.000 0.655 0.730 0.926 0.737 0.718
# Sixteenth session: M, P, R, V, W and X train the classifier from now on; with the classifier trained on them
# (no rule changed yet): M 1.000 0.815 0.880 0.842 0.733 0.685 | P 1.000 0.857 0.891 0.899 0.687 0.753 |
#   R 1.000 0.835 0.883 0.859 0.768 0.663 | V 1.000 0.826 0.870 0.887 0.670 0.750 |
#   W 0.986 0.770 0.840 0.868 0.671 0.713 | X 1.000 0.759 0.838 0.892 0.742 0.718
DEFAULT_FLOORS = {
    "m": (BLIND_M, 24, (0.9, 0.76, 0.83, 0.79, 0.68, 0.64)),
    "p": (BLIND_P, 24, (0.9, 0.80, 0.84, 0.85, 0.63, 0.71)),
    "r": (BLIND_R, 24, (0.9, 0.78, 0.83, 0.81, 0.72, 0.62)),
    "v": (BLIND_V, 24, (0.9, 0.77, 0.82, 0.84, 0.62, 0.70)),
    "w": (SET_W, 40, (0.9, 0.72, 0.79, 0.82, 0.62, 0.67)),
    "x": (BLIND_X, 32, (0.9, 0.71, 0.79, 0.84, 0.69, 0.67)),
    # Z, unseen at the sixteenth session's start (the starting code | the session's end):
    #   0.986 0.680 0.754 0.876 0.645 0.735 | 0.986 0.674 0.757 0.883 0.658 0.741
    "z": (SET_Z, 40, (0.9, 0.62, 0.70, 0.82, 0.58, 0.69)),
    # Y, blind in the sixteenth session (start | after the classifier change | end):
    #   0.982 0.671 0.738 0.833 0.635 0.724 | 0.982 0.701 0.761 0.842 0.653 0.724 | 0.982 0.701 0.761 0.842 0.653 0.726
    "y": (BLIND_Y, 32, (0.9, 0.65, 0.71, 0.79, 0.60, 0.68)),
}


@pytest.mark.parametrize("name", sorted(DEFAULT_FLOORS))
def test_default_settings_meet_their_floors_on_the_blind_sets(name: str) -> None:
    path, count, floors = DEFAULT_FLOORS[name]
    items = load_gold(path)
    assert len(items) == count
    assert not _below(_scores(items, learned=True), **dict(zip(_MEASURES, floors, strict=True)))

