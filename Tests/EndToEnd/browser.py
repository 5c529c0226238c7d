"""Headless Chromium through Selenium, with Debian's chromium and chromium-driver, for the
tests that look at what a person would see: charts rendered to PNG, notebooks in JupyterLab."""
from __future__ import annotations

import shutil
import time
from pathlib import Path

from PIL import Image
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

OUTPUT = Path(__file__).resolve().parents[2] / "output"


def chromium(width: int = 1280, height: int = 900) -> webdriver.Chrome:
    binary = shutil.which("chromium")
    driver = shutil.which("chromedriver")
    if binary is None or driver is None:
        raise RuntimeError("the browser tests need Debian's chromium and chromium-driver (scripts/lib.sh installs them)")
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
                 f"--window-size={width},{height}", "--force-device-scale-factor=1"):
        options.add_argument(flag)
    return webdriver.Chrome(service=Service(driver), options=options)


def ink_fraction(png: Path) -> tuple[float, int]:
    """The fraction of pixels that are not the background's white, and how many colours appear."""
    image = Image.open(png).convert("RGB")
    counts = image.getcolors(maxcolors=image.width * image.height)
    white = sum(count for count, colour in counts if colour == (255, 255, 255))
    return 1 - white / (image.width * image.height), len(counts)


def wait_for_script(driver: webdriver.Chrome, script: str, condition, what: str, timeout: float = 30):
    """What `script` returns in the page, once `condition` holds of it (polled every 0.2 s)."""
    deadline = time.monotonic() + timeout
    seen = None
    while time.monotonic() < deadline:
        seen = driver.execute_script(script)
        if condition(seen):
            return seen
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}; last {seen}")
