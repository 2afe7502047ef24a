"""Screenshots of every dashboard page, taken in Debian's Chromium through Playwright.

    python scripts/screenshots.py [--corpus PATH] [--cache DIR] [--out docs/screenshots]

Starts ``streamlit run dashboard.py`` on the corpus (default ``seeds/``, whose licence
allows showing it), opens each page with every request to another host refused (so the
pictures also show that nothing needs the internet), waits for the page to finish and
writes ``<page>.png``.  The README's screenshots are made with the defaults (``seeds/``)
and with ``--corpus ../shared/corpora/meantime-nl/articles.jsonl --out
docs/screenshots/meantime`` (MEANTIME, CC BY 4.0: a corpus whose licence allows showing it).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "lib"))

from kroniek.app.navigation import PAGES  # noqa: E402

sys.path.insert(0, str(ROOT / "scripts"))
from browsing import CHROMIUM, CHROMIUM_ARGS, free_port, healthy, wait_idle  # noqa: E402


def local_only(route) -> None:
    """Let requests to this machine through and refuse every other one."""
    host = route.request.url.split("/")[2].split(":")[0]
    if host in ("127.0.0.1", "localhost"):
        route.continue_()
    else:
        route.abort()


def shrink(path: Path) -> None:
    """A 256-colour palette PNG: a dashboard has few colours, and the file is a third.  The
    octree keeps a chart's small patches of colour (median cut merged legend colours into
    their neighbours'), and it is the smaller file too."""
    from PIL import Image

    with Image.open(path) as image:
        small = image.convert("RGB").quantize(colors=256, method=Image.Quantize.FASTOCTREE)
    small.save(path, optimize=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", default=str(ROOT / "seeds"))
    parser.add_argument("--cache", default=None, help="extraction cache (default: a new folder)")
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument("--pages", nargs="*", default=None, help="url paths of the pages to take (default: all)")
    parser.add_argument("--width", type=int, default=1400)
    parser.add_argument("--max-height", type=int, default=6000, help="tallest picture in pixels")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    cache = args.cache or tempfile.mkdtemp(prefix="kroniek-shots-")
    port = free_port()
    # a first request for a page URL runs that page file before dashboard.py has put
    # this checkout's lib/ on the path: PYTHONPATH makes it this checkout's code anyway
    env = {**os.environ, "KRONIEK_CACHE": cache, "PYTHONPATH": os.pathsep.join([str(ROOT / "lib"), os.environ.get("PYTHONPATH", "")])}
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "dashboard.py"), "--server.port", str(port), "--server.headless", "true", "--", "--corpus", args.corpus],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        if not healthy(port):
            raise SystemExit("streamlit did not start")
        with sync_playwright() as p, tempfile.TemporaryDirectory() as profile:
            context = p.chromium.launch_persistent_context(
                profile, executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS, viewport={"width": args.width, "height": 1000}
            )
            context.route("**/*", local_only)
            page = context.new_page()
            for _path, title, _icon, url in PAGES:
                if args.pages and url not in args.pages:
                    continue
                page.set_viewport_size({"width": args.width, "height": 1000})
                page.goto(f"http://127.0.0.1:{port}/{url if url != PAGES[0][3] else ''}", timeout=1_800_000)
                page.get_by_role("heading").first.wait_for(timeout=1_800_000)
                wait_idle(page)
                # the app scrolls inside its main area, not the window: grow the window
                # to the content's height so the picture holds the whole page
                height = page.evaluate(
                    "() => Math.max(...[...document.querySelectorAll('[data-testid=stMain], [data-testid=stMainBlockContainer]')].map(e => e.scrollHeight))"
                )
                page.set_viewport_size({"width": args.width, "height": min(max(int(height) + 80, 1000), args.max_height)})
                wait_idle(page)
                target = out / f"{url}.png"
                page.screenshot(path=str(target), full_page=True)
                shrink(target)
                print(f"{title}: {target} ({target.stat().st_size // 1024} KB)", flush=True)
            context.close()
    finally:
        proc.terminate()
        proc.wait(timeout=60)


if __name__ == "__main__":
    main()
