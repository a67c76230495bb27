"""The server's guard at the connection level, below the app: a uvicorn HTTP protocol.

uvicorn gives no time limit for a request's head and no cap per client, so one client
could hold every connection open by sending nothing, or a header line now and then,
and lock everyone else out. This protocol (uvicorn's h11 one, with these additions) has:

- a limit on the connections one client address holds open at once, and on all of them
  (503, answered at once, before the client has sent anything);
- a deadline for each request's head (request line and headers), from when the
  connection opens or the last answer was sent (408); uvicorn's keep-alive timeout still
  closes a connection idle between requests, and the app's `BodyLimit` bounds the body;
- a deadline for a client that stops reading its answer (the connection is closed);
- JSON answers, as from the app, for what the HTTP parser refuses: a head over 16 KB
  (431), a malformed request line, header or Content-Length (400).

Behind a reverse proxy every request comes from the proxy's one address: give
`per_client=0` (no per-client cap) and let the proxy limit its clients.
"""

from __future__ import annotations

import asyncio
import json
import sys
from collections import Counter
from http import HTTPStatus

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol
from uvicorn.protocols.utils import get_remote_addr

PER_CLIENT = 16  # connections one address may hold; a browser opens 6
MAX_CONNECTIONS = 1000  # all clients together
CLIENT_SECONDS = 10.0  # for a request's head to arrive, or a stalled reader to read on
LINGER_SECONDS = 1.0  # a refused connection is read from, and dropped, before it is closed


def guarded_protocol(*, per_client: int = PER_CLIENT, max_connections: int = MAX_CONNECTIONS,
                     seconds: float = CLIENT_SECONDS) -> type[H11Protocol]:
    """A protocol class for `uvicorn.run(..., http=...)` with these limits; the class
    counts the connections of the server it serves (`per_client=0`: no cap per client)."""
    return type("GuardedProtocol", (GuardedProtocol,), {
        "per_client": per_client, "max_connections": max_connections, "seconds": seconds,
        "open_by_client": Counter()})


class GuardedProtocol(H11Protocol):
    per_client: int
    max_connections: int
    seconds: float
    open_by_client: Counter  # client address -> connections open, shared by the class

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self.address = (get_remote_addr(transport) or ("?", 0))[0]
        self.head_deadline: asyncio.TimerHandle | None = None
        self.read_deadline: asyncio.TimerHandle | None = None
        self.counted = False
        self.refused = False
        if len(self.connections) > self.max_connections:
            return self._refuse(503, "the server has too many connections; try again in a "
                                     "moment")
        if self.per_client and self.open_by_client[self.address] >= self.per_client:
            return self._refuse(503, f"this address has {self.per_client} connections open "
                                     "already; close some, or reuse them")
        self.open_by_client[self.address] += 1
        self.counted = True
        self._await_head()

    def connection_lost(self, exc: Exception | None) -> None:
        self.head_deadline = _cancel(self.head_deadline)
        self.read_deadline = _cancel(self.read_deadline)
        if self.counted:
            self.counted = False
            self.open_by_client[self.address] -= 1
            if not self.open_by_client[self.address]:
                del self.open_by_client[self.address]
        super().connection_lost(exc)

    def data_received(self, data: bytes) -> None:
        if self.refused:
            return  # read and dropped until the connection closes: see `_refuse`
        super().data_received(data)
        if self.conn.their_state is h11.IDLE:  # a head has begun, or is still to come
            self._await_head()
        else:  # the head is in: the body and the app have limits of their own
            self.head_deadline = _cancel(self.head_deadline)

    def send_400_response(self, msg: str) -> None:
        """What the HTTP parser refused, as JSON (called while its error is handled)."""
        status = getattr(sys.exc_info()[1], "error_status_hint", 400)
        if status == 431:
            message = "the request's head (request line and headers) is over 16 KB"
        else:
            message = ("the request is not valid HTTP/1.1 (a malformed request line, header "
                       "or Content-Length)")
        self._refuse(status, message)

    def pause_writing(self) -> None:
        """The client does not read its answer: it has `seconds` to go on reading."""
        super().pause_writing()
        if self.read_deadline is None:
            self.read_deadline = self.loop.call_later(self.seconds, self.transport.abort)

    def resume_writing(self) -> None:
        super().resume_writing()
        self.read_deadline = _cancel(self.read_deadline)

    def _await_head(self) -> None:
        if self.head_deadline is None and not self.transport.is_closing():
            self.head_deadline = self.loop.call_later(self.seconds, self._head_too_slow)

    def _head_too_slow(self) -> None:
        self.head_deadline = None
        if self.conn.their_state is h11.IDLE:
            self._refuse(408, f"the request's head did not arrive within {self.seconds:g} s")

    def _refuse(self, status: int, message: str) -> None:
        """Answer `status` with {"error": message} and close, outside any request cycle
        (h11 is not asked: it would refuse to answer a request it has not seen).

        The close lingers: the answer is sent and the sending side shut, but what the
        client still sends is read and dropped for a moment, since closing a socket with
        unread data resets the connection, and the client would lose the answer."""
        self.head_deadline = _cancel(self.head_deadline)
        if self.transport.is_closing() or self.refused:
            return
        self.refused = True
        self.connections.discard(self)  # no longer counts against the cap for all clients
        body = json.dumps({"error": message}).encode()
        head = [f"HTTP/1.1 {status} {HTTPStatus(status).phrase}", "content-type: application/json",
                f"content-length: {len(body)}", "connection: close"]
        if status == 503:
            head.append("retry-after: 2")
        self.transport.write(("\r\n".join(head) + "\r\n\r\n").encode() + body)
        if self.transport.can_write_eof():
            self.transport.write_eof()
            self.loop.call_later(LINGER_SECONDS, self.transport.close)
        else:
            self.transport.close()


def _cancel(timer: asyncio.TimerHandle | None) -> None:
    if timer is not None:
        timer.cancel()
