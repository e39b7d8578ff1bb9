"""Field names that exported records use for each Article field (data only).

Matched case-insensitively, first hit wins. Covers the AllSides corpus, news-please,
newspaper3k and common CMS and scraper exports.
"""

TEXT = ("text", "content", "body", "maintext", "article", "full_text", "fulltext", "article_text", "story")
TITLE = ("title", "headline", "heading")
OUTLET = ("outlet", "source", "publisher", "source_name", "site_name", "sitename", "source_domain", "newspaper")
PUBLISHED = (
    "published", "date", "publish_date", "published_at", "date_publish", "publication_date",
    "pubdate", "datetime", "published_date", "date_published",
)
URL = ("url", "link", "permalink", "canonical_url")
LANGUAGE = ("language", "lang")

# Inside a nested object (e.g. {"source": {"name": "Reuters"}}), these hold the value.
NESTED_NAME = ("name", "title", "value")
