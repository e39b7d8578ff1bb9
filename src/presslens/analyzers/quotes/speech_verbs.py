"""Word lists for the quotes analyzer (data only).

Lemmas as en_core_web_sm writes them. SPEECH_VERBS introduce what someone said or wrote;
they cue a quotation next to them even without a content clause. BELIEF_VERBS report a
stance or belief and count only when they govern a content clause ("officials believe
that ..."), which is how newswire attributes a position to a source.
"""

SPEECH_VERBS = frozenset(
    """
    say tell add warn insist claim argue note explain state declare announce write tweet
    post ask suggest report acknowledge admit deny respond reply continue conclude recall
    predict promise vow pledge contend maintain assert stress emphasize emphasise complain
    charge allege confirm reveal testify concede boast joke quip observe remark mention
    caution indicate propose counter retort proclaim scream shout yell tout brag whisper
    muse lament comment blog threaten disclose reiterate repeat reassure assure inform
    advise urge demand challenge question wonder hint imply speculate opine exclaim scoff
    grumble sigh snap cry plead affirm agree answer concur elaborate estimate forecast
    interject mutter object protest recount reckon tease theorize vouch
    """.split()
)

# Verbs that introduce speech only with their particle: "pointed out that ...", ""...," he went on".
PHRASAL_SPEECH_VERBS = frozenset({("point", "out"), ("go", "on")})

BELIEF_VERBS = frozenset(
    """
    believe think feel fear hope worry expect doubt suspect know consider assume wish
    find show indicate conclude predict estimate learn understand realize recognize
    acknowledge decide determine insist
    """.split()
)

# Verbs that take a position on a claim named by an IDEA_NOUNS object ("rejected the idea
# that ..."); they cue an attribution only in that construction.
STANCE_VERBS = frozenset(
    "reject dismiss dispute refute rebut float raise push embrace endorse oppose ridicule mock".split()
)

# Verbs whose infinitive complement is what was asked or promised ("urged voters to ...").
XCOMP_SPEECH_VERBS = frozenset(
    "urge tell ask promise vow pledge threaten warn call demand encourage advise order".split()
)

# Verbs that name a thing with a quoted phrase: 'called the plan "a disgrace"', 'what he
# described as "a witch hunt"'. The phrase is the subject's words, however short.
NAMING_VERBS = frozenset("call describe dub label brand term characterize characterise deem".split())

# Speech acts whose object is what was said, when no clause follows: "announced his
# resignation", "criticized the ruling", "cited low growth". The object is the content.
OBJECT_SPEECH_VERBS = frozenset(
    """
    announce criticize criticise mention cite discuss praise endorse express condemn denounce
    blast slam propose recommend applaud welcome hail decry lambast note repeat tweet mock
    dismiss reject ridicule
    """.split()
)

# Speech verbs whose content follows a preposition: "called for an inquiry", "warned of
# delays", "called on Congress to act", "accused the mayor of lying" (an object before the
# preposition is part of the content).
# Not "talked about", "spoke of", "commented on": they name a topic, not what was said
# ("Trump speaks about the coronavirus in the briefing room" is a photo caption).
PREPOSITION_SPEECH_VERBS = frozenset({
    ("call", "for"), ("call", "on"), ("warn", "of"), ("warn", "about"), ("complain", "about"),
    ("accuse", "of"), ("blame", "for"), ("criticize", "for"), ("criticise", "for"), ("praise", "for"),
    ("thank", "for"),
})

# The lead of a "Lead: text" line that labels the line rather than naming who said it:
# "Editor's note: ...", "UPDATE: ...", "Photo: ...", "Related: ...".
HEADLINE_LABELS = frozenset(
    """
    note update correction clarification disclosure related photo photos video watch read listen
    source sources credit caption advertisement subscribe newsletter editor summary abstract
    """.split()
)

# "rejected the idea that ...": the noun carries the content clause, the verb the stance.
IDEA_NOUNS = frozenset(
    """
    idea notion claim suggestion assertion allegation allegations argument charge
    accusation view belief contention report reports rumor rumors speculation theory
    """.split()
)

# Things that carry someone's words: "another post saying", "a short statement suggesting",
# "new reporting from the Times concludes". Their author, not the thing, is the speaker.
MESSAGE_NOUNS = frozenset(
    """
    post posts tweet tweets statement statements message letter email e-mail note video
    reporting release memo column op-ed editorial transcript transcripts document documents
    filing resolution
    """.split()
)

# Nouns for something said: 'her "basket of deplorables" remark' quotes its possessor.
UTTERANCE_NOUNS = frozenset(
    """
    remark comment reference line phrase quip joke claim description characterization
    promise pledge vow warning threat slogan tweet post message statement words call
    question answer reply retort boast insult jab
    """.split()
)

# Subject pronouns kept as the speaker as written; entity resolution says who they are.
PRONOUNS = frozenset("he she they i we it you".split())

# Common nouns that name people or bodies who speak; a subject headed by one of these
# (or by a name or a personal pronoun) can be a speaker even without a speech verb.
SPEAKER_NOUNS = frozenset(
    """
    official officials spokesman spokeswoman spokesperson aide aides adviser advisers
    advisor advisors minister president senator governor mayor candidate candidates
    leader leaders lawmaker lawmakers director chairman chairwoman chief secretary
    analyst analysts expert experts economist economists source sources voter voters
    supporter supporters critic critics campaign agency ministry department office
    government police prosecutor prosecutors judge lawyer attorney people resident
    residents protester protesters activist activists professor researcher researchers
    report statement survey poll study group party committee commission
    """.split()
)
