"""A small HTTP GET with explicit limits: connect/read timeouts, an overall deadline, a byte cap.

Conditional GET: the caller passes the ETag / Last-Modified it saw last time and gets 304 back
as `not_modified`. Nothing here raises on network trouble: every outcome is a `Fetched`.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass

import httpx

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Fetched:
    url: str  # final URL after redirects
    status: int | None  # None: no HTTP answer (timeout, refused, too large...)
    body: bytes = b""
    etag: str | None = None
    last_modified: str | None = None
    content_type: str | None = None
    retry_after_s: float | None = None
    error: str | None = None  # set when the download failed; a short reason for the log

    @property
    def ok(self) -> bool:
        return self.error is None and self.status == 200

    @property
    def not_modified(self) -> bool:
        return self.error is None and self.status == 304


class HttpClient:
    """One httpx client, reused for every download (keep-alive), with fixed limits."""

    def __init__(self, *, timeout_s: float, user_agent: str, max_redirects: int = 5) -> None:
        self.timeout_s = timeout_s
        self._client = httpx.Client(
            timeout=httpx.Timeout(timeout_s, connect=min(timeout_s, 10.0)),
            follow_redirects=True,
            max_redirects=max_redirects,
            headers={"User-Agent": user_agent,
                     "Accept": "application/rss+xml, application/atom+xml, application/xml;q=0.9, "
                               "text/xml;q=0.9, text/html;q=0.8, */*;q=0.5"},
            trust_env=False,
        )

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> HttpClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def get(self, url: str, *, max_bytes: int, etag: str | None = None,
            last_modified: str | None = None) -> Fetched:
        headers: dict[str, str] = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        deadline = time.monotonic() + self.timeout_s
        try:
            with self._client.stream("GET", url, headers=headers) as response:
                final = str(response.url)
                meta = {
                    "etag": response.headers.get("etag"),
                    "last_modified": response.headers.get("last-modified"),
                    "content_type": response.headers.get("content-type"),
                    "retry_after_s": _retry_after(response.headers.get("retry-after")),
                }
                if response.status_code == 304:
                    return Fetched(final, 304, **meta)
                if response.status_code != 200:
                    return Fetched(final, response.status_code, error=f"HTTP {response.status_code}", **meta)
                declared = response.headers.get("content-length")
                if declared and declared.isdigit() and int(declared) > max_bytes:
                    return Fetched(final, 200, error=f"too large: Content-Length {declared} > {max_bytes} bytes",
                                   **meta)
                chunks: list[bytes] = []
                size = 0
                for chunk in response.iter_bytes():  # decoded bytes: a gzip bomb hits the cap too
                    size += len(chunk)
                    if size > max_bytes:
                        return Fetched(final, 200, error=f"too large: more than {max_bytes} bytes", **meta)
                    if time.monotonic() > deadline:
                        return Fetched(final, 200, error=f"timeout: body not complete after {self.timeout_s:g}s",
                                       **meta)
                    chunks.append(chunk)
                return Fetched(final, 200, body=b"".join(chunks), **meta)
        except httpx.TimeoutException as exc:
            return Fetched(url, None, error=f"timeout after {self.timeout_s:g}s ({type(exc).__name__})")
        except httpx.TooManyRedirects:
            return Fetched(url, None, error="too many redirects")
        except (httpx.HTTPError, httpx.InvalidURL, UnicodeError, ValueError) as exc:
            return Fetched(url, None, error=f"{type(exc).__name__}: {str(exc)[:200]}")


def _retry_after(value: str | None) -> float | None:
    if value and value.strip().isdigit():
        return float(value.strip())
    return None


def charset_of(content_type: str | None) -> str | None:
    """The charset parameter of a Content-Type header, if any (lower case)."""
    if not content_type:
        return None
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'").lower()
    return None
