"""Hostile and careless input: nothing lost, nothing crashes, every failure a clear line.

Each test takes a class of bad input (not one payload) through the command line, the
batch and the library; the server's share is in test_server.py and test_serve.py.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLE

from storyline import InputError, read_cluster, summarize
from storyline.brief.ingest import load_json, to_articles
from storyline.faces.cli import main

GOOD = ("The army said on Tuesday that 300 soldiers had crossed the border into the "
        "northern region of the country.")
STORYLINE = str(Path(sys.executable).parent / "storyline")  # as a user runs it
ARTICLE = (EXAMPLE / "article-1.txt").read_text(encoding="utf-8")


@pytest.fixture
def run():
    runner = CliRunner()
    return lambda *args, **kw: runner.invoke(main, [str(a) for a in args], **kw)


@pytest.fixture
def no_work(monkeypatch):
    """Fails the test if anything is summarized."""
    def refuse(*args, **kwargs):
        raise AssertionError("work was done before the output was refused")

    for where in ("storyline.faces.cli.summarize.summarize",
                  "storyline.faces.cli.summarize.run_batch"):
        monkeypatch.setattr(where, refuse)


# --- nothing lost: an output that is an input is refused before any work ----------------

def _same_name(d):
    return d / "a.txt", d / "a.txt"


def _symlink(d):
    (d / "link.txt").symlink_to(d / "a.txt")
    return d / "a.txt", d / "link.txt"


def _hard_link(d):
    os.link(d / "a.txt", d / "hard.txt")
    return d / "a.txt", d / "hard.txt"


def _folder_member(d):
    return d, d / "a.txt"


def _link_to_folder_member(d):
    (d / "out.txt").symlink_to(d / "a.txt")
    return d, d / "out.txt"


@pytest.mark.parametrize("make", [_same_name, _symlink, _hard_link, _folder_member,
                                  _link_to_folder_member])
def test_an_output_that_is_the_input_is_refused_before_any_work(run, tmp_path, make, no_work):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    source, output = make(tmp_path)
    result = run("summarize", source, "-o", output)
    assert result.exit_code == 2, result.output
    assert "would replace the input" in result.output
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == ARTICLE
    assert not list(tmp_path.glob(".*.tmp"))


def test_a_batch_or_since_file_as_output_is_refused(run, tmp_path, no_work):
    batch = tmp_path / "clusters.jsonl"
    batch.write_text(json.dumps({"id": 1, "documents": [GOOD]}) + "\n")
    before = batch.read_text()
    assert run("summarize", batch, "-o", batch).exit_code == 2
    (tmp_path / "seen").mkdir()
    seen = tmp_path / "seen" / "old.txt"
    seen.write_text(ARTICLE, encoding="utf-8")
    result = run("summarize", EXAMPLE, "--since", tmp_path / "seen", "-o", seen)
    assert result.exit_code == 2 and "would replace the input" in result.output
    assert batch.read_text() == before and seen.read_text(encoding="utf-8") == ARTICLE


def test_train_and_eval_do_not_write_over_their_data(run, tmp_path):
    data = tmp_path / "data.jsonl"
    data.write_text(json.dumps({"id": 1, "documents": [GOOD], "summaries": [GOOD]}) + "\n")
    before = data.read_text()
    assert run("train", data, "-o", data).exit_code == 2
    report = tmp_path / "report"
    report.mkdir()
    (report / "report.json").symlink_to(data)
    result = run("eval", report / "report.json", "--report", report)
    assert result.exit_code == 2 and "would replace the input" in result.output
    assert data.read_text() == before


def test_a_file_on_standard_input_is_not_replaced(tmp_path):
    source = tmp_path / "a.txt"
    source.write_text(ARTICLE, encoding="utf-8")
    with source.open("rb") as stdin:
        done = subprocess.run([STORYLINE, "summarize", "-", "-o", str(source)], stdin=stdin,
                              capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and "the file on standard input" in done.stderr
    assert source.read_text(encoding="utf-8") == ARTICLE


def test_a_full_disk_names_the_output(run, tmp_path):
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full on this system")
    result = run("summarize", EXAMPLE, "--no-analysis", "-o", "/dev/full")
    assert result.exit_code == 1 and "cannot write /dev/full: No space left" in result.output
    batch = tmp_path / "c.jsonl"
    batch.write_text(json.dumps({"id": 1, "documents": [GOOD]}) + "\n")
    result = run("summarize", batch, "--no-analysis", "-o", "/dev/full")
    assert result.exit_code == 1 and "cannot write /dev/full" in result.output


# --- nothing crashes: every bad line gets its own error line ----------------------------

BAD_LINES = {  # valid JSON (or nearly) that Python's json module cannot take, or we cannot write
    "deep": ("[" * 100_000 + "]" * 100_000, "nests JSON arrays or objects too deeply"),
    "deep object": ('{"id": "x", "documents": ' + '{"a": ' * 50_000 + "1" + "}" * 50_001,
                    "too deeply"),
    "huge integer": ('{"id": ' + "7" * 5000 + ', "documents": ["x"]}', "thousands of digits"),
    "huge integer inside": ('{"id": "n", "documents": ["x"], "extra": -' + "1" * 9000 + "}",
                            "thousands of digits"),
    "surrogate id": ('{"id": "\\ud800", "documents": ["x"]}', "unpaired surrogate"),
    "surrogate text": (json.dumps({"id": "s", "documents": [GOOD + " \ud800 more."]}),
                       "unpaired surrogate"),
    "surrogate title": (json.dumps({"id": "t", "documents": [{"text": GOOD, "title": "\udfff"}]}),
                        "unpaired surrogate"),
    "float id": ('{"id": 1.5, "documents": 3}', '"id" must be a string or a whole number'),
    "invalid UTF-8": (b'{"id": "u", "documents": ["caf\xe9"]}', "is not UTF-8"),
}


@pytest.mark.parametrize("jobs", [1, 2])
def test_every_bad_line_gets_its_own_error_line(run, tmp_path, jobs):
    lines = [json.dumps({"id": "first", "documents": [GOOD]}).encode()]
    for line, _ in BAD_LINES.values():
        lines.append(line if isinstance(line, bytes) else line.encode("utf-8", "surrogatepass"))
    lines.append(json.dumps({"id": "last", "documents": [GOOD]}).encode())
    source = tmp_path / "c.jsonl"
    source.write_bytes(b"\n".join(lines) + b"\n")
    out = tmp_path / "out.jsonl"
    result = run("summarize", source, "-o", out, "--no-analysis", "--jobs", jobs)
    assert result.exit_code == 1, result.output
    assert f"{len(BAD_LINES)} of {len(lines)} clusters failed" in result.output
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == len(lines)
    assert records[0]["sentences"] and records[-1]["sentences"]
    for record, (name, (_, message)) in zip(records[1:-1], BAD_LINES.items()):
        assert message in record["error"], name
        assert "internal error" not in record["error"]
    ids = [r["id"] for r in records]
    assert ids[BAD_LINES_ORDER("float id")] == "1.5"  # as written, not cut to 1
    assert ids[BAD_LINES_ORDER("surrogate text")] == "s"


def BAD_LINES_ORDER(name):
    return list(BAD_LINES).index(name) + 1


@pytest.mark.parametrize("name", ["deep", "huge integer", "surrogate id", "surrogate text"])
def test_since_and_eval_name_the_file_and_line_of_a_bad_line(run, tmp_path, name):
    line = BAD_LINES[name][0].encode("utf-8", "surrogatepass")
    good = json.dumps({"id": "a", "documents": [GOOD], "summaries": [GOOD]}).encode()
    data = tmp_path / "data.jsonl"
    data.write_bytes(good + b"\n" + line + b"\n")
    since = run("summarize", EXAMPLE, "--since", data)
    scored = run("eval", data, "--systems", "lead-words")
    for result in (since, scored):
        assert result.exit_code == 1
        assert "data.jsonl" in result.output and "line 2" in result.output, result.output
        assert BAD_LINES[name][1] in result.output and "Traceback" not in result.output
        assert len(result.output.strip().splitlines()) == 1


def test_peer_outputs_name_the_file_and_line_of_a_bad_line(tmp_path):
    from storyline.evaluate.data import read_peer_outputs

    peers = tmp_path / "peers.jsonl"
    peers.write_bytes(b'{"id": "a", "system": "x", "summary": "fine"}\n' + b"[" * 100_000 + b"\n")
    with pytest.raises(InputError, match=r"peers.jsonl: line 2 nests JSON"):
        read_peer_outputs(peers, ["a"])


def test_load_json_takes_what_is_fine():
    assert load_json('{"a": [1, 2.5, "\\ud83d\\ude00", "\\\\ud800"]}', where="x") == {
        "a": [1, 2.5, "😀", "\\ud800"]}  # a surrogate pair, and an escaped backslash


def test_a_file_name_that_is_not_utf8_is_written_and_shown(run, tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    name = os.fsdecode(b"caf\xe9\x1b[2J.txt")  # Latin-1 bytes and an escape sequence
    (folder / name).write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "brief.json"
    result = run("summarize", folder, "-f", "json", "-o", out, "--no-analysis")
    assert result.exit_code == 0, result.output
    brief = json.loads(out.read_text(encoding="utf-8"))
    assert brief["articles"][0]["file"] == "caf\ufffd[2J.txt"
    text = run("summarize", folder, "--no-analysis").output
    assert "caf\ufffd[2J.txt" in text and "\x1b" not in text
    (folder / os.fsdecode(b"b\xff.txt")).write_bytes(b"\x00\x01binary")
    failed = run("summarize", folder)
    assert failed.exit_code == 1 and "b\ufffd.txt looks like a binary file" in failed.output


@pytest.mark.parametrize("documents", [
    [GOOD + " \ud800"],
    ["<html><body><article><p>" + GOOD + " \udc00 and more.</p></article></body></html>"],
    [{"text": GOOD, "source": "\ud83d"}],
])
def test_the_library_refuses_lone_surrogates_with_an_input_error(documents):
    with pytest.raises(InputError, match="unpaired surrogate"):
        summarize(documents)


def test_misused_options_exit_with_status_2(run, tmp_path):
    for args in (["--focus", ""], ["--focus", "   "], ["--published", "2019-02-30"],
                 ["--published", "tomorrow"], ["--words", "0"], ["--jobs", "2"]):
        result = run("summarize", EXAMPLE, *args)
        assert result.exit_code == 2, (args, result.output)
        assert "Traceback" not in result.output
    data = tmp_path / "data.jsonl"
    data.write_text(json.dumps({"id": 1, "documents": [GOOD], "summaries": [GOOD]}) + "\n")
    for args in (["--systems", "nonsense"], ["--mode", "scorer=nonsense"], ["--mode", "x"],
                 ["--systems", "lead-words", "--mode", "scorer=centrality"]):
        result = run("eval", data, *args)
        assert result.exit_code == 2, (args, result.output)


# --- input named for what it is --------------------------------------------------------

@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("text", [ARTICLE, "مرحبا بكم في هذا الخبر العاجل عن الجيش " * 20])
def test_utf16_without_a_byte_order_mark_is_named(run, tmp_path, encoding, text):
    (tmp_path / "a.txt").write_bytes(text.encode(encoding))
    result = run("summarize", tmp_path / "a.txt")
    name = encoding.upper().replace("-", "", 1).replace("-", "")  # UTF16LE -> UTF-16LE below
    assert result.exit_code == 1
    assert f"a.txt is {name[:3]}-{name[3:]} text without a byte-order mark" in result.output
    assert f"iconv -f {name[:3]}-{name[3:]} -t UTF-8" in result.output


@pytest.mark.parametrize("data", [bytes(range(256)) * 4, b"\x7fELF\x02\x01\x01" + b"\x00" * 64])
def test_binary_is_still_called_binary(tmp_path, data):
    (tmp_path / "a.txt").write_bytes(data)
    with pytest.raises(InputError, match="looks like a binary file"):
        read_cluster(tmp_path / "a.txt")


@pytest.mark.parametrize("texts, script", [
    (["أعلنت قوات سوريا الديمقراطية يوم الأحد أنها بدأت الهجوم الأخير على آخر جيب "
      "لتنظيم الدولة الإسلامية قرب الحدود العراقية."] * 2, "Arabic script"),
    (["叙利亚民主力量周日表示，他们已开始对伊拉克边境附近伊斯兰国组织控制的最后一块"
      "飞地发起最后攻击。", "数千名平民在最近几周逃离了巴古兹村。"], "Chinese or Japanese"),
    (["Сирийские демократические силы заявили в воскресенье, что начали последний штурм."],
     "Cyrillic script"),
])
def test_articles_in_another_language_are_named_as_such(texts, script):
    with pytest.raises(InputError, match=f"written in {script}.*Storyline reads English"):
        summarize(texts)


def test_one_english_article_among_others_is_summarized():
    brief = summarize([GOOD + " Officials said more troops would follow in the coming days.",
                       "叙利亚民主力量周日表示，他们已开始对最后一块飞地发起最后攻击。"])
    assert brief.sentences


# --- what is shown is safe to show --------------------------------------------------------

def test_control_characters_never_reach_the_terminal(run, tmp_path):
    page = ("<html><head><title>Floods\x1b]0;owned\x07 hit the valley\x1b[2J</title></head>"
            "<body><article><h1>Floods\x1b[31m hit the valley</h1><p>" + GOOD + "</p><p>"
            "Rescue\x07 teams evacuated about 2,000 people from the flooded villages by boat."
            "</p></article></body></html>")
    (tmp_path / "a.html").write_text(page, encoding="utf-8")
    batch = tmp_path / "c.jsonl"
    batch.write_text(json.dumps({"id": 1, "documents": [
        {"text": GOOD, "title": "Title\x1b[2J\x9b31m", "source": "Wire\x07", "url": "x\x00"}]}))
    for args in ([tmp_path / "a.html"], [tmp_path / "a.html", "-f", "markdown"],
                 [batch, "--no-analysis"]):
        result = run("summarize", *args)
        assert result.exit_code == 0, result.output
        assert not any(c in result.output for c in "\x1b\x07\x00\x9b"), repr(result.output)
    assert "Floods[31m hit the valley" in run("summarize", tmp_path / "a.html").output


def test_an_escape_in_a_file_name_is_not_printed_raw_in_an_error(run, tmp_path):
    (tmp_path / "x\x1b[2J.txt").write_bytes(b"\x00\x01binary")
    result = run("summarize", tmp_path / "x\x1b[2J.txt")
    assert result.exit_code == 1 and "\x1b" not in result.output


@pytest.mark.parametrize("url, kept", [
    ("https://user:secret@example.org/a?b=1#c", "https://example.org/a?b=1#c"),
    ("http://:secret@example.org/", "http://example.org/"),
    ("https://user@example.org:8443/x", "https://example.org:8443/x"),
    ("https://example.org/a@b", "https://example.org/a@b"),  # an @ in the path is no login
])
def test_credentials_in_a_url_are_neither_stored_nor_shown(url, kept):
    articles = to_articles([{"text": GOOD, "url": url}])
    assert articles[0].url == kept
    brief = summarize([{"text": GOOD, "url": url}], words=60)
    assert "secret" not in json.dumps(brief.to_dict()) and "user" not in json.dumps(
        brief.to_dict())


def test_a_fetch_error_does_not_show_the_password():
    import asyncio

    from storyline.fetch import FetchError, fetch

    for url in ("https://user:secret@127.0.0.1:9/x", "ftp://user:secret@example.org/",
                "https://user:secret@[::1"):
        with pytest.raises(FetchError) as failed:
            asyncio.run(fetch(url))
        assert "secret" not in str(failed.value) and "user" not in str(failed.value)


def test_a_huge_url_is_not_echoed_whole():
    import asyncio

    from storyline.fetch import FetchError, fetch

    with pytest.raises(FetchError) as failed:
        asyncio.run(fetch("ftp://" + "x" * 100_000))
    assert len(str(failed.value)) < 400


def test_iframe_and_media_fallback_text_is_not_glued_into_a_sentence():
    fragment = ("<p>A dam burst early on Tuesday in the northern valley.<iframe src='v'>Your "
                "browser does not support iframes.</iframe> Rescue teams evacuated about 2,000 "
                "people.<video src='v.mp4'>Your browser does not support video.</video> "
                "<noscript>Enable JavaScript.</noscript>The governor visited.<br>Rain "
                "is expected on Wednesday.</p>")
    text = to_articles([fragment])[0].text
    assert "browser" not in text and "JavaScript" not in text
    assert text == ("A dam burst early on Tuesday in the northern valley. Rescue teams "
                    "evacuated about 2,000 people. The governor visited.\nRain is expected "
                    "on Wednesday.")


# --- the other commands and readers: the same classes -------------------------------------

def test_timeline_refuses_its_input_as_output_and_names_bad_lines(run, tmp_path):
    articles = tmp_path / "story.jsonl"
    articles.write_text(json.dumps({"text": GOOD, "published": "2019-02-06"}) + "\n")
    before = articles.read_text()
    result = run("timeline", articles, "-o", articles)
    assert result.exit_code == 2 and "would replace the input" in result.output
    assert articles.read_text() == before
    deep = tmp_path / "deep.jsonl"
    deep.write_text("[" * 100_000 + "\n")
    result = run("timeline", deep)
    assert result.exit_code == 1 and "deep.jsonl line 1 nests JSON" in result.output
    if os.path.exists("/dev/full"):
        full = run("timeline", articles, "-o", "/dev/full")
        assert full.exit_code == 1 and "cannot write /dev/full" in full.output


def test_story_sources_skip_a_line_json_cannot_take(tmp_path):
    from storyline.stories.prepare import Skipped
    from storyline.stories.sources import read_sources

    source = tmp_path / "articles.jsonl"
    source.write_bytes(b"\n".join([
        json.dumps({"text": GOOD}).encode(), b'{"text": "\\ud800"}', b"[" * 100_000,
        b'{"text": "x", "n": ' + b"9" * 5000 + b"}"]) + b"\n")
    read = list(read_sources([str(source)]))
    assert not isinstance(read[0], Skipped)
    assert [isinstance(r, Skipped) for r in read[1:]] == [True, True, True]
    assert "unpaired surrogate" in read[1].reason and "too deeply" in read[2].reason


def _timeline_line(task_id="t1"):
    return json.dumps({"id": task_id, "documents": [{"text": GOOD, "published": "2019-02-05"}],
                       "timeline": [{"date": "2019-02-05", "sentences": [GOOD]}]})


@pytest.mark.parametrize("name", ["deep", "huge integer", "surrogate id", "invalid UTF-8"])
@pytest.mark.parametrize("line", [1, 2])
def test_eval_of_timelines_names_the_file_and_line_of_a_bad_line(run, tmp_path, name, line):
    bad = BAD_LINES[name][0]
    bad = bad if isinstance(bad, bytes) else bad.encode("utf-8", "surrogatepass")
    lines = [_timeline_line().encode(), bad] if line == 2 else [bad, _timeline_line().encode()]
    data = tmp_path / "t17.jsonl"
    data.write_bytes(b"\n".join(lines) + b"\n")
    result = run("eval", data, "--systems", "random")
    assert result.exit_code == 1, result.output
    assert f"t17.jsonl line {line}" in result.output and "Traceback" not in result.output
    assert BAD_LINES[name][1] in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_eval_of_timelines_does_not_write_its_report_over_the_data(run, tmp_path):
    data = tmp_path / "t17.jsonl"
    data.write_text(_timeline_line() + "\n")
    report = tmp_path / "report"
    report.mkdir()
    (report / "report.md").symlink_to(data)
    result = run("eval", data, "--systems", "random", "--report", report)
    assert result.exit_code == 2 and "would replace the input" in result.output
    assert data.read_text() == _timeline_line() + "\n"


def _appending_to(path, args, stdin=subprocess.DEVNULL):
    with path.open("ab") as stdout:
        return subprocess.run([STORYLINE, *map(str, args)], stdin=stdin, stdout=stdout,
                              stderr=subprocess.PIPE, text=True, timeout=300)


def test_standard_output_redirected_onto_an_input_is_refused(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    story = tmp_path / "story.jsonl"
    story.write_text(json.dumps({"text": ARTICLE, "published": "2019-02-06"}) + "\n")
    data = tmp_path / "t17.jsonl"
    data.write_text(_timeline_line() + "\n")
    db = tmp_path / "s.db"
    added = subprocess.run([STORYLINE, "stories", "add", str(story), "--db", str(db)],
                           capture_output=True, timeout=300)
    assert added.returncode == 0, added.stderr
    cases = [(article, ["summarize", article]), (story, ["timeline", story]),
             (data, ["eval", data, "--systems", "random"]),
             (db, ["stories", "export", "--db", db]), (db, ["stories", "list", "--db", db])]
    for target, args in cases:
        before = target.read_bytes()
        done = _appending_to(target, args)
        assert done.returncode == 2, (args, done.stderr)
        assert f"standard output is redirected to the input file {target}" in done.stderr
        assert target.read_bytes() == before
    with article.open("rb") as stdin:  # `storyline summarize - < a.txt >> a.txt`
        done = _appending_to(article, ["summarize", "-"], stdin=stdin)
    assert done.returncode == 2 and "redirected to the file on standard input" in done.stderr
    assert article.read_text(encoding="utf-8") == ARTICLE


def test_a_device_both_read_and_written_is_no_input_refused(tmp_path):
    done = subprocess.run([STORYLINE, "summarize", "-"], stdin=subprocess.DEVNULL,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                          timeout=300)
    assert done.returncode == 1 and "no article has any text" in done.stderr


def test_file_names_that_are_not_utf8_through_timeline_and_stories(run, tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    name = os.fsdecode(b"caf\xe9.txt")
    (folder / name).write_text(ARTICLE, encoding="utf-8")
    (folder / "b.txt").write_text(GOOD + " Officials said more troops would follow.",
                                  encoding="utf-8")
    out = tmp_path / os.fsdecode(b"out\xff.json")
    result = run("timeline", folder, "-f", "json", "-o", out)
    assert result.exit_code == 0, result.output
    assert "caf\ufffd.txt" in out.read_text(encoding="utf-8")
    db = tmp_path / "s.db"
    added = run("stories", "add", folder, "--db", db)
    assert added.exit_code == 0, added.output
    exported = run("stories", "export", "--db", db)
    assert "caf\ufffd.txt" in exported.output


@pytest.mark.parametrize("args", [
    ["summarize", "{d}/no\x1b[2J.txt"],  # click's own message quotes the name
    ["timeline", "{d}/no\x1b[2J"],
    ["summarize", EXAMPLE, "-o", "{d}/no\x1b[2J/out.txt"],  # ours
    ["timeline", EXAMPLE, "-o", "{d}/no\x1b[2J/out.txt"],
    ["eval", "{d}/no\x1b]0;x\x07.jsonl"],
])
def test_no_message_prints_a_control_character_from_a_name(run, tmp_path, args):
    result = run(*[str(a).format(d=tmp_path) for a in args])
    assert result.exit_code in (1, 2), result.output
    assert "\\x1b" in result.output and not any(c in result.output for c in "\x1b\x07")


def test_a_batch_written_to_a_name_with_an_escape_says_so_safely(run, tmp_path):
    batch = tmp_path / "c.jsonl"
    batch.write_text(json.dumps({"id": 1, "documents": [GOOD]}) + "\n")
    result = run("summarize", batch, "--no-analysis", "-o", tmp_path / "out\x1b[2J.jsonl")
    assert result.exit_code == 0, result.output
    assert "written to" in result.output and "\x1b" not in result.output


def test_stories_keep_no_password_nor_terminal_control_and_refuse_impossible_days(run,
                                                                                 tmp_path):
    source = tmp_path / "articles.jsonl"
    source.write_text(json.dumps({
        "text": ARTICLE, "url": "https://user:secretpw@example.org/a",
        "title": "Siege\x1b[2J of the\x07 last village", "source": "Wire\x1b]0;x\x07"}) + "\n")
    db = tmp_path / "s.db"
    assert run("stories", "add", source, "--db", db).exit_code == 0
    shown = (run("stories", "show", "1", "--db", db).output
             + run("stories", "list", "--db", db).output
             + run("stories", "show", "1", "--db", db, "-f", "json").output)
    assert "secretpw" not in shown and "user:" not in shown
    assert not any(c in shown for c in "\x1b\x07") and "\\u001b" not in shown
    assert "https://example.org/a" in shown
    for day in ("2019-02-30", "yesterday"):
        result = run("stories", "list", "--db", db, "--since", day)
        assert result.exit_code == 2 and "YYYY-MM-DD" in result.output


def test_timeline_and_stories_options_out_of_range(run, tmp_path):
    for args in (["--from", "2019-02-30"], ["--to", "soon"],
                 ["--from", "2019-03-01", "--to", "2019-02-01"]):
        result = run("timeline", EXAMPLE, *args)
        assert result.exit_code == 2, (args, result.output)
    source = tmp_path / "a.jsonl"
    source.write_text(json.dumps({"text": ARTICLE}) + "\n")
    db = tmp_path / "s.db"
    assert run("stories", "add", source, "--db", db).exit_code == 0
    for story in ("9" * 30, "0"):  # past SQLite's integers, and none
        result = run("stories", "show", story, "--db", db)
        assert result.exit_code == 1 and f"no story {story}" in result.output, result.output
    listed = run("stories", "list", "--db", db, "-n", "9" * 30)
    assert listed.exit_code == 0 and listed.output.count(" source ") == 1


@pytest.fixture
def tiny_disk(tmp_path):
    """A 64 KB file system, if this process may mount one (root), else the test skips."""
    disk = tmp_path / "disk"
    disk.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(disk)],
                      capture_output=True).returncode != 0:
        pytest.skip("cannot mount a small tmpfs here (needs root)")
    yield disk
    subprocess.run(["umount", str(disk)], check=True)


def test_a_full_disk_beside_the_output_names_it_and_leaves_the_input(run, tmp_path, tiny_disk):
    """The temporary file beside the output is where the disk fills, not /dev/full."""
    (tiny_disk / "fill").write_bytes(b"\0" * 56_000)  # 8 KB left
    batch = tmp_path / "c.jsonl"
    batch.write_text("".join(json.dumps({"id": i, "documents": [ARTICLE]}) + "\n"
                             for i in range(12)))
    before = batch.read_bytes()
    for args in ([batch, "--no-analysis"], [EXAMPLE, "-f", "json"]):
        result = run("summarize", *args, "-o", tiny_disk / "out.json")
        assert result.exit_code == 1, result.output
        assert f"cannot write {tiny_disk / 'out.json'}: No space left" in result.output
    (tiny_disk / "fill2").write_bytes(b"\0" * 4096)  # less room than the timeline takes
    result = run("timeline", EXAMPLE, "-f", "json", "-o", tiny_disk / "t.json")
    assert result.exit_code == 1 and "cannot write" in result.output and "t.json" in result.output
    assert batch.read_bytes() == before and not (tiny_disk / "out.json").exists()
    assert not list(tiny_disk.glob(".*.tmp"))


@pytest.mark.parametrize("encoding, name", [("utf-16-le", "UTF-16LE text without a byte-order"),
                                            ("utf-16", "UTF-16 text")])
def test_a_utf16_jsonl_is_one_error_naming_the_file_for_every_reader(run, tmp_path, encoding,
                                                                      name):
    line = {"id": 1, "documents": [GOOD], "summaries": [GOOD], "text": GOOD}
    data = tmp_path / "d.jsonl"
    data.write_bytes("".join(json.dumps(line) + "\n" for _ in range(3)).encode(encoding))
    for args in (["summarize", data, "-o", tmp_path / "out.jsonl"], ["summarize", data],
                 ["summarize", EXAMPLE, "--since", data], ["timeline", data],
                 ["eval", data, "--systems", "lead-words"]):
        result = run(*args)
        assert result.exit_code == 1 and f"d.jsonl is {name}" in result.output, args
        assert len(result.output.strip().splitlines()) == 1, result.output
    assert not (tmp_path / "out.jsonl").exists()
    added = run("stories", "add", data, "--db", tmp_path / "s.db")
    assert added.output.count("skipped: ") == 1 and f"d.jsonl is {name}" in added.output


def test_deep_json_runs_no_finalizer_at_the_bottom_of_the_stack(monkeypatch):
    """A collection inside a value nested a thousand deep would run other objects'
    finalizers where no recursion depth is left: an "unraisable" error, whatever the line."""
    import gc

    from storyline.brief.ingest import json_value

    class Cycle:
        def __del__(self):
            def down(n):
                return n and down(n - 1)
            down(200)  # any finalizer that needs some stack

    unraisable = []
    monkeypatch.setattr(sys, "unraisablehook", unraisable.append)
    threshold = gc.get_threshold()
    try:
        for allocations in range(700, 1000, 10):  # a collection at every depth near the end
            gc.collect()
            gc.set_threshold(allocations)
            cycle = Cycle()
            cycle.me = cycle  # garbage only a collection frees
            del cycle
            with pytest.raises(InputError, match="nests JSON"):
                json_value("[" * 100_000, 0, where="line 1")
            gc.set_threshold(*threshold)
    finally:
        gc.set_threshold(*threshold)
        gc.collect()
    assert not unraisable


def test_a_timeline_batch_gives_a_bad_line_its_own_error_entry(run, tmp_path):
    def cluster(name, text):
        return json.dumps({"id": name, "documents": [{"text": text, "published": "2019-02-06"},
                                                     {"text": text, "published": "2019-02-07"}]})
    lines = [cluster("first", ARTICLE), "[" * 100_000, '{"id": "\\ud800", "documents": []}',
             cluster("no sentence", "x"), cluster("last", ARTICLE)]
    source = tmp_path / "clusters.jsonl"
    source.write_text("\n".join(lines) + "\n")
    out = tmp_path / "timelines.jsonl"
    result = run("timeline", source, "-f", "json", "-o", out)
    assert result.exit_code == 1 and "3 of 5 timelines failed" in result.output
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == ["first", "2", "3", "no sentence", "last"]
    assert records[0]["timeline"] and records[-1]["timeline"]
    assert "clusters.jsonl line 2 nests JSON" in records[1]["error"]
    assert "unpaired surrogate" in records[2]["error"]
    assert "no complete sentence" in records[3]["error"]
    text = run("timeline", source)
    assert text.exit_code == 1 and "== no sentence ==\n\nerror: " in text.output
    assert run("timeline", source, "--from", "2019-02-30").exit_code == 2  # every line's


def test_eval_writes_its_report_for_names_that_are_not_utf8(run, tmp_path, monkeypatch):
    summaries = tmp_path / os.fsdecode(b"d\xff.jsonl")
    summaries.write_text(json.dumps({"id": 1, "documents": [ARTICLE], "summaries": [GOOD]})
                         + "\n")
    timelines = tmp_path / os.fsdecode(b"t\xff.jsonl")
    timelines.write_text(_timeline_line() + "\n")
    for data, system in ((summaries, "lead-words"), (timelines, "random")):
        report = tmp_path / os.fsdecode(b"report\xe9") / data.stem
        args = ["eval", data, "--systems", system, "--resamples", "100", "--report", report]
        monkeypatch.setattr(sys, "argv", ["storyline", *map(str, args)])  # the report's
        result = run(*args)
        assert result.exit_code == 0, result.output
        written = (report / "report.md").read_text(encoding="utf-8")
        assert "\ufffd.jsonl" in written and "report\ufffd" in written
        as_json = run("eval", data, "--systems", system, "--resamples", "100", "--json")
        assert "\\udc" not in as_json.output


def test_a_full_disk_on_standard_output_names_it_for_every_command(tmp_path):
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full on this system")
    story = tmp_path / "story.jsonl"
    story.write_text(json.dumps({"text": ARTICLE, "published": "2019-02-06"}) + "\n")
    timelines = tmp_path / "t17.jsonl"
    timelines.write_text(_timeline_line() + "\n")
    summaries = tmp_path / "data.jsonl"
    summaries.write_text(json.dumps({"id": 1, "documents": [ARTICLE], "summaries": [GOOD]})
                         + "\n")
    db = tmp_path / "s.db"
    subprocess.run([STORYLINE, "stories", "add", str(story), "--db", str(db)], check=True,
                   capture_output=True, timeout=300)
    for args in (["stories", "export", "--db", db], ["timeline", story],
                 ["eval", timelines, "--systems", "random"],
                 ["eval", summaries, "--systems", "lead-words", "--resamples", "100"]):
        with open("/dev/full", "w") as full:
            done = subprocess.run([STORYLINE, *map(str, args)], stdout=full,
                                  stderr=subprocess.PIPE, text=True, timeout=300)
        assert done.returncode == 1, (args, done.stderr)
        assert done.stderr.strip().splitlines()[-1] == (
            "Error: cannot write standard output: No space left on device"), done.stderr
        assert "Traceback" not in done.stderr
