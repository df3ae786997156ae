"""Trigger lexicon for migration-policy events (see /design/events.md).

Each rule is a precompiled, case-insensitive regular expression run over one sentence. The named group
``t`` marks the trigger word: the parse around that token decides the event's status, subject and object.
Rules are general domain vocabulary only (verbs, nouns, agency names) -- never strings from particular
articles -- so they carry over to unseen text.

Precision matters more than recall on an alert feed, so most rules need two cues (a verb and an object
noun, or a number and a period); the migration-context check in ``events.py`` comes on top of that.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from workers.nlp.gazetteer import demonym_index
from workers.nlp.lexicon import SEA_CROSSINGS, VEHICLE_CARAVAN


@dataclass(frozen=True)
class TriggerRule:
    event_type: str
    pattern: re.Pattern[str]
    weight: float  # cue strength, 0..1: feeds the event confidence
    # the rule fires only when a migration cue is at most two sentences away (other rules fire anywhere in
    # an item whose story is migration, see events._about_migration): for triggers common outside it
    needs_local_context: bool = False
    # and only when this also matches the sentence (e.g. a victim for a death)
    requires: re.Pattern[str] | None = None
    # and never when this matches the sentence (e.g. "money for the wall" is border security, not aid)
    excludes: re.Pattern[str] | None = None
    # a cue that only frames another event ("announced that it would deport ...") stands aside when the
    # sentence has an event of another type
    frames_others: bool = False


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE | re.VERBOSE)


def _plural_demonyms() -> str:
    """Regex alternation of the plural demonyms ("Guatemalans", "Venezuelans", "Chinese") from the country
    data: a counted nationality is a counted group of people ("34,812 Guatemalans were returned")."""
    words = {d for d in demonym_index() if d.endswith(("ans", "ese", "is", "os", "as")) and d.isalpha()}
    return "(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")"


# Word windows: "up to N words in between", kept short so cues stay in one clause.
_W3 = r"(?:[\w'’$€£.,“”\"-]+\s+){0,3}?"
_W6 = r"(?:[\w'’$€£.,“”\"-]+\s+){0,6}?"
_W8 = r"(?:[\w'’$€£.,“”\"-]+\s+){0,8}?"

NUMBER = r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?\s*(?:millions?|thousand)|\d{3,})"

MIGRATION_CONTEXT = _rx(
    r"""\b(?:
        migra\w* | immigra\w* | emigra\w* | asylum | refugee\w* | deport\w* | caravan\w*""" + VEHICLE_CARAVAN + r""" |
        border\w* | undocumented | illegal\s+aliens? | aliens? | dreamers? | daca | tps |
        ice | cbp | border\s+patrol | customs\s+and\s+border | homeland\s+security | dhs |
        smuggl\w* | traffick\w* | coyotes? | detention | detained | visas? | sanctuary |
        remain\s+in\s+mexico | safe\s+third | repatriat\w* | family\s+separation | tent\s+city |
        unaccompanied | naturaliz\w* | green\s+cards? | travel\s+ban | wall | frontera | migrantes |
        amnest(?:y|ies) | legal\s+status | illegal(?:ly)?\s+(?:presence|entry|crossings?) | work\s+permits? |
        deferred\s+action | dapa | guest\s+workers? | apprehen\w+ | ports?\s+of\s+entry |
        (?:removal|reception)\s+cent(?:er|re)s? | humanitarian\s+parole | """ + SEA_CROSSINGS + r"""
    )\b""",
)

_MEETING = r"""
    \b(?P<t>met|meet|meets|meeting|meetings|summit|reuni[óo])\b(?!\s+(?:or\s+\w+\s+)?(?:the|a|an|its|their|that|this|
        those|these|his|her|our|us|u\.s\.)\s+(?:[\w-]+\s+){0,3}(?:deadlines?|goals?|
        demands?|needs?|requirements?|criteria|standards?|targets?|obligations?|expectations?|requests?|
        challenges?|thresholds?|quotas?|conditions?))
  | \b(?P<t2>held|hold|holds|holding)\s+(?:\w+\s+){0,2}(?:talks|discussions|negotiations|meetings?)\b
  | \b(?P<t3>talks|negotiations)\s+with\b
  | \b(?P<t4>testif\w+|hearing)\s+(?:before|of)\s+(?:the\s+)?(?:[\w-]+\s+){0,4}(?:committee|subcommittee|panel|
        commission)\b
  | \b(?P<t5>round)\s+of\s+(?:\w+\s+)?(?:talks|conversations|negotiations|discussions)\b
"""

_VISIT = r"""
    \b(?P<t>travel(?:s|ed|led|ing)?|traveling|travelling|flew|fly|flies|flying|head(?:s|
        ed)?)\s+(?:(?:the\s+)?(?:next|this|last|coming)\s+(?:week|month|\w+day)\s+)?to\b(?!\s+(?:the\s+)?(?:united\s+
        states|u\.s\.|us)\b)
  | \b(?P<t2>visit(?:s|ed|ing)?|tour(?:s|ed|ing)?)\b(?!\s*(?:ors?|ists?|ism)\b)
  | \b(?P<t3>visit|trip)\s+to\b
"""

# a day between a verb and its infinitive: "agreed on Tuesday to"
_WHEN = r"(?:(?:(?:late|early)\s+)?on\s+\w+\s+|\w+day\s+)?"
_AGREEMENT = r"""
    \b(?P<t>sign(?:s|ed|ing)?|reach(?:es|ed|ing)?|struck|strike|negotiat\w+|seal(?:s|ed)?|finaliz\w+|
        accept(?:s|ed|ing)?|reject(?:s|ed|ing)?|refus(?:e|es|ed|ing)|announc(?:e|es|ed|ing)|unveil(?:s|ed|ing)?)\s+
        """ + _W6 + r"""(?:agreement|accord|deal|pact|memorandum|treaty|safe\s+third|partnership)\b
  | \b(?P<t6>c[ao]me)\s+to\s+(?:an?\s+)?(?:[\w-]+\s+)?(?:agreement|accord|deal|understanding)\b
  | \b(?P<m1>safe\s+third[\s-]+country)\b
  | \b(?P<m2>memorandum)\s+of\s+(?:cooperation|understanding)\b
  | \b(?P<t4>(?:agreement|accord|deal|pact))\s+(?:was|were|has\s+been|had\s+been)\s+(?:signed|reached|
        struck)\b
  | \b(?P<t5>no)\s+(?:more\s+)?(?:\w+\s+)?(?:deal|agreement)\b
  | \b(?P<t7>agreed)\s+(?:on|to)\s+(?:an?\s+|the\s+)?(?:\w+\s+){0,3}?(?:framework|quota|conditions|terms|
        (?:joint\s+)?working\s+group|set\s+up|create|establish|share)\b
  | \b(?:deal|agreement|accord)\s+(?:can|could|would|will|might)\s+be\s+(?P<t8>reached|struck|signed)\b
  | \b(?P<t9>near(?:ing)?)\s+(?:an?\s+)?(?:agreement|deal|accord)\b
  | \b(?:both|two|the)\s+(?:[\w-]+\s+)?(?:leaders|governments|countries|sides|ministers|nations|presidents|
        delegations)\s+(?:\w+\s+){0,2}?(?P<t10>agreed)\s+""" + _WHEN + r"""to\b
  | \b(?P<t11>agreed)\s+""" + _WHEN + r"""to\s+(?:take\s+in|receive|relocate|resettle|share\s+out|distribute)\b
"""

_POLICY_NOUN = (
    r"(?:polic(?:y|ies)|programs?|programmes?|rules?|regulations?|orders?|executive\s+actions?|"
    r"proclamations?|ban|protocols|memos?|directives?|guidance|initiatives?|quotas?|plan|arrangement|"
    r"metering|public\s+charge|cap|ceiling|amnest(?:y|ies)|measures?|schemes?|pilot|requirements?|decrees?)"
)
# a limit on an intake: "admit no more than 18,000 refugees" is a policy, not a count of admissions
_INTAKE_LIMIT = r"(?:no\s+more\s+than|up\s+to|a\s+maximum\s+of|at\s+most|as\s+many\s+as|only)"
_POLICY = (
    r"""
    \b(?P<t>announc\w*|launch\w*|unveil\w*|expand\w*|end(?:s|ed|ing)?|rescind\w*|terminat\w*|implement\w*|
        impos\w*|issu\w*|roll(?:s|ed)?\s+out|reinstat\w*|reviv\w*|suspend\w*|introduc\w*|devis\w*|
        creat\w*|establish\w*|restrict\w*|revers\w*|scrap\w*|halt\w*|adopt\w*|declar(?:e|es|ed|ing)|chang\w*|
        develop(?:s|ed|ing)?|consider\w*|mov(?:e|es|ed)\s+to\s+establish|set|lower\w*|rais\w*|slash\w*|
        finaliz\w*|open(?:s|ed)?|weigh(?:s|ed|ing)?|ponder\w*|evaluat\w*|wind(?:s|ing)?\s+down|wound\s+down|
        phas(?:e|es|ed|ing)\s+out|put\s+into\s+effect|br(?:ought|ing|ings)\s+in)\s+"""
    + _W8 + _POLICY_NOUN + r"""\b
  | \b(?P<m1>""" + _POLICY_NOUN + r""")\s+(?:that|to|which|aimed|requiring|barring|of\s+separating)\b
  | \b(?P<t3>is|was|are)\s+(?:an?|the)\s+(?:new\s+)?(?:initiative|program|programme|policy)\b
  | \b(?P<t12>sign(?:s|ed|ing)?)\s+(?:[\w-]+\s+){0,3}?(?:executive\s+(?:orders?|actions?)|proclamations?|decrees?|
        directives?|presidential\s+memorand(?:um|a))\b
  | \b(?P<t4>(?:restricting|limiting|barring|suspending)\s+(?:access|entry|asylum))\b
  | \b(?P<t13>suspend(?:s|ed)?|restrict(?:s|ed)|curb(?:s|ed)|halt(?:s|ed)|freez(?:es|e)|froze|paus(?:es|ed))\s+
        (?:the\s+)?(?:right\s+to\s+(?:claim|seek|request|apply\s+for)\s+|processing\s+of\s+|access\s+to\s+)?
        asylum\b
  | \b(?P<t5>(?:went|goes|go|gone|going|took|takes|take|taken|taking|entered|enters|enter|came|comes|come)\s+
        (?:into\s+)?(?:effect|force))\b
  | \b(?:executive\s+(?:order|action)s?|proclamations?|memorand(?:um|a)|directives?|rules?|polic(?:y|ies)|
        regulations?)\s+(?P<t6>ending|ended|halting|barring|banning|requiring|allowing|restricting|suspending|
        expanding|creating|establishing|rescinding|reinstating|limiting)\b
  | \b(?:plan|program|programme|policy|rule|ban|order|protocols?|initiative|regulation|memo|directive|
        proclamation|amnesty)\s+""" + _W8 + r"""(?:was|were|has\s+been|had\s+been|is\s+being)\s+(?:\w+\s+)?(?P<t7>
        expanded|extended|implemented|ended|rescinded|suspended|launched|announced|introduced|reinstated|
        halted|scrapped|terminated|adopted|unveiled|broadened|tightened|revoked)\b
  | (?:['’]s|\b\d{1,2}(?:st|nd|rd|th)?)\s+(?:[\w-]+\s+){0,2}?(?P<t8>announcement)\b
  | \b(?:polic(?:y|ies)|programs?|programmes?|ban|rules?|orders?|protocols)\s+""" + _W8 + r"""(?P<t9>continues|
        remains\s+in\s+(?:place|effect|force)|(?:is|are)\s+still\s+in\s+(?:place|effect|force))\b
  | \b(?P<t10>admit|resettle|accept|take\s+in|welcome)\s+""" + _INTAKE_LIMIT + r"""\s+""" + NUMBER + r"""\s+
        (?:[\w-]+\s+){0,2}?(?:refugees|migrants|asylum[\s-]seekers|people|immigrants)\b
  | \b(?:intake|quota|ceiling|cap|limit|target)\s+(?:[\w-]+\s+){0,4}?(?:would|will|is\s+to|was\s+to)\s+(?:be\s+)?
        (?P<t11>rise|increase|grow|fall|drop|double|raised|increased|cut|lowered|reduced|set|capped|halved)\b
"""
)

# Fallback for policy acts without a policy noun near the verb: an announcement of what the government
# will do, a practice begun, a rule that expired, an order to stop.
_POLICY_ACTS = r"""
    \b(?P<t>announc(?:ed|es|ing))\s+(?:[\w.,]+\s+){0,4}?that\s+(?:[\w'’-]+\s+){0,6}?(?:would|will|can|could|must)\b
  | \b(?:began|begun|begin|begins|start(?:s|ed)?)\s+(?P<t2>(?:issu|releas|bus|screen|process|accept|return|send|fly|
        deport|detain|separat|requir|enforc|charg|fingerprint|test|deny|deni|turn|implement|offer|limit|cap)\w*ing)\b
  | \b(?:rules?|orders?|polic(?:y|ies)|programs?|programmes?|ban|protections?|title\s+42|daca|tps|measures?|
        requirements?|decrees?|restrictions?)\s+(?:[\w'’-]+\s+){0,6}?(?P<t3>expir(?:ed|es|e)|laps(?:ed|es|e))\b
  | \b(?P<t4>order(?:s|ed)?)\s+(?:an?\s+|the\s+)?(?:immediate\s+)?(?:stop|halt|end|pause|freeze)\s+(?:to|of|on)\b
"""

# The legislative process: a verb of it with a bill-like object near, a bill that moved, a roll-call tally.
_BILL_WORDS = r"""(?:bills?|legislation|laws?|act|measures?|proposals?|overhaul|amendments?|framework|
        (?:reform|overhaul|spending|funding)\s+(?:bill|package|plan|framework|measure)s?|
        (?:immigration|border)\s+(?:reform|overhaul|package)|
        legislative\s+(?:fix|package|solution|proposal|measure))"""
_LEGISLATION = r"""
    \b(?P<t>(?:re)?introduc\w*|pass(?:es|ed|ing)?|tak(?:e|es|ing)\s+up|took\s+up|bring(?:s|ing)?\s+forward|
        brought\s+forward|defeat\w*|(?:co-?)?sponsor(?:ed|ing)|vot(?:e|es|ed|ing)|veto\w*|block\w*|sign(?:s|ed)?|signing\s+off|reject\w*|
        approv\w*|filibuster\w*|prepar\w*|draft\w*|kill\w*|craft\w*|unveil\w*|adopt\w*|advanc\w*|plans|
        debat\w*|(?:work(?:s|ed|ing)?|vot(?:e|es|ed|ing))\s+on|mark(?:s|ed|ing)?\s+up|send(?:s|ing)?|sent)\s+
        """ + _W6 + (
    _BILL_WORDS + r"""\b
  | \b(?P<t2>(?:bill|legislation|measure|proposal)s?)\s+(?:was|were|is|are|has\s+been|had\s+been)\s+
        (?:being\s+)?(?:passed|introduced|prepared|drafted|approved|rejected|blocked|vetoed|signed)\b
  | \b(?:bill|legislation|measure|law|reform|overhaul|ordinance|decree)s?,\s+(?P<t3>passed|approved|signed|introduced|
        vetoed|blocked)\s+(?:\w+\s+){0,3}by\b
  | \b(?:bill|legislation|measure)s?\s+(?P<t4>cleared|passed|advanced|stalled|died)\b
  | \b(?P<t5>\d{2,3}-\d{1,3}\s+vote)\b
  | \b(?P<m1>dream\s+act|border\s+bill|immigration\s+bill)\b
  | \b(?P<t6>publish(?:ed|es|ing)?)\s+(?:[\w-]+\s+){0,8}?(?:law|act|decree|reform)\s+(?:[\w,()-]+\s+){0,6}?in\s+
        the\s+(?:official\s+(?:gazette|journal|bulletin)|diario\s+oficial)\b
""")

# Fallback for the legislative process when no bill word is near: a chamber that acted, a roll-call tally,
# a veto, the floor. Weaker cues, so they only stand in when the rule above finds nothing in the sentence.
_LEGISLATIVE_PROCESS = r"""
    \b(?:(?<!white\s)house|senate|congress|chamber|(?:sub)?committee|legislature|lawmakers|legislators|senators|parliament|
        assembly|council|board|mps|deputies|commons|lords)\s+(?:[\w'’-]+\s+){0,4}?(?P<t>voted|approved|passed|
        rejected|defeated|killed|cleared|adopted|overrode)\b
  | \b(?P<t2>fail(?:s|ed|ing)?|fell\s+short|defeat(?:s|ed|ing)?|pass(?:es|ed|ing)?|approv(?:e|es|ed|ing)|
        reject(?:s|ed|ing)?|vot(?:e|es|ed|ing)|clear(?:s|ed|ing)?)\b[\s,]+(?:[\w'’-]+[\s,]+){0,6}?(?:by\s+)?
        (?:(?:a|an)\s+)?(?:vote\s+of\s+)?\d{1,3}(?:-|\s+to\s+)\d{1,3}\b
  | \b(?P<t3>drew|drawing|won|received|garnered|mustered)\s+(?:only\s+|just\s+)?\d{1,3}\s+votes\b
  | \b(?P<t7>pass(?:es|ed|ing)?|clear(?:s|ed|ing)?)\s+(?:the\s+)?(?:full\s+|upper\s+|lower\s+)?(?:(?<!white\s)house|
        senate|chamber|assembly|legislature|parliament|commons)\b
  | \b(?:the|a|his|her|first|second)\s+(?P<t4>veto)\b
  | \b(?P<t5>overrid(?:e|es|ing)|overrode)\s+(?:\w+\s+){0,2}veto\b
  | \b(?P<t6>(?:on|to)\s+the\s+(?:house\s+|senate\s+)?floor(?!\s+of\b)|floor\s+(?:vote|debate)s?)\b
"""

_COURT = r"""
    \b(?:judges?|courts?|justices|circuit|tribunal)\b,?\s+""" + _W6 + r"""(?P<t>rul(?:e|es|ed|ing)|block\w*|
        enjoin\w*|uph[eo]ld\w*|struck|strike|halt\w*|order\w*|agreed\s+to\s+(?:hear|decide|take|review)|
        decid\w*|overturn\w*|reject\w*|allow\w*|sided|found|dismiss\w*|den(?:y|ied|ies)|
        refus\w*|declin\w*|vacat\w*|tossed|threw\s+out|let|permit\w*|cleared|hear(?:s|d)?|barr(?:ed|ing|s)|
        accept(?:s|ed)\s+(?:[\w-]+\s+){0,3}?(?:petitions?|appeals?|writs?|requests?)|
        (?:hold|held|holds)\s+(?:oral\s+)?(?:arguments|hearings?))\b
  | \b(?P<t2>injunctions?|restraining\s+orders?|lawsuits?|sued|su(?:e|es|ing)|filed\s+suit)\b
  | \b(?P<t4>(?:blocked|halted|thwarted|struck\s+down|upheld|barred|overturned)\s+by\s+(?:a|the)\s+(?:[\w.-]+\s+){0,3}
        (?:judge|court|justices|panel))\b
  | \b(?P<t5>appeal(?:s|ed|ing)?)\s+(?:\w+\s+){0,3}(?:rulings?|decisions?|orders?|judgments?|injunctions?|verdict|
        to\s+the\s+(?:\w+\s+){0,4}(?:court|circuit))\b
  | \b(?:courts?|justices)\s+""" + _W3 + r"""(?P<t3>said|says)\s+(?:that\s+)?(?:it|the|they|a|an|this|
        president|officials?|states?)\b
  | \b(?P<t6>file|files|filed|filing|present|presents|presented|lodge|lodges|lodged|bring|brings|brought)\s+(?:a|an)\s+
        (?:[\w-]+\s+){0,2}?(?:lawsuit|suit|legal\s+(?:action|challenge)|demand|appeal|application|petition|recourse|
        action|complaint)\s+(?:[\w,-]+\s+){0,3}?(?:in|before|with|to)\s+(?:the\s+)?(?:[\w.-]+\s+){0,4}?(?:court|
        tribunal|circuit|justice)\b
  | \b(?:study\w*|weigh\w*|consider\w*|explor\w*|prepar\w*|mull\w*|evaluat\w*|plan\w*)\s+(?:a\s+|an\s+)?
        (?:possible\s+|new\s+|fresh\s+)?(?:legal|court)\s+(?P<t7>challenges?|action)\b
  | \b(?:seek|seeks|sought|seeking)\s+(?:\w+\s+){0,2}?(?:permission|leave)\s+to\s+(?P<t8>appeal)\b
"""

_BORDER = r"""
    \b(?P<t>deploy\w*|send(?:s|ing)?|sent|dispatch\w*|station\w*|mobiliz\w*|order(?:s|ed)?)\s+""" + _W6 + r"""(?:troops|
        national\s+guard|military|soldiers|marines|army|forces|guardsmen)\b
  | \b(?P<t2>clos(?:e|es|ed|ing)|shut(?:s|ting)?(?:\s+down)?|seal(?:s|ed|
        ing)?)\s+""" + _W3 + r"""(?:border|ports?
        \s+of\s+entry|port|crossings?|frontier)\b
  | \b(?P<t3>build\w*|built|fund\w*|construct\w*|erect\w*|extend\w*)\s+""" + _W6 + r"""(?:walls?|fences?|
        barriers?)\b
  | \b(?P<m1>walls?|fences?|barriers?)\s+(?:along|on)\s+(?:the\s+)?(?:southern|northern|u\.?s\.?-?mexico|
        mexican)?\s*border\b
  | \b(?:police|troops|guard|guardsmen|soldiers|agents|officers|elements)\s+(?:[\w,-]+\s+){0,6}?
        (?:who\s+|that\s+|which\s+)?(?:had\s+been\s+|were\s+|was\s+|will\s+(?:begin|start)\s+)?(?P<t5>deployed|deploying)\b
  | \b(?P<t6>(?:tried|try|tries|moved|moves)\s+to\s+(?:close|seal|shut))\b
  | \b(?P<t7>declar(?:e|es|ed|ing))\s+(?:an?\s+)?national\s+emergency\b
  | \b(?:(?:concertina|razor)[\s-]+)+(?P<m2>wire)\b|\bbuoy\s+(?P<m3>barriers?)\b
  | \b(?P<t8>reassign\w*|redeploy\w*|add(?:s|ed|ing)?|hir(?:e|es|ed|ing))\s+(?:[\d,]+\s+)?
        (?:more\s+|additional\s+|new\s+)?(?:border\s+patrol\s+|immigration\s+)?(?:agents|officers|guards|troops)\b
  | \b(?P<t10>reinforc(?:e|es|ed|ing))\s+(?:[\w,-]+\s+){0,8}?(?:border|frontier|checkpoints?|crossings?|posts\s+of)\b
  | \b(?P<t9>suspend\w*|shut\s+down|halt(?:s|ed)?|clos(?:es|ed))\s+(?:\w+\s+){0,4}?(?:operations|processing|crossings|
        traffic)\s+at\b
  | \b(?P<t11>provid(?:e|es|ed|ing)|allocat\w*|earmark\w*|sets?\s+aside|setting\s+aside|award(?:s|ed|ing)?)\s+
        (?:[\w$€£.,-]+\s+){0,8}?(?:walls?|fenc(?:e|es|ing)|barriers?|razor\s+wire)\b
  | \b(?P<t12>reinforc(?:e|es|ed|ing)|bolster\w*|beef(?:s|ed|ing)?\s+up)\s+(?:[\w,-]+\s+){0,5}?
        (?:presence|deployment)\s+of\s+(?:the\s+)?(?:national\s+guard|troops|army|military|soldiers|police|agents|officers)\b
  | \b(?P<t13>maintain\w*|set\s+up|sets\s+up|setting\s+up|install\w*|establish\w*)\s+(?:[\w-]+\s+){0,2}?checkpoints\b
  | \bcheckpoints\s+(?:[\w-]+\s+){0,5}?(?:were|was|have\s+been|had\s+been)\s+(?P<t16>installed|set\s+up|established|
        erected)\b
  | \b(?P<t14>stretch\w*|lay(?:s|ing)?|laid|install\w*|string(?:s|ing)?|strung|roll(?:s|ed|ing)?\s+out)\s+
        (?:[\w-]+\s+){0,4}?(?:barbed|razor|concertina)[\s-]+wire\b
  | \b(?P<t15>tow(?:s|ed|ing)?|push(?:es|ed|ing)?)\s+(?:[\w-]+\s+){0,3}?back\s+(?:out\s+)?(?:to|into)\s+
        (?:the\s+)?(?:open\s+)?(?:sea|international\s+waters)\b
"""

# Fallback for reinforcements that are not troops: officers, agents, vessels or drones sent to a border or coast.
_BORDER_REINFORCEMENT = r"""
    \b(?P<t>deploy(?:s|ed|ing)?|send(?:s|ing)?|sent|dispatch(?:es|ed|ing)?)\s+(?:[\w,-]+\s+){0,6}?
        (?:agents|officers|police(?:\s+officers)?|gendarmes|guards|personnel|drones|patrol\s+(?:boats|vessels)|vessels|
        aircraft|helicopters)\b
"""

_DEMONYMS = _plural_demonyms()
_MONTH = r"(?:january|february|march|april|may|june|july|august|september|october|november|december)"
_PERIOD = r"""(?:last|this|past|previous)\s+(?:month|year|week|fiscal\s+year|quarter)|in\s+(?:fiscal\s+)?
    (?:""" + _MONTH + r"""|\d{4})|
    (?:per|a|each|every)\s+(?:day|week|month|year)|since\s+\w+|so\s+far\s+this\s+year|fiscal\s+year|
    (?:january|february|march|april|june|july|august|september|october|november|december)\s+alone|
    \d{4}\s+(?:government\s+)?data|(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today)\s+
    alone|(?:in\s+)?(?:a|one|that|the\s+same)\s+(?:single\s+)?(?:day|week|month)\b|since\s+the\s+(?:start|beginning)\s+
    of|in\s+the\s+first\s+\w+\s+(?:months|weeks|days)|(?:in\s+)?the\s+(?:last|past)\s+(?:\w+\s+)?(?:days|weeks|months|
    years)|as\s+of\s+\w+|daily|in\s+all\s+of\s+\d{4}|in\s+the\s+(?:last\s+|past\s+|previous\s+)?(?:\d+|twenty-four)\s+
    hours|(?:in\s+)?the\s+present\s+year|in\s+what\s+(?:goes|has\s+gone|is\s+gone)\s+of\s+(?:the\s+)?(?:year|\d{4})|
    so\s+far\s+in\s+\d{4}|so\s+far\s+this\s+(?:month|week)|in\s+the\s+month\s+of\s+\w+|(?:to|at)\s+the\s+(?:closing|close|
    end)\s+of\s+(?:""" + _MONTH + r"""|\d{4})|
    between\s+""" + _MONTH + r"""\s+and\s+(?:(?:mid|early|late)-?\s*)?""" + _MONTH
_STAT_NOUN = r"""(?:apprehen\w+|arrest\w*|encounter\w*|detain\w*|detention\w*|remov\w*|deport\w*|crossings?|
    asylum\s+(?:claims|applications|requests|seekers)|arrivals|people|individuals|migrants|immigrants|
    families|family\s+members|children|minors|aliens|refugees|nationals|citizens|foreigners|(?:border[\s-])?crossers|
    persons|adults|passengers|detainers?|(?:detainer\s+)?requests|applications|inmates|attempts\s+to\s+(?:cross|enter)|
    """ + _DEMONYMS + r""")"""
# a two-digit count too, right before what it counts ("arrested 41 people"); never a share ("57 percent of")
_STAT_NUMBER = r"(?:" + NUMBER + r"|\d{2})(?!\s*(?:%|percent|per\s+cent))"
_STAT = r"""
    \b(?P<t>""" + _STAT_NUMBER + r""")\s+""" + _W3 + _STAT_NOUN + r"""\b(?=.*?\b(?:""" + _PERIOD + r"""))
  | \b(?:""" + _PERIOD + r""")\b.{0,120}?\b(?P<t2>""" + _STAT_NUMBER + r""")\s+""" + _W3 + _STAT_NOUN + r"""\b
  | \b(?P<t3>number|numbers|total|tally)\s+of\s+(?:\w+\s+){0,2}(?:immigrants|migrants|apprehensions|
        arrests|deportations|removals|crossings|encounters|asylum\s+seekers|refugees|
        border[\s-]crossers|crossers|
        arrivals|entries)\s+""" + _W6 + r"""(?:fell|
        rose|dropped|declined|increased|climbed|reached|hit|doubled|surged|plunged|jumped)\b
  | \b(?:arrivals|apprehensions|crossings|encounters|deportations|removals|detentions|arrests|expulsions|returns)\s+
        (?:[\w-]+\s+){0,4}?(?P<t4>fell|rose|dropped|declined|climbed|reached|hit|jumped|totall?ed|surged|plunged|
        increased|decreased|grew)\s+(?:by\s+|to\s+)?(?:about\s+|some\s+|nearly\s+|almost\s+|more\s+than\s+|over\s+|
        just\s+)?""" + NUMBER + r"""\b
  | \b(?:push\w*|bring\w*|brought|rais\w*|tak(?:e|es|ing)|took|lift\w*)\s+(?:the\s+)?(?P<t5>total|tally|count)\s+
        (?:[\w-]+\s+){0,8}?to\s+(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+|more\s+than\s+|over\s+)?
        """ + NUMBER + r"""
        \b(?!\s*(?:(?:millions?|billions?)\s+)?(?:dollars|euros|pounds|pesos|in\s+aid))
"""

# what people are smuggled in: crammed into a truck is smuggling, crammed into a cell is detention
_VEHICLES = r"(?:trucks?|trailers?|tractor-trailers?|vans?|containers?|boxcars?|lorr(?:y|ies))"

_DETENTION = r"""
    \b(?P<m1>detention\s+(?:centers?|centres?|facilit\w+|camps?)|tent\s+cit(?:y|ies)|family\s+separations?|
        child\s+prisons?)\b
  | \b(?P<t>in\s+(?:federal\s+|ice\s+)?custody)\b
  | \b(?:being|been|were|was|are|is)\s+(?P<t2>held(?!\s+up\b)|housed|detained|locked\s+up|caged)\b
  | \b(?P<t3>separat(?:ed|ing))\s+""" + _W3 + r"""(?:children|families|kids|parents)\b
  | \b(?P<t6>(?:put|placed|kept|locked\s+up|remain(?:s|ed)?)\s+in\s+(?:\w+\s+){0,2}(?:detention|custody))\b
  | \b(?P<t4>housed|held)\s+(?:at|in)\s+(?:a|an|the)\s+(?:\w+\s+){0,3}(?:shelter|facility|center|camp|base)\b
  | \b(?P<t5>turned\s+over|handed\s+over|transferred)\s+to\s+(?:the\s+)?(?:immigration|ice\b|border\s+patrol|
        migration|\w+\s+(?:detention|migratory)|(?:\w+\s+){0,2}jail)
  | \b(?P<t7>taken\s+into\s+(?:\w+\s+){0,2}(?:custody|detention))\b
  | \b(?P<t19>flown|transferred|taken|sent|moved)\s+(?:[\w-]+\s+){0,4}?for\s+offshore\s+processing\b
  | \b(?P<t8>crammed|packed|squeezed)\s+into\s+(?:[\w-]+\s+){0,3}?(?:cells?|rooms?|pens?|cages?|facilit(?:y|ies)|
        tents?|warehouses?|cent(?:er|re)s?|stations?|hangars?|gyms?|quarters|spaces?|units?|camps?|shelters?)\b
  | \b(?P<t9>(?:moved|sent|transferred|taken|bused|flown)\s+(?:[\w-]+\s+){0,6}?(?:to|into)\s+(?:an?\s+|the\s+)?
        (?:[\w-]+\s+){0,3}?(?:(?:reception|detention|removal|processing|holding|intake)\s+(?:cent(?:er|re)s?|
        facilit(?:y|ies)|sites?|stations?)|(?:army|military|air\s+force)\s+base))\b
  | \b(?P<t10>open\w*)\s+(?:[\w-]+\s+){0,3}?(?:intake|detention|reception|processing)\s+(?:sites?|space|
        cent(?:er|re)s?|facilit(?:y|ies))\b
  | \b(?:detention|removal|holding|processing|migratory|migration|migratoria)\s+(?:[\w,-]+\s+){0,8}?
        (?P<t11>hold(?:s|ing)?|held|hous(?:es|ed|ing)|ha(?:s|ve|d))\s+(?:[\w-]+\s+){0,6}?""" + NUMBER + r"""\s+
        (?:[\w-]+\s+){0,2}?(?:people|persons|migrants|detainees|men|women|children|minors|families)\b(?=.{0,100}?\b(?:designed|built|staffed|meant|
        capacity)\b)
  | \b(?P<t13>hunger\s+strikes?|refus(?:ed|ing)\s+(?:food|meals|to\s+eat))\b(?=.{0,200}?\b(?:detain\w*|detention|
        custody|removal\s+cent(?:er|re)s?|immigration\s+(?:jail|prison|facilit\w+)))|\b(?:detain\w*|detention|custody|removal\s+
        cent(?:er|re)s?)\b.{0,200}?\b(?P<t14>hunger\s+strikes?|refus(?:ed|ing)\s+(?:food|meals|to\s+eat))\b
  | \b(?P<t12>hold(?:s|ing)?|held|hous(?:es|ed|ing)|ha(?:s|ve|d))\s+(?:[\w-]+\s+){0,4}?""" + NUMBER + r"""\s+
        (?:[\w-]+\s+){0,2}?(?:people|persons|migrants|detainees)\b(?=.{0,60}?\b(?:in\s+(?:a\s+)?(?:space|facility|
        centre|center)\s+|)(?:designed|built|staffed|meant)\s+(?:and\s+\w+\s+)?for\b)
"""

_DEPORTATION = r"""
    \b(?P<t>deported|deporting|deports|deport)\b
  | \b(?P<t2>(?:deportation|removal|repatriation|expulsion)\s+flights?)\b
  | \b(?P<t3>repatriat(?:ed|ing|es))\b
  | \b(?P<t4>sent|sending|flown|returned)\s+back\s+(?:to|across)\b
  | \b(?P<t8>flights?\s+of\s+(?:deportation|deportees|repatriation|return)|flights?\s+(?:[\w-]+\s+){0,3}?to\s+
        (?:return|deport|repatriate))\b
  | \b(?P<t9>return(?:ed|s|ing)?|expell?(?:ed|ing|s)|deliver(?:ed|ing)?\s+to)\s+(?:[\w,.'’-]+\s+){0,12}?
        (?:""" + NUMBER + r"""|\d{2}|hundreds|dozens|thousands)\s+(?:of\s+)?(?:[\w-]+\s+)?(?:migrants|persons|people|
        deportees|nationals|minors|families|""" + _DEMONYMS + r""")\b
  | \b(?:were|was|been|be|being)\s+(?P<t5>returned|expelled)\s+(?:\w+\s+){0,2}to\b
  | \b(?P<t7>charter\s+flights?)\b.{0,80}?\b(?:carr\w+|return\w*|deport\w*|remov\w*)\b
  | \bcharter(?:ed)?\s+(?P<t11>flights?|planes?)\s+(?:back\s+)?to\s+(?-i:[A-Z])
  | \b(?P<t10>escort\w*|put|placed|loaded|marched)\s+(?:[\w,-]+\s+){0,8}?(?:onto|on|aboard|into)\s+(?:a|an|the)\s+
        (?:[\w-]+\s+){0,2}?(?:flights?|planes?|aircraft)\s+(?:back\s+)?to\b
  | \b(?:return|repatriation|deportation)["”]?\s+(?P<t12>convoys?)\b
  | \b(?P<t13>made|forced|ordered)\s+(?:them|him|her|(?:[\w-]+\s+){0,3}?(?:migrants|people|refugees|group|families))\s+
        (?:to\s+)?(?:cross|walk|go|return)\s+back\s+(?:across|into|over|to)\b
"""

_OPERATION = r"""
    \b(?P<t>raid(?:s|ed)?|sweeps?|roundups?|round(?:ed)?\s+up|work\s*site\s+(?:raid|operation|
        enforcement)s?)\b
  | \bas\s+part\s+of\s+(?:an?|the|its)\s+(?:[\w-]+\s+){0,3}?(?P<t4>crackdown|sweep|operation|roundup)\b
  | \b(?P<t5>carried\s+out|conducted|launched|mounted|realized)\s+(?:[\w-]+\s+){0,4}?(?:an?\s+|the\s+)?
        (?:[\w-]+\s+)?(?:operation|operative|raid|sweep)s?\b
  | \b(?P<t2>apprehensions|arrests)\s+(?:on|for)\s+(?:possible\s+|suspected\s+)?immigration\b
  | \b(?P<t6>intercept(?:ed|s|ing)?)\s+(?:about\s+|some\s+|more\s+than\s+|nearly\s+|at\s+least\s+|around\s+)?
        (?:""" + NUMBER + r"""|\d{2})\s+(?:[\w-]+\s+)?(?:migrants|people|persons|asylum[\s-]seekers|refugees|
        """ + _DEMONYMS + r""")\b(?!.*?\b(?:""" + _PERIOD + r"""))
  | \b(?P<t7>secur(?:ed|es|ing))\s+(?:[\w,-]+\s+){0,6}?(?:""" + NUMBER + r"""|\d{2})\s+(?:[\w-]+\s+)?(?:migrants|
        foreigners|persons|people|""" + _DEMONYMS + r""")\b
  | \b(?P<t8>dissolv(?:e|es|ed|ing)|disband(?:s|ed|ing)?|dispers(?:e|es|ed|ing)|br(?:oke|eak|eaks|eaking)\s+up)\s+
        """ + _W6 + r"""caravans?\b
  | \b(?:ice|immigration\s+(?:agents|officers|authorities)|agents\s+of\s+the\s+(?:inm|national\s+
        (?:institute|migration))|federal\s+agents)\s+""" + _W6 + r"""(?P<t3>arrest(?:s|ed|ing)?|
        detain(?:s|ed|ing)?|apprehend(?:s|ed|ing)?)\b
"""


# Set foot on land after a sea crossing or a bus ride
_LANDED = r"(?:disembark(?:ed|s|ing)?|(?:brought|came|come|allowed)\s+ashore|stepped\s+off|got\s+off)"
_LANDERS = r"(?:migrants|asylum|refugees|people|persons|passengers|survivors)"
# Who moves: a group of migrants, not "people" in general.
_GROUP = r"(?:migrants|asylum[\s-]seekers|families|immigrants|refugees|thousands|hundreds|caravan\s+members)"
_MOVEMENT = r"""
    \bcaravans?\b""" + VEHICLE_CARAVAN + r"""
        .{0,140}?\b(?P<t>mov(?:e|es|ed|ing)|travel\w*|head\w*|march\w*|cross\w*|arriv\w*|enter\w*|set\s+off|grew|
        grow\w*|left|leav\w*|depart\w*|reach\w*|walk\w*|trek\w*|advanc\w*|
        traversed|made\s+its\s+way|swell\w*|shrink\w*|is\s+(?:still\s+)?(?:weeks|days|miles))\b
  | \b(?P<t15>left|depart(?:ed|s)|set\s+(?:off|out))\b
        (?=.{0,200}?\bcaravans?\b""" + VEHICLE_CARAVAN + r""")
  | \b(?P<t2>broke\s+through|swam|waded|stormed|pushed\s+(?:past|pass|through)|made\s+their\s+way|
        massed|stranded|camped|rushed)\b
  | \b""" + _GROUP + r"""\s+""" + _W6 + r"""(?P<t3>crossed|arrived|entered|broke\s+into|poured\s+into)\b
  | \b(?:""" + NUMBER + r"""|\d+|thousands|hundreds|dozens|
        groups?)\s+(?:of\s+)?(?:\w+\s+){0,2}""" + _GROUP + r"""\s+
        """ + _W3 + r"""(?P<t5>gathered|waiting|stranded|camped|massed|stuck|sleeping)\b
  | \b(?:""" + NUMBER + r"""|\d+)\s+(?:more\s+)?(?:people|persons|(?:young\s+)?men|women)\s+""" + _W3 + r"""(?P<t6>
        crossed|arrived|reached|landed|entered|left|walked|tried\s+to\s+(?:storm|cross|climb|jump|enter|reach|scale))\b
  | \b(?P<t16>departed|left|took\s+off)\s+.{0,120}?\bwith\s+(?:""" + NUMBER + r"""|\d{2})\s+(?:[\w-]+\s+)?(?:people|
        migrants|refugees|persons|deportees|""" + _DEMONYMS + r""")\s+(?:on\s+board|aboard)\b
  | \b(?P<t7>influx|exodus|surge)\s+of\s+(?:\w+\s+){0,2}""" + _GROUP + r"""\b
  | \b(?P<t8>storm(?:ed|ing)?)\s+(?:the\s+)?(?:border\s+)?(?:fence|border|wall)\b
  | \b(?P<m1>(?:migrant|refugee)\s+caravans?)\b
  | \b(?P<t9>(?:boats?|dinghy|dinghies|vessels?|rafts?|cayucos?|pateras?|skiffs?)\s+(?:carrying|with|packed\s+with|
        loaded\s+with|transporting))\s+(?:about\s+|some\s+|more\s+than\s+|nearly\s+|at\s+least\s+|around\s+)?
        (?:""" + NUMBER + r"""|\d{2})\s+(?:[\w-]+\s+)?(?:people|migrants|persons|refugees|passengers|asylum|
        """ + _DEMONYMS + r""")\b
  | \b(?:""" + NUMBER + r"""|\d{2})\s+(?:people|migrants|persons|refugees)\s+(?:were|had\s+been|have\s+been)\s+
        (?P<t10>rescued|picked\s+up)\s+(?:from|off|at)\b
  | \b(?:every|each)\s+day\s+(?P<t11>arrive|arrived|cross|crossed)\b
  | \b(?:""" + _LANDERS + r"""|on\s+board)\b.{0,200}?\b(?P<t12>""" + _LANDED + r""")\b
  | \b(?P<t14>""" + _LANDED + r""")\b(?=.{0,200}?\b(?:""" + _LANDERS + r""")\b)
  | \b(?:""" + NUMBER + r"""|\d{2})\s+(?:[\w-]+\s+){0,2}?(?:people|migrants|asylum[\s-]seekers|refugees|persons)\s+
        (?:were|have\s+been|had\s+been)\s+(?P<t13>taken|moved|transferred|bused|bussed|relocated|flown|ferried)\s+
        from\b
"""

_SMUGGLING = r"""
    \b(?P<t>arrest\w*|charg\w*|indict\w*|sentenc\w*|convict\w*|dismantl\w*|bust\w*|rescu\w*|seiz\w*|caught|
        disrupt\w*|prosecut\w*)\s+""" + _W8 + r"""(?:smuggl\w+|coyotes?|traffick\w+|
        facilitat\w+\s+(?:illegal|unlawful|irregular)\s+(?:entry|immigration|migration))\b
  | \b(?P<t5>arrest\w*|charg\w*|detain\w*|caught)\s+(?:[\w,.'’-]+\s+){0,10}?(?:who|suspected\s+of|accused\s+of)\s+
        (?:[\w'’-]+\s+){0,3}?(?:guiding|leading|transporting|ferrying|driving|moving)\s+(?:a\s+group\s+of\s+)?
        (?:[\w,-]+\s+){0,4}?(?:people|migrants|persons|foreigners|asylum\s+seekers)\b
  | \b(?:smuggl\w+|coyotes?|traffick\w+)\s+""" + _W6 + r"""(?P<t2>(?:were|was)\s+(?:arrested|charged|indicted|
        sentenced|convicted|caught)|arrested|charged)\b
  | \b(?P<t4>(?:put|placed|presented|left)\s+at\s+(?:the\s+)?disposition\s+of)\b.{0,200}?\b(?:smuggl\w+|coyotes?|
        traffick\w+|polleros?)\b
  | \b(?P<m1>stash\s+houses?|smuggling\s+(?:ring|network|operation)s?|trafficking\s+(?:ring|network)s?)\b
  | \b(?P<t3>crammed|packed|hidden|concealed)\s+(?:in|into|inside)\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,3}?
        """ + _VEHICLES + r"""\b
"""

_HUMANITARIAN = r"""
    \b(?P<t>tear\s+gas|rubber\s+bullets|pepper\s+spray)\b
  | \b(?P<t2>died|drowned|killed|dies|deaths|death\s+(?:of|toll|in)|(?:pronounced|found)\s+dead|injured|wounded|
        kidnapped|
        (?<!ruling\s)(?<!governing\s)(?<!legislative\s)(?<!regulatory\s)(?<!advisory\s)(?<!public\s)
        (?<!federal\s)(?<!oversight\s)(?<!nations\s)(?<!u\.n\.\s)(?<!international\s)(?<!government\s)bodies|
        assaulted|raped|shot|beat(?:en)?|abduct\w*|crushed|trampled|suffocat\w*|hypotherm\w*|capsiz\w*|sank|
        shipwrecks?|dehydrat\w+|starv\w+)\b
  | \b(?:the\s+)?(?P<t4>remains\s+of|body\s+of\s+(?:a|an)|lost\s+(?:his|her|their|the)\s+li(?:fe|ves)|
        deprived\s+of\s+(?:the\s+|their\s+|his\s+|her\s+)?liberty|(?:a|with)\s+wounds?\s+(?:in|to|on)\s+the|held\s+for\s+ransom|treated\s+for\s+(?:cuts|injuries|wounds|
        dehydration|hypothermia|burns)|(?:are|were|is|was)\s+missing|sleeping\s+(?:on|in)\s+(?:the\s+)?(?:streets?|
        sidewalks?|tents|parks?|the\s+open|floors?|(?:[\w-]+\s+)?(?:buses|benches|cardboard)))\b
  | \b(?:shelters?|camps?)\s+(?:\w+\s+){0,3}(?P<t3>overwhelmed|overcrowded|over\s+capacity|at\s+capacity|
        overflowing|(?:are|were|is|was)\s+(?:\w+ly\s+)?full)\b
  | \b(?P<t5>\d{2,3}\s*(?:%|percent)\s+of\s+(?:its\s+|their\s+)?capacity|(?:over|beyond|above)\s+capacity|
        (?:double|twice|triple)\s+(?:of\s+)?(?:its|the|their)\s+capacity|
        (?:the\s+)?(?:double|triple)\s+(?:of\s+that\s+)?for\s+which\s+(?:it|they)\s+(?:was|were)\s+(?:designed|built))
  | \b(?P<t6>overwhelm(?:ed|s|ing)?)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?(?:shelters?|camps?|
        reception\s+cent(?:er|re)s?)\b
  | \b(?P<m1>humanitarian\s+(?:crisis|emergency|disaster))\b
  | \b(?P<t7>(?:fire|blaze)\s+(?:broke\s+out|swept|ripped|tore|gutted|destroyed|razed|engulfed))\b(?=.{0,120}?\b
        (?:camps?|shelters?|cent(?:er|re)s?|tents)\b)
  | \b(?:migrants|refugees|people|persons|children|families|passengers|survivors)\b[\s,]+(?:[\w-]+[\s,]+){0,6}?
        (?P<t11>(?:adrift|drifting)\s+(?:in|on|at|off|for))\b
  | \b(?P<t9>(?:left|abandoned|set)\s+(?:adrift\s+)?(?:on|in)\s+(?:an?\s+)?
        (?:[\w-]+\s+)?(?:life\s*rafts?|dinghy|dinghies))\b
  | \b(?:shelters?|cent(?:er|re)s?|camps?)\b.{0,120}?\b(?P<t10>turn(?:ed|s|ing)?\s+(?:[\w-]+\s+){0,3}?away)\b
  | \b(?P<t8>overcrowded|squalid)\s+(?:[\w-]+\s+){0,2}?(?:camps?|shelters?|reception\s+cent(?:er|re)s?)\b
"""

_AID = r"""
    \b(?P<t>cut\w*|slash\w*|suspend\w*|withh[oe]ld\w*|halt\w*|end\w*|freez\w*|grant\w*|provid\w*|pledg\w*|
        request\w*|ask\w*|giv(?:e|es|en|ing)|gave|send\w*|sent|condition\w*|pony\s+up|invest\w*|approv\w*|
        announc\w*|promis\w*|offer\w*)\s+""" + _W6 + r"""(?:aid|assistance|money|funds|funding\s+(?:to|for)\s+
        (?:central|guatemala|honduras|el\s+salvador|mexico)|development\s+(?:plan|program|aid)|investment)\b
  | \b(?P<t2>(?:aid|assistance)\s+to\s+(?:guatemala|honduras|el\s+salvador|central\s+america|mexico|the\s+
        northern\s+triangle))\b
  | \b(?P<m1>development\s+plan|marshall\s+plan|root\s+causes)\b
  | \b(?P<t3>contribut\w*|pledg\w*|allocat\w*|earmark\w*|donat\w*|appropriat\w*|propos\w*|approv\w*|
        destin(?:e|es|ed|ing)|commit(?:s|ted|ting)?|releas(?:e|es|ed|ing)|confirm(?:s|ed|ing)?|disburs\w*|
        transferr?(?:s|ed|ing)?)\s+(?:[\w-]+\s+){0,5}?
        (?:[$€£]\s?\d[\d,.]*(?:\s*(?:millions?|billions?))?|\d[\d,.]*\s*(?:millions?|billions?)?\s*(?:of\s+)?
        (?:dollars|euros|pounds|pesos))
"""

_THREAT = r"""
    \b(?P<t>threat(?:en|ens|ened|ening)|ultimatums?)\b
  | \b(?P<t6>threats?)\s+(?:to|of)\s+(?:\w+\s+){0,2}(?:close|shut|cut|impose|cancel|end|withhold|seal|deploy|
        send|deport|tariffs?|sanctions?|closing|closure|shutting)\b
  | \b(?P<t2>warn(?:s|ed|ing)?)\s+""" + _W6 + r"""(?:would|will|could|might)\s+""" + _W3 + r"""(?:close|
        shut|cut|
        send|deport|impose|cancel|end|withhold|stop|seal|deploy|punish|sanction)\w*\b
  | \b(?P<t3>impos\w*|slap\w*|levy\w*|announc\w*)\s+""" + _W3 + r"""(?:tariffs?|sanctions)\b
  | \b(?P<t4>(?:will|would)\s+not\s+hesitate\s+to)\b
  | \b(?:would|will)\s+(?:try\s+to\s+)?(?P<t7>veto|block|cut\s+off|withhold|suspend|freeze)\b.{0,120}?\b(?:unless|
        until)\b
  | \b(?:would|will)\s+(?P<t5>send)\s+""" + _W6 + r"""(?:military|troops|army|national\s+guard)\b.{0,80}?\b
        (?:if\s+need\s+be|if\s+necessary|unless|if\s+they)\b
  | \b(?P<t8>recommend(?:s|ed)?\s+(?:that\s+)?(?:he|she|the\s+president|the\s+governor)\s+veto|veto\s+threats?)\b
"""

# What an approved application is for: a protection or an immigration status, not a building permit.
_PROTECTED_FOR = r"""(?=.{0,100}?\b(?:asylum|amnest\w*|daca|dapa|deferred\s+action|tps|visas?|refugee\w*|parole|
    work\s+permits|green\s+cards?|citizenship|naturaliz\w*|protections?|legal\s+status|immigra\w*)\b)"""
_PROTECTION = r"""
    \b(?P<t>grant\w*|award\w*|approv\w*|receiv\w*|given|won)\s+""" + _W3 + r"""(?:asylum|refugee\s+status|
        humanitarian\s+(?:visas?|parole)|temporary\s+protected\s+status|tps|protection)\b(?![\s-]+(?:applications?|
        claims?|requests?|seekers?|petitions?|cases?|applicants?)\b)
  | \b(?P<t2>(?:extend\w*|designat\w*|renew\w*|
        redesignat\w*)\s+""" + _W3 + r"""(?:temporary\s+protected\s+status|
        tps|temporary\s+protection(?:\s+(?:permits?|status|statute))?))\b
  | \b(?P<t14>approved|cleared|authori[sz]ed)\s+to\s+(?:travel|enter|come|fly)\s+(?:to\s+[\w\s.]{1,30}?\s+)?
        (?:under|through|via)\s+(?:the\s+|a\s+)?(?:[\w-]+\s+){0,3}?(?:parole|humanitarian|resettlement|
        sponsorship)\b
  | \b(?:temporary\s+protected\s+status|tps)\s+(?:\w+\s+){0,2}(?P<t3>(?:was|were|has\s+been|is)\s+(?:extended|
        designated|renewed))\b
  | \b(?P<t4>admit\w*|resettl\w*|welcom\w*)\s+""" + _W3 + r"""refugees\b
  | \brefugees\s+(?:were\s+|have\s+been\s+)?(?P<t5>admitted|resettled)\b
  | \b(?P<t6>approv\w*|grant\w*)\s+""" + _W3 + r"""(?:applications|petitions|requests)\b""" + _PROTECTED_FOR + r"""
  | \b(?:applications|petitions|requests)\s+(?:\w+\s+){0,2}(?:were|have\s+been|had\s+been|was|
        are)\s+(?P<t7>approved|granted)\b""" + _PROTECTED_FOR + r"""
  | \b(?P<t8>grant\w*|award\w*|approv\w*|issu\w*)\s+""" + _W6 + r"""(?:deferred\s+action|work\s+permits|
        humanitarian\s+parole|green\s+cards)\b
  | \b(?P<t9>grant\w*)\s+""" + _W3 + r"""(?:permits|cards|visas|residency)\b""" + _PROTECTED_FOR + r"""
  | \b(?:status|protections?)\s+(?:[\w,]+\s+){0,5}?(?:will\s+be|would\s+be|was|were|has\s+been|have\s+been)\s+
        (?:automatically\s+)?(?P<t10>extended|renewed)\b
  | \brefugees\s+(?:[\w-]+\s+){0,6}?(?:will\s+(?:now\s+)?be|were|are)\s+(?P<t11>allowed\s+(?:in|to\s+enter))\b
  | \b(?P<t12>issu\w*|grant\w*|hand(?:s|ed|ing)?\s+out|deliver\w*)\s+(?:[\w-]+\s+){0,3}?(?:stay|residence|residency|
        humanitarian|protection|temporary)\s+(?:[\w-]+\s+)?(?:permits?|cards?|visas?)\b
  | \b(?P<t13>issu\w*|grant\w*|deliver\w*)\s+(?:[\w-]+\s+){0,4}?(?:permits?|cards?|visas?)\s+(?:of\s+\w+\s+)?for\s+
        humanitarian\s+reasons\b
"""

RULES: tuple[TriggerRule, ...] = (
    TriggerRule("OFFICIAL_MEETING", _rx(_MEETING), 0.7, needs_local_context=True),
    TriggerRule("OFFICIAL_VISIT", _rx(_VISIT), 0.6),
    TriggerRule("AGREEMENT", _rx(_AGREEMENT), 0.75,
                excludes=_rx(r"\btrade\s+(?:deal|agreement|pact|accord)|\bnafta\b|\busmca\b")),
    TriggerRule("POLICY_ANNOUNCEMENT", _rx(_POLICY), 0.6, needs_local_context=True),
    TriggerRule("POLICY_ANNOUNCEMENT", _rx(_POLICY_ACTS), 0.5, needs_local_context=True, frames_others=True,
                requires=MIGRATION_CONTEXT),  # weak cues: the sentence itself must speak of migration
    TriggerRule("LEGISLATION", _rx(_LEGISLATION), 0.6),
    TriggerRule("LEGISLATION", _rx(_LEGISLATIVE_PROCESS), 0.5),
    TriggerRule("COURT_RULING", _rx(_COURT), 0.7, needs_local_context=True),
    TriggerRule("BORDER_SECURITY", _rx(_BORDER), 0.75),
    TriggerRule("BORDER_SECURITY", _rx(_BORDER_REINFORCEMENT), 0.6, needs_local_context=True, requires=_rx(
        r"\b(?:borders?|frontiers?|coast(?:line|s)?|crossings?|beaches|channel|trails?|checkpoints?)\b")),
    TriggerRule("ENFORCEMENT_STATISTIC", _rx(_STAT), 0.7, needs_local_context=True),
    TriggerRule("DETENTION", _rx(_DETENTION), 0.6, needs_local_context=True),
    TriggerRule("DEPORTATION", _rx(_DEPORTATION), 0.6),
    TriggerRule("ENFORCEMENT_OPERATION", _rx(_OPERATION), 0.6, needs_local_context=True),
    TriggerRule("MIGRANT_MOVEMENT", _rx(_MOVEMENT), 0.65, needs_local_context=True),
    TriggerRule("SMUGGLING_TRAFFICKING", _rx(_SMUGGLING), 0.7),
    TriggerRule("HUMANITARIAN_INCIDENT", _rx(_HUMANITARIAN), 0.55, needs_local_context=True, requires=_rx(
        r"""\b(?:migrants?|immigrants?|asylum|refugees?|children|child|kids|people|men|women|man|woman|boys?|
        girls?|teens?|famil(?:y|ies)|detainees?|bodies|toddlers?|infants?|crowds?|protesters|caravan|persons|
        minors|adults|passengers|survivors|victims|individuals)\b""")),
    TriggerRule("AID_FUNDING", _rx(_AID), 0.6, needs_local_context=True,
                # a wall is border security; money a migrant sends home is a remittance, not aid
                excludes=_rx(r"\b(?:walls?|barriers?|fenc\w+|border\s+security|money\s+(?:back\s+)?home)\b")),
    TriggerRule("PRESSURE_THREAT", _rx(_THREAT), 0.65, needs_local_context=True),
    TriggerRule("PROTECTION_GRANT", _rx(_PROTECTION), 0.7),
)


def trigger_span(match: re.Match[str]) -> tuple[int, int, bool]:
    """Character span (relative to the searched text) of the trigger group of a rule match, and whether
    it is a bare mention (group ``m*``: a noun naming the event, no act of its own) rather than an act
    (group ``t*``). A mention of an event already reported earlier in the item is the same occurrence."""
    for name, value in match.groupdict().items():
        if value is not None and name[0] in "tm":
            start, end = match.span(name)
            return start, end, name[0] == "m"
    start, end = match.span()
    return start, end, False
