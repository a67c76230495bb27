"""Fetching a web page for a brief, safely: the server must not become a way into the
network it runs on (server-side request forgery).

Only http and https; the host's every address must be public (loopback, private,
link-local, multicast and reserved addresses are refused unless allowed); the
connection goes to the address that was checked, so a DNS answer cannot change between
check and use; each redirect is checked the same way; time and size are bounded.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit, urlunsplit

import httpx

from .errors import InputError

TIMEOUT_SECONDS = 10.0
MAX_BYTES = 5_000_000
MAX_REDIRECTS = 5
TEXT_TYPES = ("text/html", "application/xhtml+xml", "text/plain")


class FetchError(InputError):
    """A page could not be fetched: the message says which and why."""


@dataclass(frozen=True)
class Page:
    url: str  # after redirects
    text: str
    html: bool


async def fetch(url: str, *, allow_private: bool = False, timeout: float = TIMEOUT_SECONDS,
                max_bytes: int = MAX_BYTES) -> Page:
    """The page at `url`, its text decoded; FetchError if it is refused or fails."""
    async with httpx.AsyncClient(timeout=timeout, follow_redirects=False,
                                 headers={"User-Agent": "Storyline/0.1 (+news brief)"}) as client:
        for _ in range(MAX_REDIRECTS + 1):
            host, address = await _checked_address(url, allow_private)
            parts = urlsplit(url)
            netloc = f"[{address}]" if ":" in address else address
            if parts.port:
                netloc += f":{parts.port}"
            direct = urlunsplit((parts.scheme, netloc, parts.path or "/", parts.query, ""))
            request = client.build_request(
                "GET", direct, headers={"Host": parts.netloc.rsplit("@", 1)[-1]},
                extensions={"sni_hostname": host})
            try:
                response = await client.send(request, stream=True)
            except httpx.TimeoutException:
                raise FetchError(f"{url}: no answer within {timeout:g} s") from None
            except httpx.HTTPError as e:
                raise FetchError(f"{url}: could not connect ({type(e).__name__})") from None
            try:
                if response.is_redirect and "location" in response.headers:
                    url = urljoin(url, response.headers["location"])
                    continue
                return await _read(url, response, max_bytes)
            finally:
                await response.aclose()
    raise FetchError(f"{url}: more than {MAX_REDIRECTS} redirects")


async def _checked_address(url: str, allow_private: bool) -> tuple[str, str]:
    """The host of `url` and one of its addresses, after checking all of them."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError(f"{url!r} is not an http or https address; give a web page's URL")
    host = parts.hostname
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        raise FetchError(f"{url}: the port is not a number") from None
    try:
        infos = await asyncio.get_running_loop().getaddrinfo(host, port,
                                                             type=socket.SOCK_STREAM)
    except socket.gaierror:
        raise FetchError(f"{url}: the host {host} was not found") from None
    addresses = [info[4][0] for info in infos]
    for address in addresses:
        ip = ipaddress.ip_address(address.split("%")[0])
        if not _allowed(ip, allow_private):
            raise FetchError(f"{url}: {host} is a private, loopback or link-local address "
                             f"({ip}), which this server does not fetch")
    return host, addresses[0]


def _allowed(ip: ipaddress.IPv4Address | ipaddress.IPv6Address, allow_private: bool) -> bool:
    """Public addresses only, unless private ones are allowed (never multicast)."""
    mapped = getattr(ip, "ipv4_mapped", None)  # ::ffff:127.0.0.1 is 127.0.0.1
    ip = mapped or ip
    return not ip.is_multicast and (allow_private or ip.is_global)


async def _read(url: str, response: httpx.Response, max_bytes: int) -> Page:
    if response.status_code != 200:
        raise FetchError(f"{url}: the server answered {response.status_code}")
    kind = response.headers.get("content-type", "text/html").split(";")[0].strip().lower()
    if kind not in TEXT_TYPES:
        raise FetchError(f"{url}: the page is {kind}, not a web page or text")
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise FetchError(f"{url}: the page is over the {max_bytes:,}-byte limit")
    body = bytearray()
    async for chunk in response.aiter_bytes():
        body += chunk
        if len(body) > max_bytes:
            raise FetchError(f"{url}: the page is over the {max_bytes:,}-byte limit")
    text = bytes(body).decode(response.charset_encoding or "utf-8", errors="replace")
    return Page(url=url, text=text, html=kind != "text/plain")
