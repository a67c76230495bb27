import json
import re

import click
import pytest
from click.testing import CliRunner

from storyline.faces.cli import main


@pytest.fixture
def run():
    runner = CliRunner()
    return lambda *args, **kw: runner.invoke(main, [str(a) for a in args], **kw)


def test_summarize_example_as_text(run, example_dir):
    result = run("summarize", example_dir)
    assert result.exit_code == 0, result.output
    assert "Sources:" in result.output and re.search(r"\. \[\d(, \d)*\]", result.output)


@pytest.mark.parametrize("fmt, marker", [("markdown", "**Sources**"), ("json", '"sentences"')])
def test_formats(run, example_dir, fmt, marker):
    result = run("summarize", example_dir, "--format", fmt)
    assert result.exit_code == 0 and marker in result.output


def test_words_budget_and_explain(run, example_dir):
    result = run("summarize", example_dir, "--words", 60, "--format", "json", "--explain")
    data = json.loads(result.stdout)
    assert data["stats"]["words"] <= 60 and data["stats"]["budget"] == 60
    assert any(r["reason"] == "comment prompt" for r in data["removed"])
    text = run("summarize", example_dir, "--explain").output
    assert "Removed (" in text and "media player text: Media playback" in text


def test_output_file(run, example_dir, tmp_path):
    out = tmp_path / "brief.md"
    result = run("summarize", example_dir, "-f", "markdown", "-o", out)
    assert result.exit_code == 0 and out.read_text().startswith(result.output or "")
    assert "**Sources**" in out.read_text()


def test_stdin_articles(run):
    text = ("A dam burst early on Tuesday in the northern valley, flooding three villages.\n"
            "|||||\nRescue teams evacuated about 2,000 people from the flooded villages.")
    result = run("summarize", "-", "--format", "json", input=text)
    data = json.loads(result.stdout)
    assert result.exit_code == 0 and data["stats"]["articles"] == 2


@pytest.mark.parametrize("setup, args, message", [
    (lambda d: None, ["missing"], "does not exist"),
    (lambda d: (d / "empty").mkdir(), ["empty"], "holds no article files"),
    (lambda d: (d / "blank").mkdir() or (d / "blank" / "a.txt").write_text("  \n"), ["blank"],
     "no article has any text"),
    (lambda d: (d / "bin").mkdir() or (d / "bin" / "x.txt").write_bytes(b"\x00\x01\x02"),
     ["bin"], "x.txt looks like a binary file"),
    (lambda d: (d / "enc").mkdir() or (d / "enc" / "l.txt").write_bytes(b"caf\xe9 au lait"),
     ["enc"], "l.txt is not UTF-8"),
    (lambda d: None, ["missing", "--words", "0"], "0 is not in the range"),
])
def test_bad_input_gives_a_message_and_nonzero_exit(run, tmp_path, setup, args, message):
    setup(tmp_path)
    args = [tmp_path / args[0], *args[1:]]
    result = run("summarize", *args)
    assert result.exit_code != 0
    assert message in result.output
    assert "Traceback" not in result.output


def test_batch_writes_a_line_per_input_line_in_order(run, tmp_path):
    src = tmp_path / "clusters.jsonl"
    good = "A dam burst early on Tuesday in the northern valley, flooding three villages."
    src.write_text("\n".join([
        json.dumps({"id": "a", "documents": [good, good.replace("Tuesday", "Monday")]}),
        "{broken json",
        json.dumps({"id": "b", "documents": ["   "]}),
        f"{good} ||||| Rescue teams evacuated about 2,000 people by boat on Tuesday.",
    ]) + "\n")
    out = tmp_path / "briefs.jsonl"
    result = run("summarize", src, "-o", out, "--words", 50)
    assert result.exit_code == 1 and "2 of 4 clusters failed" in result.output
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert [line["id"] for line in lines] == ["a", "2", "b", "4"]
    assert lines[0]["sentences"] and lines[0]["stats"]["budget"] == 50
    assert "not valid JSON" in lines[1]["error"] and "no article has any text" in lines[2]["error"]
    assert all(line["error"].startswith(f"line {n}") for n, line in ((2, lines[1]), (3, lines[2])))
    assert not list(tmp_path.glob(".briefs.jsonl.*"))  # no temporary file left behind
    # a gzipped batch (archives are kept so) is a batch too, with the same lines
    import gzip
    packed = tmp_path / "clusters.jsonl.gz"
    packed.write_bytes(gzip.compress(src.read_bytes()))
    again = tmp_path / "again.jsonl"
    assert run("summarize", packed, "-o", again, "--words", 50).exit_code == 1
    assert again.read_text() == out.read_text()
    # the output is plain: a .gz name for it is refused; a plain file named .gz is told so
    refused = run("summarize", packed, "-o", tmp_path / "b.jsonl.gz")
    assert refused.exit_code == 2 and "not gzip" in refused.output
    misnamed = tmp_path / "plain.jsonl.gz"
    misnamed.write_bytes(src.read_bytes())
    told = run("summarize", misnamed, "-o", tmp_path / "c.jsonl")
    assert told.exit_code == 1 and "is not gzipped; name it .jsonl" in told.output, told.output


def test_a_batch_error_found_while_summarizing_names_its_line_as_reading_errors_do(run,
                                                                                  tmp_path):
    src = tmp_path / "clusters.jsonl"
    src.write_text(json.dumps({"id": "x", "documents": ["Click here. Share this."]}) + "\n"
                   + json.dumps({"documents": ["Subscribe now. Read more."]}) + "\n")
    out = tmp_path / "briefs.jsonl"
    assert run("summarize", src, "-o", out).exit_code == 1
    first, second = (json.loads(line)["error"] for line in out.read_text().splitlines())
    assert first.startswith("line 1 (id x): no complete sentence"), first
    assert second.startswith("line 2: no complete sentence"), second


def test_batch_output_is_atomic_when_interrupted(run, tmp_path, monkeypatch):
    src = tmp_path / "clusters.jsonl"
    src.write_text(json.dumps({"id": "a", "documents": ["One sentence that is long enough."]})
                   + "\n")
    out = tmp_path / "briefs.jsonl"
    out.write_text("previous results\n")

    def explode(*a, **k):
        raise KeyboardInterrupt

    monkeypatch.setattr("storyline.engine.batch.summarize_lines", explode)
    run("summarize", src, "-o", out)
    assert out.read_text() == "previous results\n"
    assert not list(tmp_path.glob(".briefs.jsonl.*"))


def test_batch_to_stdout(run, tmp_path):
    src = tmp_path / "c.jsonl"
    src.write_text(json.dumps({"id": 1, "documents": ["A dam burst early on Tuesday in the "
                                                      "northern valley, flooding villages."]}))
    result = run("summarize", src)
    assert result.exit_code == 0 and json.loads(result.stdout)["id"] == "1"
    assert run("summarize", src, "-f", "text").exit_code == 2


def _commands(group, prefix=()):
    for name, command in group.commands.items():
        yield (*prefix, name)
        if isinstance(command, click.Group):
            yield from _commands(command, (*prefix, name))


@pytest.mark.parametrize("command", [(), *_commands(main)])
def test_every_command_has_help(run, command):
    result = run(*command, "--help")
    assert result.exit_code == 0 and "Usage:" in result.output


def test_batch_in_several_processes_gives_the_same_lines(run, tmp_path):
    src = tmp_path / "clusters.jsonl"
    texts = ["A dam burst early on Tuesday in the northern valley, flooding three villages.",
             "Rescue teams evacuated about 2,000 people from the flooded villages by boat.",
             "The governor called it the worst flood in the region in several decades."]
    src.write_text("".join(json.dumps({"id": i, "documents": texts[i % 3:] + texts[:i % 3]})
                           + "\n" for i in range(40)) + "{bad\n")
    run("summarize", src, "-o", tmp_path / "one.jsonl")
    run("summarize", src, "-o", tmp_path / "two.jsonl", "--jobs", 2)
    one = (tmp_path / "one.jsonl").read_text()
    assert one == (tmp_path / "two.jsonl").read_text()
    assert len(one.splitlines()) == 41


def test_a_worker_that_dies_costs_only_its_own_cluster(run, tmp_path, monkeypatch):
    import os

    import storyline.engine.batch

    real = storyline.engine.batch.brief_steps

    def dies_on_boom(articles, options):
        if "BOOM" in articles[0].text:
            os._exit(1)  # as the OOM killer would end it
        return real(articles, options=options)

    monkeypatch.setattr(storyline.engine.batch, "brief_steps", dies_on_boom)
    good = "A dam burst early on Tuesday in the northern valley, flooding three villages."
    src = tmp_path / "clusters.jsonl"
    src.write_text("".join(json.dumps({"id": i, "documents": [good if i != 3 else "BOOM " + good]})
                           + "\n" for i in range(6)))
    out = tmp_path / "briefs.jsonl"
    result = run("summarize", src, "-o", out, "--jobs", 2)
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert [line["id"] for line in lines] == [str(i) for i in range(6)]
    assert "died" in lines[3]["error"] and all("sentences" in lines[i] for i in (0, 1, 2, 4, 5))
    assert result.exit_code == 1 and "1 of 6 clusters failed" in result.output


def test_output_follows_a_symlink_and_refuses_a_read_only_file(run, example_dir, tmp_path):
    target = tmp_path / "real.txt"
    target.write_text("old")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    assert run("summarize", example_dir, "-o", link).exit_code == 0
    assert link.is_symlink() and "Sources:" in target.read_text()
    target.chmod(0o444)
    result = run("summarize", example_dir, "-o", target)
    assert result.exit_code == 1 and "read-only" in result.output
    assert "Sources:" in target.read_text()


def test_output_into_a_missing_folder(run, example_dir, tmp_path):
    result = run("summarize", example_dir, "-o", tmp_path / "nope" / "b.txt")
    assert result.exit_code == 1 and "folder" in result.output and "does not exist" in result.output


@pytest.mark.parametrize("args, message", [
    (["--explain"], "--explain is for one cluster"),
    (["-f", "markdown"], "drop --format"),
])
def test_options_that_do_not_apply_to_a_batch_are_refused(run, tmp_path, args, message):
    src = tmp_path / "c.jsonl"
    src.write_text(json.dumps({"id": 1, "documents": ["A dam burst on Tuesday, officials said."]}))
    result = run("summarize", src, *args)
    assert result.exit_code == 2 and message in result.output


def test_jobs_only_for_a_batch(run, example_dir):
    result = run("summarize", example_dir, "--jobs", 2)
    assert result.exit_code == 2 and "--jobs is for a .jsonl batch" in result.output


@pytest.mark.parametrize("data, message", [
    (b"Caf\xe9 owners said prices rose sharply on Monday.", "standard input is not UTF-8"),
    (b'{"id": 1, "documents": ["x"]}', "looks like JSON Lines"),
    (b"\x00\x01\x02", "standard input looks like a binary file"),
])
def test_bad_standard_input(run, data, message):
    result = run("summarize", "-", input=data)
    assert result.exit_code == 1 and message in result.output


def test_standard_input_with_a_byte_order_mark(run):
    text = "\ufeffA dam burst early on Tuesday in the valley, officials said on Monday."
    result = run("summarize", "-", input=text.encode())
    assert result.exit_code == 0 and result.stdout.startswith("A dam burst")
    assert "warning: the articles hold very little text" in result.stderr


def test_json_output_ends_with_a_newline(run, example_dir):
    assert run("summarize", example_dir, "-f", "json").output.endswith("}\n")


def test_output_file_gets_the_usual_mode(run, example_dir, tmp_path):
    import os

    umask = os.umask(0o022)
    try:
        out = tmp_path / "brief.txt"
        run("summarize", example_dir, "-o", out)
        assert out.stat().st_mode & 0o777 == 0o644
    finally:
        os.umask(umask)


def test_a_control_character_and_a_batch_only_option_are_named_plainly(run, tmp_path,
                                                                        example_dir):
    """A raw tab inside a JSON string is "Invalid control character at column N" (not
    json's "... at at column N"); --resume on one cluster names --resume only."""
    from storyline.brief.ingest import load_json
    from storyline.errors import InputError
    with pytest.raises(InputError) as failed:
        load_json("{\"id\": \"a\tb\"}", where="line 1")
    assert "Invalid control character at column 10" in str(failed.value)
    assert " at at " not in str(failed.value)
    result = run("summarize", example_dir, "--resume")
    assert result.exit_code == 2 and "--resume is for a .jsonl batch" in result.output
    assert "--engine" not in result.output


def test_text_is_wrapped_to_a_narrower_terminal(monkeypatch):
    import os

    from storyline.faces.cli import progress

    monkeypatch.setattr(progress.sys.stdout, "isatty", lambda: True)
    monkeypatch.setattr(progress.shutil, "get_terminal_size",
                        lambda fallback: os.terminal_size((60, 24)))
    assert (progress.text_width(), progress.text_width(to_file=True)) == (60, 88)
    monkeypatch.setattr(progress.shutil, "get_terminal_size",
                        lambda fallback: os.terminal_size((200, 24)))
    assert progress.text_width() == 88  # (no wider than a reader reads)
