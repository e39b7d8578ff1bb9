"""Country aliases: every surface form news uses for a country, mapped to one name.

Data only, used by the entities analyzer (component.py, titles.py, index.py). Each country
is treated by the same rules: its short form, long form, abbreviations and common informal
name are one entity. Matching is case-sensitive on whole tokens. Adjectives ("American") are not aliases: spaCy tags
them NORP and they stay their own entity.
"""

from __future__ import annotations

# canonical name -> other surface forms (the canonical name matches too)
COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {
    "United States": ("US", "U.S.", "U.S", "USA", "U.S.A.", "United States of America", "America"),
    "United Kingdom": (
        "UK", "U.K.", "Britain", "Great Britain", "United Kingdom of Great Britain and Northern Ireland",
    ),
    "Russia": ("Russian Federation",),
    "China": ("People's Republic of China", "PRC", "Mainland China"),
    "Taiwan": ("Republic of China",),
    "Iran": ("Islamic Republic of Iran", "Persia"),
    "North Korea": ("DPRK", "Democratic People's Republic of Korea"),
    "South Korea": ("Republic of Korea", "ROK"),
    "Germany": ("Federal Republic of Germany",),
    "France": ("French Republic",),
    "Japan": (),
    "India": ("Republic of India",),
    "Pakistan": ("Islamic Republic of Pakistan",),
    "Afghanistan": (),
    "Israel": ("State of Israel",),
    "Palestine": ("State of Palestine", "Palestinian territories"),
    "Saudi Arabia": ("Kingdom of Saudi Arabia", "KSA"),
    "United Arab Emirates": ("UAE", "U.A.E.", "Emirates"),
    "Qatar": (),
    "Syria": ("Syrian Arab Republic",),
    "Iraq": ("Republic of Iraq",),
    "Lebanon": (),
    "Jordan": ("Hashemite Kingdom of Jordan",),
    "Yemen": (),
    "Egypt": ("Arab Republic of Egypt",),
    "Libya": (),
    "Turkey": ("Türkiye", "Turkiye", "Republic of Turkey"),
    "Ukraine": (),
    "Belarus": ("Byelorussia",),
    "Poland": (),
    "Italy": (),
    "Spain": (),
    "Greece": ("Hellenic Republic",),
    "Netherlands": ("Holland", "Kingdom of the Netherlands"),
    "Belgium": (),
    "Switzerland": ("Swiss Confederation",),
    "Sweden": (),
    "Norway": (),
    "Finland": (),
    "Denmark": (),
    "Hungary": (),
    "Czech Republic": ("Czechia",),
    "Georgia": (),
    "Armenia": (),
    "Azerbaijan": (),
    "Kazakhstan": (),
    "Canada": (),
    "Mexico": ("United Mexican States",),
    "Cuba": (),
    "Venezuela": (),
    "Colombia": (),
    "Brazil": (),
    "Argentina": (),
    "Chile": (),
    "Australia": ("Commonwealth of Australia",),
    "New Zealand": ("NZ",),
    "Indonesia": (),
    "Philippines": (),
    "Vietnam": ("Viet Nam",),
    "Myanmar": ("Burma",),
    "Thailand": (),
    "Malaysia": (),
    "Singapore": (),
    "Bangladesh": (),
    "Sri Lanka": (),
    "Nigeria": (),
    "South Africa": ("Republic of South Africa", "RSA"),
    "Ethiopia": (),
    "Kenya": (),
    "Sudan": (),
    "South Sudan": (),
    "Somalia": (),
    "Democratic Republic of the Congo": ("DRC", "DR Congo", "Congo-Kinshasa"),
    "Ireland": ("Republic of Ireland", "Eire"),
    "Vatican City": ("Holy See", "Vatican"),
}

# Aliases that are also given names, surnames, ordinary words or other places
# ("Jordan", "Turkey", "Georgia" the US state, "America" the continent): they count
# only where spaCy itself tags the span GPE, never from plain string matching.
NEEDS_GPE_TAG: frozenset[str] = frozenset(
    {"Jordan", "Georgia", "Turkey", "Holland", "America", "Emirates", "Persia", "Chile", "Eire", "ROK", "RSA", "NZ"}
)

# every form -> its country's name
ALIAS_TO_COUNTRY: dict[str, str] = {
    alias: country for country, aliases in COUNTRY_ALIASES.items() for alias in (country, *aliases)
}
