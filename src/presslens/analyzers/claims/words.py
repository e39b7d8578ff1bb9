"""Word lists for the claims analyzer (data only). Lemmas and tags as en_core_web_sm writes them."""

# Characters trimmed from both ends of a claim: spaces, quotation marks, and the comma or
# dash that separated it from its attribution ("..., the minister said").
EDGE_CHARS = " \t\n\"'“”‘’«»„‚,;:—–-"

# A claim's main verb with one of these auxiliaries speaks of the future.
FUTURE_AUXILIARIES = frozenset({"will", "shall", "'ll", "’ll", "wo"})

# Dependency labels of a verb's arguments: a date modifying one ("the 1953 coup") dates the verb.
ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "dative", "oprd", "csubj", "agent"})
# A date reaches a verb through one of these ("in 2014", "by 2030"): it modifies the verb itself.
LINK_DEPS = frozenset({"prep", "agent"})

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "expl", "csubj", "csubjpass"})
# Content a speech verb carries; a speech verb with none of these is an attribution alone ("he added").
CONTENT_DEPS = frozenset({"ccomp", "xcomp", "dobj", "parataxis"})

PAST_TAGS = frozenset({"VBD", "VBN"})

# Entity labels of a quantity a claim can rest on; dates and ordinals are not quantities.
QUANTITY_LABELS = frozenset({"PERCENT", "MONEY", "QUANTITY"})
# A CARDINAL counts as a quantity when written in digits or with one of these ("two million
# people"); "the two countries" does not.
MAGNITUDE_WORDS = frozenset({"hundred", "hundreds", "thousand", "thousands", "million", "millions", "billion",
                             "billions", "trillion", "trillions", "dozen", "dozens", "percent", "%"})
