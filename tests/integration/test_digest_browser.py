"""The digest's HTML in a real browser at phone width: Debian's Chromium, headless.

A phone's mail app shows the HTML part in a column about 390 CSS pixels
wide: nothing may need sideways scrolling and every section heading must be
on screen. A full-page screenshot is kept beside the test's files.
"""

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

from mailroom.app import App
from notify.reasons import Language

from ..digest_fixtures import fill_store
from .test_digest import HEADINGS, rendered

PHONE_WIDTH = 390
CHROMIUM = "/usr/bin/chromium"
DRIVER = "/usr/bin/chromedriver"


@pytest.fixture(scope="module")
def browser() -> Iterator[webdriver.Chrome]:
    """Headless Chromium (installed by .ci/run); `_phone` sets the page's size."""
    assert shutil.which(CHROMIUM) and shutil.which(DRIVER), (
        "apt-get install chromium chromium-driver"
    )
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_digest_reads_on_a_phone(
    app: App, tmp_path: Path, browser: webdriver.Chrome, language: Language
) -> None:
    fill_store(app, tmp_path)
    page = tmp_path / f"digest-{language}.html"
    page.write_text(rendered(app, language).html, encoding="utf-8")

    _phone(browser, 844)
    browser.get(page.as_uri())

    assert browser.execute_script("return window.innerWidth") == PHONE_WIDTH
    assert browser.execute_script("return document.documentElement.scrollWidth") <= PHONE_WIDTH
    headings = browser.find_elements(By.TAG_NAME, "h2")
    wanted = [h.split(" (")[0].lower() for h in HEADINGS[language]]
    assert [h.text.split(" (")[0].lower() for h in headings] == wanted
    for heading in headings:
        box = heading.rect
        assert heading.is_displayed() and box["width"] > 0 and box["height"] > 0
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE_WIDTH
    height = browser.execute_script("return document.documentElement.scrollHeight")
    _phone(browser, height)
    screenshot = tmp_path / f"digest-{language}.png"
    assert browser.save_screenshot(str(screenshot))
    assert screenshot.stat().st_size > 10_000


def _phone(browser: webdriver.Chrome, height: int) -> None:
    """A phone's viewport, `height` pixels tall: a desktop window cannot be
    made narrower than 500 pixels, so the device metrics are emulated."""
    metrics = {"width": PHONE_WIDTH, "height": height, "deviceScaleFactor": 1, "mobile": True}
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)
