"""Regenerate countries.json from pycountry + countryinfo (run by hand; not imported at runtime).

Why a generated file: countryinfo carries demonyms and centroids that pycountry lacks, but we do not
want it as a runtime dependency of the stream worker. Usage:
    python workers/nlp/data/build_countries.py > workers/nlp/data/countries.json
"""

from __future__ import annotations

import ast
import json
import sys
from typing import Any

import pycountry
from countryinfo import countryinfo as ci_mod  # type: ignore[import-not-found,unused-ignore]

# pycountry's ISO short names are sometimes formal; news uses the common form.
_NAME_OVERRIDES = {"RUS": "Russia", "TUR": "Turkey", "BRN": "Brunei", "CZE": "Czech Republic"}


def _canonical(c: Any, ci_names: list[str]) -> str:
    if c.alpha_3 in _NAME_OVERRIDES:
        return _NAME_OVERRIDES[c.alpha_3]
    common = getattr(c, "common_name", None)
    if common:
        return str(common)
    if ("," in c.name or "(" in c.name) and ci_names:
        return ci_names[0]
    return str(c.name)


def _provinces(raw: Any) -> list[str]:
    # countryinfo stores some lists as their Python repr
    if isinstance(raw, str):
        try:
            raw = ast.literal_eval(raw)
        except (ValueError, SyntaxError):
            return []
    return [p for p in raw or [] if isinstance(p, str) and p]


def build() -> dict[str, dict[str, Any]]:
    info = ci_mod.load_countries()["countries"]
    by3: dict[str, list[dict[str, Any]]] = {}
    for v in info.values():
        iso = (v.get("ISO") or {}).get("alpha3")
        if iso:
            by3.setdefault(iso, []).append(v)
    out: dict[str, dict[str, Any]] = {}
    for c in pycountry.countries:
        recs = by3.get(c.alpha_3, [])
        ci_names = [r["name"] for r in recs if r.get("name")]
        aliases = {c.name, getattr(c, "official_name", c.name), getattr(c, "common_name", c.name), *ci_names}
        demonyms: set[str] = set()
        provinces: set[str] = set()
        lat = lon = None
        for r in recs:
            for alt in r.get("altSpellings") or []:
                # two/three-letter codes ("MX", "MEX") collide with acronyms in running text
                if len(alt) > 3 and not alt.isupper():
                    aliases.add(alt)
            for key in ("nativeName",):
                if r.get(key):
                    aliases.add(r[key])
            es = (r.get("translations") or {}).get("es")
            if es:
                aliases.add(es)
            provinces.update(_provinces(r.get("provinces")))
            if r.get("demonym"):
                demonyms.add(r["demonym"])
            if lat is None and r.get("latlng") and len(r["latlng"]) == 2:
                lat, lon = float(r["latlng"][0]), float(r["latlng"][1])
        name = _canonical(c, ci_names)
        aliases.discard(name)
        out[c.alpha_3] = {
            "name": name,
            "aliases": sorted(a for a in aliases if a),
            "demonyms": sorted(demonyms),
            "provinces": sorted(p for p in provinces if p != name and p not in aliases),
            "lat": lat,
            "lon": lon,
        }
    return out


if __name__ == "__main__":
    json.dump(build(), sys.stdout, ensure_ascii=False, indent=0, sort_keys=True)
    sys.stdout.write("\n")
