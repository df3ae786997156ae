"""Vocabulary shared by the relevance judgement and the event rules, kept in one place so the two agree."""

from __future__ import annotations

# Sea crossings in European, African and Asian news, which often never say "migrant": "1,047 people crossed
# the Channel in 23 small boats", "cayucos reached El Hierro", "Border Force", Rohingya boats. A regex
# alternation in lower case, without flags: relevance searches lower-cased text, the event rules ignore case.
SEA_CROSSINGS = (
    r"small\s+boats?|dinghy|dinghies|cayucos?|pateras?|channel\s+crossings?|crossed\s+the\s+(?:english\s+)?"
    r"channel|border\s+force|frontex|unhcr|rohingyas?|boat\s+people|rescue\s+ships?|"
    # the central Mediterranean: boats stopped and taken back ("pullbacks to Libya"), landed, rescued
    r"pull-?backs?|search\s+and\s+rescue|rubber\s+boats?|interceptions?\s+at\s+sea|disembarkations?|"
    # Caribbean crossings: rafts, rafters, and people stopped at sea by the Coast Guard ("interdicted 4,862 Cubans")
    r"makeshift\s+rafts?|rafters|balseros|interdicted\s+(?:\d[\d,]*\s+)?(?:cubans|haitians|dominicans|migrants|people)"
)

# A caravan of vehicles, animals or supporters is no migrant caravan ("a caravan of more than 300 cargo trucks", "a
# caravan of lowriders"): put right after "caravans?\b", in lower case like the above.
VEHICLE_CARAVAN = (
    r"(?!\s+of\s+(?:[\w,-]+\s+){0,4}?(?:trucks|lorries|vehicles|cars|motorcycles|motorbikes|bikes|bicycles|"
    r"tractors|buses|lowriders|floats|horses|camels|trailers|rigs|pickups|vans|taxis|supporters|fans|mourners))"
)
