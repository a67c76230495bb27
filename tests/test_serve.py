"""`storyline serve` started as a user starts it, against hostile and careless clients on
raw sockets: idle and slow clients are timed out, one client address cannot lock others
out, and what the HTTP parser refuses is answered as JSON. All traffic is loopback; every
loop is bounded; the server is stopped at the end."""

import http.client
import json
import socket
import time

import pytest
from conftest import EXAMPLE
from processes import serve

TIMEOUT = 1.0  # --client-timeout for this server
PER_CLIENT = 4  # --per-client
OTHER = "127.0.0.2"  # a second client address (all of 127/8 is loopback on Linux)


@pytest.fixture(scope="module")
def port():
    with serve("--workers", "1", "--client-timeout", TIMEOUT, "--per-client",
               PER_CLIENT) as server:
        yield server.port


def request(port, method, path, body=None, source="127.0.0.1", headers=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60,
                                            source_address=(source, 0))
    connection.request(method, path, body, headers or (
        {"Content-Type": "application/json"} if body is not None else {}))
    response = connection.getresponse()
    answer = response.read()
    connection.close()
    return response.status, answer, response


def connect(port, source="127.0.0.1"):
    return socket.create_connection(("127.0.0.1", port), timeout=10, source_address=(source, 0))


def answer_of(s, wait=10.0):
    """Everything the server sends until it closes the connection (or `wait` passes)."""
    s.settimeout(wait)
    data = b""
    try:
        while chunk := s.recv(65536):
            data += chunk
    except (socket.timeout, ConnectionResetError):
        pass
    s.close()
    return data


def status_and_error(data):
    head, _, body = data.partition(b"\r\n\r\n")
    status = int(head.split()[1]) if head.startswith(b"HTTP/1.1 ") else None
    assert b"content-type: application/json" in head.lower(), data[:300]
    return status, json.loads(body)["error"]


@pytest.fixture(scope="module")
def other_address(port):
    try:
        connect(port, OTHER).close()
    except OSError:
        pytest.skip(f"cannot connect from {OTHER} on this system")
    return OTHER


def test_an_idle_connection_is_closed_with_408(port):
    s = connect(port)
    start = time.monotonic()
    status, error = status_and_error(answer_of(s))
    assert status == 408 and "did not arrive within 1 s" in error
    assert time.monotonic() - start < TIMEOUT + 5


def test_a_head_sent_a_line_at_a_time_is_timed_out(port):
    s = connect(port)
    s.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")
    start = time.monotonic()
    for _ in range(20):  # one header line every 0.2 s would go on for 4 s
        try:
            s.sendall(b"X-Slow: y\r\n")
        except OSError:
            break
        time.sleep(0.2)
    status, error = status_and_error(answer_of(s))
    assert status == 408 and time.monotonic() - start < TIMEOUT + 5


def test_a_kept_alive_connection_has_the_same_head_deadline(port):
    s = connect(port)
    s.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
    first = b""
    while not first.endswith(b"}"):  # the whole first answer
        first += s.recv(65536)
    assert first.startswith(b"HTTP/1.1 200")
    s.sendall(b"GET /healthz HTTP/1.1\r\n")  # the next request's head, never finished
    status, _ = status_and_error(answer_of(s))
    assert status == 408


def test_a_lone_client_cannot_lock_others_out(port, other_address):
    held = [connect(port) for _ in range(PER_CLIENT * 10)]
    for s in held:  # half-sent requests: a head promising a body that never comes
        try:
            s.sendall(b"POST /v1/briefs HTTP/1.1\r\nHost: x\r\nContent-Type: application/json"
                      b"\r\nContent-Length: 1000\r\n\r\n{")
        except OSError:
            pass
    time.sleep(0.3)
    refused = 0
    for s in held[PER_CLIENT:]:
        data = answer_of(s, wait=5)
        refused += bool(data) and status_and_error(data)[0] == 503
    assert refused == len(held) - PER_CLIENT
    body = json.dumps({"documents": [p.read_text(encoding="utf-8")
                                     for p in sorted(EXAMPLE.glob("article-*.txt"))[:2]],
                       "analysis": False})
    assert request(port, "GET", "/healthz", source=other_address)[0] == 200
    status, answer, _ = request(port, "POST", "/v1/briefs", body, source=other_address)
    assert status == 200, answer
    assert json.loads(answer)["sentences"]
    for s in held[:PER_CLIENT]:  # let in, then timed out by the body deadline (408) or
        start = time.monotonic()  # refused a place in the queue (503), and closed: also
        status, error = status_and_error(answer_of(s))  # by the worker forked meanwhile
        assert status in (408, 503) and time.monotonic() - start < 8, error
    assert request(port, "GET", "/healthz")[0] == 200  # and the first address is let in again


@pytest.mark.parametrize("raw, status, message", [
    (b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 1_000_000 + b"\r\n\r\n", 431,
     "over 16 KB"),
    (b"POST /v1/briefs HTTP/1.1\r\nHost: x\r\nContent-Length: lots\r\n\r\n", 400,
     "not valid HTTP/1.1"),
    (b"POST /v1/briefs HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n",
     400, "not valid HTTP/1.1"),
    (b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03" + b"\x00" * 40 + b"\r\n\r\n", 400,
     "not valid HTTP/1.1"),  # a TLS hello to the plain-HTTP port
    (b"POST /v1/briefs HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999\r\n\r\n", 413,
     "over 5,000,000 bytes"),
    (b"GET /v1/briefs HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 405, "use POST"),
])
def test_what_the_http_parser_refuses_is_answered_as_json(port, raw, status, message):
    s = connect(port)
    try:
        s.sendall(raw)
    except OSError:
        pass
    got, error = status_and_error(answer_of(s))
    assert got == status and message in error


def test_half_a_million_unknown_keys_cost_next_to_nothing(port):
    body = "{" + ",".join(f'"{i:x}":1' for i in range(500_000)) + "}"
    start = time.monotonic()
    status, answer, _ = request(port, "POST", "/v1/briefs", body.encode())
    assert status == 422 and len(answer) < 1000
    assert "unknown field" in json.loads(answer)["error"]
    assert time.monotonic() - start < 10  # it took 20 s, and 805 MB, when all were parsed
