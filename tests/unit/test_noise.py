"""Boilerplate detection: UI strings, ads, credits, and prose that must survive."""

from __future__ import annotations

import pytest

from workers.nlp.noise import (
    blank_inline_junk,
    boilerplate_ranges,
    credit_ranges,
    in_ranges,
    inline_junk_ranges,
    is_boilerplate,
    line_kind,
)

JUNK_LINES = [
    "Déjanos tu opinión",
    "Leave us your opinion",
    "Share this article",
    "Subscribe to our newsletter",
    "Click here to read the full report",
    "Follow us on Twitter",
    "Read more: Officials announce new border plan",
    "Advertisement",
    "Sign up for our morning briefing",
    "Comparte",
    "Suscríbete",
    "Te puede interesar",
    "Lee también: Autoridades anuncian nuevo plan",
    "Facebook Twitter WhatsApp Email",
    "Comments",
    "https://example.com/story",
    "( Also on The Daily Wire: Governor signs sanctuary bill)",
    # app prompts, and the UI strings of French, Italian, Portuguese and German pages
    "Download the WXYZ 5 News app for breaking news alerts.",
    "Únete a nuestro canal de WhatsApp",
    "Lire aussi : Le port de Dunkerque sous tension",
    "Suivez-nous sur Google Actualités",
    "Partager cet article : Facebook | X",
    "Réagir à cet article (4 commentaires)",
    "Leggi anche: Sbarchi in aumento a Pozzallo",
    "Deixe seu comentário",
    "Folgen Sie uns auf Google News",
    "Anzeige",
    "Live updates | Last updated 09:15 CET | Refresh for the latest",
    "Forwarded this email? Sign up here.",
    "Temas relacionados: Migración | Frontera",
    "Lascia un commento | Iscriviti alla newsletter",
    "Stay connected: Follow the ministry on X, Facebook and YouTube.",
    "Media Relations",
]
CREDIT_LINES = [
    "(AP Photo/Jane Doe)",
    "© 2024 Example News Corp. All rights reserved.",
    "Copyright 2019 Example Media",
    "Photo: John Roe/Reuters",
    "By Jane Q. Reporter",
    "Riproduzione riservata © Copyright La Voce del Porto",
]
PROSE_LINES = [
    "The secretary met her counterpart on Tuesday to discuss migration.",
    "Share prices fell sharply on Tuesday after the government announced new tariffs on imports.",
    "Comments made by the minister on Monday drew criticism from advocates for asylum seekers.",
    "Officials said more than 2,000 people had crossed the river in the past week.",
    "Also at stake: the money for the wall, which Congress must approve by Friday.",
    "Download speeds in the border towns lag far behind the national average, the regulator said.",
]


@pytest.mark.parametrize("line", JUNK_LINES)
def test_junk_lines_are_boilerplate(line: str) -> None:
    assert line_kind(line) == "junk"
    assert is_boilerplate(line)


@pytest.mark.parametrize("line", CREDIT_LINES)
def test_credit_lines_are_boilerplate_of_kind_credit(line: str) -> None:
    assert line_kind(line) == "credit"
    assert is_boilerplate(line)


@pytest.mark.parametrize("line", PROSE_LINES)
def test_prose_is_not_boilerplate(line: str) -> None:
    assert not is_boilerplate(line)


def test_ranges_cover_whole_lines_and_split_kinds() -> None:
    text = (
        "The minister arrived on Monday.\n\nShare this article\n\n"
        "A caption paragraph about the crossing (AP Photo/Jane Doe) at the river.\n\nDéjanos tu opinión"
    )
    all_ranges = boilerplate_ranges(text)
    junk = boilerplate_ranges(text, include_credits=False)
    snippets = [text[s:e] for s, e in all_ranges]
    assert "Share this article" in snippets
    assert "Déjanos tu opinión" in snippets
    assert "(AP Photo/Jane Doe)" in snippets
    assert [text[s:e] for s, e in junk] == ["Share this article", "Déjanos tu opinión"]
    assert [text[s:e] for s, e in credit_ranges(text)] == ["(AP Photo/Jane Doe)"]
    # the prose around the inline credit stays usable
    assert not in_ranges(0, 10, all_ranges)


def test_in_ranges_overlap() -> None:
    ranges = [(10, 20), (30, 40)]
    assert in_ranges(15, 16, ranges)
    assert in_ranges(5, 11, ranges)
    assert in_ranges(39, 45, ranges)
    assert not in_ranges(20, 30, ranges)
    assert not in_ranges(0, 10, ranges)
    assert not in_ranges(0, 5, [])


def test_player_chrome_is_junk() -> None:
    assert line_kind("Media playback is unsupported on your device Media caption A family waits") == "junk"
    assert line_kind("Image copyright Getty Images Image caption Protesters at the airport") == "credit"


# Hover cards as some outlets inline them (names and headlines invented for the test).
CARD_ONE = "Janet Q. DoeSenators trade barbs over farm bill Budget talks stall again MORE"
CARD_TWO = "Robert (Bob) Lee SmithGovernors push for 2020 census help 'We will not back down,' mayor says MORE"
CARD_PROSE = (
    f"Sen. Janet Doe {CARD_ONE} (R-Ore.) said on Tuesday that the asylum bill would pass, and "
    f"Rep. Bob Smith {CARD_TWO} (D-Ohio) agreed."
)


def test_hover_cards_are_found_exactly() -> None:
    found = [CARD_PROSE[a:b] for a, b in inline_junk_ranges(CARD_PROSE)]
    assert found == [CARD_ONE, CARD_TWO]


def test_blanking_keeps_offsets_and_drops_only_the_cards() -> None:
    clean = blank_inline_junk(CARD_PROSE)
    assert len(clean) == len(CARD_PROSE)
    assert "farm bill" not in clean and "census" not in clean
    assert clean.startswith("Sen. Janet Doe ") and "(R-Ore.) said on Tuesday that the asylum bill" in clean
    assert clean.index("(D-Ohio)") == CARD_PROSE.index("(D-Ohio)")


@pytest.mark.parametrize(
    "text",
    [
        "Sen. Janet Doe said MORE than 200 people had signed the letter.",  # no glued repeat of the name
        "McConnell and McCain met on Tuesday; MORE talks are planned.",  # camel-case names are not cards
        "Doe Doe said the vote failed. Nothing more.",
    ],
)
def test_prose_has_no_hover_cards(text: str) -> None:
    assert inline_junk_ranges(text) == []
    assert blank_inline_junk(text) is text


SIGNUP_PROSE = (
    "Get the day's border news in your inbox. Email Sign Up By signing up you agree to receive email newsletters "
    "or alerts from the Daily Example. You can unsubscribe at any time. The senator spoke on Tuesday."
)


def test_sign_up_widgets_are_blanked_inside_prose() -> None:
    clean = blank_inline_junk(SIGNUP_PROSE)
    assert len(clean) == len(SIGNUP_PROSE)
    assert "Sign Up" not in clean and "signing up" not in clean
    assert "in your inbox." in clean and "You can unsubscribe at any time. The senator spoke" in clean


def test_overlapping_junk_is_blanked_once() -> None:
    # a hover card whose headlines contain a sign-up widget: one range, and the blanked text keeps its length
    card = "Janet Q. DoeEmail Sign Up By signing up you agree to this. Budget talks stall MORE"
    text = f"Sen. Janet Doe {card} (R-Ore.) said it."
    assert inline_junk_ranges(text) == [(text.index(card), text.index(card) + len(card))]
    assert blank_inline_junk(text) == text.replace(card, " " * len(card))
