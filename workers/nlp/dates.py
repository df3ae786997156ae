"""Date expressions: find them in a sentence and resolve them against the item's publication time.

Pure functions, no spaCy: callers pass strings (a spaCy DATE entity, or a span from
`find_date_expressions`) and the anchor. Nothing here reads the wall clock, so the same input
always resolves to the same date.

    anchor, kind = anchor_from(item["published_at"], ingest_time)
    for start, end, text in find_date_expressions(sentence):
        date = resolve_date(text, anchor, tense=sentence_tense(sentence, (start, end)), anchor_kind=kind)
    # or, for one date per sentence (finest granularity, then nearest the trigger):
    date = date_for_sentence(sentence, anchor, anchor_kind=kind, trigger=verb_offset)

A caller with a spaCy parse may pass its own `tense` instead of the heuristic one.

Conventions (the contract asks for a granularity of day, month or year; choices where English is
ambiguous are documented here so consumers know what a resolved date means):

* Bare weekday ("Tuesday", "on Tuesday", "Tuesday night"): past tense or no tense -> the most recent
  such day on or before the anchor (news convention: a weekday means the past six days, and the
  publication day itself counts); future tense -> the next such day on or after the anchor.
* "last Friday" / "this past Friday" -> strictly before the anchor; "next Monday" / "this coming
  Monday" -> strictly after it. "this Wednesday" -> on or after the anchor with future tense, on or
  before with past tense, otherwise the day of the anchor's Monday-Sunday week (machine-translated
  Spanish "este miércoles" means the current week's day).
* Weeks ("last week", "this week", "next week") are Monday-Sunday spans. A week is not a day, so we
  return its month when the whole week falls in one month, else None. The current week told in the past
  ("earlier this week", or "this week" with past tense) is its Monday to the anchor; told ahead ("later
  this week", or future tense), the anchor to its Sunday.
* Weekends ("over the weekend", "last weekend", "this weekend") resolve to the Saturday (day): a
  two-day span, reported by its first day.
* Month names without a year: past tense -> the most recent such month on or before the anchor's
  month; future -> the next one on or after it; no tense -> the nearer one (ties go to the past).
  Month-day without a year works the same way. In a past-tense sentence the next month, or a date
  at most 45 days ahead, stays in the future (scheduled dates: "the deadline was moved to Feb. 8").
* "N days ago" / "a week ago" -> that day; "N months ago" -> month; "N years ago" -> year.
  "this/last/next spring|summer|fall" -> its year (a season is not a month); winter -> None.
  "the day before" has no other reference in a lone expression: the day before the anchor.
  "next Monday" is the first Monday after the anchor, not necessarily the Monday of next week.
* Durations, ranges, decades and frequencies ("two weeks", "the past 12 years", "the 1990s",
  "recent years", "annually") return None: they are not a point in time.
* The finder is stricter than the resolver: a bare month name or four-digit year counts only after
  a preposition ("in March", "since 2016"), since "May" is also a verb and "2000" often a count.
* The anchor's own calendar date is used as is (no time-zone shift): "2019-03-26T20:00:00Z" is
  2019-03-26 whatever the outlet's local time was.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from email.utils import parsedate_to_datetime
from typing import Literal

from dateutil import parser as du_parser

from workers.nlp.types import DateAnchor, Granularity, ResolvedDate

Tense = Literal["past", "future", "present"]

__all__ = ["anchor_from", "date_for_sentence", "find_date_expressions", "resolve_date", "sentence_tense"]

# --------------------------------------------------------------------------------------------
# Vocabulary
# --------------------------------------------------------------------------------------------

_WEEKDAYS = {
    "monday": 0, "mon": 0,
    "tuesday": 1, "tue": 1, "tues": 1,
    "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thur": 3, "thurs": 3,
    "friday": 4, "fri": 4,
    "saturday": 5, "sat": 5,
    "sunday": 6, "sun": 6,
}  # fmt: skip
_WEEKDAY_FULL = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"

_MONTHS = {
    "january": 1, "jan": 1,
    "february": 2, "feb": 2,
    "march": 3, "mar": 3,
    "april": 4, "apr": 4,
    "may": 5,
    "june": 6, "jun": 6,
    "july": 7, "jul": 7,
    "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9,
    "october": 10, "oct": 10,
    "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip
# Longest first so that "sept" wins over "sep" and "june" over "jun" in alternations.
_MONTH_ALT = "|".join(sorted(_MONTHS, key=len, reverse=True))

_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip
_NUM_ALT = r"\d{1,3}|" + "|".join(_NUMBER_WORDS)

# Day parts that do not change the calendar day ("Tuesday night", "tomorrow morning").
_DAYPART = r"(?:\s+(?:morning|afternoon|evening|night))?"

# --------------------------------------------------------------------------------------------
# Small date helpers
# --------------------------------------------------------------------------------------------


def _fmt_day(d: date) -> str:
    return f"{d.year:04d}-{d.month:02d}-{d.day:02d}"


def _fmt_month(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _day(d: date) -> tuple[str, Granularity]:
    return _fmt_day(d), "day"


def _month(year: int, month: int) -> tuple[str, Granularity]:
    return _fmt_month(year, month), "month"


def _year(year: int) -> tuple[str, Granularity]:
    return f"{year:04d}", "year"


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _on_or_before(anchor: date, weekday: int) -> date:
    return anchor - timedelta(days=(anchor.weekday() - weekday) % 7)


def _on_or_after(anchor: date, weekday: int) -> date:
    return anchor + timedelta(days=(weekday - anchor.weekday()) % 7)


def _strictly_before(anchor: date, weekday: int) -> date:
    return anchor - timedelta(days=(anchor.weekday() - weekday) % 7 or 7)


def _strictly_after(anchor: date, weekday: int) -> date:
    return anchor + timedelta(days=(weekday - anchor.weekday()) % 7 or 7)


def _week_month(monday: date, first: date | None = None, last: date | None = None) -> tuple[str, Granularity] | None:
    """A Monday-Sunday week (or the part of it from `first` to `last`) as a month when it lies in one
    month, or when its working days do ("next week", told on Thursday 22 August: 26 August to 1 September,
    whose Monday to Friday are August's; officials act on working days); a week is not a day."""
    start = first or monday
    end = last or monday + timedelta(days=6)
    if (start.year, start.month) == (end.year, end.month):
        return _month(start.year, start.month)
    end = min(end, monday + timedelta(days=4))
    if start <= end and (start.year, start.month) == (end.year, end.month):
        return _month(start.year, start.month)
    return None


def _number(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBER_WORDS[word]


def _full_year(text: str, anchor: date) -> int:
    """Two-digit years: the century that puts the year nearest the anchor (not after next year)."""
    value = int(text)
    if len(text) != 2:
        return value
    century = anchor.year // 100 * 100
    return century + value if century + value <= anchor.year + 1 else century - 100 + value


# --------------------------------------------------------------------------------------------
# Year inference for month names without a year
# --------------------------------------------------------------------------------------------


def _infer_month(month: int, anchor: date, tense: Tense | None) -> tuple[int, int]:
    here = anchor.year * 12 + anchor.month - 1
    before = anchor.year if month <= anchor.month else anchor.year - 1
    after = anchor.year if month >= anchor.month else anchor.year + 1
    dist_before = here - (before * 12 + month - 1)
    dist_after = (after * 12 + month - 1) - here
    if tense == "future":
        return after, month
    if tense == "past":
        # Next month named in a past-tense sentence is a scheduled date ("was delayed until April");
        # last year's would be written "last April".
        return (after, month) if dist_after == 1 else (before, month)
    return (before, month) if dist_before <= dist_after else (after, month)


# A date named in a past-tense sentence may still be a scheduled one ("was postponed to Feb. 8").
_PAST_SCHEDULED_DAYS = 45


def _infer_month_day(month: int, day: int, anchor: date, tense: Tense | None) -> date | None:
    # Four years either side so that "Feb. 29" finds a leap year.
    years = range(anchor.year - 4, anchor.year + 5)
    candidates = [d for y in years if (d := _safe_date(y, month, day))]
    before = max((d for d in candidates if d <= anchor), default=None)
    after = min((d for d in candidates if d >= anchor), default=None)
    if tense == "future":
        return after
    if before is None or after is None:
        return before if tense == "past" else before or after
    if tense == "past":
        return after if (after - anchor).days <= _PAST_SCHEDULED_DAYS else before
    return before if (anchor - before) <= (after - anchor) else after


# --------------------------------------------------------------------------------------------
# Resolution rules: each is a full-match regex over the normalised expression plus a handler
# --------------------------------------------------------------------------------------------

Result = tuple[str, Granularity] | None
Handler = Callable[[re.Match[str], date, "Tense | None"], Result]
_RULES: list[tuple[re.Pattern[str], Handler]] = []


def _rule(pattern: str) -> Callable[[Handler], Handler]:
    def register(handler: Handler) -> Handler:
        _RULES.append((re.compile(pattern), handler))
        return handler

    return register


@_rule(r"(?P<y>\d{4})[-/](?P<m>\d{1,2})[-/](?P<d>\d{1,2})(?:t[\d:.]*(?:z|[+-]\d{2}:?\d{2})?)?")
def _iso_day(m: re.Match[str], anchor: date, tense: Tense | None) -> Result:
    d = _safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    return _day(d) if d else None


@_rule(r"(?P<y>\d{4})-(?P<m>\d{1,2})")
def _iso_month(m: re.Match[str], anchor: date, tense: Tense | None) -> Result:
    month = int(m["m"])
    return _month(int(m["y"]), month) if 1 <= month <= 12 else None


@_rule(r"(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4}|\d{2})")
def _us_numeric(m: re.Match[str], anchor: date, tense: Tense | None) -> Result:
    # US order (month/day/year): the feed is English-language news, mostly US outlets.
    d = _safe_date(_full_year(m["y"], anchor), int(m["m"]), int(m["d"]))
    return _day(d) if d else None


@_rule(
    rf"(?:(?:earlier|later) )?(?:today|tonight){_DAYPART}|this (?:morning|afternoon|evening)|now"
    r"|the (?:close|closing) of (?:this|the present) edition"  # Spanish "al cierre de esta edición"
)
def _today(m: re.Match[str], anchor: date, tense: Tense | None) -> Result:
    return None if m[0] == "now" else _day(anchor)


@_rule(rf"(?:yesterday{_DAYPART}|last night|the day before)")
def _yesterday(m: re.Match[str], anchor: date, tense: Tense | None) -> Result:
    # "the day before" has no other reference point in a single expression: the anchor's eve.
    return _day(anchor - timedelta(days=1))


@_rule(r"the day before yesterday")
def _two_days_back(m: re.Match[str], anchor: date, tense: Tense | None) -> Result:
    return _day(anchor - timedelta(days=2))


@_rule(rf"tomorrow{_DAYPART}")
def _tomorrow(m: re.Match[str], anchor: date, tense: Tense | None) -> Result:
    return _day(anchor + timedelta(days=1))


@_rule(r"the day after tomorrow")
def _two_days_ahead(m: re.Match[str], anchor: date, tense: Tense | None) -> Result:
    return _day(anchor + timedelta(days=2))


@_rule(
    r"(?:(?P<q>last|this past|past|this coming|coming|next|this)\s+)?(?:(?:early|late|earlier|later)\s+)?"
    rf"(?P<wd>{_WEEKDAY_FULL}|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\.?{_DAYPART}"
)
def _weekday(m: re.Match[str], anchor: date, tense: Tense | None) -> Result:
    target = _WEEKDAYS[m["wd"]]
    qualifier = m["q"]
    if qualifier in ("last", "this past", "past"):
        return _day(_strictly_before(anchor, target))
    if qualifier in ("next", "this coming", "coming"):
        return _day(_strictly_after(anchor, target))
    if qualifier == "this" and tense not in ("past", "future"):
        return _day(anchor - timedelta(days=anchor.weekday()) + timedelta(days=target))
    if tense == "future":
        return _day(_on_or_after(anchor, target))
    return _day(_on_or_before(anchor, target))


@_rule(
    r"(?:(?:earlier|later)\s+)?(?P<the>the\s+)?(?P<q>last|this|next)\s+week|(?:earlier|later)\s+in\s+the\s+week"
)
def _week(m: re.Match[str], anchor: date, tense: Tense | None) -> Result:
    if m["the"] and (m["q"] != "next" or tense != "future"):
        return None  # "the next week" is a date only when told ahead: "will travel the next week"
    offset = {"last": -7, "next": 7}.get(m["q"] or "this", 0)
    monday = anchor - timedelta(days=anchor.weekday() - offset)
    if offset == 0:
        # the current week, told in the past ("earlier this week", "X said this week") lies between its
        # Monday and the anchor; told ahead ("later this week") between the anchor and its Sunday: a
        # week that straddles two months still has a month on the side it is told about
        text = m.group(0).lower()
        if text.startswith("earlier") or (tense == "past" and not text.startswith("later")):
            return _week_month(monday, last=anchor)
        if text.startswith("later") or tense == "future":
            return _week_month(monday, first=anchor)
    return _week_month(monday)


@_rule(
    r"(?:(?P<q>last|this past|this coming|next|this)|(?:over|during|earlier in|later in|at)?\s*the)"
    r"\s+weekend"
)
def _weekend(m: re.Match[str], anchor: date, tense: Tense | None) -> Result:
    qualifier = m["q"]
    if qualifier in ("next", "this coming"):
        return _day(_strictly_after(anchor, 5))
    in_weekend = anchor.weekday() >= 5
    if qualifier in ("last", "this past") or (qualifier is None and tense != "future"):
        return _day(_on_or_before(anchor, 5))
    # "this weekend" or a future "the weekend": the current weekend, else the coming one;
    # a past-tense "this weekend" written mid-week is the one just gone.
    if in_weekend or tense == "past":
        return _day(_on_or_before(anchor, 5))
    return _day(_on_or_after(anchor, 5))


@_rule(r"(?:(?:earlier|later|early|late)\s+)?(?P<q>last|this|next)\s+month|(?:the\s+)?end\s+of\s+the\s+month")
def _rel_month(m: re.Match[str], anchor: date, tense: Tense | None) -> Result:
    delta = {"last": -1, "next": 1}.get(m["q"] or "this", 0)
    return _month(*_shift_month(anchor.year, anchor.month, delta))


@_rule(r"(?:(?:earlier|later|early|late)\s+)?(?P<q>last|this|next)\s+year|(?:the\s+)?end\s+of\s+the\s+year")
def _rel_year(m: re.Match[str], anchor: date, tense: Tense | None) -> Result:
    return _year(anchor.year + {"last": -1, "next": 1}.get(m["q"] or "this", 0))


# Seasons (northern hemisphere, as the feed is US news): months of the season, first to last.
_SEASONS = {"spring": (3, 5), "summer": (6, 8), "fall": (9, 11), "autumn": (9, 11)}


@_rule(r"(?P<q>last|this|next|this past|this coming)\s+(?P<season>spring|summer|fall|autumn)")
def _season(m: re.Match[str], anchor: date, tense: Tense | None) -> Result:
    # A season is not a month; its year is still known. Winter straddles two years: not handled.
    first, last = _SEASONS[m["season"]]
    if m["q"] in ("last", "this past"):
        return _year(anchor.year if anchor.month > last else anchor.year - 1)
    if m["q"] in ("next", "this coming"):
        return _year(anchor.year if anchor.month < first else anchor.year + 1)
    return _year(anchor.year)


@_rule(rf"(?P<n>{_NUM_ALT})\s+(?P<unit>day|week|month|year)s?\s+ago")
def _ago(m: re.Match[str], anchor: date, tense: Tense | None) -> Result:
    n = _number(m["n"])
    unit = m["unit"]
    if unit == "day":
        return _day(anchor - timedelta(days=n))
    if unit == "week":
        return _day(anchor - timedelta(weeks=n))
    if unit == "month":
        return _month(*_shift_month(anchor.year, anchor.month, -n))
    return _year(anchor.year - n)


_MONTH_NAME = rf"(?P<mon>{_MONTH_ALT})\.?"
_DAY_NUM = r"(?P<d>\d{1,2})(?:st|nd|rd|th)?"
_YEAR_NUM = r"(?P<y>\d{4}|'\d{2})"
_PART_OF = r"(?:(?:early|mid|late|the\s+(?:end|beginning|start|middle)\s+of)[\s-]*)?"
_WEEKDAY_PREFIX = rf"(?:(?:{_WEEKDAY_FULL}),?\s+)?"


def _month_num(m: re.Match[str]) -> int:
    return _MONTHS[m["mon"]]


def _explicit_year(m: re.Match[str], anchor: date) -> int:
    return _full_year(m["y"].lstrip("'"), anchor)


@_rule(rf"{_WEEKDAY_PREFIX}{_MONTH_NAME}\s+{_DAY_NUM},?\s+{_YEAR_NUM}")
def _month_day_year(m: re.Match[str], anchor: date, tense: Tense | None) -> Result:
    d = _safe_date(_explicit_year(m, anchor), _month_num(m), int(m["d"]))
    return _day(d) if d else None


@_rule(rf"{_WEEKDAY_PREFIX}(?:the\s+)?{_DAY_NUM}\s+(?:of\s+)?{_MONTH_NAME},?\s+{_YEAR_NUM}")
def _day_month_year(m: re.Match[str], anchor: date, tense: Tense | None) -> Result:
    return _month_day_year(m, anchor, tense)


@_rule(rf"{_WEEKDAY_PREFIX}{_MONTH_NAME}\s+{_DAY_NUM}")
def _month_day(m: re.Match[str], anchor: date, tense: Tense | None) -> Result:
    d = _infer_month_day(_month_num(m), int(m["d"]), anchor, tense)
    return _day(d) if d else None


@_rule(rf"{_WEEKDAY_PREFIX}(?:the\s+)?{_DAY_NUM}\s+(?:of\s+)?{_MONTH_NAME}")
def _day_month(m: re.Match[str], anchor: date, tense: Tense | None) -> Result:
    return _month_day(m, anchor, tense)


@_rule(rf"{_PART_OF}{_MONTH_NAME},?\s+(?:of\s+)?{_YEAR_NUM}")
def _month_year(m: re.Match[str], anchor: date, tense: Tense | None) -> Result:
    return _month(_explicit_year(m, anchor), _month_num(m))


@_rule(rf"(?P<q>last|this|next)\s+{_MONTH_NAME}")
def _qualified_month(m: re.Match[str], anchor: date, tense: Tense | None) -> Result:
    month = _month_num(m)
    if m["q"] == "this":
        return _month(anchor.year, month)
    if m["q"] == "last":
        return _month(anchor.year if month < anchor.month else anchor.year - 1, month)
    return _month(anchor.year if month > anchor.month else anchor.year + 1, month)


@_rule(rf"{_PART_OF}{_MONTH_NAME}")
def _bare_month(m: re.Match[str], anchor: date, tense: Tense | None) -> Result:
    return _month(*_infer_month(_month_num(m), anchor, tense))


@_rule(rf"{_PART_OF}(?:(?:the\s+)?(?:fiscal|calendar|budget)\s+(?:year\s+)?|fy\s*|the\s+year\s+)?(?P<y>\d{{4}})")
def _year_only(m: re.Match[str], anchor: date, tense: Tense | None) -> Result:
    # Four digits alone are a year only in a plausible range; "5000" is a count, not a date.
    year = int(m["y"])
    return _year(year) if 1000 <= year <= 2999 else None


# --------------------------------------------------------------------------------------------
# Normalisation
# --------------------------------------------------------------------------------------------

_SPACES = re.compile(r"\s+")
_EDGE_PUNCT = re.compile(r"^[\s\"'“”‘’(\[,;:]+|[\s\"'“”‘’)\],;:.!?]+$")
# Prepositions that do not change which day is meant ("on Tuesday", "in 2017", "since March").
# "before"/"after" are deliberately absent: "before 2017" is not 2017.
_LEADING_PREP = re.compile(
    r"^(?:(?:on|in|at|during|since|by|until|till|through|from|as of|of|for|around|circa|as early as)\s+)+"
)
_POSSESSIVE = re.compile(r"['’]s$")
_MAX_EXPRESSION = 80
_RESOLVED_SHAPE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")  # longer strings are sentences, not date expressions


def _normalise(expression: str) -> str:
    text = _SPACES.sub(" ", expression.lower().replace("\u00a0", " "))
    text = _EDGE_PUNCT.sub("", text)
    text = _POSSESSIVE.sub("", text)
    text = _LEADING_PREP.sub("", text)
    # A trailing period belongs to an abbreviation only ("Sept."); drop the rest.
    return text.strip()


def resolve_date(
    expression: str,
    anchor: datetime,
    *,
    tense: Tense | None = None,
    anchor_kind: DateAnchor = "published_at",
) -> ResolvedDate | None:
    """Resolve one date expression against `anchor` (the item's publication time).

    Returns None for durations, decades, frequencies and anything not understood.
    Never raises on odd input: a date feed must not crash a stream worker.
    """
    if not expression or len(expression) > _MAX_EXPRESSION:
        return None
    text = _normalise(expression)
    if not text:
        return None
    anchor_day = anchor.date()
    for pattern, handler in _RULES:
        match = pattern.fullmatch(text)
        if match is None:
            continue
        try:
            result = handler(match, anchor_day, tense)
        except (ValueError, OverflowError, KeyError):
            result = None
        if result is None:
            return None
        resolved, granularity = result
        if not _RESOLVED_SHAPE.fullmatch(resolved):  # e.g. "next year" from an anchor in 9999
            return None
        return {
            "text": expression.strip(),
            "resolved": resolved,
            "granularity": granularity,
            "anchor": anchor_kind,
        }
    return None


# --------------------------------------------------------------------------------------------
# Tense heuristic
# --------------------------------------------------------------------------------------------

_FUTURE = re.compile(
    r"\b(?:will|shall|won['’]t|going to|plans? to|planning to|intends? to|"
    r"(?:is|are|was|were)\s+(?:scheduled|set|due|expected|slated|poised)\s+to|"
    r"tomorrow|upcoming|next\s+(?:week|month|year|" + _WEEKDAY_FULL + r")|this coming)\b"
    r"|\w['’]ll\b",
    re.IGNORECASE,
)
_PAST = re.compile(
    r"\b(?:said|told|met|was|were|had|did|went|came|took|gave|made|held|sent|began|left|saw|fell|rose|"
    r"spoke|brought|sought|fled|broke|won|lost|yesterday|ago|last|earlier|previously)\b",
    re.IGNORECASE,
)
# Regular past forms; "-ed" words that are nouns, names or adjectives typical of the domain
# ("undocumented immigrants", "detained migrants" still count: they are rare without a verb).
_ED_WORD = re.compile(r"\b[a-z]{2,}ed\b", re.IGNORECASE)
_NOT_PAST_ED = frozenset(
    [
        "need",
        "needed",
        "speed",
        "seed",
        "feed",
        "hundred",
        "shed",
        "proceed",
        "exceed",
        "succeed",
        "indeed",
        "breed",
        "creed",
        "greed",
        "weed",
        "embed",
        "united",
        "red",
        "bed",
        "wed",
        "ted",
        "ahmed",
        "mohammed",
        "based",
        "related",
        "limited",
        "armed",
        "advanced",
        "detailed",
        "undocumented",
        "unaccompanied",
        "unauthorized",
        "unauthorised",
        "alleged",
        "so-called",
        "proposed",
        "expected",
        "scheduled",
        "planned",
        "supposed",
        "concerned",
        "interested",
        "tired",
    ]
)
_PRESENT = re.compile(r"\b(?:is|are|am|has|have|says|does|do)\b", re.IGNORECASE)
# Reporting verbs bind the date that follows them ("said Tuesday it will ..."): the report is past.
_REPORTED_DATE = re.compile(
    r"\b(?:said|told|announced|reported|stated|confirmed|revealed|tweeted|wrote|added|declared|warned)"
    r"\s+(?:on\s+)?$",
    re.IGNORECASE,
)
_NEAR_WINDOW = 60  # characters either side of a span that count as "the same clause"


def sentence_tense(sentence: str, span: tuple[int, int] | None = None) -> Tense | None:
    """Cheap tense guess for a sentence, for callers without a parse.

    Future markers (will, shall, 'll, going to, plans to, is scheduled to, tomorrow) against past
    markers (said, met, -ed verbs, last, ago). When both appear and `span` (the date expression's
    offsets in `sentence`) is given, the marker nearest the span decides; a date right after a
    reporting verb ("said Tuesday") is past. Without a span, a sentence with both is taken as future
    (reported plans: "officials said the minister will travel").
    """
    if span is not None and _REPORTED_DATE.search(sentence[max(0, span[0] - 30) : span[0]]):
        return "past"
    futures = [m.start() for m in _FUTURE.finditer(sentence)]
    pasts = [m.start() for m in _PAST.finditer(sentence)]
    pasts += [m.start() for m in _ED_WORD.finditer(sentence) if m[0].lower() not in _NOT_PAST_ED]
    if futures and not pasts:
        return "future"
    if pasts and not futures:
        return "past"
    if not futures:
        return "present" if _PRESENT.search(sentence) else None
    if span is None:
        return "future"
    centre = (span[0] + span[1]) // 2
    nearest_future = min(abs(p - centre) for p in futures)
    nearest_past = min(abs(p - centre) for p in pasts)
    if min(nearest_future, nearest_past) > _NEAR_WINDOW:
        return "future"
    return "future" if nearest_future <= nearest_past else "past"


# --------------------------------------------------------------------------------------------
# Finder
# --------------------------------------------------------------------------------------------

# Month names are matched capitalised (or upper case) only: "march" and "may" are also words.
# Only abbreviations take a period: after a full name it ends the sentence ("... in September.").
_MONTH_FULL = {w for w in _MONTHS if len(w) > 4 or w in ("may", "june", "july")}
_MONTH_ABBR = set(_MONTHS) - _MONTH_FULL


def _capitalised(words: set[str]) -> str:
    forms = {w.capitalize() for w in words} | {w.upper() for w in words}
    return "|".join(sorted(forms, key=len, reverse=True))


_F_MONTH = rf"(?:(?:{_capitalised(_MONTH_FULL)})|(?:{_capitalised(_MONTH_ABBR)})\.?)"
# a day number, not the start of a count after a month ("in February 3,904 Salvadorans were returned",
# "in January 12 migrants died")
_F_DAY = (
    r"\d{1,2}(?:st|nd|rd|th)?(?!\d)(?!,\d{3})(?!\s+(?:(?:more|other|new|[a-z]+-year-old)\s+)?(?:migrants|people|"
    r"persons|refugees|children|minors|families|adults|men|women|immigrants|asylum|deportees|foreigners|"
    r"nationals|bodies|agents|officers|troops|soldiers|boats|buses|flights)\b)"
)
_F_YEAR = r"(?:1[89]|20)\d{2}(?!\d)"
_F_WEEKDAY = rf"(?i:{_WEEKDAY_FULL})(?!s\b)"
_F_DAYPART = r"(?i:\s+(?:morning|afternoon|evening|night))?"
_F_WEEKDAY_PREFIX = rf"(?:{_F_WEEKDAY},?\s+)?"
_F_PART_OF = r"(?i:(?:early|mid|late|the\s+(?:end|beginning|start|middle)\s+of)[\s-]*)?"

# Cheap gates: most sentences contain no date, and a pattern only runs when its gate word is present.
_GATES: dict[str, re.Pattern[str]] = {
    "digit": re.compile(r"\d"),
    "month": re.compile(rf"\b{_F_MONTH}"),
    "weekday": re.compile(rf"(?i:{_WEEKDAY_FULL})"),
    "dayword": re.compile(r"(?i:today|tonight|yesterday|tomorrow|night|morning|afternoon|evening|\bday\b)"),
    "period": re.compile(r"(?i:week|month|year|spring|summer|fall|autumn)"),
    "ago": re.compile(r"(?i:\bago\b)"),
    "edition": re.compile(r"(?i:\bedition\b)"),
}

_FINDERS: list[tuple[tuple[str, ...], re.Pattern[str]]] = [
    (gates, re.compile(p))
    for gates, p in (
        # Numeric dates.
        (("digit",), r"(?<![\d/.-])(?P<d>\d{4}-\d{2}-\d{2})(?![\d-])"),
        (("digit",), r"(?<![\d/.-])(?P<d>\d{1,2}/\d{1,2}/(?:\d{4}|\d{2}))(?![\d/])"),
        # Month-name dates.
        (("digit", "month"), rf"\b(?P<d>{_F_WEEKDAY_PREFIX}{_F_MONTH}\s+{_F_DAY},?\s+{_F_YEAR})"),
        (
            ("digit", "month"),
            rf"\b(?P<d>{_F_WEEKDAY_PREFIX}(?:the\s+)?{_F_DAY}\s+(?:of\s+)?{_F_MONTH},?\s+{_F_YEAR})",
        ),
        (("digit", "month"), rf"\b(?P<d>{_F_WEEKDAY_PREFIX}{_F_MONTH}\s+{_F_DAY})\b"),
        (
            ("digit", "month"),
            rf"\b(?P<d>{_F_WEEKDAY_PREFIX}(?:the\s+)?{_F_DAY}\s+(?:of\s+)?{_F_MONTH})(?![\w])",
        ),
        (("digit", "month"), rf"\b(?P<d>{_F_PART_OF}{_F_MONTH},?\s+(?:of\s+)?{_F_YEAR})"),
        (("month",), rf"(?i:\b(?P<d>(?:last|this|next)\s+))(?-i:{_F_MONTH})\b"),
        # A bare month name is a date only after a preposition or a part-of-month word
        # ("in March", "since May", "early June"): otherwise "May" is a verb and "March" a walk.
        (
            ("month",),
            rf"(?i:\b(?:in|since|until|till|by|from|during|through|of|before|after|to|and|or)\s+)"
            rf"(?P<d>{_F_PART_OF}{_F_MONTH})(?![\w])",
        ),
        (("month",), rf"\b(?P<d>(?i:early|mid|late)[\s-]+{_F_MONTH})(?![\w])"),
        # Relative days and weekdays.
        (("dayword",), r"(?i:\b(?P<d>the\s+day\s+(?:before|after)\s+(?:yesterday|tomorrow)))\b"),
        (
            ("dayword",),
            # "USA Today" is a newspaper.
            r"(?i:(?<!usa\s)\b(?P<d>(?:(?:earlier|later)\s+(?=today|tonight))?(?:today|tonight|yesterday|tomorrow)"
            r"(?:\s+(?:morning|afternoon|evening|night))?"
            r"|last\s+night|this\s+(?:morning|afternoon|evening)(?<!(?-i:This\sMorning))"
            # "the day before" only when it ends the clause: "the day before the vote" is not a date.
            r"|the\s+day\s+before(?=\s*[,.;:!?)]|\s*$)))\b",
        ),
        (
            ("weekday",),
            # Named days are not the weekday of the past week: Super Tuesday, Black Friday, Fox News Sunday.
            r"(?i:(?<!super\s)(?<!black\s)(?<!cyber\s)(?<!good\s)(?<!news\s)"
            r"\b(?P<d>(?:(?:last|this\s+past|this\s+coming|coming|next|this)\s+)?"
            rf"(?:(?:early|late|earlier|later)\s+)?))(?P<wd>{_F_WEEKDAY}){_F_DAYPART}\b",
        ),
        # Weeks, weekends, months, years relative to the anchor.
        (
            ("period",),
            # "the last week" is a duration; "This Week" (title case) is a television programme.
            r"(?i:(?<!the\s)\b(?P<d>(?:(?:earlier|later)\s+)?(?:last|this|next)\s+week(?<!(?-i:This\sWeek))"
            r"|(?:earlier|later)\s+in\s+the\s+week))\b",
        ),
        (
            ("period",),
            # translated Spanish "la próxima semana": "will travel the next week"; not a span ("over the next
            # week"), and only ahead in time (the handler): a story's "the next week, he was deported" is not
            r"(?i:(?<!over\s)(?<!during\s)(?<!within\s)(?<!for\s)(?<!in\s)(?<!of\s)(?<!throughout\s)"
            r"\b(?P<d>the\s+next\s+week))\b",
        ),
        (
            ("period",),
            r"(?i:(?<!the\s)\b(?P<d>(?:last|this\s+past|this\s+coming|next|this"
            r"|(?:over|during|earlier\s+in|later\s+in|at)\s+the)\s+weekend))\b",
        ),
        (
            ("period",),
            r"(?i:(?<!the\s)\b(?P<d>(?:(?:earlier|later|early|late)\s+)?(?:last|this|next)\s+(?:month|year)"
            r"|(?:the\s+)?end\s+of\s+the\s+(?:month|year)"
            r"|(?:last|this|next|this\s+past|this\s+coming)\s+(?:spring|summer|fall|autumn)))\b",
        ),
        (("ago",), rf"(?i:\b(?P<d>(?:{_NUM_ALT})\s+(?:day|week|month|year)s?\s+ago))\b"),
        # translated Spanish: "until the closing of this edition" is as of publication
        (
            ("edition",),
            r"(?i:\b(?:until|till|to|at)\s+(?P<d>the\s+(?:close|closing)\s+of\s+(?:this|the\s+present)\s+edition))\b",
        ),
        # Years: fiscal years, and a bare year only where a date is grammatical
        # ("in 2017", "since 2016", "2016 data" after "on"): a bare "2000" is usually a count.
        (
            ("digit",),
            rf"(?i:\b(?P<d>{_F_PART_OF}(?:the\s+)?(?:fiscal|calendar|budget)\s+(?:year\s+)?{_F_YEAR}"
            rf"|{_F_PART_OF}fy\s*{_F_YEAR}))",
        ),
        # "late 2014", "mid-2014", "the end of 2014": the year, with its qualifier in the span.
        (
            ("digit",),
            rf"(?i:\b(?P<d>(?:early|mid|late|the\s+(?:end|beginning|start|middle)\s+of)[\s-]*{_F_YEAR}))"
            r"(?![\d,]*%|s\b|[-–]\d|,\d)",
        ),
        (
            ("digit",),
            r"(?i:(?:^|\b(?:in|on|of|since|by|from|until|till|through|during|for|between|and|to|than|"
            rf"before|after|around|circa|year|early|late|mid)[\s-]+))(?P<d>{_F_YEAR})(?![\d,]*%|s\b|[-–]\d|,\d)",
        ),
    )
]


def find_date_expressions(text: str) -> list[tuple[int, int, str]]:
    """Date expressions `resolve_date` understands, as (start, end, text), in text order.

    Overlaps are settled longest first, then leftmost. Durations and decades are not returned.
    Offsets are character offsets into `text`.
    """
    candidates: list[tuple[int, int]] = []
    open_gates = {name for name, gate in _GATES.items() if gate.search(text)}
    for gates, pattern in _FINDERS:
        if not open_gates.issuperset(gates):
            continue
        for match in pattern.finditer(text):
            start, end = match.start("d"), match.end()
            # Drop trailing whitespace a pattern may have swallowed.
            while end > start and text[end - 1].isspace():
                end -= 1
            if end > start:
                candidates.append((start, end))
    candidates.sort(key=lambda c: (c[0] - c[1], c[0]))
    chosen: list[tuple[int, int]] = []
    for start, end in candidates:
        if all(end <= s or start >= e for s, e in chosen):
            chosen.append((start, end))
    chosen.sort()
    return [(s, e, text[s:e]) for s, e in chosen]


# --------------------------------------------------------------------------------------------
# Anchor
# --------------------------------------------------------------------------------------------

_PLAUSIBLE_YEARS = range(1900, 2200)  # "0001-01-01" and similar are null sentinels, not dates
_EPOCH = re.compile(r"\d{10}(?:\d{3})?")
_DEFAULTS = (datetime(2001, 1, 1), datetime(2002, 2, 2))


def _parse_published(value: str) -> datetime | None:
    value = value.strip()
    if not value:
        return None
    if _EPOCH.fullmatch(value):
        seconds = int(value) / (1000 if len(value) == 13 else 1)
        return datetime.fromtimestamp(seconds, tz=UTC)
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        pass
    # Free-form dates: parse twice with different defaults so that a value missing its year,
    # month or day (which dateutil would silently fill from the default) is rejected.
    try:
        first, second = (du_parser.parse(value, default=d) for d in _DEFAULTS)
    except (ValueError, OverflowError, du_parser.ParserError):
        return None
    if first.date() != second.date():
        return None
    return first


def anchor_from(published_at: str | None, ingest_time: datetime) -> tuple[datetime, DateAnchor]:
    """The datetime relative dates resolve against, and which one it is.

    Uses `published_at` (ISO-8601 with or without time and zone, RFC 2822, or other full dates)
    and falls back to `ingest_time` when it is missing or unparseable, saying so.
    """
    if published_at:
        parsed = _parse_published(published_at)
        if parsed is not None and parsed.year in _PLAUSIBLE_YEARS:
            return parsed, "published_at"
    return ingest_time, "ingest_time"


# --------------------------------------------------------------------------------------------
# Convenience: one date for one sentence
# --------------------------------------------------------------------------------------------

GRANULARITY_RANK = {"day": 0, "month": 1, "year": 2}


def date_for_sentence(
    sentence: str,
    anchor: datetime,
    *,
    anchor_kind: DateAnchor = "published_at",
    tense: Tense | None = None,
    trigger: int | None = None,
) -> ResolvedDate | None:
    """The date of the event a sentence reports, or None.

    Finds the expressions, resolves each with `tense` (or the heuristic tense of its clause), and
    keeps the finest granularity: a sentence with "on Monday" and "next year" is about Monday, and
    a year in a sentence with a weekday is usually background ("the ban from 2017"). Ties go to the
    expression nearest `trigger` (a character offset in `sentence`, e.g. the event verb), else to
    the first one.
    """
    best: tuple[tuple[int, int, int], ResolvedDate] | None = None
    for order, (start, end, text) in enumerate(find_date_expressions(sentence)):
        clause_tense = tense if tense is not None else sentence_tense(sentence, (start, end))
        resolved = resolve_date(text, anchor, tense=clause_tense, anchor_kind=anchor_kind)
        if resolved is None:
            continue
        distance = 0 if trigger is None else min(abs(trigger - start), abs(trigger - end))
        key = (GRANULARITY_RANK[resolved["granularity"]], distance, order)
        if best is None or key < best[0]:
            best = (key, resolved)
    return best[1] if best else None
