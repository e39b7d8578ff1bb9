"""Word lists for the time references analyzer (data only, no logic).

Month and weekday names are matched capitalised only, so "protesters march" and "you
may" never read as months. Relative words are matched in any case ("Last week, ...").
"""

MONTHS = {
    "January": 1, "February": 2, "March": 3, "April": 4, "May": 5, "June": 6,
    "July": 7, "August": 8, "September": 9, "October": 10, "November": 11, "December": 12,
    "Jan.": 1, "Feb.": 2, "Mar.": 3, "Apr.": 4, "Jun.": 6, "Jul.": 7, "Aug.": 8,
    "Sep.": 9, "Sept.": 9, "Sept": 9, "Oct.": 10, "Nov.": 11, "Dec.": 12,
}

# Monday is 1, as in ISO 8601 week dates ("XXXX-WXX-1").
WEEKDAYS = {
    "Monday": 1, "Tuesday": 2, "Wednesday": 3, "Thursday": 4,
    "Friday": 5, "Saturday": 6, "Sunday": 7,
}

NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "a hundred": 100, "one hundred": 100,
    "a dozen": 12, "a couple of": 2, "a couple": 2, "another": 1,
}

ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4,
    "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "last": -1, "final": -1,
}

# Time unit -> (ISO 8601 designator, how many of that designator one unit is).
# Decades and centuries become years: "four decades" is P40Y (P4DE is not ISO 8601).
UNITS = {
    "second": ("TS", 1), "minute": ("TM", 1), "hour": ("TH", 1),
    "day": ("D", 1), "week": ("W", 1), "month": ("M", 1),
    "year": ("Y", 1), "decade": ("Y", 10), "century": ("Y", 100),
}
UNIT_PLURALS = {"centuries": "century"}

# Words of recurrence -> ISO 8601 duration of one period.
SET_ADVERBS = {
    "annual": "P1Y", "annually": "P1Y", "yearly": "P1Y", "monthly": "P1M", "weekly": "P1W",
    "daily": "P1D", "nightly": "P1D", "hourly": "PT1H", "quarterly": "P3M",
}

FREQUENCY_WORDS = ("once", "twice", "thrice")

# Qualifiers kept inside a duration's span: they change what the number claims.
APPROXIMATORS = (
    "more than", "less than", "fewer than", "nearly", "almost", "about", "around",
    "roughly", "some", "at least", "over", "up to", "just over", "just under", "under",
)

# Words after which a four-digit number reads as a year ("in 1953", "since 2015").
YEAR_LEADS = (
    "in", "since", "by", "from", "until", "till", "through", "before", "after",
    "during", "around", "circa", "of", "throughout", "between", "year", "fiscal",
    "early", "late", "mid", "as of", "spring", "summer", "autumn", "fall", "winter",
)
# These lead to a year only right after another year ("in 2014 and 2015").
YEAR_JOINERS = ("and", "or", "to", "through", "-", "–")

# Words that may stand before a capitalised month or weekday; any other capitalised
# word there makes it part of a name ("Theresa May", "Super Tuesday", "Bloody Sunday").
NAME_SAFE_BEFORE = (
    "on", "in", "since", "by", "until", "till", "last", "next", "this", "every", "each",
    "early", "late", "mid", "of", "from", "through", "before", "after", "during", "the",
    "between", "and", "or", "to", "past", "coming", "previous", "that", "as", "for",
    "at", "but", "then", "when", "while", "said", "says", "a",
)

# Words that make a following weekday the name of a particular day, not a weekday
# counted from publication ("Super Tuesday", "Good Friday").
WEEKDAY_NAMERS = (
    "super", "good", "black", "bloody", "easter", "ash", "cyber", "holy", "maundy",
    "palm", "shrove", "giving", "fat",
)

# Named spaCy entity types that make a month or weekday part of a name.
NAME_ENTITY_TYPES = ("ORG", "PERSON", "WORK_OF_ART", "PRODUCT", "FAC", "LAW", "GPE", "NORP")

PARTS_OF_DAY = ("morning", "afternoon", "evening", "night", "overnight")

# Season -> (TimeML season code, first month).
SEASONS = {
    "spring": ("SP", 3), "summer": ("SU", 6), "autumn": ("FA", 9), "fall": ("FA", 9),
    "winter": ("WI", 12),
}

# Verbs that put a following infinitive in the future ("is expected to address").
FUTURE_VERBS = ("expect", "schedule", "plan", "set", "due", "intend", "aim", "prepare")
FUTURE_AUXILIARIES = ("will", "'ll", "shall", "wo", "going")
# A month named without a year also looks ahead under "would": reported speech about what is to
# come ("fares would rise from January"). Not a weekday or a day: "said he would attend on
# Tuesday" may be a Tuesday already past when the report appears; months are further off.
MONTH_AHEAD_AUXILIARIES = (*FUTURE_AUXILIARIES, "would", "'d", "’d")
