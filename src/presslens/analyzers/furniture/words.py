"""Word lists for the furniture analyzer (data only): the words pages print around an article's
prose, the same on every outlet's pages. Compared case-folded, edge punctuation stripped."""

# A line that is only one of these is a marker the page put between paragraphs.
MARKER_LINES = frozenset({
    "advertisement", "advertisement continue reading the main story", "continue reading the main story",
    "continue reading", "continue reading below", "story continued below", "story continues below",
    "article continues below", "article continues after advertisement", "skip advertisement", "sponsored",
    "sponsored content", "supported by", "photo", "photos", "video", "videos", "image", "images", "graphic",
    "slideshow", "gallery", "enlarge this image", "listen to this article", "exclusive", "breaking",
    "breaking news", "watch", "listen", "trending", "advertising", "ad", "close", "share this article",
    "share this story", "comments",
})

# A line that is only one of these heads a list of links to other stories: the short lines after it
# are links too.
LINK_LIST_HEADINGS = frozenset({
    "further reading", "related", "related articles", "related stories", "related coverage",
    "related content", "related links", "more on this story", "more on this", "read more", "recommended",
    "recommended reading", "see also", "most read", "most popular", "top stories", "what to read next",
    "you might also like", "you may also like", "more stories", "more from", "latest news",
})

# How a line that links to another story begins (a regular expression, case-insensitive).
LINK_LEADS = (
    r"more\s*:", r"read more\s*:", r"read\s*:", r"related\s*:", r"related coverage\s*:", r"see also\s*:",
    r"also read\s*:", r"read also\s*:", r"also on [^:]{1,40}:", r"\(\s*also on\b", r"watch\s*:", r"listen\s*:",
    r"video\s*:", r"photos\s*:", r"click here\b", r"tap here\b", r"read the full\b", r"visit\b.{0,60}\bfor more\b",
    r"graphic\s*[-–:]", r"factbox\s*[-–:]", r"explainer\s*[-–:]", r"recommended\s*:", r"don['’]t miss\s*:",
    r"more from [^:]{1,40}:", r"subscribe\b", r"sign up\b",
)

# Words of a sign-up or app box; a line with two of them (or a short line with one) is one.
SIGN_UP_WORDS = (
    "sign up", "signing up", "subscribe", "newsletter", "inbox", "privacy policy", "terms of service",
    "unsubscribe", "you agree", "download the", "our app", "notifications", "recaptcha", "email sign",
)

# How a photo caption or credit begins (case-sensitive: these are the page's own labels).
CAPTION_LEADS = (
    "Image copyright", "Image caption", "Image source", "Media caption", "Media playback", "Enlarge this image",
    "toggle caption", "Hide caption", "Hide Caption",
    "Photo:", "Photograph:", "Photos:", "Caption:", "Photo by", "Photo credit", "Credit:",
    "Pictured:", "(Photo", "Image:", "Getty Images", "FILE PHOTO", "FILE -", "FILE –", "FILE —",
    "In this photo", "In this file photo", "This photo", "In this image", "Photo illustration",
)

# Share buttons beyond trafilatura's list (utils.RE_FILTER): a line made only of these is a row of them.
SHARE_WORDS = frozenset({
    "share", "shares", "facebook", "twitter", "email", "e-mail", "print", "linkedin", "whatsapp", "reddit",
    "pinterest", "tweet", "copy", "link", "comment", "comments", "flipboard", "messenger", "sms", "save",
})

# How an editor's note begins; an "Update:" line is one only where it speaks of the article
# (UPDATE_SELF): "UPDATE: According to CNN, ..." carries news, the article's own prose.
UPDATE_LEADS = (r"editor['’]s note\s*[:—–-]", r"correction\s*[:—–-]", r"clarification\s*[:—–-]",
                r"this (?:story|article|post|report|piece) (?:has been|was) updated\b")
UPDATE_SELF_LEADS = (r"update\s*[:—–-]", r"updated\s*[:—–-]")
UPDATE_SELF = r"\b(?:updated|this (?:story|article|post|report|piece)|previously (?:stated|said|reported))\b"

# How a copyright or republication line begins or what it says.
COPYRIGHT_SIGNS = (r"^copyright\b", r"^©", r"^\(c\)\s*\d{4}", r"all rights reserved", r"reprint permission",
                   r"\bfirst appeared (?:on|in)\b", r"\boriginally (?:appeared|published) (?:on|in)\b",
                   r"\brepublished (?:here )?with permission\b", r"^this (?:story|article) was (?:originally )?"
                   r"(?:published|produced)\b")

# How a contributor line begins or ends.
CONTRIBUTOR_SIGNS = (r"contributed(?: reporting)?(?: to this (?:report|story|article))?\.?$",
                     r"^\(?(?:additional )?reporting by\b", r"^\(?writing by\b", r"^\(?editing by\b",
                     r"^compiled by\b", r"^follow\b.{0,60}@\w+")

# How a video player's or slideshow's text begins.
VIDEO_SIGNS = (r"^just watched\b", r"\breplay more videos\b", r"^must watch\b", r"^media playback\b",
               r"^(?:slideshow|gallery|photos|video)\s*\(\d+\s+(?:images|photos|pictures|videos)\)$",
               r"^watch the (?:video|full)\b")
