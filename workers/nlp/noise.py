"""Page boilerplate and machine-translation junk detection.

Scraped news bodies carry UI strings ("Share this article", "Déjanos tu opinión"), ads, newsletter
prompts, copyright and photo-credit lines. None of it is news: no event may come from it, and the
UI strings must not become entities. Detection is line-level: a phrase list for known UI strings plus
shape heuristics (short line, imperative call to action, no sentence punctuation), so it carries over
to outlets we have not seen.

Two kinds of ranges:
* junk (``kind="junk"``): UI strings, ads, social prompts, read-more links. Never entities, never events.
* credits (``kind="credit"``): photo credits, bylines, copyright lines. Not events, but the names in
  them (photographers, agencies) are real entities, so the entity layer keeps them.
``boilerplate_ranges`` returns both by default, which is what the event extractor wants.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

# Whole-line UI strings, English and Spanish (machine-translated pages keep some untranslated).
# Matched against the line start, case-insensitively, after stripping bullets/quotes.
# Strong: unambiguous calls to action, junk whenever the line is short.
_STRONG_PREFIXES = (
    r"d[ée]janos tu opini[oó]n",
    r"leave us your opinion",
    r"leave (?:us )?a comment",
    r"deja tu comentario",
    r"join the (?:conversation|discussion)",
    r"tell us what you think",
    r"share (?:this|on|via)\b",
    r"compart(?:e|ir|elo)\b",
    r"(?:click|tap) here\b",
    r"haz clic\b",
    r"pulsa aqu[ií]\b",
    r"follow us\b",
    r"follow [^.]{1,40} on (?:twitter|facebook|instagram|x)\b",
    r"s[ií]guenos\b",
    r"subscribe\b",
    r"suscr[ií]b(?:e|ete|irse)\b",
    r"sign up\b",
    r"reg[ií]strate\b",
    r"get (?:the|our) (?:latest|newsletter|app)\b",
    r"download (?:the|our) app\b",
    r"descarga (?:la|nuestra) app\b",
    r"read more\b",
    r"read also\b",
    r"also read\b",
    r"see also\b",
    r"(?:\(\s*)?also (?:on|from) [^:\n]{1,40}:",  # cross-links: "(Also on POLITICO: ...)"
    r"related (?:stories|articles|coverage)\b",
    r"lee tambi[ée]n\b",
    r"lea tambi[ée]n\b",
    r"(?:tambi[ée]n )?te puede interesar\b",
    r"ver m[aá]s\b",
    r"leer m[aá]s\b",
    r"you (?:may|might) also like\b",
    r"don'?t miss\b",
    r"advertisement\b",
    r"publicidad\b",
    r"sponsored\b",
    r"story continues below\b",
    r"continue reading\b",
    r"skip (?:to|ad)\b",
    r"accept (?:all )?cookies\b",
    r"support (?:our|independent) journalism\b",
    r"(?:report|send us) (?:a )?(?:typo|correction)\b",
    r"back to top\b",
    r"media playback is (?:unsupported|not supported)\b",
    r"volver arriba\b",
    r"filed under\b",
    r"download the [^.\n]{1,40}\bapp\b",
    r"stay connected\b",
    r"live updates?\b",
    r"last updated\b",
    r"refresh (?:for|to see)\b",
    r"forwarded this (?:e-?mail|newsletter)\b",
    r"tips and corrections\b",
    r"temas relacionados\b",
    r"lascia un commento\b",
    r"(?:have|got) a news tip\b",
    r"[úu]nete\b",
    # French, Italian, Portuguese and German pages, machine-translated or not, keep their UI strings too
    r"(?:[àa] )?lire (?:aussi|la suite)\b",
    r"partag(?:er|ez)\b",
    r"suivez(?:-nous)?\b",
    r"r[ée]agi(?:r|ssez)\b",
    r"abonnez-vous\b",
    r"inscrivez-vous\b",
    r"publicit[ée]\b",
    r"leggi anche\b",
    r"seguici\b",
    r"condividi\b",
    r"iscriviti\b",
    r"pubblicit[àa]\b",
    r"deixe (?:o )?(?:seu )?coment[áa]rio\b",
    r"siga-nos\b",
    r"leia (?:tamb[ée]m|mais)\b",
    r"compartilhe\b",
    r"inscreva-se\b",
    r"folgen sie\b",
    r"lesen sie (?:auch|mehr)\b",
    r"mehr zum thema\b",
)
# Weak: words that also open real sentences; junk only on a very short line ("Comments", "Video:").
_WEAK_PREFIXES = (
    r"comments?\b",
    r"comentarios?\b",
    r"share\b",
    r"tweet\b",
    r"e-?mail\b",
    r"print\b",
    r"related\b",
    r"more from\b",
    r"recommended\b",
    r"m[aá]s informaci[oó]n\b",
    r"watch\b",
    r"video\b",
    r"trending\b",
    r"most popular\b",
    r"top stories\b",
    r"advertising\b",
    r"anuncio\b",
    r"ad\b",
    r"loading\b",
    r"cargando\b",
    r"cookies?\b",
    r"home\b",
    r"inicio\b",
    r"tags?\b",
    r"etiquetas\b",
    r"temas\b",
    r"topics?\b",
    r"newsletter\b",
    r"bolet[ií]n\b",
    r"editor'?s note\b",
    r"nota del editor\b",
    r"what do you think\b",
    r"(?:media|press) (?:relations|contacts?|inquiries|enquiries)\b",
    r"anzeige\b",
    r"werbung\b",
    r"teilen\b",
)
_WEAK_MAX_LEN = 40

# Credit lines: the line is *about* the page, but names in it are real.
_CREDIT_PATTERNS = (
    r"(?:©|\(c\)|copyright\b|all rights reserved|todos los derechos reservados|derechos reservados|"
    r"riproduzione riservata|tous droits r[ée]serv[ée]s|alle rechte vorbehalten|todos os direitos reservados)",
    r"^\(?(?:photo|foto|image|imagen|file photo|credit|cr[eé]dito)s?\s*(?:by|:|/|-)",
    r"\b(?:photo|foto)\s*:",
    r"^by\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}\s*(?:[,|/-].{0,60})?$",  # byline
    r"^(?:por|by)\s*:?\s*(?:redacci[oó]n|staff|agencias?|efe|afp|ap|reuters)\b",
    r"^(?:reporting|additional reporting|writing|editing) by\b",
    r"(?:/ ?(?:AP|AFP|Reuters|Getty Images|EFE|Bloomberg|Shutterstock)\b)",
    r"\bcontributed to this report\b",
    r"^image copyright\b",
    r"^\(?(?:with|con) (?:information|informaci[oó]n) (?:from|de)\b",
)  # fmt: skip

_BULLET = r"^[\s\-\u2013\u2014•*>|·»:\"'“”‘’]*"
_STRONG_RE = re.compile(_BULLET + r"(?:" + "|".join(_STRONG_PREFIXES) + r")", re.IGNORECASE)
_WEAK_RE = re.compile(_BULLET + r"(?:" + "|".join(_WEAK_PREFIXES) + r")", re.IGNORECASE)
_CREDIT_RE = re.compile("|".join(_CREDIT_PATTERNS), re.IGNORECASE | re.MULTILINE)
_SOCIAL_RE = re.compile(
    r"^\W*(?:facebook|twitter|whatsapp|telegram|linkedin|pinterest|reddit|instagram|youtube|tiktok|email|"
    r"e-mail|messenger|copy link|copiar enlace|x)(?:\W+(?:facebook|twitter|whatsapp|telegram|linkedin|"
    r"pinterest|reddit|instagram|youtube|tiktok|email|e-mail|messenger|copy link|copiar enlace|x))*\W*$",
    re.IGNORECASE,
)
_URL_ONLY_RE = re.compile(r"^\W*(?:https?://|www\.)\S+\W*$", re.IGNORECASE)
_LINE_RE = re.compile(r"[^\n]+")
# A credit pattern inside a long prose line only blanks the parenthesised credit, not the line.
_INLINE_CREDIT_RE = re.compile(r"\((?:[A-Z][\w.]*\s)?(?:photo|foto|images?)\b[^)]{0,80}\)", re.IGNORECASE)
_PROSE_LEN = 160


@lru_cache(maxsize=4096)
def line_kind(line: str) -> str | None:
    """'junk', 'credit' or None for one line of text."""
    stripped = line.strip()
    if not stripped:
        return None
    if _SOCIAL_RE.match(stripped) or _URL_ONLY_RE.match(stripped):
        return "junk"
    short = len(stripped) <= _PROSE_LEN
    # UI strings are short; a long paragraph that merely starts with "Comments" or "Share" is prose
    if short and _STRONG_RE.match(stripped):
        return "junk"
    if len(stripped) <= _WEAK_MAX_LEN and _WEAK_RE.match(stripped):
        return "junk"
    if short and (_CREDIT_RE.search(stripped) or _INLINE_CREDIT_RE.fullmatch(stripped)):
        return "credit"
    return None


def is_boilerplate(line: str) -> bool:
    """True for a line that is page chrome (UI string, ad, share prompt, credit or copyright line)."""
    return line_kind(line) is not None


def boilerplate_ranges(text: str, include_credits: bool = True) -> list[tuple[int, int]]:
    """Character ranges [start, end) of boilerplate in ``text``, sorted, non-overlapping.

    With ``include_credits=False`` only junk is returned (what the entity layer drops).
    """
    ranges: list[tuple[int, int]] = []
    for m in _LINE_RE.finditer(text):
        kind = line_kind(m.group())
        if kind == "junk" or (kind == "credit" and include_credits):
            ranges.append((m.start(), m.end()))
        elif kind is None and include_credits:
            # "(AP Photo/...)" inside a caption paragraph: blank just the parenthesis
            for c in _INLINE_CREDIT_RE.finditer(m.group()):
                ranges.append((m.start() + c.start(), m.start() + c.end()))
    return ranges


def credit_ranges(text: str) -> list[tuple[int, int]]:
    """Ranges of credit lines and inline "(AP Photo/...)" credits: names there are entities, not events."""
    ranges: list[tuple[int, int]] = []
    for m in _LINE_RE.finditer(text):
        kind = line_kind(m.group())
        if kind == "credit":
            ranges.append((m.start(), m.end()))
        elif kind is None:
            for c in _INLINE_CREDIT_RE.finditer(m.group()):
                ranges.append((m.start() + c.start(), m.start() + c.end()))
    return ranges


# A hover card inlined after a politician's name: the full legal name glued to related headlines, then
# "MORE" ("Sen. Ted Cruz Rafael (Ted) Edward CruzWarren goes local in race ... MORE (R-Texas) said").
# The card repeats the surname just named, glued to the first headline; that and the closing "MORE" make
# the shape specific enough to find in any outlet's prose without a source list.
_HOVER_CARD = re.compile(
    r"\b(?P<surname>[A-Z][\w'’-]+) (?P<card>(?:[A-Z(][\w'’.()-]* ){0,5}(?P=surname)(?=[A-Z0-9'\"‘“])"
    r"[^\n]{1,800}? MORE)\b"
)


# A newsletter widget flattened into the prose: "... in your inbox. Email Sign Up By signing up you agree to
# receive email newsletters or alerts from POLITICO." Its button label reads as a name ("Email Sign").
_SIGNUP_WIDGET = re.compile(r"\b(?:(?:Email|Newsletter) Sign Up(?: Now)?\b(?: By signing up\b[^.\n]{0,200}\.)?"
                            r"|Sign Up(?: Now)? By signing up\b[^.\n]{0,200}\.)")


def inline_junk_ranges(text: str) -> list[tuple[int, int]]:
    """Ranges of junk inside prose lines (hover cards, sign-up widgets), sorted. Line-level junk is
    `boilerplate_ranges`."""
    ranges: list[tuple[int, int]] = []
    if " MORE" in text:  # the cheap test that clears nearly every body
        ranges += [(m.start("card"), m.end("card")) for m in _HOVER_CARD.finditer(text)]
    if "Sign Up" in text:
        ranges += [m.span() for m in _SIGNUP_WIDGET.finditer(text)]
    merged: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))  # blanking assumes disjoint ranges
        else:
            merged.append((start, end))
    return merged


def blank_inline_junk(text: str) -> str:
    """`text` with inline junk replaced by spaces: the same length, so every offset into it is an offset
    into `text`, but the parser, the entity layer and the event rules never read the junk."""
    ranges = inline_junk_ranges(text)
    if not ranges:
        return text
    parts: list[str] = []
    last = 0
    for start, end in ranges:
        parts.append(text[last:start])
        parts.append(" " * (end - start))
        last = end
    parts.append(text[last:])
    return "".join(parts)


def in_ranges(start: int, end: int, ranges: list[tuple[int, int]]) -> bool:
    """True when [start, end) overlaps any of the sorted ``ranges`` (binary search, O(log n))."""
    i = bisect.bisect_right(ranges, start, key=_range_start) - 1
    for j in (i, i + 1):
        if 0 <= j < len(ranges):
            rs, re_ = ranges[j]
            if rs < end and start < re_:
                return True
    return False


def _range_start(r: tuple[int, int]) -> int:
    return r[0]
