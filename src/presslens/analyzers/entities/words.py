"""Words the entities analyzer needs: honorifics, titles, name particles, gendered words.

Data only, used by `entities.py` and `entity_titles.py`. All entries are lower case and
without a trailing full stop; callers normalise a token the same way before looking it up.
"""

from __future__ import annotations

# Stripped from names for matching; never used on their own to refer back to a person.
HONORIFICS: frozenset[str] = frozenset({
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "lady", "lord",
    "madam", "madame", "monsieur", "herr", "frau", "rev", "reverend", "fr", "father", "sister",
    "brother", "ayatollah", "grand", "sheikh", "sheik", "shaykh", "imam", "mullah", "rabbi",
    "hon", "honourable", "honorable",
})

# Stripped from names for matching, and a later "the <title>" can refer back to the person
# the title introduced ("Foreign Minister Irina Dross ... the minister said").
TITLES: frozenset[str] = frozenset({
    "president", "vice-president", "premier", "chancellor", "minister", "secretary",
    "secretary-general", "leader", "chairman", "chairwoman", "chair", "chairperson",
    "spokesman", "spokeswoman", "spokesperson", "senator", "sen", "congressman",
    "congresswoman", "representative", "rep", "governor", "gov", "mayor", "king", "queen",
    "prince", "princess", "emir", "sultan", "shah", "pope", "cardinal", "bishop",
    "archbishop", "patriarch", "general", "gen", "marshal", "admiral", "adm", "colonel",
    "col", "major", "maj", "captain", "capt", "lieutenant", "lt", "commander", "sergeant",
    "sgt", "judge", "justice", "ambassador", "envoy", "director", "commissioner", "ceo",
    "speaker", "attorney", "prosecutor", "sheriff", "chief", "coach", "detective",
    "inspector", "commissar",
})

# Words that qualify a title ("Foreign Minister", "Supreme Leader"); a later title phrase
# that names a different qualifier ("the defence minister") is another person.
TITLE_QUALIFIERS: frozenset[str] = frozenset({
    "foreign", "defence", "defense", "interior", "finance", "economy", "economic", "trade",
    "health", "education", "justice", "energy", "oil", "agriculture", "environment",
    "culture", "transport", "labour", "labor", "home", "treasury", "state", "prime",
    "deputy", "vice", "supreme", "first", "chief", "acting", "executive", "managing",
    "general", "top", "senior", "former", "interim", "grand", "crown", "press", "national",
    "security", "intelligence", "military", "army", "navy", "police", "district", "federal",
})

# Qualifiers that make another office: "Vice President Biden" is not "the president",
# "Attorney General Lynch" is not "the general". A title phrase must repeat them.
OFFICE_QUALIFIERS: frozenset[str] = frozenset({
    "vice", "deputy", "prime", "assistant", "under", "lieutenant", "attorney", "surgeon",
    "inspector", "secretary", "press", "crown", "first",
})

# Qualifiers that describe the time in office, not the office: "the former president"
# still matches "President X".
TIME_QUALIFIERS: frozenset[str] = frozenset({"former", "acting", "interim", "then", "late", "current", "new"})

# Lower-case particles inside surnames ("Ursula von der Leyen", "Mohammed bin Salman").
NAME_PARTICLES: frozenset[str] = frozenset({
    "von", "van", "der", "den", "de", "del", "della", "di", "da", "dos", "das", "du", "la",
    "le", "bin", "ibn", "bint", "al", "el", "ben", "abu", "st", "mac",
})

# Generational suffixes, not surnames ("Martin Luther King Jr.").
NAME_SUFFIXES: frozenset[str] = frozenset({"jr", "sr", "ii", "iii", "iv", "junior", "senior"})

# Words that end organisation names, so "UN General Assembly" is not General "Assembly".
ORGANISATION_WORDS: frozenset[str] = frozenset({
    "assembly", "council", "committee", "commission", "office", "department", "ministry",
    "party", "motors", "electric", "mills", "dynamics", "union", "bank", "court", "agency",
    "group", "company", "corporation", "corp", "inc", "ltd", "llc", "hospital",
    "university", "school", "college", "house", "senate", "staff", "services", "service",
    "foundation", "institute", "association", "army", "navy", "force", "forces", "police",
    "guard", "corps", "command", "board", "authority", "administration", "government",
    "cabinet", "secretariat", "headquarters", "bureau", "fund", "network", "news", "times",
    "post", "journal", "press", "media", "television", "radio", "club", "league", "team",
    "caucus", "coalition", "alliance", "movement", "campaign", "institution", "society",
})

# Words that end names of places and buildings ("Herald Square", "Trump Tower").
PLACE_WORDS: frozenset[str] = frozenset({
    "square", "street", "avenue", "road", "boulevard", "lane", "park", "plaza", "center",
    "centre", "hall", "tower", "towers", "station", "airport", "bridge", "building",
    "church", "cathedral", "mosque", "synagogue", "temple", "museum", "stadium", "arena",
    "river", "lake", "mountain", "mountains", "island", "islands", "valley", "bay", "sea",
    "ocean", "city", "county", "state", "province", "region", "village", "beach", "palace",
    "castle", "prison", "camp", "base", "port", "harbor", "harbour", "hotel", "mall",
})

MALE_WORDS: frozenset[str] = frozenset({
    "mr", "sir", "lord", "king", "prince", "emir", "sultan", "shah", "congressman",
    "chairman", "spokesman", "monsieur", "herr", "father", "brother", "ayatollah", "sheikh",
    "sheik", "imam", "mullah", "pope", "cardinal", "patriarch",
})
FEMALE_WORDS: frozenset[str] = frozenset({
    "mrs", "ms", "miss", "madam", "madame", "dame", "lady", "queen", "princess",
    "congresswoman", "chairwoman", "spokeswoman", "frau", "sister",
})

# Common given names whose gender is clear enough to separate "he" from "she".
MALE_NAMES: frozenset[str] = frozenset({
    "john", "james", "robert", "michael", "william", "bill", "david", "richard", "joseph",
    "thomas", "charles", "christopher", "daniel", "matthew", "anthony", "mark", "donald",
    "steven", "paul", "andrew", "joshua", "kenneth", "kevin", "brian", "george", "edward",
    "ronald", "timothy", "jason", "jeffrey", "ryan", "jacob", "gary", "nicholas", "eric",
    "jonathan", "stephen", "larry", "justin", "scott", "brandon", "benjamin", "samuel",
    "frank", "gregory", "raymond", "alexander", "patrick", "jack", "dennis", "jerry",
    "tyler", "aaron", "jose", "henry", "adam", "douglas", "nathan", "peter", "zachary",
    "kyle", "walter", "harold", "jeremy", "ethan", "carl", "keith", "roger", "gerald",
    "christian", "terry", "sean", "arthur", "austin", "noah", "lawrence", "jesse", "joe",
    "bryan", "billy", "jordan", "albert", "dylan", "bruce", "willie", "gabriel", "alan",
    "juan", "wayne", "roy", "ralph", "randy", "eugene", "vincent", "russell", "louis",
    "bobby", "philip", "johnny", "barack", "bernie", "ted", "mitch", "mike", "chuck",
    "marco", "rand", "jeb", "newt", "dick", "al", "jim", "tom", "tim", "ben", "bob", "rick",
    "vladimir", "sergei", "sergey", "dmitry", "alexei", "yevgeny", "boris", "viktor",
    "volodymyr", "petro", "xi", "emmanuel", "francois", "jacques", "nicolas", "angelo",
    "matteo", "giuseppe", "silvio", "pedro", "luis", "carlos", "recep", "ali", "mohammad",
    "mohammed", "muhammad", "ahmed", "ahmad", "hassan", "hussein", "ruhollah", "javad",
    "bashar", "binyamin", "yair", "naftali", "ehud", "shimon", "abdullah",
    "salman", "narendra", "rahul", "imran", "nawaz", "shinzo", "fumio",
    "malcolm", "keir", "rishi", "tony", "gordon",
    "nigel", "olaf", "gerhard", "helmut", "teodor", "hamid", "ashraf", "omar",
    "kamal", "jair", "lula", "andres", "hugo", "fidel", "raul", "elon", "jeff",
    "warren", "rudy", "rudolph", "hunter", "beto", "pete", "lindsey",
    "howard", "harry", "fred", "martin", "stanley", "leonard", "norman", "bernard", "herbert",
    "lloyd", "glenn", "dale", "wesley", "marcus", "leon", "victor", "curtis", "travis",
    "neil", "ian", "luke", "cory", "chris", "jon", "nick", "matt", "dan", "steve", "greg",
    "jake", "josh", "sam", "andy", "ron", "ray", "reince", "sheldon",
    "julian", "noam", "karl", "hans", "jean-claude", "pierre",
    "mahmoud", "abdel", "khalid", "osama", "yasser", "moshe", "avi", "dmitri",
    "ivan", "igor", "mikhail", "nikolai", "andrei", "oleg", "yuri", "luigi",
    "antonio", "francisco", "miguel", "manuel", "javier", "diego", "enrique", "felipe",
    "gonzalo", "rodrigo", "sebastian", "jorge", "ricardo", "fernando", "antonin", "clarence",
    "brett", "merrick", "elijah", "jamal", "tyrone", "dwayne",
})
FEMALE_NAMES: frozenset[str] = frozenset({
    "mary", "patricia", "jennifer", "linda", "elizabeth", "barbara", "susan", "jessica",
    "sarah", "karen", "nancy", "lisa", "betty", "margaret", "sandra", "ashley", "kimberly",
    "emily", "donna", "michelle", "dorothy", "carol", "amanda", "melissa", "deborah",
    "stephanie", "rebecca", "sharon", "laura", "cynthia", "kathleen", "amy", "shirley",
    "angela", "helen", "anna", "brenda", "pamela", "nicole", "emma", "samantha",
    "katherine", "christine", "debra", "rachel", "catherine", "carolyn", "janet", "ruth",
    "maria", "heather", "diane", "virginia", "julie", "joyce", "victoria", "olivia",
    "kelly", "christina", "lauren", "joan", "evelyn", "judith", "megan", "cheryl",
    "andrea", "hannah", "martha", "jacqueline", "frances", "gloria", "ann", "teresa",
    "kathryn", "sara", "janice", "jean", "alice", "madison", "doris", "abigail", "julia",
    "judy", "grace", "denise", "amber", "marilyn", "beverly", "danielle", "theresa",
    "sophia", "marie", "diana", "brittany", "natalie", "isabella", "charlotte", "rose",
    "alexis", "kayla", "hillary", "hilary", "condoleezza", "madeleine", "nikki", "kamala", "kirsten", "tulsi",
    "ilhan", "alexandria", "liz", "ursula", "marine", "giorgia", "jacinda", "irina", "olga", "natalia", "svetlana",
    "tatiana", "yulia", "ekaterina", "marina", "elena", "anastasia", "benazir", "indira", "sonia", "golda", "tzipi",
    "aung", "ivanka", "melania", "dianne", "kellyanne",
    "sheryl", "oprah", "greta", "valentina", "federica",
    "kaja", "annalena", "sanna", "mette", "rania", "fatima", "aisha",
    "chelsea", "ivana", "monica", "paula", "carly", "betsey", "marla", "huma", "debbie",
    "hope", "jill", "tipper", "michele", "elaine",
    "sylvia", "carla", "tina", "wendy", "gina", "lori", "tammy", "holly", "erin", "dana",
    "stacey", "claire", "lucy", "eleanor", "ella", "chloe", "zoe", "leah", "lily", "nina",
    "vera", "eva", "ingrid", "anne", "annie", "kate", "katie", "jane", "joanne",
    "louise", "yvonne", "carmen", "lucia", "sofia", "isabel", "ana",
    "beatriz", "gabriela", "daniela", "paola", "monique", "nathalie", "sabine", "heidi",
    "agnes", "margot", "susanne", "petra", "alina", "ludmila", "galina", "yelena",
    "melanie", "rakeyia", "layla", "leila", "noor", "zainab", "maryam", "samira", "amina", "shira",
})

# Places that are also surnames: a span spaCy tags as a place is not read as the person
# "George Washington" just because their surnames match.
PLACE_NAMES_LIKE_SURNAMES: frozenset[str] = frozenset({
    "washington", "lincoln", "jackson", "houston", "austin", "madison", "charlotte",
    "jordan", "georgia", "victoria", "florence", "paris", "kent", "chester", "cleveland",
    "orlando", "sydney", "denver", "dallas", "phoenix", "raleigh", "tyler", "marshall",
    "york", "hamilton", "wellington", "kingston", "lancaster", "richmond", "columbia",
})

# Pronouns resolved to a person, by the gender they carry (None: either).
PERSON_PRONOUNS: dict[str, str | None] = {
    "he": "m", "him": "m", "his": "m", "himself": "m",
    "she": "f", "her": "f", "hers": "f", "herself": "f",
}
