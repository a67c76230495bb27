import json

import pytest

from storyline import EmptyInputError, InputError, read_cluster, read_clusters
from storyline.brief.ingest import markdown_to_text, to_articles

HTML = """<!doctype html><html><head><title>Dam bursts in valley</title></head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Dam bursts in valley</h1>
<p>A dam burst early on Tuesday in the northern valley, flooding three villages and forcing
thousands of residents to flee their homes, officials said.</p>
<p>Rescue teams reached the area by boat in the afternoon and evacuated about 2,000 people,
according to the regional governor, who called it the worst flood in decades.</p>
<p>Engineers had warned for years that the structure needed repairs, local newspapers reported.</p>
</article><footer>Copyright 2024 Example News. All rights reserved.</footer></body></html>"""


def test_folder_in_natural_order_skipping_readme_and_hidden(tmp_path):
    for name in ["article-10.txt", "article-2.txt", "README.md", ".hidden.txt", "notes.csv"]:
        (tmp_path / name).write_text(f"Text of {name} is here.")
    articles = read_cluster(tmp_path)
    assert [a.file for a in articles] == ["article-2.txt", "article-10.txt"]
    assert [a.id for a in articles] == ["1", "2"]


def test_example_cluster_reads_five_articles(example_dir):
    assert [a.file for a in read_cluster(example_dir)] == [f"article-{i}.txt" for i in range(1, 6)]


def test_html_goes_through_main_content_extraction(tmp_path):
    (tmp_path / "page.html").write_text(HTML)
    [a] = read_cluster(tmp_path / "page.html")
    assert "dam burst early on Tuesday" in a.text
    assert "Home" not in a.text and "All rights reserved" not in a.text
    assert a.title == "Dam bursts in valley"


def test_markdown_loses_its_markup():
    text = markdown_to_text("# Title\n\nThe **mayor** said [in a post](http://x.y) that *all* is well.")
    assert text == "Title\n\nThe mayor said in a post that all is well."


@pytest.mark.parametrize("make, expected", [
    (lambda p: None, "does not exist"),
    (lambda p: p.mkdir(), "holds no article files"),
])
def test_missing_or_empty_folder(tmp_path, make, expected):
    path = tmp_path / "cluster"
    make(path)
    with pytest.raises(InputError, match=expected):
        read_cluster(path)


def test_only_whitespace_articles(tmp_path):
    (tmp_path / "a.txt").write_text("   \n\n  ")
    (tmp_path / "b.txt").write_text("")
    with pytest.raises(EmptyInputError, match="no article has any text"):
        read_cluster(tmp_path)


def test_binary_file_is_named(tmp_path):
    (tmp_path / "a.txt").write_text("A real article sentence is here.")
    (tmp_path / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(InputError, match="photo.txt looks like a binary file"):
        read_cluster(tmp_path)


def test_non_utf8_file_is_named(tmp_path):
    (tmp_path / "latin.txt").write_bytes("Caf\xe9 owners said prices rose.".encode("latin-1"))
    with pytest.raises(InputError, match=r"latin.txt is not UTF-8 text \(byte 0xe9"):
        read_cluster(tmp_path)


def test_unsupported_single_file(tmp_path):
    (tmp_path / "data.csv").write_text("a,b")
    with pytest.raises(InputError, match="unsupported file type .csv"):
        read_cluster(tmp_path / "data.csv")


def test_to_articles_numbers_texts_and_skips_empty_ones():
    articles = to_articles(["First text here.", "  ", "Third text here."])
    assert [a.id for a in articles] == ["1", "3"]


def test_to_articles_refuses_a_bare_string():
    with pytest.raises(InputError, match="list of article texts"):
        to_articles("just one string")


def test_jsonl_lines_of_every_kind(tmp_path):
    path = tmp_path / "clusters.jsonl"
    lines = [
        json.dumps({"id": "a", "documents": ["One article text.", "Two article text."],
                    "summaries": ["ignored"], "extra": 1}),
        "this is { not json",
        json.dumps({"id": "mn", "document": "First story. ||||| Second story."}),
        "Plain Multi-News first. ||||| Plain Multi-News second.",
        "",
        json.dumps({"id": 7, "documents": [{"text": "Object article.", "published": "2019-02-10",
                                            "title": "T"}]}),
        json.dumps({"id": "x", "documents": "no separator"}),
        json.dumps(["a", "list"]),
        json.dumps({"id": "empty", "documents": ["", " "]}),
    ]
    path.write_text("\n".join(lines) + "\n")
    got = list(read_clusters(path))
    assert [c.id for c in got] == ["a", "2", "mn", "4", "5", "7", "x", "8", "empty"]
    assert [len(c.articles) for c in got] == [2, 0, 2, 2, 0, 1, 1, 0, 0]
    assert "line 2 is not valid JSON" in got[1].error
    assert "line 5 is empty" in got[4].error
    assert got[5].articles[0].published == "2019-02-10" and got[5].articles[0].title == "T"
    assert "not a JSON object" in got[7].error
    assert "no article has any text" in got[8].error


@pytest.mark.parametrize("line, message", [
    ({"id": {"a": 1}, "documents": ["Text."]}, '"id" must be a string or a whole number'),
    ({"documents": [{"text": "Text.", "published": 2019}]}, '"published" must be a date such as'),
    ({"documents": [{"text": "Text.", "title": ["x"]}]}, '"title" must be a string'),
    ({"documents": [{"title": "no text"}]}, 'document 1 has no "text" string'),
    ({"documents": [{"text": "A.", "id": "x"}, {"text": "B.", "id": "x"}]}, "two articles have"),
    ({"documents": [1, 2]}, "document 1 is int, not text"),
    ({"id": "a", "text": "An article."}, "it looks like one article, as `storyline stories add`"),
])
def test_jsonl_document_objects_are_checked(tmp_path, line, message):
    path = tmp_path / "c.jsonl"
    path.write_text(json.dumps(line) + "\n")
    [got] = read_clusters(path)
    assert message in got.error and got.error.startswith("line 1")


def test_utf16_is_named_as_such(tmp_path):
    (tmp_path / "a.txt").write_bytes("A sentence here.".encode("utf-16"))
    with pytest.raises(InputError, match="a.txt is UTF-16 text"):
        read_cluster(tmp_path)


def test_empty_html_page_is_skipped_like_an_empty_text(tmp_path):
    (tmp_path / "a.html").write_text("<html><head><title>x</title></head><body></body></html>")
    (tmp_path / "b.txt").write_text("A dam burst early on Tuesday in the valley, officials said.")
    assert [a.file for a in read_cluster(tmp_path)] == ["b.txt"]


def test_markdown_list_markers_go():
    assert markdown_to_text("* Rescue teams came.\n- Boats came.\n1. Aid came.") == (
        "Rescue teams came.\nBoats came.\nAid came.")


def test_lone_carriage_returns_become_newlines():
    [a] = to_articles(["Title line\rA dam burst on Tuesday."])
    assert a.text == "Title line\nA dam burst on Tuesday."


def test_error_lines_keep_the_cluster_id(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_text(json.dumps({"documents": [{"id": "d1", "text": 5}]}) + "\n"
                    + json.dumps({"id": "a,b", "documents": 5}) + "\n"
                    + '{"id": "x", broken\n')
    got = list(read_clusters(path))
    assert [c.id for c in got] == ["1", "a,b", "x"]
    assert all(c.error for c in got)


def test_a_date_as_rss_writes_it_dates_a_clusters_articles(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_text(json.dumps({"id": 1, "documents": [
        {"text": "Text.", "published": "Sun, 10 Feb 2019 09:30:00 GMT"}]}))
    [got] = read_clusters(path)
    assert got.articles[0].published == "2019-02-10"


def test_impossible_dates_are_refused(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_text(json.dumps({"id": 1, "published": "2019-13-45", "documents": ["Text."]}))
    [got] = read_clusters(path)
    assert '"published" must be a date such as' in got.error


def test_blank_lines_at_the_end_are_not_clusters(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_text(json.dumps({"id": 1, "documents": ["Text."]}) + "\n\n\n")
    assert [c.id for c in read_clusters(path)] == ["1"]


def test_a_gzipped_batch_is_read_and_a_broken_one_refused(tmp_path):
    import gzip
    lines = [json.dumps({"id": i, "documents": [f"Text {i}."]}) + "\n" for i in range(1, 4)]
    path = tmp_path / "c.jsonl.gz"
    path.write_bytes(gzip.compress("".join(lines).encode()))
    assert [c.id for c in read_clusters(path)] == ["1", "2", "3"]
    broken = tmp_path / "b.jsonl.gz"
    broken.write_bytes(path.read_bytes()[:-12])  # cut off: its end marker is gone
    with pytest.raises(InputError, match="is not a whole gzip file"):
        list(read_clusters(broken))


def test_html_copyright_year_is_not_a_publication_date(tmp_path):
    page = HTML.replace("<footer>Copyright 2024", "<footer>© 2017 Example News. Copyright 2017")
    (tmp_path / "page.html").write_text(page)
    [a] = read_cluster(tmp_path / "page.html")
    assert a.published is None


def test_html_fragment_is_read_as_text():
    [a] = to_articles(["<p>A dam burst early on Tuesday in the valley, officials said.</p>"])
    assert a.text == "A dam burst early on Tuesday in the valley, officials said."


@pytest.mark.parametrize("value, ok", [("2019-02-10", True), ("2019-02-10T08:30:00Z", True),
                                       ("2019-02-10garbage", False), ("2019-W06-1", False)])
def test_published_must_be_a_real_iso_date(tmp_path, value, ok):
    path = tmp_path / "c.jsonl"
    path.write_text(json.dumps({"id": 1, "published": value, "documents": ["Text here."]}))
    [got] = read_clusters(path)
    assert (got.error is None) is ok


def test_id_of_a_broken_line_is_read_with_its_escapes(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_text('{"id": "esc\\"q2", "documents": [\n')
    [got] = read_clusters(path)
    assert got.id == 'esc"q2' and "not valid JSON" in got.error
