"""Open views in Debian's headless Chromium with every network request blocked.

Used by the browser tests, ``scripts/screenshot.py`` and ``benchmarks/views_speed.py``.
Chromium comes from the system (``apt-get install chromium``), not from
``playwright install``, and runs with a fresh profile and its background
services off, so any request a page makes is the page's own.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import Page, Route, sync_playwright

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip


@dataclass
class OfflinePage:
    """A browser page, and what it tried that it should not have."""

    page: Page
    requests_blocked: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def open(self, html: Path, timeout_ms: float = 60_000) -> float:
        """Load ``html`` from ``file://`` and wait until its layout is frozen; return when that was (ms).

        What the page tries is recorded afresh for each page opened.
        """
        for record in (self.requests_blocked, self.console_errors, self.dialogs):
            record.clear()
        self.page.goto(html.resolve().as_uri())
        self.page.wait_for_function("window.kgSettledMs !== null", timeout=timeout_ms)
        return self.page.evaluate("kgSettledMs")


@contextmanager
def offline_page(width: int = 1280, height: int = 800) -> Iterator[OfflinePage]:
    """A page in a new headless Chromium that may load ``file://`` URLs and nothing else."""
    with tempfile.TemporaryDirectory(prefix="kg-chromium-") as profile, sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            profile, executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS,
            viewport={"width": width, "height": height}, service_workers="block",
        )  # fmt: skip
        try:
            watched = OfflinePage(context.pages[0] if context.pages else context.new_page())

            def only_files(route: Route) -> None:
                if route.request.url.startswith("file:"):
                    route.continue_()
                else:
                    watched.requests_blocked.append(route.request.url)
                    route.abort()

            context.route("**/*", only_files)
            watched.page.on("console", lambda m: m.type == "error" and watched.console_errors.append(m.text))
            watched.page.on("pageerror", lambda error: watched.console_errors.append(str(error)))

            def refuse(dialog) -> None:
                watched.dialogs.append(dialog.message)
                dialog.dismiss()

            watched.page.on("dialog", refuse)
            yield watched
        finally:
            context.close()
