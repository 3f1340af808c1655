"""Save a screenshot of a build's overview page, as the README shows it.

    kg build && python scripts/screenshot.py                  # graphs/index.html -> docs/overview.png
    python scripts/screenshot.py graphs --search DPO -o shot.png

The page is opened offline in headless Chromium (/usr/bin/chromium) and shot once
its layout is frozen; with ``--search`` the name is typed into the search box first.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from kg.views.browser import offline_page

ROOT = Path(__file__).parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("graph", nargs="?", type=Path, default=ROOT / "graphs", help="build folder")
    parser.add_argument("-o", "--output", type=Path, default=ROOT / "docs" / "overview.png")
    parser.add_argument("--search", help="a name to find and highlight before the shot")
    args = parser.parse_args()
    page = args.graph / "index.html"
    if not page.is_file():
        parser.error(f"{page}: no overview here (run `kg build -o {args.graph}` first)")
    with offline_page(width=1400, height=900) as browser:
        settled_ms = browser.open(page)
        if args.search:
            browser.page.fill("#search-box", args.search)
            browser.page.press("#search-box", "Enter")
            browser.page.wait_for_timeout(800)  # the focus animation takes 400 ms
        args.output.parent.mkdir(parents=True, exist_ok=True)
        browser.page.screenshot(path=str(args.output))
    print(f"{args.output} ({page} settled {settled_ms / 1000:.2f} s after opening)")


if __name__ == "__main__":
    main()
