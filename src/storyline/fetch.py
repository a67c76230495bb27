"""Fetching a web page for a brief, safely: the server must not become a way into the
network it runs on (server-side request forgery), nor be starved by a hostile page.

Only http and https; every address the host resolves to must be public (loopback,
private, link-local, site-local, multicast and reserved addresses are refused, also
when embedded in IPv6 as IPv4-mapped, 6to4, Teredo or NAT64, unless private ones are
allowed); the connection goes to the address that was checked, so a DNS answer cannot
change between check and use; each redirect is checked the same way. The whole fetch,
redirects included, has one deadline, and the bytes of all pages of a request share one
budget; pages must come uncompressed, so a small compressed "bomb" cannot expand in
memory. A user name and password in a URL are sent to its host, but never kept in the
page's URL nor shown in a message.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from dataclasses import dataclass

import httpx

from .brief.ingest import without_credentials
from .errors import InputError

TIMEOUT_SECONDS = 10.0
MAX_BYTES = 5_000_000  # all pages of one request together
MAX_REDIRECTS = 5
MAX_SHOWN = 200  # characters of a URL that a message shows
TEXT_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
# (a feed is judged by what it holds: hosts serve RSS as application/x-rss+xml, as
# Python's own `mimetypes` does, or a file without its type as application/octet-stream)
FEED_TYPES = TEXT_TYPES + ("application/rss+xml", "application/atom+xml", "application/xml",
                           "text/xml", "application/rdf+xml", "application/x-rss+xml",
                           "application/x-atom+xml", "application/feed+json",
                           "application/json", "application/octet-stream")
_NAT64 = (ipaddress.ip_network("64:ff9b::/96"), ipaddress.ip_network("64:ff9b:1::/48"))


class FetchError(InputError):
    """A page could not be fetched: the message says which and why."""


class PrivateAddressError(FetchError):
    """A page on a private, loopback or link-local address, refused unless allowed."""


@dataclass(frozen=True)
class Page:
    url: str  # after redirects
    text: str
    html: bool
    # what a poller sends next time to be told "not modified" (`fetch(..., since=...)`):
    # the answer's ETag and Last-Modified; `unchanged` when that was the answer
    validators: tuple[str | None, str | None] = (None, None)
    unchanged: bool = False


class Budget:
    """Bytes that the pages of one request may still take, together."""

    def __init__(self, limit: int = MAX_BYTES):
        self.limit = limit
        self.left = limit

    def take(self, url: str, n: int) -> None:
        self.left -= n
        if self.left < 0:
            raise FetchError(f"{_shown(url)}: the pages are over the {self.limit:,}-byte "
                             "limit (all links together); give fewer or shorter pages")


async def fetch(url: str, *, allow_private: bool = False, timeout: float = TIMEOUT_SECONDS,
                budget: Budget | None = None, types: tuple[str, ...] = TEXT_TYPES,
                since: tuple[str | None, str | None] = (None, None)) -> Page:
    """The page at `url`, its text decoded; FetchError if it is refused or fails.
    `types` are the content types accepted (feeds add `FEED_TYPES`); `since`, an earlier
    answer's `Page.validators`, asks for the page only if it changed (a conditional GET:
    an unchanged page comes back empty, `unchanged`)."""
    budget = budget or Budget()
    try:
        async with asyncio.timeout(timeout):
            return await _fetch(url, allow_private, timeout, budget, types, since)
    except TimeoutError:
        raise FetchError(f"{_shown(url)}: no complete answer within {timeout:g} s") from None


async def _fetch(url: str, allow_private: bool, timeout: float, budget: Budget,
                 types: tuple[str, ...], since: tuple[str | None, str | None]) -> Page:
    conditions = {name: value for name, value in zip(("If-None-Match", "If-Modified-Since"),
                                                     since, strict=True) if value}
    async with httpx.AsyncClient(timeout=timeout, follow_redirects=False, trust_env=False,
                                 headers={"User-Agent": "Storyline/0.1 (+news brief)",
                                          "Accept-Encoding": "identity"}) as client:
        origin = url
        for _ in range(MAX_REDIRECTS + 1):
            target = _parse(url)
            address = await _checked_address(target, url, allow_private, origin)
            direct = target.copy_with(host=address)
            request = client.build_request(
                "GET", direct, headers={"Host": target.netloc.decode("ascii"), **conditions},
                extensions={"sni_hostname": target.raw_host.decode("ascii")})
            try:
                response = await client.send(request, stream=True)
            except httpx.TimeoutException:
                raise FetchError(f"{_shown(url)}: no answer within {timeout:g} s") from None
            except httpx.HTTPError as e:
                raise FetchError(f"{_shown(url)}: could not connect "
                                 f"({e or type(e).__name__})") from None
            try:
                if response.is_redirect and "location" in response.headers:
                    url = str(target.join(response.headers["location"]))
                    continue
                if response.status_code == 304 and conditions:
                    return Page(url=without_credentials(url), text="", html=False,
                                validators=since, unchanged=True)
                return await _read(url, response, budget, types)
            finally:
                await response.aclose()
    raise FetchError(f"{_shown(origin)}: more than {MAX_REDIRECTS} redirects")


def _parse(url: str) -> httpx.URL:
    """The URL, its host in ASCII (internationalized names become punycode)."""
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, ValueError, UnicodeError):
        raise FetchError(f"{_shown(url)!r} is not a valid URL; give a web page's "
                         "address") from None
    if parsed.scheme not in ("http", "https") or not parsed.host:
        raise FetchError(f"{_shown(url)!r} is not an http or https address; give a web "
                         "page's URL")
    return parsed


async def _checked_address(target: httpx.URL, url: str, allow_private: bool,
                           origin: str) -> str:
    """One address of the URL's host, after checking all of them."""
    port = target.port or (443 if target.scheme == "https" else 80)
    try:
        infos = await asyncio.get_running_loop().getaddrinfo(
            target.raw_host.decode("ascii"), port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError):
        raise FetchError(f"{_shown(url)}: the host {target.host} was not found") from None
    addresses = [info[4][0] for info in infos]
    for address in addresses:
        ip = ipaddress.ip_address(address.split("%")[0])
        if not _allowed(ip, allow_private):
            via = f" (a redirect from {_shown(origin)})" if url != origin else ""
            raise PrivateAddressError(
                f"{_shown(url)}{via}: {target.host} is a private, loopback or link-local "
                f"address ({ip}), which is not fetched unless private addresses are allowed")
    return addresses[0]


def _allowed(ip: ipaddress.IPv4Address | ipaddress.IPv6Address, allow_private: bool) -> bool:
    """Public addresses only, unless private ones are allowed; never multicast. An IPv4
    address inside an IPv6 one (mapped, compatible, 6to4, Teredo, NAT64) is judged as
    itself."""
    if ip.version == 6:
        embedded = ip.ipv4_mapped or ip.sixtofour or (ip.teredo and ip.teredo[1])
        if not embedded and (any(ip in net for net in _NAT64)  # NAT64, or IPv4-compatible
                             or (int(ip) >> 32 == 0 and int(ip) > 1)):
            embedded = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
        if embedded:
            return _allowed(embedded, allow_private)
        if ip.is_site_local and not allow_private:
            return False
    return not ip.is_multicast and (allow_private or ip.is_global)


async def _read(url: str, response: httpx.Response, budget: Budget,
                types: tuple[str, ...] = TEXT_TYPES) -> Page:
    if response.status_code != 200:
        raise FetchError(f"{_shown(url)}: the server answered {response.status_code}")
    kind = response.headers.get("content-type", "text/html").split(";")[0].strip().lower()
    if kind not in types:
        what = "a feed, a web page or text" if types != TEXT_TYPES else "a web page or text"
        raise FetchError(f"{_shown(url)}: the page is {kind}, not {what}")
    encoding = response.headers.get("content-encoding", "identity").strip().lower()
    if encoding not in ("", "identity"):
        raise FetchError(f"{_shown(url)}: the page came {encoding}-compressed though it was "
                         "asked for plainly; this server reads uncompressed pages only")
    declared = response.headers.get("content-length", "")
    if declared.isdigit():
        budget.take(url, 0 if int(declared) <= budget.left else int(declared))
    body = bytearray()
    async for chunk in response.aiter_raw():
        budget.take(url, len(chunk))
        body += chunk
    try:
        text = bytes(body).decode(response.charset_encoding or "utf-8", errors="replace")
    except (LookupError, UnicodeError):  # an unknown or unusable charset name
        text = bytes(body).decode("utf-8", errors="replace")
    return Page(url=without_credentials(url), text=text,
                html=kind in ("text/html", "application/xhtml+xml"),
                validators=(response.headers.get("etag"), response.headers.get("last-modified")))


def _shown(url: str) -> str:
    """A URL as messages show it: without user name and password, and not too long."""
    url = without_credentials(url)
    return url if len(url) <= MAX_SHOWN else url[:MAX_SHOWN] + "…"
