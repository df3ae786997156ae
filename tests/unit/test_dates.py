"""Date resolution against the publication date (workers.nlp.dates).

Sentences here are written for the tests; none come from a publisher.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workers.nlp.dates import (
    anchor_from,
    date_for_sentence,
    find_date_expressions,
    resolve_date,
    sentence_tense,
)
from workers.nlp.types import ResolvedDate

TUESDAY = datetime(2019, 3, 26, 20, 0, tzinfo=UTC)  # the contract's example anchor
SUNDAY = datetime(2018, 10, 21, 9, 0, tzinfo=UTC)
SATURDAY = datetime(2018, 12, 15, 12, 0, tzinfo=UTC)
JANUARY = datetime(2018, 1, 3)  # naive anchors are accepted too
LEAP_DAY = datetime(2020, 2, 29)

CASES: list[tuple[str, datetime, str | None, str | None, str | None]] = [
    # expression, anchor, tense, expected resolved, expected granularity
    # --- the contract's examples
    ("Tuesday", TUESDAY, None, "2019-03-26", "day"),
    ("Tuesday", TUESDAY, "past", "2019-03-26", "day"),
    ("tomorrow", TUESDAY, None, "2019-03-27", "day"),
    ("this Wednesday", TUESDAY, "future", "2019-03-27", "day"),
    ("last month", TUESDAY, None, "2019-02", "month"),
    ("in 2017", TUESDAY, None, "2017", "year"),
    # --- weekdays
    ("on Tuesday", TUESDAY, None, "2019-03-26", "day"),
    ("Tuesday", TUESDAY, "future", "2019-03-26", "day"),
    ("Monday", TUESDAY, None, "2019-03-25", "day"),
    ("Wednesday", TUESDAY, None, "2019-03-20", "day"),
    ("Wednesday", TUESDAY, "past", "2019-03-20", "day"),
    ("Wednesday", TUESDAY, "present", "2019-03-20", "day"),
    ("Wednesday", TUESDAY, "future", "2019-03-27", "day"),
    ("on Friday", TUESDAY, "future", "2019-03-29", "day"),
    ("last Friday", TUESDAY, None, "2019-03-22", "day"),
    ("last Tuesday", TUESDAY, None, "2019-03-19", "day"),
    ("this past Sunday", TUESDAY, None, "2019-03-24", "day"),
    ("next Monday", TUESDAY, None, "2019-04-01", "day"),
    ("next Tuesday", TUESDAY, None, "2019-04-02", "day"),
    ("this coming Friday", TUESDAY, "past", "2019-03-29", "day"),
    ("this Wednesday", TUESDAY, None, "2019-03-27", "day"),  # current week (translated "este miércoles")
    ("this Monday", TUESDAY, None, "2019-03-25", "day"),
    ("this Monday", TUESDAY, "past", "2019-03-25", "day"),
    ("this Friday", TUESDAY, "past", "2019-03-22", "day"),
    ("Tuesday night", TUESDAY, None, "2019-03-26", "day"),
    ("Thursday night", datetime(2018, 10, 26), "past", "2018-10-25", "day"),
    ("early Monday", TUESDAY, None, "2019-03-25", "day"),
    ("earlier Thursday", datetime(2018, 10, 26), None, "2018-10-25", "day"),
    ("Saturday", SUNDAY, None, "2018-10-20", "day"),
    ("Sunday", SUNDAY, "past", "2018-10-21", "day"),
    ("Monday", SUNDAY, "future", "2018-10-22", "day"),
    ("Tues.", TUESDAY, None, "2019-03-26", "day"),
    # --- days relative to the anchor
    ("today", TUESDAY, None, "2019-03-26", "day"),
    ("tonight", TUESDAY, None, "2019-03-26", "day"),
    ("this morning", TUESDAY, None, "2019-03-26", "day"),
    ("earlier today", TUESDAY, None, "2019-03-26", "day"),
    ("the closing of this edition", TUESDAY, None, "2019-03-26", "day"),
    ("yesterday", TUESDAY, None, "2019-03-25", "day"),
    ("yesterday afternoon", TUESDAY, None, "2019-03-25", "day"),
    ("last night", TUESDAY, None, "2019-03-25", "day"),
    ("the day before", TUESDAY, None, "2019-03-25", "day"),
    ("the day before yesterday", TUESDAY, None, "2019-03-24", "day"),
    ("tomorrow morning", TUESDAY, None, "2019-03-27", "day"),
    ("the day after tomorrow", TUESDAY, None, "2019-03-28", "day"),
    ("yesterday", datetime(2019, 3, 1), None, "2019-02-28", "day"),
    ("tomorrow", datetime(2018, 12, 31), None, "2019-01-01", "day"),
    ("three days ago", TUESDAY, None, "2019-03-23", "day"),
    ("2 days ago", TUESDAY, None, "2019-03-24", "day"),
    ("a week ago", TUESDAY, None, "2019-03-19", "day"),
    # --- weeks (a week is not a day: its month when it fits in one, else None) and weekends
    ("last week", TUESDAY, None, "2019-03", "month"),
    ("this week", TUESDAY, None, "2019-03", "month"),
    ("earlier this week", TUESDAY, None, "2019-03", "month"),
    ("next week", TUESDAY, None, "2019-04", "month"),  # 2019-04-01..07 fits April
    ("the next week", TUESDAY, "future", "2019-04", "month"),  # translated "la próxima semana"
    ("the next week", TUESDAY, "past", None, None),  # a story's "the next week, he was deported"
    ("last week", datetime(2019, 4, 2), None, "2019-03", "month"),  # 2019-03-25..31 fits March
    ("last week", datetime(2019, 3, 5), None, None, None),  # 2019-02-25..03-03 straddles
    ("next week", datetime(2024, 8, 22), None, "2024-08", "month"),  # 08-26..09-01: its working days are August's
    ("last week", datetime(2023, 10, 5), None, "2023-09", "month"),  # 09-25..10-01: Monday to Friday in September
    # the current week straddling two months: told in the past it is Monday..anchor, ahead anchor..Sunday
    ("earlier this week", datetime(2018, 2, 28), None, "2018-02", "month"),  # 02-26..02-28
    ("this week", datetime(2018, 2, 28), "past", "2018-02", "month"),
    ("this week", datetime(2018, 2, 28), None, None, None),  # no tense: the whole week, which straddles
    ("later this week", datetime(2018, 2, 28), None, None, None),  # 02-28..03-04 straddles
    ("later this week", datetime(2018, 3, 1), None, "2018-03", "month"),  # 03-01..03-04
    ("this week", datetime(2018, 3, 1), "future", "2018-03", "month"),
    ("over the weekend", SUNDAY, None, "2018-10-20", "day"),
    ("the weekend", TUESDAY, None, "2019-03-23", "day"),
    ("last weekend", TUESDAY, None, "2019-03-23", "day"),
    ("this weekend", TUESDAY, None, "2019-03-30", "day"),
    ("this weekend", SATURDAY, None, "2018-12-15", "day"),
    ("next weekend", SATURDAY, None, "2018-12-22", "day"),
    # --- months and years relative to the anchor
    ("this month", TUESDAY, None, "2019-03", "month"),
    ("next month", TUESDAY, None, "2019-04", "month"),
    ("earlier this month", TUESDAY, None, "2019-03", "month"),
    ("last month", JANUARY, None, "2017-12", "month"),
    ("next month", datetime(2018, 12, 3), None, "2019-01", "month"),
    ("two months ago", JANUARY, None, "2017-11", "month"),
    ("last year", TUESDAY, None, "2018", "year"),
    ("this year", TUESDAY, None, "2019", "year"),
    ("next year", TUESDAY, None, "2020", "year"),
    ("later this year", TUESDAY, None, "2019", "year"),
    ("a year ago", TUESDAY, None, "2018", "year"),
    ("last year's", TUESDAY, None, "2018", "year"),
    ("by the end of the year", TUESDAY, None, "2019", "year"),
    # --- month names
    ("in March", TUESDAY, "past", "2019-03", "month"),
    ("March", TUESDAY, "future", "2019-03", "month"),
    ("in May", TUESDAY, "past", "2018-05", "month"),
    ("in April", TUESDAY, "past", "2019-04", "month"),  # next month in a past sentence: scheduled
    ("in April", TUESDAY, "future", "2019-04", "month"),
    ("in April", TUESDAY, None, "2019-04", "month"),  # the nearer April
    ("in September", JANUARY, None, "2017-09", "month"),
    ("in February", TUESDAY, None, "2019-02", "month"),
    ("early March", TUESDAY, None, "2019-03", "month"),
    ("mid-March", TUESDAY, None, "2019-03", "month"),
    ("the end of March", TUESDAY, None, "2019-03", "month"),
    ("last March", TUESDAY, None, "2018-03", "month"),
    ("last December", JANUARY, None, "2017-12", "month"),
    ("next March", TUESDAY, None, "2020-03", "month"),
    ("March 2019", TUESDAY, None, "2019-03", "month"),
    ("March of 2017", TUESDAY, None, "2017-03", "month"),
    ("Dec. 2016", TUESDAY, None, "2016-12", "month"),
    ("March 5", TUESDAY, None, "2019-03-05", "day"),
    ("March 5th", TUESDAY, "past", "2019-03-05", "day"),
    ("March 28", TUESDAY, "future", "2019-03-28", "day"),
    ("March 28", TUESDAY, "past", "2019-03-28", "day"),  # near future date in a past sentence: scheduled
    ("June 28", TUESDAY, "past", "2018-06-28", "day"),
    ("June 28", TUESDAY, "future", "2019-06-28", "day"),
    ("Dec. 28", JANUARY, None, "2017-12-28", "day"),
    ("Feb. 8", JANUARY, None, "2018-02-08", "day"),
    ("Feb. 29", LEAP_DAY, "past", "2020-02-29", "day"),
    ("Feb. 29", TUESDAY, "past", "2016-02-29", "day"),
    ("Feb. 29", TUESDAY, "future", "2020-02-29", "day"),
    ("Sept. 5", TUESDAY, "past", "2018-09-05", "day"),
    ("Sep 5", TUESDAY, "future", "2019-09-05", "day"),
    ("March 5, 2019", TUESDAY, None, "2019-03-05", "day"),
    ("Tuesday, March 26, 2019", TUESDAY, None, "2019-03-26", "day"),
    ("5 March 2019", TUESDAY, None, "2019-03-05", "day"),
    ("the 5th of March, 2019", TUESDAY, None, "2019-03-05", "day"),
    ("5 March", TUESDAY, None, "2019-03-05", "day"),
    ("on June 1", TUESDAY, "past", "2018-06-01", "day"),
    ("on May 1", TUESDAY, "past", "2019-05-01", "day"),  # within 45 days: a scheduled date
    ("February 30, 2019", TUESDAY, None, None, None),
    # --- years
    ("2017", TUESDAY, None, "2017", "year"),
    ("since 2016", TUESDAY, None, "2016", "year"),
    ("fiscal year 2018", TUESDAY, None, "2018", "year"),
    ("fiscal 2020", TUESDAY, None, "2020", "year"),
    ("FY2018", TUESDAY, None, "2018", "year"),
    ("late 2014", TUESDAY, None, "2014", "year"),
    ("mid-2014", TUESDAY, None, "2014", "year"),
    ("the end of fiscal year 2014", TUESDAY, None, "2014", "year"),
    # --- seasons: the year only; winter straddles two years
    ("this spring", TUESDAY, None, "2019", "year"),
    ("last summer", TUESDAY, None, "2018", "year"),
    ("last summer", datetime(2018, 11, 2), None, "2018", "year"),
    ("next fall", TUESDAY, None, "2019", "year"),
    ("next spring", datetime(2018, 6, 1), None, "2019", "year"),
    ("last winter", TUESDAY, None, None, None),
    ("the summer", TUESDAY, None, None, None),
    # --- numeric dates
    ("2019-03-26", TUESDAY, None, "2019-03-26", "day"),
    ("2019-03-26T20:00:00Z", TUESDAY, None, "2019-03-26", "day"),
    ("3/26/2019", TUESDAY, None, "2019-03-26", "day"),
    ("12/31/18", TUESDAY, None, "2018-12-31", "day"),
    ("2019-13-01", TUESDAY, None, None, None),
    ("13/26/2019", TUESDAY, None, None, None),
    # --- durations, decades, frequencies and non-dates
    ("12 years", TUESDAY, None, None, None),
    ("the past 12 years", TUESDAY, None, None, None),
    ("the past three months", TUESDAY, None, None, None),
    ("the last three months", TUESDAY, None, None, None),
    ("two weeks", TUESDAY, None, None, None),
    ("24 hours", TUESDAY, None, None, None),
    ("decades", TUESDAY, None, None, None),
    ("the 1990s", TUESDAY, None, None, None),
    ("the '90s", TUESDAY, None, None, None),
    ("recent years", TUESDAY, None, None, None),
    ("in recent days", TUESDAY, None, None, None),
    ("daily", TUESDAY, None, None, None),
    ("annually", TUESDAY, None, None, None),
    ("Tuesdays", TUESDAY, None, None, None),
    ("now", TUESDAY, None, None, None),
    ("the past week", TUESDAY, None, None, None),
    ("before 2017", TUESDAY, None, None, None),
    ("5000", TUESDAY, None, None, None),
    ("", TUESDAY, None, None, None),
    ("the caravan", TUESDAY, None, None, None),
]


@pytest.mark.parametrize(("expression", "anchor", "tense", "resolved", "granularity"), CASES)
def test_resolve_date(
    expression: str, anchor: datetime, tense: str | None, resolved: str | None, granularity: str | None
) -> None:
    result = resolve_date(expression, anchor, tense=tense)  # type: ignore[arg-type]
    if resolved is None:
        assert result is None
        return
    assert result is not None
    assert (result["resolved"], result["granularity"]) == (resolved, granularity)
    assert result["text"] == expression.strip()
    assert result["anchor"] == "published_at"


@pytest.mark.parametrize("expression", ["next year", "tomorrow", "next month", "January 1", "next weekend"])
def test_resolve_date_at_the_end_of_time_returns_none(expression: str) -> None:
    assert resolve_date(expression, datetime(9999, 12, 31, 23, 59), tense="future") is None


def test_resolve_date_reports_its_anchor_kind() -> None:
    result = resolve_date("yesterday", TUESDAY, anchor_kind="ingest_time")
    assert result is not None and result["anchor"] == "ingest_time"


def test_resolve_date_ignores_surrounding_punctuation_and_case() -> None:
    result = resolve_date("  (LAST MONTH),  ", TUESDAY)
    assert result is not None and result["resolved"] == "2019-02"


def test_resolve_date_does_not_depend_on_the_wall_clock() -> None:
    old = datetime(1995, 6, 14)  # a Wednesday
    assert resolve_date("next year", old) == {
        "text": "next year",
        "resolved": "1996",
        "granularity": "year",
        "anchor": "published_at",
    }
    result = resolve_date("Monday", old)
    assert result is not None and result["resolved"] == "1995-06-12"


_WELL_FORMED = {
    "day": re.compile(r"\d{4}-\d{2}-\d{2}"),
    "month": re.compile(r"\d{4}-(?:0[1-9]|1[0-2])"),
    "year": re.compile(r"\d{4}"),
}


def _assert_well_formed(result: ResolvedDate) -> None:
    assert _WELL_FORMED[result["granularity"]].fullmatch(result["resolved"])
    if result["granularity"] == "day":
        date.fromisoformat(result["resolved"])


_DATEISH = st.sampled_from(
    [
        "last", "this", "next", "past", "coming", "the", "on", "in", "early", "mid-", "late", "of", ",",
        "Tuesday", "night", "week", "weekend", "month", "year", "ago", "two", "a", "days", "March",
        "Feb.", "29", "31", "5th", "2019", "0000", "9999", "fiscal", "FY", "/", "-", "12", "yesterday",
        "tomorrow", "today", "day", "before", "after",
    ]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(
    text=st.one_of(st.text(max_size=60), st.lists(_DATEISH, max_size=6).map(" ".join)),
    anchor=st.one_of(
        st.datetimes(min_value=datetime(1901, 1, 1), max_value=datetime(2199, 12, 31)),
        st.datetimes(),  # extremes: 0001-01-01 and 9999-12-31 must not raise either
    ),
    tense=st.sampled_from([None, "past", "future", "present"]),
)
def test_resolve_date_never_raises_and_is_well_formed(text: str, anchor: datetime, tense: str | None) -> None:
    result = resolve_date(text, anchor, tense=tense)  # type: ignore[arg-type]
    if result is not None:
        _assert_well_formed(result)


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=200))
def test_find_date_expressions_spans_are_consistent(text: str) -> None:
    spans = find_date_expressions(text)
    previous_end = 0
    for start, end, expression in spans:
        assert previous_end <= start < end <= len(text)
        assert text[start:end] == expression
        previous_end = end


# --- finder


def _found(text: str) -> list[str]:
    return [expression for _, _, expression in find_date_expressions(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The minister will travel to the border this Wednesday.", ["this Wednesday"]),
        ("Last month, agents detained more than 50,000 people.", ["Last month"]),
        ("The agency met Tuesday with its counterpart.", ["Tuesday"]),
        ("Officials met on Tuesday night in the capital.", ["Tuesday night"]),
        ("The rule took effect on March 5, 2019, after a delay.", ["March 5, 2019"]),
        ("The rule took effect on Tuesday, March 5, 2019.", ["Tuesday, March 5, 2019"]),
        ("The deadline is Feb. 8 and the hearing is on 5 March 2019.", ["Feb. 8", "5 March 2019"]),
        ("The program was created in 2012 and ended in September.", ["2012", "September"]),
        ("Arrests rose in early March compared with last year.", ["early March", "last year"]),
        ("The report relies on 2016 census data.", ["2016"]),
        ("Funding for fiscal year 2020 was approved.", ["fiscal year 2020"]),
        (
            "The memo dated 2019-03-26 was leaked; a copy dated 3/27/2019 followed.",
            ["2019-03-26", "3/27/2019"],
        ),
        ("Protesters gathered over the weekend and again yesterday.", ["over the weekend", "yesterday"]),
        ("The group left three days ago and may arrive next week.", ["three days ago", "next week"]),
        ("The caravan set off earlier this month.", ["earlier this month"]),
        ("The wall was started in late 2014 and paused last summer.", ["late 2014", "last summer"]),
        ("The senator told USA Today that the vote is today.", ["today"]),
        # programme and holiday names, anaphoric and duration readings
        ('She said on "This Week" that talks resume this week.', ["this week"]),
        ("Voters head to the polls on Super Tuesday, then again on Tuesday.", ["Tuesday"]),
        ("He appeared on Fox News Sunday.", []),
        ("During the last month of the session, the bill stalled.", []),
        ("A poll taken the day before the vote showed a tie.", []),
        ("They had met the day before.", ["the day before"]),
        ("The chancellor will travel the next week to Tapachula.", ["the next week"]),
        ("Until the closing of this edition, 62 migrants remained inside.", ["the closing of this edition"]),
        ("The bookshop sold out its first edition.", []),
        ("Prices will rise over the next week.", []),
        # durations, decades, counts and the modal "may" are not dates
        ("Arrivals grew over the past 12 years and the past three months.", []),
        ("Border crossings peaked in the 1990s and have fallen for decades.", []),
        ("The government sent 2000 troops and 1,500 officers.", []),
        ("Officials may decide to march on the capital.", []),
        ("The shelter opens on Tuesdays and serves meals daily.", []),
        ("Numbers rose 2019% in a year.", []),
        # a month followed by a count is the month, not a day: "in February 3,904 people"
        ("In the month of February 3,904 Salvadorans were returned.", ["February"]),
        ("In January 12 migrants died in the desert.", ["January"]),
        ("The court ruled on March 3, 2019, and again on March 12.", ["March 3, 2019", "March 12"]),
    ],
)
def test_find_date_expressions(text: str, expected: list[str]) -> None:
    assert _found(text) == expected


def test_find_date_expressions_prefers_the_longest_match() -> None:
    spans = find_date_expressions("They arrived March 5, 2019.")
    assert spans == [(13, 26, "March 5, 2019")]


def test_every_found_expression_resolves() -> None:
    text = (
        "On Monday the minister said that in March 2018 and again last week, on 3/26/2019, "
        "the day before yesterday and this Friday night, talks were held; more are set for next month."
    )
    expressions = _found(text)
    assert len(expressions) == 7
    for expression in expressions:
        assert resolve_date(expression, TUESDAY) is not None, expression


# --- tense


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The secretary will travel to the border on Wednesday.", "future"),
        ("The delegation is scheduled to arrive tomorrow.", "future"),
        ("She'll sign the agreement in Washington.", "future"),
        ("The government plans to expand the program.", "future"),
        ("Officials met on Tuesday in the capital.", "past"),
        ("Agents detained 300 people last month.", "past"),
        ("The judge said the rule was unlawful.", "past"),
        ("The caravan left two weeks ago.", "past"),
        ("The program is in force.", "present"),
        ("Border wall", None),
    ],
)
def test_sentence_tense(sentence: str, expected: str | None) -> None:
    assert sentence_tense(sentence) == expected


def test_sentence_tense_with_a_span_uses_the_nearest_clause() -> None:
    sentence = "Officials said Tuesday that the minister will travel to the border on Friday."
    assert sentence_tense(sentence) == "future"
    tuesday = sentence.index("Tuesday")
    assert sentence_tense(sentence, (tuesday, tuesday + 7)) == "past"
    friday = sentence.index("Friday")
    assert sentence_tense(sentence, (friday, friday + 6)) == "future"


def test_tense_and_resolution_together() -> None:
    sentence = "This Wednesday, the secretary will travel to the border."
    (start, end, expression), *_ = find_date_expressions(sentence)
    result = resolve_date(expression, TUESDAY, tense=sentence_tense(sentence, (start, end)))
    assert result is not None and result["resolved"] == "2019-03-27"


# --- anchor

INGEST = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)


@pytest.mark.parametrize(
    ("published_at", "expected"),
    [
        ("2019-03-26T20:00:00Z", datetime(2019, 3, 26, 20, 0, tzinfo=UTC)),
        ("2018-12-16", datetime(2018, 12, 16)),
        ("2019-03-26T20:00:00+02:00", datetime(2019, 3, 26, 18, 0, tzinfo=UTC)),
        ("2019-03-26 20:00:00", datetime(2019, 3, 26, 20, 0)),
        ("Tue, 26 Mar 2019 20:00:00 GMT", datetime(2019, 3, 26, 20, 0, tzinfo=UTC)),
        ("March 26, 2019", datetime(2019, 3, 26)),
        ("1553630400", datetime(2019, 3, 26, 20, 0, tzinfo=UTC)),
    ],
)
def test_anchor_from_published_at(published_at: str, expected: datetime) -> None:
    anchor, kind = anchor_from(published_at, INGEST)
    assert kind == "published_at"
    assert anchor == expected


@pytest.mark.parametrize(
    "published_at",
    [None, "", "   ", "not a date", "March 2019", "2019", "0001-01-01T00:00:00Z", "2019-02-30"],
)
def test_anchor_from_falls_back_to_ingest_time(published_at: str | None) -> None:
    assert anchor_from(published_at, INGEST) == (INGEST, "ingest_time")


def test_anchor_from_then_resolve() -> None:
    anchor, kind = anchor_from("2019-03-26T20:00:00Z", INGEST)
    assert resolve_date("tomorrow", anchor, anchor_kind=kind) == {
        "text": "tomorrow",
        "resolved": "2019-03-27",
        "granularity": "day",
        "anchor": "published_at",
    }


# --- one date per sentence


@pytest.mark.parametrize(
    ("sentence", "resolved"),
    [
        ("The secretary met her counterpart on Monday and asked for funds for next year.", "2019-03-25"),
        ("The plan, modelled on a 2017 rule, was announced Thursday night.", "2019-03-21"),
        ("This Wednesday, the secretary will travel to the border.", "2019-03-27"),
        ("Last month, agents detained more than 50,000 people.", "2019-02"),
        ("The caravan keeps moving north.", None),
        ("Crossings have risen over the past three years.", None),
    ],
)
def test_date_for_sentence(sentence: str, resolved: str | None) -> None:
    result = date_for_sentence(sentence, TUESDAY)
    assert (result["resolved"] if result else None) == resolved


def test_date_for_sentence_prefers_the_expression_nearest_the_trigger() -> None:
    sentence = "Officials said Monday that after weeks of talks the minister will travel on Friday to the border."
    trigger = sentence.index("travel")
    result = date_for_sentence(sentence, TUESDAY, trigger=trigger)
    assert result is not None and result["resolved"] == "2019-03-29"
    result = date_for_sentence(sentence, TUESDAY, trigger=sentence.index("said"))
    assert result is not None and result["resolved"] == "2019-03-25"
