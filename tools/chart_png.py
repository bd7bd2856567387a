"""Make the README's picture of the time chart: the HTML export, drawn by headless Chromium.

    python tools/chart_png.py [--data PATH ...] [--as-of DAY] [--width PX] -o docs/chart.png

It runs ``briefcli export html`` as a user would, keeps the page's head, title and chart figure
(the sections around the figure are left out, so that the window need only be as tall as the
drawing: headless Chromium's screenshot does not follow a scroll to ``#chart``), opens it in
headless Chromium and saves the screenshot. Nothing is fetched: the page loads nothing, and
Chromium's network features are switched off.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

BODY = 48 * 16  # the page's column (max-width 48rem) in CSS pixels
MARGIN = 16  # the page's side padding


def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if shutil.which(name):
            return shutil.which(name)
    sys.exit("chart_png: Chromium is not installed (apt-get install chromium)")


def export(data: list[str], as_of: str | None) -> str:
    command = [sys.executable, "-m", "briefcli"]
    for path in data:
        command += ["--data", path]
    command += ["export", "html"] + (["--as-of", as_of] if as_of else [])
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


def chart_only(page: str) -> str:
    """The export cut to its header and chart figure, with its own head and style."""
    figure = re.search(r'<figure class="chart".*?</figure>', page, flags=re.S)
    if figure is None:
        sys.exit("chart_png: the export has no chart (no dated steps or events?)")
    header = page[:page.index("</header>") + len("</header>")]
    return f"{header}\n<main>\n{figure.group()}\n</main>\n</body>\n</html>\n"


def window_height(page: str, width: int) -> int:
    """How tall the window must be to show the chart shown at ``width``, with its caption."""
    wide = re.search(r'<svg [^>]*class="wide" viewBox="0 0 (\d+) ([\d.]+)"', page)
    if wide is None:
        sys.exit("chart_png: the export has no chart (no dated steps or events?)")
    drawn = min(width - 2 * MARGIN, BODY - 2 * MARGIN)
    return int(float(wide.group(2)) * drawn / int(wide.group(1))) + 180  # title, caption


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", action="append", default=[], metavar="PATH")
    parser.add_argument("--as-of", metavar="DAY")
    parser.add_argument("--width", type=int, default=BODY)
    parser.add_argument("-o", "--output", required=True, type=Path)
    args = parser.parse_args()
    page = chart_only(export(args.data, args.as_of))
    height = window_height(page, args.width)
    with tempfile.TemporaryDirectory() as folder:
        html = Path(folder) / "briefing.html"
        html.write_text(page, encoding="utf-8")
        shot = Path(folder) / "chart.png"
        subprocess.run(
            [chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
             "--disable-background-networking", "--disable-component-update", "--no-first-run",
             "--force-device-scale-factor=1", f"--user-data-dir={Path(folder) / 'profile'}",
             f"--window-size={args.width},{height}", f"--screenshot={shot}",
             html.as_uri()],
            check=True, capture_output=True, timeout=120,
        )
        args.output.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(shot, args.output)
    print(f"{args.output}: {args.width}x{height}")


if __name__ == "__main__":
    main()
