"""Turning a request into Articles: a JSON body, a form with pasted text, or an
uploaded file in any reader format. Shared by the API and the /analyze page."""

from __future__ import annotations

import io
import json
import re
from itertools import islice

from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.requests import Request

from presslens.article import Article
from presslens.errors import InputError
from presslens.server.schemas import ArticleIn

_UNSAFE_NAME = re.compile(r"[^\w.\- ]+")

# The request bodies as OpenAPI documents them: routes read them by hand (JSON or a form),
# so FastAPI cannot derive them from a parameter.
FORM_SCHEMA = {
    "type": "object",
    "properties": {
        "file": {"type": "string", "format": "binary", "description": "A file in any reader format."},
        "text": {"type": "string", "minLength": 1, "pattern": "\\S"}, "title": {"type": "string"},
        "outlet": {"type": "string"}, "published": {"type": "string", "format": "date"}, "url": {"type": "string"},
        "address": {"type": "string", "format": "uri",
                    "description": "The http(s) address of a page or feed to fetch and read, instead of text."},
    },
    "anyOf": [{"required": ["file"]}, {"required": ["text"]}, {"required": ["address"]}],
}
ONE_ARTICLE = {"$ref": "#/components/schemas/ArticleIn"}


def article_body(json_schema: dict) -> dict:
    """The OpenAPI request body of a route that takes articles: `json_schema` as JSON, or the form."""
    return {"required": True, "content": {
        "application/json": {"schema": json_schema}, "multipart/form-data": {"schema": FORM_SCHEMA},
    }}


def article_of(model: ArticleIn) -> Article:
    return Article(
        text=model.text, title=model.title, outlet=model.outlet, published=model.published,
        url=model.url, language=model.language or "en",
    )


def upload_name(upload: UploadFile) -> str:
    """The uploaded file's base name, stripped of anything path-like, for format sniffing
    and messages."""
    name = (upload.filename or "upload").replace("\\", "/").rsplit("/", 1)[-1]
    return _UNSAFE_NAME.sub("_", name)[:120] or "upload"


def articles_in_upload(name: str, data: bytes, limit: int) -> list[Article]:
    """At most `limit` Articles read from the bytes of one uploaded file."""
    # deferred: the readers load trafilatura and feedparser, about 0.35 s
    from presslens.readers import read_stream

    return list(islice(read_stream(io.BytesIO(data), name, name), limit))


def fetched_articles(url: str, limit: int) -> list[Article]:
    """At most `limit` articles read from a page or feed address, as `presslens analyze URL` reads it."""
    # deferred: the readers load trafilatura and feedparser, about 0.35 s
    from presslens.config import get_settings
    from presslens.readers.web import read_url

    public_only = not get_settings().fetch_private_addresses
    return list(islice(read_url(url, on_error=_raise, public_only=public_only), limit))


def _raise(error: InputError) -> None:
    raise error


def pasted_article(text: str) -> Article:
    """Pasted text read as `presslens analyze` reads a text file: an agency header on line 1
    (`date YYYY-MM-DD By OUTLET`) gives the date and outlet and is not analysed, a headline
    on line 1 gives the title."""
    # deferred: the readers load trafilatura and feedparser, about 0.35 s
    from presslens.readers.text import read_text

    return read_text(text, "form text", "pasted.txt")


async def articles_from_request(request: Request, limit: int) -> list[Article]:
    """The articles a request carries (JSON object or list, or a multipart/urlencoded form
    with `file`, `text` or the `address` of a page or feed). Raises InputError naming the request part at fault."""
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type in ("multipart/form-data", "application/x-www-form-urlencoded"):
        return await _articles_from_form(request, limit)
    if content_type not in ("application/json", ""):
        raise InputError("request", f"unsupported content type {content_type!r}: send JSON or a form")
    body = await request.body()
    # parsing and validating up to PRESSLENS_MAX_REQUEST_BYTES of JSON: off the event loop
    return await run_in_threadpool(articles_in_json, body, limit)


def articles_in_json(body: bytes, limit: int) -> list[Article]:
    """The articles of a JSON request body (one object or a list of at most `limit`)."""
    if not body.strip():
        raise InputError("request body", "empty: send {\"text\": ...}")
    try:
        data = json.loads(body)
    except json.JSONDecodeError as exc:
        # deferred: the readers load trafilatura and feedparser, about 0.35 s
        from presslens.readers.jsonfile import json_problem

        where = f"line {exc.lineno}, column {exc.colno}"
        raise InputError("request body", f"not valid JSON at {where}: {json_problem(exc)}") from None
    except (ValueError, UnicodeDecodeError) as exc:
        raise InputError("request body", f"not valid JSON ({exc})") from None
    except RecursionError:
        raise InputError("request body", "JSON nested too deeply") from None
    records = data if isinstance(data, list) else [data]
    if not records:
        raise InputError("request body", "an empty list: send at least one article")
    if len(records) > limit:
        raise InputError("request body", f"{len(records)} articles: at most {limit} per request")
    articles = []
    for number, record in enumerate(records):
        where = f"request body[{number}]" if isinstance(data, list) else "request body"
        try:
            model = ArticleIn.model_validate(record)
        except ValidationError as exc:
            error = exc.errors()[0]
            field = ".".join(str(p) for p in error["loc"]) or "article"
            raise InputError(where, f"{field}: {error['msg']}") from None
        # refused here, as the pipeline and ingest would refuse it, before it waits for the worker
        if not model.text.strip():
            raise InputError(where, "text: only whitespace; send the article's words")
        articles.append(article_of(model))
    return articles


async def _articles_from_form(request: Request, limit: int) -> list[Article]:
    form = await request.form()
    upload = form.get("file")
    if isinstance(upload, UploadFile) and (upload.filename or upload.size):
        name = upload_name(upload)
        data = await upload.read()
        if not data:
            raise InputError(name, "empty file")
        # readers parse HTML and feeds for seconds on a large file: off the event loop
        articles = await run_in_threadpool(articles_in_upload, name, data, limit + 1)
        if not articles:
            raise InputError(name, "holds no article")
        if len(articles) > limit:
            raise InputError(name, f"holds more than {limit} article(s)")
        return articles
    fields = {key: form.get(key) for key in ("text", "title", "outlet", "published", "url", "address")}
    values = {k: v.strip() for k, v in fields.items() if isinstance(v, str) and v.strip()}
    address = values.pop("address", None)
    if "text" not in values and address:
        # a fetch waits on the network for up to PRESSLENS_FETCH_TIMEOUT_S: off the event loop
        return await run_in_threadpool(fetched_articles, address, limit)
    if "text" not in values:
        raise InputError("form", "paste some text, give a page's address or choose a file")
    pasted = pasted_article(str(fields["text"]))
    # The form's own fields win over what the text's header and headline say.
    found = {"title": pasted.title, "outlet": pasted.outlet, "published": pasted.published}
    values = {**{k: v for k, v in found.items() if v is not None}, **values, "text": pasted.text}
    try:
        return [article_of(ArticleIn.model_validate(values))]
    except ValidationError as exc:
        error = exc.errors()[0]
        raise InputError("form", f"{'.'.join(str(p) for p in error['loc'])}: {error['msg']}") from None
