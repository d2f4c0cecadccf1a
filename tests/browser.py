"""A real headless Chromium (Debian's, driven by Playwright) on a locally served build."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="needs Chromium (scripts/install-system-deps.sh chromium)"
)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve ``folder`` on localhost; yields its base address."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def browser_page() -> Iterator[Any]:
    """A page of a fresh headless Chromium, with no network but localhost."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],  # Playwright gives it a fresh, empty profile
        )
        try:
            page = browser.new_page()
            yield page
        finally:
            browser.close()


def svg_frame(page: Any, index: int = 0) -> Any:
    """The document of the ``index``-th SVG chart of the page (an <object>, not an iframe)."""
    page.wait_for_load_state("load")
    frames = [f for f in page.frames if f.url.endswith(".svg")]
    order = page.eval_on_selector_all("object.orgchart-svg", "els => els.map(e => e.data)")
    by_url = {f.url: f for f in frames}
    return by_url[order[index]]
