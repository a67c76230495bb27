"""End to end: `storyline serve` started as a user would, the page in headless Chromium
(Debian's package, through Playwright), the example cluster pasted and summarized, and a
citation clicked. Saves a screenshot to test-artifacts/."""

import os
from pathlib import Path

import pytest
from conftest import EXAMPLE, ROOT
from processes import serve

CHROMIUM = os.environ.get("STORYLINE_CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = ROOT / "test-artifacts"

pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).exists(),
    reason=f"Chromium not found at {CHROMIUM}: install Debian's chromium package "
           "(apt-get install chromium) or set STORYLINE_CHROMIUM to run the page test")


@pytest.fixture
def server():
    with serve("--workers", "1") as server:
        yield server.url


@pytest.mark.parametrize("width, height, name", [(1280, 900, "laptop"), (390, 844, "phone")])
def test_paste_the_example_and_follow_a_citation(server, width, height, name):
    from playwright.sync_api import expect, sync_playwright

    texts = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLE.glob("article-*.txt"))]
    texts.append('<img src=x onerror="document.title=\'pwned\'"> Injected markup stays text.')
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True)
        page = browser.new_page(viewport={"width": width, "height": height})
        page.goto(server)
        for i, text in enumerate(texts):
            if i >= page.locator("textarea.article").count():
                page.click("#add-article")
            page.locator("textarea.article").nth(i).fill(text)
        page.fill("#words", "100")
        page.fill("#focus", "fighters")
        page.click("#submit")
        expect(page.locator("#brief p").first).to_be_visible(timeout=30_000)
        assert page.locator("#brief p").count() >= 2
        # the sentences in sections by phase, headed as the command line heads them
        heads = set(page.locator("#brief h3.phase").all_inner_texts())
        assert heads and heads <= {"February 2019", "Earlier, September 2018", "September 2018",
                                   "Undated"}
        changes = page.locator("#changes").inner_text()  # months apart: a change
        assert "ISIS fighters" in changes and "up to 600 (Feb 2019) [3]" in changes
        assert "up to 600" not in page.locator("#disagreements").inner_text()
        assert "2018-09-10" in page.locator("#timeline").inner_text()
        # the articles the markers stand for are listed, as the command line lists them
        sources = page.locator("#sources li").all_inner_texts()
        assert any(s.startswith("[3] Heavy fighting") and "2019-02-09" in s for s in sources)
        assert len(sources) >= 5
        # a timeline entry's source opens the sentence in its article, as the brief's do
        page.locator("#timeline .marker").first.click()
        expect(page.locator("#evidence mark.current").first).to_be_visible()
        entry = page.locator("#timeline li").first.inner_text()
        assert page.locator("#evidence mark.current").first.inner_text().strip()[:30] in entry
        marker = page.locator("#brief .marker").first
        marker.click()
        highlighted = page.locator("#evidence mark.current").first
        expect(highlighted).to_be_visible()
        article = page.locator("#evidence .article").first.inner_text()
        assert highlighted.inner_text().strip() in article
        assert page.title() != "pwned" and page.locator("#evidence img").count() == 0
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"page-{name}.png"), full_page=True)
        browser.close()
