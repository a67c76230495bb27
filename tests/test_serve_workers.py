"""`storyline serve` outlives its worker processes. A worker killed with SIGKILL (as the
OOM killer, a crash in C code or an operator ends it) costs at most the request it was
serving; the requests after it, on every route that runs in the pool, are answered. The
server is started as a user starts it, with one worker so that every kill empties the pool."""

import http.client
import json
import os
import signal
import sys
import threading
import time
from pathlib import Path

import pytest
from conftest import EXAMPLE
from processes import alive, children, cpu_ticks, serve

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
TEXTS = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLE.glob("article-*.txt"))]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with serve("--workers", "1", "--db", tmp_path_factory.mktemp("store") / "s.db") as server:
        yield server


def post(server, path, body) -> tuple[int, dict]:
    return call(server, "POST", path, json.dumps(body))


def call(server, method, path, body=None) -> tuple[int, dict]:
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=120)
    connection.request(method, path, body, {"Content-Type": "application/json"})
    response = connection.getresponse()
    answer = json.loads(response.read())
    connection.close()
    return response.status, answer


def brief(server, copies=1) -> tuple[int, dict]:
    """A brief of the example; with `copies`, of that many reworded copies of it (slower)."""
    documents = [t.replace(" the ", f" the{i} ") for i in range(copies) for t in TEXTS]
    return post(server, "/v1/briefs", {"documents": documents[:100]})


def workers(server) -> list[int]:
    """The server's worker processes: its children forked from it (the same command line;
    not multiprocessing's resource tracker)."""
    command = Path(f"/proc/{server.process.pid}/cmdline").read_bytes()
    found = []
    for pid in children(server.process.pid):
        try:
            if Path(f"/proc/{pid}/cmdline").read_bytes() == command and alive(pid):
                found.append(pid)
        except OSError:
            pass
    return found


def kill(pids) -> None:
    for pid in pids:
        os.kill(pid, signal.SIGKILL)
    deadline = time.monotonic() + 10
    while any(map(alive, pids)) and time.monotonic() < deadline:
        time.sleep(0.02)
    time.sleep(0.3)  # the pool has noticed (it looks every 0.1 s)


def in_thread(function, *args) -> list:
    """Run `function(*args)` in a thread; the list holds its value once it is done."""
    value = []
    thread = threading.Thread(target=lambda: value.append(function(*args)), daemon=True)
    thread.start()
    value.append(thread)
    return value


def test_a_worker_killed_between_requests_costs_no_request_on_any_route(server):
    assert brief(server)[0] == 200
    kill(workers(server))  # idle: pebble's pool was left broken, every answer a 500
    status, answer = brief(server)
    assert status == 200 and answer["sentences"], answer
    kill(workers(server))
    documents = [{"text": t, "published": f"2019-03-0{i}"} for i, t in enumerate(TEXTS, 1)]
    status, answer = post(server, "/v1/timelines", {"documents": documents})
    assert status == 200 and answer["timeline"], answer
    kill(workers(server))
    status, answer = call(server, "GET", "/v1/stories/1")  # looked up in a worker
    assert status == 404 and "no story 1" in answer["error"]


def test_a_worker_killed_mid_request_costs_only_that_request(server):
    assert brief(server)[0] == 200
    [worker] = workers(server)
    idle = cpu_ticks(worker)
    long = in_thread(brief, server, 20)
    deadline = time.monotonic() + 60
    while cpu_ticks(worker) < idle + 30 and time.monotonic() < deadline:  # 0.3 s of work
        time.sleep(0.02)
    waiting = in_thread(brief, server)  # queued behind the long one
    time.sleep(0.3)
    assert len(long) == 1, "the long request ended before its worker was killed"
    kill([worker])
    long[0].join(60)
    status, answer = long[1]
    assert status == 500 and "died" in answer["error"] and "retry" in answer["error"]
    waiting[0].join(120)
    assert waiting[1][0] == 200
    assert brief(server)[0] == 200


def test_a_worker_killed_while_starting_costs_no_request(server):
    assert brief(server)[0] == 200
    before = workers(server)
    kill(before)
    waiting = in_thread(brief, server)  # starts a new pool, whose worker loads spaCy
    deadline = time.monotonic() + 30
    while not (starting := set(workers(server)) - set(before)) and time.monotonic() < deadline:
        time.sleep(0.01)
    kill(starting)  # before it took the request: the request waits for the next one
    waiting[0].join(120)
    status, answer = waiting[1]
    assert status == 200 and answer["sentences"], answer
    assert "a worker died before this request ran" in server.log()


def _hang() -> None:
    time.sleep(3600)


def test_a_pool_whose_workers_never_take_a_task_is_replaced_not_waited_on(monkeypatch):
    """A pool none of whose tasks starts (its workers stuck starting) is replaced after
    STALLED_SECONDS, not waited on until the deadline: here the new pool is stuck too, so
    the answer is 503 in about two stalls, not 504 at the time limit."""
    import asyncio

    from storyline.faces import workers as workers_module

    monkeypatch.setattr(workers_module, "STALLED_SECONDS", 1.0)
    monkeypatch.setattr(workers_module, "_warm_up", _hang)

    class Client:
        async def is_disconnected(self) -> bool:
            return False

    pool = workers_module.Workers(1, time_limit=60)
    try:
        started = time.monotonic()
        answer = asyncio.run(pool.run(Client(), len, "abc"))
        assert answer.status_code == 503
        assert time.monotonic() - started < 20
    finally:
        pool.stop()
