"""Readers: every format to Articles, and every kind of bad input to a clear InputError."""

from __future__ import annotations

import gzip
import io
import itertools
import json
import tempfile
import warnings
from datetime import date
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from presslens.errors import DroppedFieldWarning, InputError
from presslens.readers import count_articles, iter_articles, read_articles, read_path, read_stream
from presslens.readers.dates import parse_date
from presslens.readers.text import repair_mojibake
from support.paths import EXAMPLES

BODY = 'The council met on Monday.\n\n"We will decide soon," the chair said.'


def read_all(*sources):
    errors: list[InputError] = []
    articles = list(iter_articles([str(s) for s in sources], on_error=errors.append))
    return articles, errors


def one_error(*sources) -> InputError:
    articles, errors = read_all(*sources)
    assert articles == []
    assert len(errors) == 1, errors
    return errors[0]


# --- text formats -----------------------------------------------------------------------

def test_agency_header_becomes_metadata_not_text():
    (article,) = read_path(EXAMPLES / "agency_report.txt")
    assert article.outlet == "NORTHWIND NEWS AGENCY"
    assert article.published == date(2019, 11, 3)
    assert article.text.startswith("Leader of the National Council")
    assert "NORTHWIND" not in article.text


def test_agency_header_with_crlf_and_no_blank_line(tmp_path):
    path = tmp_path / "wire.txt"
    path.write_bytes(b"date 2020-01-31 By Harbour Wire\r\nThe port closed.\r\n\r\nIt reopened.\r\n")
    (article,) = read_path(path)
    assert (article.outlet, article.published) == ("Harbour Wire", date(2020, 1, 31))
    assert article.text == "The port closed.\n\nIt reopened."


def test_agency_header_without_body_is_an_error(tmp_path):
    path = tmp_path / "wire.txt"
    path.write_text("  date 2020-01-31 By Harbour Wire\n\n   \n")
    error = one_error(path)
    assert "no article body" in str(error) and str(path) in str(error)


def test_ptc_file_keeps_whole_text_and_ptc_id(tmp_path):
    content = "Title of the piece\n\nFirst paragraph.\n\nSecond paragraph.\n"
    path = tmp_path / "article123456789.txt"
    path.write_text(content, encoding="utf-8")
    (article,) = read_path(path)
    assert article.id == "123456789"
    assert article.title == "Title of the piece"
    assert article.text == content
    assert article.text[20:36] == "First paragraph."  # offsets count into the whole file


def test_ptc_example_folder_order_and_ids():
    ids = [a.id for a in iter_articles([EXAMPLES]) if a.id.isdigit()]
    assert ids == ["999000001"]


def test_plain_text_title_only_when_it_looks_like_a_headline(tmp_path):
    headed = tmp_path / "headed.txt"
    headed.write_text("Ferry service to end after 70 years\n\n" + BODY)
    prose = tmp_path / "prose.txt"
    prose.write_text("The ferry service will end.\n\n" + BODY)
    single = tmp_path / "single.txt"
    single.write_text(BODY.replace("\n\n", " "))
    (a,), (b,), (c,) = read_path(headed), read_path(prose), read_path(single)
    assert a.title == "Ferry service to end after 70 years"
    assert a.text.startswith("Ferry service")  # the body is kept whole
    assert b.title is None and c.title is None


def test_ids_are_stable_and_depend_on_outlet_date_text(tmp_path):
    first = tmp_path / "a.txt"
    first.write_text("date 2020-01-31 By Harbour Wire\n\n" + BODY)
    second = tmp_path / "b.txt"
    second.write_text("date 2020-02-01 By Harbour Wire\n\n" + BODY)
    (a,), (again,), (b,) = read_path(first), read_path(first), read_path(second)
    assert a.id == again.id != b.id


# --- records: JSON, JSONL, gzip, CSV -----------------------------------------------------

def test_json_object_list_and_wrapper(tmp_path):
    record = {"headline": "Ferry ends", "body": BODY, "publisher": {"name": "Valley Courier"},
              "publish_date": "2021-04-06T08:30:00+01:00", "link": "https://courier.example/f"}
    (tmp_path / "one.json").write_text(json.dumps(record))
    (tmp_path / "list.json").write_text(json.dumps([record, dict(record, body="Other text here.")]))
    (tmp_path / "wrapped.json").write_text(json.dumps({"articles": [record]}))
    for name, count in (("one.json", 1), ("list.json", 2), ("wrapped.json", 1)):
        articles = list(read_path(tmp_path / name))
        assert len(articles) == count
        a = articles[0]
        assert (a.title, a.outlet, a.published, a.url) == (
            "Ferry ends", "Valley Courier", date(2021, 4, 6), "https://courier.example/f")
        assert a.text == BODY


def test_jsonl_bad_line_is_reported_with_its_number_and_the_rest_read():
    lines = [
        json.dumps({"text": "First article text.", "outlet": "A"}),
        '{"text": "broken',
        "",
        json.dumps({"title": "no text field"}),
        json.dumps({"text": "Fourth article text.", "date": "someday"}),
        json.dumps({"text": "Last article text.", "outlet": "B"}),
    ]
    errors: list[InputError] = []
    stream = io.BufferedReader(io.BytesIO("\n".join(lines).encode()))
    with pytest.warns(DroppedFieldWarning) as dropped:
        articles = list(read_stream(stream, "feed.jsonl", "feed.jsonl", errors.append))
    assert [a.text[:6] for a in articles] == ["First ", "Fourth", "Last a"]
    assert articles[1].published is None  # an unreadable date is dropped, the article kept
    assert [(e.line, e.source) for e in errors] == [(2, "feed.jsonl"), (4, "feed.jsonl")]
    assert "invalid JSON" in errors[0].problem
    assert "no article text" in errors[1].problem
    assert [str(w.message) for w in dropped] == [
        "feed.jsonl:5: field 'date': unrecognised date 'someday' (use ISO 8601, e.g. 2019-11-03); kept without a date"]


def test_a_record_with_an_ambiguous_date_is_kept_undated_with_a_warning(tmp_path):
    path = write_jsonl_lines(tmp_path / "corpus.jsonl", [
        {"text": "First article text.", "published": "2019-11-03"},
        {"text": "Second article text.", "published": "3/8/17", "outlet": "Wire"},
    ])
    with pytest.warns(DroppedFieldWarning) as dropped:
        articles = list(read_path(path))  # no on_error: nothing is raised either
    assert [(a.text, a.outlet, a.published) for a in articles] == [
        ("First article text.", None, date(2019, 11, 3)), ("Second article text.", "Wire", None)]
    (warning,) = dropped
    assert (warning.message.source, warning.message.line, warning.message.field) == (str(path), 2, "published")
    assert str(warning.message) == (
        f"{path}:2: field 'published': ambiguous date '3/8/17': day/month order unknown "
        "(use ISO 8601, e.g. 2019-11-03); kept without a date")


@pytest.mark.parametrize(("date_order", "expected"), [
    ("mdy", date(2017, 3, 8)), ("dmy", date(2017, 8, 3)), (None, None)])
def test_date_order_reads_an_ambiguous_slash_date(tmp_path, date_order, expected):
    path = write_jsonl_lines(tmp_path / "corpus.jsonl", [
        {"text": "Ambiguous.", "published": "3/8/17"},
        {"text": "Unambiguous.", "published": "13/2/2019"},
    ])
    with warnings.catch_warnings(record=True) as dropped:
        warnings.simplefilter("always", DroppedFieldWarning)
        articles = list(read_articles(path, date_order=date_order))
    assert [a.published for a in articles] == [expected, date(2019, 2, 13)]
    assert [str(w.message).split(": ", 2)[1:2] for w in dropped] == ([] if date_order else [["field 'published'"]])


def test_a_record_date_order_field_overrides_the_option_and_a_bad_one_is_ignored(tmp_path):
    path = write_jsonl_lines(tmp_path / "corpus.jsonl", [
        {"text": "Own order.", "published": "3/8/17", "Date_Order": " DMY "},
        {"text": "Option's order.", "published": "3/8/17"},
        {"text": "Bad order.", "published": "3/8/17", "date_order": "ymd"},
    ])
    with pytest.warns(DroppedFieldWarning) as dropped:
        articles = list(iter_articles([path], date_order="mdy"))
    assert [a.published for a in articles] == [date(2017, 8, 3), date(2017, 3, 8), date(2017, 3, 8)]
    (warning,) = dropped
    assert (warning.message.line, warning.message.field) == (3, "date_order")
    assert str(warning.message) == f"{path}:3: field 'date_order': 'ymd' is not mdy or dmy; kept without its date_order"


def test_a_csv_date_order_column_is_read_per_row(tmp_path):
    path = tmp_path / "corpus.csv"
    path.write_text("text,published,date_order\nFirst.,3/8/17,dmy\nSecond.,3/8/17,mdy\n", encoding="utf-8")
    assert [a.published for a in read_path(path)] == [date(2017, 8, 3), date(2017, 3, 8)]


@pytest.mark.parametrize(("value", "order", "expected"), [
    ("3/8/17", "mdy", date(2017, 3, 8)), ("3/8/17", "dmy", date(2017, 8, 3)),
    ("13/2/2019", "mdy", date(2019, 2, 13)), ("2/13/2019", "dmy", date(2019, 2, 13)),
    ("5/5/2020", "dmy", date(2020, 5, 5)), ("2019-11-03", "dmy", date(2019, 11, 3))])
def test_parse_date_with_an_order(value, order, expected):
    assert parse_date(value, order) == expected


def test_odd_metadata_values_never_lose_the_record(tmp_path):
    path = write_jsonl_lines(tmp_path / "odd.jsonl", [
        {"text": "One.", "outlet": ["Wire", "Herald"], "title": 42, "url": {"href": "x"}, "date": 10**30},
        {"text": "Two.", "source": {"name": {"name": "Wire"}}, "title": [], "headline": "Bridge", "date": "2019/13/45"},
        '{"text": "Three.", "id": ' + "9" * 5000 + ', "language": ["de"], "date": ["2019-11-03"]}',
    ])
    with pytest.warns(DroppedFieldWarning) as dropped:
        articles, errors = read_all(path)
    assert errors == []
    assert [(a.outlet, a.title, a.url, a.published, a.language) for a in articles] == [
        ("Wire, Herald", "42", None, None, "en"),
        ("Wire", "Bridge", None, None, "en"),
        (None, None, None, date(2019, 11, 3), "de"),
    ]
    assert [str(w.message) for w in dropped] == [
        f"{path}:1: field 'date': impossible timestamp {10**30}; kept without a date",
        f"{path}:1: field 'url': no text in {{'href': 'x'}}; kept without its url",
        f"{path}:2: field 'date': impossible date '2019/13/45'; kept without a date",
    ]


def test_csv_row_and_feed_entry_with_unreadable_dates_are_kept(tmp_path):
    csv_path = tmp_path / "export.csv"
    csv_path.write_text("title,date,text\nFerry,1/4/19,The ferry ends.\n", encoding="utf-8")
    feed_path = tmp_path / "wire.rss"
    feed_path.write_text(
        "<rss version='2.0'><channel><title>Wire</title><item><title>Port</title>"
        "<pubDate>someday</pubDate><description>The port closed.</description></item></channel></rss>")
    with pytest.warns(DroppedFieldWarning) as dropped:
        articles, errors = read_all(csv_path, feed_path)
    assert errors == []
    assert [(a.title, a.published) for a in articles] == [("Ferry", None), ("Port", None)]
    assert [str(w.message) for w in dropped if w.category is DroppedFieldWarning] == [
        f"{csv_path}:2: field 'date': ambiguous date '1/4/19': day/month order unknown "
        "(use ISO 8601, e.g. 2019-11-03); kept without a date",
        f"{feed_path}: entry 1: published: unrecognised date 'someday' (use ISO 8601, e.g. 2019-11-03); "
        "kept without a date",
    ]


def write_jsonl_lines(path: Path, records: list) -> Path:
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records), encoding="utf-8")
    return path


def test_jsonl_without_on_error_raises_the_first_bad_record(tmp_path):
    path = tmp_path / "x.jsonl"
    path.write_text('{"text": "Good one."}\n[1, 2]\n')
    with pytest.raises(InputError, match=r"x\.jsonl:2: expected a JSON object"):
        list(read_path(path))


def test_jsonl_gz_is_decompressed(tmp_path):
    path = tmp_path / "corpus.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as out:
        for n in range(3):
            out.write(json.dumps({"text": f"Article number {n}.", "published": "12/30/17"}) + "\n")
    articles, errors = read_all(path)
    assert errors == []
    assert [a.text for a in articles] == [f"Article number {n}." for n in range(3)]
    assert articles[0].published == date(2017, 12, 30)


def test_jsonl_gz_holding_plain_text_is_refused_with_the_reason(tmp_path):
    path = tmp_path / "corpus.jsonl.gz"
    path.write_bytes(gzip.compress(b"Just a sentence of plain text, not JSON.\n"))
    articles, errors = read_all(path)
    assert articles == []
    assert [str(e) for e in errors] == [f"{path}:1: invalid JSON at column 1: Expecting value"]


def test_csv_with_multiline_quoted_text_and_a_short_row(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text(
        'Title,Source,Date,Content\n'
        'Ferry ends,Valley Courier,2021-04-06,"Line one.\n\nLine ""two""."\n'
        'Broken,Valley Courier,2021-04-06,text,extra cell\n'
        'Bridge,Coastline Herald,"May 10, 2021",Repairs are delayed.\n',
        encoding="utf-8",
    )
    articles, errors = read_all(path)
    assert [a.title for a in articles] == ["Ferry ends", "Bridge"]
    assert articles[0].text == 'Line one.\n\nLine "two".'
    assert articles[1].published == date(2021, 5, 10)
    assert len(errors) == 1 and errors[0].line == 5 and "5 cells" in errors[0].problem


def test_csv_without_text_column_is_refused(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text("title,outlet\nA,B\n")
    assert "no text column" in one_error(path).problem


def test_example_records_read_naturally():
    articles, errors = read_all(EXAMPLES / "articles.jsonl", EXAMPLES / "articles.csv")
    assert errors == []
    assert [(a.outlet, a.published.isoformat()) for a in articles] == [
        ("Coastline Herald", "2021-04-05"), ("Valley Courier", "2021-04-06"),
        ("Valley Courier", "2021-05-10"), ("Coastline Herald", "2021-05-11"),
    ]


# --- HTML pages and feeds -----------------------------------------------------------------

def test_saved_html_page_gives_main_text_and_metadata():
    (article,) = read_path(EXAMPLES / "harbour_page.html")
    assert article.title == "Harbour reopens after storm"
    assert article.outlet == "Coastline Herald"
    assert article.published == date(2021, 4, 5)
    assert article.url == "https://herald.example/harbour"
    assert article.text.startswith("The harbour at Port Elm reopened")
    assert "Subscribe" not in article.text and "Sport" not in article.text


def test_html_page_without_an_article_is_an_error(tmp_path):
    path = tmp_path / "shop.html"
    path.write_text("<html><head><title>Shop</title></head><body><ul><li><a href=/a>Cart</a></li>"
                    "<li><a href=/b>Checkout</a></li></ul><p>Sign in</p></body></html>")
    assert "no article text found" in one_error(path).problem


def test_rss_feed_gives_one_article_per_entry_with_html_stripped():
    articles = list(read_path(EXAMPLES / "valley_feed.rss"))
    assert [a.title for a in articles] == ["Schools plan longer term", "Bridge repairs delayed"]
    first = articles[0]
    assert first.outlet == "Valley Courier"
    assert first.published == date(2021, 4, 6)
    assert first.url == "https://courier.example/schools"
    assert "<b>" not in first.text and "rushed through without" in first.text
    assert "\n\n" in first.text  # the two <p> stay two paragraphs


def test_atom_feed_sniffed_from_content(tmp_path):
    path = tmp_path / "feed"
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        "<title>Harbour Wire</title><entry><title>Port closes</title><link href='https://w.example/p'/>"
        "<updated>2022-03-01T10:00:00Z</updated><content type='html'>&lt;p&gt;The port closed.&lt;/p&gt;"
        "</content></entry></feed>")
    (article,) = read_path(path)
    assert (article.outlet, article.title, article.text) == ("Harbour Wire", "Port closes", "The port closed.")
    assert article.published == date(2022, 3, 1)


# --- bad input ------------------------------------------------------------------------------

def test_missing_file(tmp_path):
    error = one_error(tmp_path / "nope.txt")
    assert str(error) == f"{tmp_path / 'nope.txt'}: no such file or folder"


def test_empty_and_blank_files(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text("  \n\n ")
    assert one_error(tmp_path / "empty.txt").problem == "empty file"
    assert "only whitespace" in one_error(tmp_path / "blank.txt").problem


def test_invalid_utf8_names_the_byte_offset(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("Caf\u00e9 owners protest.".encode("latin-1"))
    error = one_error(path)
    assert "invalid UTF-8 at byte 3" in error.problem


def test_invalid_utf8_in_jsonl_names_the_line(tmp_path):
    path = tmp_path / "x.jsonl"
    path.write_bytes(b'{"text": "fine"}\n{"text": "caf\xe9"}\n')
    articles, errors = read_all(path)
    assert len(articles) == 1 and errors[0].line == 2 and "invalid UTF-8 at byte 13" in errors[0].problem


def test_file_over_the_size_limit_is_refused_before_reading(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as out:
        out.write(b"A headline\n\nText.")
        out.truncate(50_000_000)  # sparse: 50 MB on paper, nothing to read
    error = one_error(path)
    assert "50.0 MB, over the 10.0 MB limit" in error.problem


def test_record_over_the_size_limit(tmp_path, monkeypatch):
    monkeypatch.setenv("PRESSLENS_MAX_ARTICLE_BYTES", "1000")
    path = tmp_path / "x.jsonl"
    path.write_text(json.dumps({"text": "word " * 300}) + "\n" + json.dumps({"text": "short"}) + "\n")
    articles, errors = read_all(path)
    assert [a.text for a in articles] == ["short"]
    assert errors[0].line == 1 and "over the" in errors[0].problem


def test_folder_of_binaries_is_an_error_and_hidden_files_are_skipped(tmp_path):
    binaries = tmp_path / "pictures"
    binaries.mkdir()
    (binaries / "a.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00")
    (binaries / "b.pdf").write_bytes(b"%PDF-1.7\n\x00\x01\x02")
    (binaries / ".notes.txt").write_text("A hidden file.")
    error = one_error(binaries)
    assert error.source == str(binaries) and "no text files" in error.problem and "2 skipped" in error.problem


def test_folder_is_read_recursively_in_sorted_order_skipping_binaries(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("Second article.")
    (tmp_path / "a.txt").write_text("First article.")
    (tmp_path / "c.txt").write_text("Third article.")
    (tmp_path / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD").write_text("ref: refs/heads/main")
    articles, errors = read_all(tmp_path)
    assert [a.text for a in articles] == ["First article.", "Second article.", "Third article."]
    assert errors == []


def test_one_bad_file_does_not_stop_the_others(tmp_path):
    (tmp_path / "good.txt").write_text("A good article.")
    (tmp_path / "bad.json").write_text("{not json")
    articles, errors = read_all(tmp_path / "bad.json", tmp_path / "good.txt")
    assert [a.text for a in articles] == ["A good article."]
    assert errors[0].source.endswith("bad.json") and "invalid JSON" in errors[0].problem and errors[0].line == 1


def test_stdin(monkeypatch):
    fake = io.TextIOWrapper(io.BytesIO(b"date 2019-11-03 By Harbour Wire\n\nThe port reopened."))
    monkeypatch.setattr("sys.stdin", fake)
    (article,) = iter_articles(["-"])
    assert (article.outlet, article.text) == ("Harbour Wire", "The port reopened.")


# --- dates --------------------------------------------------------------------------------------

@pytest.mark.parametrize("value, expected", [
    ("2019-11-03", date(2019, 11, 3)),
    ("2019-11-03T23:30:00-05:00", date(2019, 11, 3)),
    ("Sun, 03 Nov 2019 10:00:00 GMT", date(2019, 11, 3)),
    ("November 3rd, 2019", date(2019, 11, 3)),
    ("3 Nov 2019", date(2019, 11, 3)),
    ("12/30/17", date(2017, 12, 30)),
    ("30/12/2017", date(2017, 12, 30)),
    ("", None),
])
def test_dates(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize("value", ["1/4/19", "2019-02-30", "November 2019", "soon"])
def test_unreadable_dates_are_refused(value):
    with pytest.raises(ValueError):
        parse_date(value)


# --- the real corpus ------------------------------------------------------------------------------

@pytest.mark.shared
def test_allsides_corpus_reads_naturally(shared_data):
    errors: list[InputError] = []
    articles = list(itertools.islice(iter_articles([shared_data / "corpus" / "allsides.jsonl.gz"], errors.append), 200))
    assert len(articles) == 200
    assert all(a.outlet and a.title and a.url and a.text for a in articles)
    assert sum(a.published is not None for a in articles) > 150  # some records carry no date
    assert len({a.id for a in articles}) == 200


@pytest.mark.shared
def test_ptc_training_folder_keeps_ids_and_offsets(shared_data):
    folder = shared_data / "ptc" / "train-articles"
    articles = list(itertools.islice(iter_articles([folder]), 5))
    first = sorted(folder.glob("article*.txt"))[0]
    assert articles[0].id == first.name[len("article"):-len(".txt")]
    assert articles[0].text == first.read_text(encoding="utf-8")


def test_file_with_no_records_is_an_error(tmp_path):
    (tmp_path / "blank.jsonl").write_text("\n\n  \n")
    (tmp_path / "header_only.csv").write_text("title,text\n")
    (tmp_path / "empty_list.json").write_text('{"articles": []}')
    for name in ("blank.jsonl", "header_only.csv", "empty_list.json"):
        assert one_error(tmp_path / name).problem == "no articles in this file"


def test_utf16_file_says_how_to_fix_it(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("The port reopened.", encoding="utf-16")
    assert "save it as UTF-8" in one_error(path).problem
    assert "save it as UTF-8" in one_error(tmp_path).problem  # kept when reading the folder too


def test_corrupt_gzip(tmp_path):
    path = tmp_path / "broken.jsonl.gz"
    path.write_bytes(gzip.compress(b'{"text": "A whole article."}\n' * 50)[:40])
    articles, errors = read_all(path)
    assert articles == [] and "cannot read" in errors[0].problem


def test_uploaded_bytes_without_peek():
    stream = io.BytesIO(b"date 2020-01-31 By Harbour Wire\n\nThe port closed.")
    (article,) = read_stream(stream, "upload.txt", "upload.txt")
    assert article.outlet == "Harbour Wire"


def test_text_that_starts_with_a_bracket_stays_text(tmp_path):
    path = tmp_path / "update.txt"
    path.write_text("[UPDATE] The port reopened on Monday.\n\nCrews returned.")
    (article,) = read_path(path)
    assert article.text.startswith("[UPDATE]")
    sniffed = tmp_path / "records"
    sniffed.write_text('[{"text": "A JSON list without a suffix."}]')
    assert [a.text for a in read_path(sniffed)] == ["A JSON list without a suffix."]


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\ufeff"), min_size=1))
def test_plain_text_is_kept_whole(content):
    assume(content.strip() and not content.lstrip().lower().startswith(("date", "{", "[", "<")))
    assume(repair_mojibake(content) == content)  # mojibake is put right: the test below
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "note.txt"
        path.write_bytes(content.encode("utf-8"))
        (article,) = read_path(path)
    assert article.text == content.replace("\r\n", "\n").replace("\r", "\n")
    if article.title:
        assert article.title in article.text and "\n" not in article.title


def test_mojibake_in_a_record_or_a_text_file_is_put_right_and_good_text_left_alone(tmp_path):
    record = {"title": "Mayor says council Ã¢â‚¬Ëœdoubling downÃ¢â‚¬â„¢ on fares",
              "text": "The cafÃ© owner said itâ€™s unfair.", "outlet": "Harbour Post"}
    jsonl = tmp_path / "export.jsonl"
    jsonl.write_text(json.dumps(record) + "\n", encoding="utf-8")
    (article,) = read_path(jsonl)
    assert article.title == "Mayor says council ‘doubling down’ on fares"
    assert article.text == "The café owner said it’s unfair."
    note = tmp_path / "note.txt"
    note.write_text("Ferry fares\n\nThe cafÃ© owner said itâ€™s unfair.\n", encoding="utf-8")
    assert next(read_path(note)).text == "Ferry fares\n\nThe café owner said it’s unfair.\n"
    kept = "A “test” of naïve café owners — Ｉｒａｎ, &amp; 5 ½ hours."
    assert repair_mojibake(kept) == kept


def test_count_articles_knows_folders_of_one_article_files(tmp_path):
    (tmp_path / "a.txt").write_text("Officials said the bridge would open in May.", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("The council met on Tuesday.", encoding="utf-8")
    (tmp_path / "c.html").write_text("<html><body><p>A page.</p></body></html>", encoding="utf-8")
    assert count_articles([tmp_path]) == 3
    (tmp_path / "d.jsonl").write_text('{"text": "one"}\n{"text": "two"}\n', encoding="utf-8")
    assert count_articles([tmp_path]) is None
    assert count_articles(["-"]) is None
