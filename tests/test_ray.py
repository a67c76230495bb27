"""`storyline summarize --engine ray` on a real two-node Ray cluster started as a user
starts one (`ray start --head`, `ray start --address`), against the local run."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import time
from pathlib import Path

import pytest

pytest.importorskip("ray", reason="the Ray engine's tests need Ray: pip install -e '.[test,ray]'")

from processes import STORYLINE, alive, temporaries, wait_for_partial
from ray_cluster import ENV, cluster
from streams import example_clusters, store_contents, story_sources
CLUSTERS = 32  # four chunks of 8 (engine/ray.py CHUNK): work in flight on both nodes


def storyline(*args, check_exit=(0, 1), command=("summarize",)) -> subprocess.CompletedProcess:
    done = subprocess.run([STORYLINE, *command, *map(str, args)], capture_output=True,
                          text=True, env={**os.environ, **ENV}, timeout=600, check=False)
    assert done.returncode in check_exit, done.stderr
    return done


def stories_add(*args) -> str:
    return storyline(*args, check_exit=(0,), command=("stories", "add")).stderr


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    """A batch with briefs and error lines, and its output from a local `--jobs 2` run."""
    folder = tmp_path_factory.mktemp("ray")
    src = folder / "clusters.jsonl"
    src.write_text(example_clusters(CLUSTERS))
    storyline(src, "-o", folder / "local.jsonl", "--jobs", 2)
    return src, (folder / "local.jsonl").read_bytes()


@pytest.fixture(scope="module")
def two_nodes():
    """One two-node cluster for this module's tests (its start takes a minute under load).
    The batch test, last, kills its second node."""
    with cluster(nodes=2, cpus=1) as (address, nodes):
        yield address, nodes


@pytest.fixture(scope="module")
def articles(tmp_path_factory):
    """Story sources (a WARC file, a JSON Lines stream) and a plain run's store of them."""
    folder = tmp_path_factory.mktemp("stories")
    given = story_sources(folder)
    plain = stories_add(*given, "--db", folder / "plain.db")
    return given, plain, store_contents(folder / "plain.db")


def test_stories_add_on_a_two_node_cluster_stores_what_a_plain_run_stores(
        two_nodes, articles, tmp_path):
    given, plain, stored = articles
    address, nodes = two_nodes
    assert all(node.process.poll() is None for node in nodes)
    done = stories_add(*given, "--db", tmp_path / "ray.db", "--engine", "ray", "--address",
                       address)
    assert done.splitlines()[-1] == plain.splitlines()[-1]
    assert store_contents(tmp_path / "ray.db") == stored


def test_stories_add_on_a_ray_instance_of_its_own(articles, tmp_path):
    given, plain, stored = articles
    done = stories_add(*given, "--db", tmp_path / "ray.db", "--engine", "ray")
    assert done.splitlines()[-1] == plain.splitlines()[-1]
    assert store_contents(tmp_path / "ray.db") == stored


def test_a_two_node_cluster_gives_the_local_output_survives_a_lost_node_and_resumes(
        two_nodes, batch, tmp_path):
    src, local = batch
    address, nodes = two_nodes
    out = tmp_path / "ray.jsonl"
    done = storyline(src, "-o", out, "--engine", "ray", "--address", address)
    assert out.read_bytes() == local, "a Ray run must write what a local run writes"
    assert f"2 of {CLUSTERS} clusters failed" in done.stderr

    # A worker node lost mid-run: its actor restarts on the head, nothing is lost.
    lost = tmp_path / "lost.jsonl"
    run = subprocess.Popen([STORYLINE, "summarize", src, "-o", lost, "--engine", "ray",
                            "--address", address], env={**os.environ, **ENV},
                           stderr=subprocess.PIPE, text=True)
    wait_for_partial(tmp_path, 2, run)
    nodes[1].kill()
    _, stderr = run.communicate(timeout=600)
    assert run.returncode == 1, stderr
    assert lost.read_bytes() == local

    # The driver killed (kill -9) mid-run: --resume does only the rest.
    resumed = tmp_path / "resumed.jsonl"
    run = subprocess.Popen([STORYLINE, "summarize", src, "-o", resumed, "--engine", "ray",
                            "--address", address], env={**os.environ, **ENV},
                           stderr=subprocess.DEVNULL)
    wait_for_partial(tmp_path, 8, run)
    run.send_signal(signal.SIGKILL)
    run.wait()
    assert not resumed.exists()
    done = storyline(src, "-o", resumed, "--engine", "ray", "--address", address,
                     "--resume")
    assert resumed.read_bytes() == local and not temporaries(tmp_path)
    earlier = int(done.stderr.split(" of them by the earlier run")[0].rsplit("(", 1)[1])
    assert 8 <= earlier < CLUSTERS


def test_without_an_address_a_ray_instance_of_its_own(batch, tmp_path):
    src, _ = batch
    few = tmp_path / "few.jsonl"
    few.write_text("".join(src.read_text().splitlines(keepends=True)[:4]))
    storyline(few, "-o", tmp_path / "local.jsonl")
    storyline(few, "-o", tmp_path / "ray.jsonl", "--engine", "ray")
    assert (tmp_path / "ray.jsonl").read_bytes() == (tmp_path / "local.jsonl").read_bytes()

    # Killed with kill -9, it leaves no process of its Ray instance behind.
    run = subprocess.Popen([STORYLINE, "summarize", src, "-o", tmp_path / "killed.jsonl",
                            "--engine", "ray"], env={**os.environ, **ENV},
                           stderr=subprocess.DEVNULL)
    wait_for_partial(tmp_path, 1, run)
    assert ray_processes(run.pid), "the run's Ray instance was not found"
    run.send_signal(signal.SIGKILL)
    run.wait()
    deadline = time.monotonic() + 30
    while ray_processes(run.pid) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not ray_processes(run.pid), "Ray processes outlived their killed driver"


def ray_processes(driver: int) -> list[int]:
    """The live processes of the Ray session that `driver` started (Ray names a
    session after the process that starts it: session_DATE_TIME_PID)."""
    found = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
        except OSError:
            continue
        if re.search(rb"session_[\d_-]+_%d\b" % driver, cmdline) and alive(int(pid)):
            found.append(int(pid))
    return found


def test_an_address_where_no_cluster_listens_is_a_clear_error(batch, tmp_path):
    src, _ = batch
    done = storyline(src, "-o", tmp_path / "o.jsonl", "--engine", "ray", "--address",
                     "127.0.0.1:1", check_exit=(1,))
    assert "cannot connect to the Ray cluster at 127.0.0.1:1" in done.stderr
    assert "ray start --head" in done.stderr and not (tmp_path / "o.jsonl").exists()
