"""Batch engines: resumable output, stale temporaries, workers that die with their parent,
and Ray kept out of the default install. (The Ray cluster itself: test_ray.py.)"""

from __future__ import annotations

import signal
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner
from processes import STORYLINE, alive, children, imports_ray, temporaries, wait_for_partial
from streams import example_clusters

from storyline.engine.output import OutputBusy, ResumeMismatch, atomic_writer, resumable
from storyline.faces.cli import main

@pytest.fixture
def run():
    runner = CliRunner()
    return lambda *args, **kw: runner.invoke(main, [str(a) for a in args], **kw)


def test_resumable_output_goes_on_after_its_last_complete_line(tmp_path):
    out = tmp_path / "briefs.jsonl"
    with pytest.raises(KeyboardInterrupt), resumable(out, "run1") as f:
        f.write('{"id": "1", "sentences": []}\n')
        f.write('{"id": "2", "error": "no text"}\n')
        f.file.write(b'{"id": "3", "sen')  # torn by the crash
        raise KeyboardInterrupt
    assert not out.exists() and len(temporaries(tmp_path)) == 1
    with resumable(out, "run1", resume=True) as f:
        assert (f.done, f.failed) == (2, 1)
        f.write('{"id": "3", "sentences": []}\n')
    assert out.read_text().splitlines() == ['{"id": "1", "sentences": []}',
                                            '{"id": "2", "error": "no text"}',
                                            '{"id": "3", "sentences": []}']
    assert not temporaries(tmp_path)


def test_a_run_without_resume_starts_again_and_removes_stale_temporaries(tmp_path):
    out = tmp_path / "briefs.jsonl"
    (tmp_path / ".briefs.jsonl.abc123.partial").write_text('{"id": "1"}\n')
    (tmp_path / ".briefs.jsonl.k2j4_x.tmp").write_text("half a brief")  # an older run's
    (tmp_path / ".other.jsonl.abc123.partial").write_text("not ours")
    with resumable(out, "run1") as f:
        assert f.done == 0
        f.write('{"id": "1", "sentences": []}\n')
    assert [p.name for p in temporaries(tmp_path)] == [".other.jsonl.abc123.partial"]


def test_resume_with_nothing_to_resume_says_it_runs_the_whole_batch(tmp_path, caplog):
    out = tmp_path / "briefs.jsonl"
    with resumable(out, "run1", resume=True) as f:  # no earlier run at all
        f.write('{"id": "1", "sentences": []}\n')
    assert "nothing to resume" in caplog.text and "finished run" not in caplog.text
    caplog.clear()
    with resumable(out, "run1", resume=True) as f:  # that run finished: said so
        assert f.done == 0
        f.write('{"id": "1", "sentences": []}\n')
    assert "nothing to resume" in caplog.text and "finished run" in caplog.text
    caplog.clear()
    with resumable(out, "run1") as f:  # without --resume: nothing to say
        f.write('{"id": "1", "sentences": []}\n')
    assert "nothing to resume" not in caplog.text


def test_resume_refuses_the_unfinished_output_of_another_input_or_options(tmp_path):
    out = tmp_path / "briefs.jsonl"
    stale = tmp_path / ".briefs.jsonl.otherrun.partial"
    stale.write_text('{"id": "1"}\n')
    with (pytest.raises(ResumeMismatch, match="another input file or other options"),
          resumable(out, "run1", resume=True)):
        pass
    assert stale.exists()  # nothing lost


def test_a_live_run_is_left_alone(tmp_path):
    out = tmp_path / "briefs.jsonl"
    with resumable(out, "run1") as live:
        live.write('{"id": "1", "sentences": []}\n')
        with (pytest.raises(OutputBusy, match="another storyline run is writing"),
              resumable(out, "run1", resume=True)):
            pass
        with atomic_writer(out.with_name("other.txt")):  # cleans only its own file's
            pass
        with resumable(out, "run2"):  # another run's temporary is not taken for stale
            assert len(temporaries(tmp_path)) == 2
    assert len(out.read_text().splitlines()) == 1  # run1's: it finished last


def test_atomic_writer_removes_stale_temporaries_and_its_own_on_failure(tmp_path):
    out = tmp_path / "brief.txt"
    (tmp_path / ".brief.txt.x1y2z3.tmp").write_text("left by kill -9")
    with pytest.raises(RuntimeError), atomic_writer(out) as f:
        f.write("half")
        raise RuntimeError
    assert not out.exists() and not temporaries(tmp_path)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_kill_9_of_a_jobs_batch_leaves_no_worker_and_resume_finishes_it(tmp_path):
    src = tmp_path / "clusters.jsonl"
    src.write_text(example_clusters(400))
    out = tmp_path / "briefs.jsonl"
    command = [STORYLINE, "summarize", str(src), "-o", str(out), "--jobs", "2",
               "--no-analysis"]
    run = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    partial = wait_for_partial(tmp_path, 2, run)
    workers = children(run.pid)
    assert run.poll() is None and len(workers) >= 2, "the batch ended before it was killed"
    run.send_signal(signal.SIGKILL)
    run.wait()
    deadline = time.monotonic() + 10
    while any(map(alive, workers)) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(map(alive, workers)), "workers outlived their killed parent"
    assert not out.exists() and partial.exists()

    resumed = subprocess.run([*command, "--resume"], check=False, capture_output=True, text=True)
    assert resumed.returncode == 1 and "2 of 400 clusters failed" in resumed.stderr
    assert "of them by the earlier run" in resumed.stderr
    assert not temporaries(tmp_path)
    whole = tmp_path / "whole.jsonl"
    subprocess.run([*command[:4], str(whole), "--no-analysis"], check=False,
                   capture_output=True)
    assert out.read_bytes() == whole.read_bytes()


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_a_stopped_batch_says_how_to_resume_and_resume_goes_on(tmp_path, signum):
    src = tmp_path / "clusters.jsonl"
    src.write_text(example_clusters(200))
    out = tmp_path / "briefs.jsonl"
    command = [STORYLINE, "summarize", str(src), "-o", str(out), "--no-analysis"]
    # Ctrl-C as at a terminal: a test run started in the background (`... &` in a script)
    # ignores SIGINT, and its children would inherit that and run to the end
    run = subprocess.Popen(command, stderr=subprocess.PIPE, text=True,
                           preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    partial = wait_for_partial(tmp_path, 2, run)
    run.send_signal(signum)
    _, stderr = run.communicate(timeout=60)
    assert run.returncode == 128 + signum and "--resume" in stderr and partial.exists(), stderr
    assert not out.exists()
    resumed = subprocess.run([*command, "--resume"], check=False, capture_output=True, text=True)
    assert "of them by the earlier run" in resumed.stderr and not temporaries(tmp_path)
    whole = tmp_path / "whole.jsonl"
    subprocess.run([*command[:4], str(whole), "--no-analysis"], check=False,
                   capture_output=True)
    assert out.read_bytes() == whole.read_bytes()


def test_resume_of_other_options_is_refused(run, tmp_path):
    src = tmp_path / "clusters.jsonl"
    src.write_text(example_clusters(3))
    out = tmp_path / "briefs.jsonl"
    (tmp_path / ".briefs.jsonl.0123456789abcdef.partial").write_text('{"id": "c0"}\n')
    result = run("summarize", src, "-o", out, "--resume", "--words", 40)
    assert result.exit_code == 1 and "drop --resume to start again" in result.output


@pytest.mark.parametrize("command, args, message", [
    (["summarize"], ["--resume"], "--resume goes on with an output file"),
    (["summarize"], ["--address", "auto"], "--address is the Ray cluster's; add --engine ray"),
    (["stories", "add"], ["--address", "auto"], "--address is the Ray cluster's; add --engine "
                                                "ray"),
])
def test_engine_options_misused(run, tmp_path, command, args, message):
    src = tmp_path / "c.jsonl"
    src.write_text(example_clusters(1))
    result = run(*command, src, *args)
    assert result.exit_code == 2 and message in result.output


def test_the_default_install_never_imports_ray(tmp_path):
    src = tmp_path / "c.jsonl"
    src.write_text(example_clusters(2))
    assert not imports_ray(src, "-o", tmp_path / "o.jsonl", "--jobs", 2)


def test_engine_ray_without_ray_says_which_pip_install_fixes_it(run, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "ray", None)  # as if not installed: import fails
    monkeypatch.setenv("RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER", "0")  # what engine(None) sets
    src = tmp_path / "c.jsonl"
    src.write_text(example_clusters(1))
    result = run("summarize", src, "-o", tmp_path / "o.jsonl", "--engine", "ray")
    assert result.exit_code == 1 and "pip install 'storyline[ray]'" in result.output


def test_clusters_summarized_together_give_each_the_line_it_gets_alone(monkeypatch):
    """`summarize_lines` parses for several clusters in one call: the same lines as one
    cluster at a time, a bad line or a failing parse costing only its own cluster."""
    import json

    from storyline.analyze import language
    from storyline.engine import batch
    from storyline.options import Options

    texts = ["A dam burst early on Tuesday in the northern valley, flooding three villages.",
             "Rescue teams evacuated about 2,000 people from the flooded villages on Tuesday.",
             "Officials said 1,500 people were evacuated from the three villages by boat."]
    lines = [(i + 1, json.dumps({"id": i, "documents": texts[i % 3:] + texts[:i % 3]}).encode())
             for i in range(5)] + [(6, b"{bad")]
    options = Options()
    alone = [batch.summarize_line(line, options) for line in lines]
    assert batch.summarize_lines(lines, options) == alone
    assert [o.failed for o in alone] == [False] * 5 + [True]
    real, calls = language.parse_many, []

    def fails_together(requests):  # a parse of several clusters fails, and the first alone
        calls.append(len(requests))
        if len(requests) > 1 or len(calls) == 2:
            raise RuntimeError("boom")
        return real(requests)

    monkeypatch.setattr(language, "parse_many", fails_together)
    out = batch.summarize_lines(lines, options)
    assert calls[0] == 5 and len(calls) >= 6  # together, then each cluster alone
    failed = [i for i, (o, a) in enumerate(zip(out, alone, strict=True)) if o != a]
    assert len(failed) == 1 and "internal error (RuntimeError: boom)" in out[failed[0]].line


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the start methods of Linux")
def test_jobs_work_whatever_start_method_python_defaults_to(tmp_path):
    """Python 3.14 starts worker processes from a fork server by default on Linux: the
    workers, whose parent is then not the batch, ended themselves (`_worker_setup`) and
    every cluster failed. The workers are forked from the batch, as before, whatever the
    default: with "forkserver" made the default, a --jobs 2 batch (with the analysis, whose
    spaCy the parent loads for them) writes what one process writes."""
    from storyline.engine.pool import start_method

    assert start_method().get_start_method() == "fork"
    src = tmp_path / "clusters.jsonl"
    src.write_text(example_clusters(6))
    program = ("import multiprocessing, sys\n"
               "if __name__ == '__main__':\n"
               "    multiprocessing.set_start_method('forkserver')\n"
               "    from storyline.faces.cli import main\n"
               "    main(sys.argv[1:])\n")
    jobs = subprocess.run([sys.executable, "-c", program, "summarize", str(src), "-o",
                           str(tmp_path / "jobs.jsonl"), "--jobs", "2"],
                          check=False, capture_output=True, text=True)
    assert "2 of 6 clusters failed" in jobs.stderr  # the bad line and the blank one only
    subprocess.run([STORYLINE, "summarize", str(src), "-o", str(tmp_path / "one.jsonl")],
                   check=False, capture_output=True)
    assert (tmp_path / "jobs.jsonl").read_bytes() == (tmp_path / "one.jsonl").read_bytes()
