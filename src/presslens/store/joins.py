"""The joins most corpus questions start from: articles with their outlet, the latest
analysis of each article, and a layer's rows of it."""

from __future__ import annotations

from sqlalchemy import and_

from presslens.store.schema import analyses, articles, outlets


def article_columns():
    """Article columns joined with the outlet name, as `Article` wants them."""
    return (
        articles.c.seq, articles.c.id, articles.c.text, outlets.c.name.label("outlet"), articles.c.published,
        articles.c.url, articles.c.title, articles.c.language, articles.c.words,
    )


def articles_with_outlet():
    return articles.outerjoin(outlets, outlets.c.id == articles.c.outlet_id)


def latest_of_article():
    """Condition joining analyses to the article row, newest analysis only."""
    return and_(analyses.c.article_id == articles.c.id, analyses.c.latest.is_(True))


def latest_analysed():
    """Articles joined to their latest analysis: read from the analyses, so a corpus with few
    analysed articles costs few rows."""
    return analyses.join(articles, analyses.c.article_id == articles.c.id), analyses.c.latest.is_(True)


def layer_base(table):
    """A layer table's rows of each article's latest analysis, with the article and its outlet."""
    return (articles_with_outlet().join(analyses, latest_of_article())
            .join(table, table.c.analysis_id == analyses.c.id))
