"""The member's journey in a real browser (issue 18, seed 000): headless Chromium at a
phone's viewport (390x844), driven by selenium through Debian's chromium-driver.

Scan the table's QR code (the PNG ``till-server table-qr`` writes, decoded with zxing-cpp)
-> first-time password with the 6-digit code from the SMS outbox -> log in -> My rewards
-> two items into the cart -> confirm -> the order, with the member's id, is in the store's
``GET /v1/orders``. The page is served over https (``TlsProxy``): its session cookie is
``Secure``, as in production. Waits are on page elements, never on time.

A second run on a German store (issue 17): every page reads German, money and points are
written the German way, the language link switches to Ukrainian, and no page is wider than
the phone (``document.documentElement.scrollWidth <= innerWidth``, and the emulated layout
viewport has not grown to fit), with a menu item longer than the screen is wide.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from server import demo_data
from server.embedded import EmbeddedBackend
from tests.e2e.web.tls_proxy import TlsProxy
from tests.integration.server.client import ALICE, Api

WIDTH, HEIGHT = 390, 844
MANAGER = {"staff": demo_data.MANAGER[0], "pin": demo_data.MANAGER[1]}
MENU = [
    {"code": "LATTE", "name": "Latte", "price": "3.50"},
    {"code": "SCONE", "name": "Scone with jam", "price": "2.75"},
    {"code": "TEA", "name": "Pot of tea", "price": "2.10"},
]
PASSWORD = "a long table password"
WAIT_S = 60


def _binary(*names: str) -> str:
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    pytest.fail(f"{names[0]} is missing: run scripts/bootstrap-system.sh (Debian chromium)")


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[WebDriver]:
    options = webdriver.ChromeOptions()
    options.binary_location = _binary("chromium", "chromium-browser")
    for arg in (
        "--headless=new",
        "--no-sandbox",  # the tests may run as root (CI)
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--no-first-run",
        f"--user-data-dir={tmp_path / 'profile'}",
    ):
        options.add_argument(arg)
    options.add_experimental_option(
        "mobileEmulation",
        {"deviceMetrics": {"width": WIDTH, "height": HEIGHT, "pixelRatio": 3.0, "touch": True}},
    )
    options.accept_insecure_certs = True  # the proxy's throwaway certificate
    service = Service(
        executable_path=_binary("chromedriver"), log_output=str(tmp_path / "driver.log")
    )
    driver = webdriver.Chrome(options=options, service=service)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture
def proxy(backend: EmbeddedBackend) -> Iterator[TlsProxy]:
    p = TlsProxy(backend.port)
    try:
        yield p
    finally:
        p.close()


def scanned_url(backend: EmbeddedBackend, png: Path) -> str:
    made = subprocess.run(
        [sys.executable, "-m", "server", "table-qr", "--db", backend.db_url, "--store", "DEMO",
         "--table", "4", "--png", str(png)],
        capture_output=True, text=True, check=False, timeout=60,
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    codes = zxingcpp.read_barcodes(Image.open(png))
    assert len(codes) == 1
    return str(codes[0].text)


def shown(driver: WebDriver, element_id: str) -> WebElement:
    return WebDriverWait(driver, WAIT_S).until(
        EC.visibility_of_element_located((By.ID, element_id))
    )


def type_into(driver: WebDriver, element_id: str, text: str) -> None:
    field = shown(driver, element_id)
    field.clear()
    field.send_keys(text)


def test_a_member_orders_from_the_table_on_a_phone(
    backend: EmbeddedBackend, proxy: TlsProxy, browser: WebDriver, tmp_path: Path
) -> None:
    api = Api.of(backend)
    r = api.put(
        "/ordering",
        {"enabled": True, "program_name": "Demo Rewards", "public_url": proxy.url, "menu": MENU,
         "approval": MANAGER},
    )  # fmt: skip
    assert r.status_code == 200, r.text
    url = scanned_url(backend, tmp_path / "table-4.png")
    assert url.startswith(proxy.url + "/t/DEMO.4.")
    balance = api.balance(ALICE)

    browser.get(url)
    assert shown(browser, "table").text == "Table 4"
    assert browser.execute_script("return window.innerWidth") == WIDTH
    assert "Logged in" not in browser.page_source

    # First time: a password through the code sent by SMS.
    shown(browser, "first-time").click()
    type_into(browser, "phone", "07700 900123")
    shown(browser, "send-code").click()
    shown(browser, "code")
    code = backend.last_otp_for(ALICE)
    assert code is not None
    type_into(browser, "code", code)
    type_into(browser, "new-password", PASSWORD)
    type_into(browser, "new-password2", PASSWORD)
    shown(browser, "set-password").click()
    assert "password is set" in shown(browser, "notice").text

    # Log in (E.164 this time: the same member).
    type_into(browser, "phone", ALICE)
    type_into(browser, "password", PASSWORD)
    shown(browser, "login").click()
    assert "Logged in as Alice" in shown(browser, "logged-in").text

    shown(browser, "my-rewards").click()
    assert shown(browser, "balance").text == f"{balance:,}"  # en_GB groups thousands
    shown(browser, "back-to-menu").click()

    # Two items: two lattes and a scone, with the + buttons (the page's script).
    plus_latte = browser.find_element(By.CSS_SELECTOR, "button.plus[data-for='qty-LATTE']")
    plus_latte.click()
    plus_latte.click()
    browser.find_element(By.CSS_SELECTOR, "button.plus[data-for='qty-SCONE']").click()
    WebDriverWait(browser, WAIT_S).until(
        EC.text_to_be_present_in_element((By.ID, "running-total"), "9.75")
    )
    shown(browser, "view-cart").click()
    assert shown(browser, "cart-total").text.endswith("9.75")
    shown(browser, "confirm").click()
    sent = shown(browser, "order-sent")
    order_id = int(sent.get_attribute("data-order-id") or "0")
    assert sent.text == f"Order {order_id} sent"

    r = api.get("/orders", state="open")
    assert r.status_code == 200, r.text
    (order,) = [o for o in r.json()["orders"] if o["id"] == order_id]
    assert order["customer_id"] == api.customer(ALICE)["id"]
    assert order["member_name"] == "Alice" and order["table"] == "4"
    assert [(ln["code"], ln["quantity"]) for ln in order["lines"]] == [("LATTE", 2), ("SCONE", 1)]
    assert order["total"] == "9.75"


GERMAN_MENU = [
    {"code": "BRUEHE", "name": "Rinderkraftbrühe mit Markklößchen", "price": "6.90"},
    {"code": "SCHORLE", "name": "Apfelsaftschorle", "price": "3.20"},
    # A word longer than the phone is wide: the page must break it, not scroll sideways.
    {"code": "MUETZE", "name": "Donaudampfschifffahrtsgesellschaftskapitänsmütze", "price": "1.00"},
]


def fits(driver: WebDriver) -> None:
    """No horizontal scrolling at the phone's width: German words are long. Chromium's
    mobile emulation widens the layout viewport to fit content, so ``innerWidth`` must
    still be the phone's too."""
    scroll, inner = driver.execute_script(
        "return [document.documentElement.scrollWidth, window.innerWidth]"
    )
    assert scroll <= inner == WIDTH, (driver.current_url.split("/t/")[-1][-20:], scroll, inner)


def set_store_locale(backend: EmbeddedBackend, locale: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "server", "set-store", "--db", backend.db_url, "--store", "DEMO",
         "--locale", locale],
        capture_output=True, text=True, check=False, timeout=60, env=backend.child_env,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr


def test_a_german_store_reads_german_and_fits_a_phone(
    backend: EmbeddedBackend, proxy: TlsProxy, browser: WebDriver, tmp_path: Path
) -> None:
    api = Api.of(backend)
    r = api.put(
        "/ordering",
        {"enabled": True, "program_name": "Stammgast", "public_url": proxy.url,
         "menu": GERMAN_MENU, "approval": MANAGER},
    )  # fmt: skip
    assert r.status_code == 200, r.text
    set_store_locale(backend, "de_DE")
    url = scanned_url(backend, tmp_path / "tisch-4.png")

    browser.get(url)
    assert shown(browser, "table").text == "Tisch 4"
    assert browser.execute_script("return document.documentElement.lang") == "de-DE"
    assert "Anmelden und bestellen" in browser.page_source
    assert shown(browser, "login").text == "Los geht's"
    fits(browser)

    shown(browser, "first-time").click()
    assert "6-stelligen Code per SMS" in browser.page_source
    fits(browser)
    type_into(browser, "phone", "07700 900123")
    shown(browser, "send-code").click()
    shown(browser, "code")
    assert "Code aus der SMS" in browser.page_source
    fits(browser)
    code = backend.last_otp_for(ALICE)  # the German SMS's code, read as data
    assert code is not None
    type_into(browser, "code", code)
    type_into(browser, "new-password", PASSWORD)
    type_into(browser, "new-password2", PASSWORD)
    shown(browser, "set-password").click()
    assert shown(browser, "notice").text == "Ihr Passwort ist festgelegt. Bitte melden Sie sich an."

    type_into(browser, "phone", ALICE)
    type_into(browser, "password", "not the password")
    shown(browser, "login").click()
    assert "passen zu keinem Mitglied" in shown(browser, "error").text
    fits(browser)
    type_into(browser, "phone", ALICE)
    type_into(browser, "password", PASSWORD)
    shown(browser, "login").click()
    assert shown(browser, "logged-in").text.startswith("Angemeldet als Alice")
    assert "Speisekarte" in browser.page_source
    fits(browser)

    shown(browser, "my-rewards").click()
    assert "Punktestand" in browser.page_source and "Letzte Punkte" in browser.page_source
    assert shown(browser, "balance").text == f"{api.balance(ALICE):,}".replace(",", ".")
    fits(browser)
    shown(browser, "back-to-menu").click()

    plus = browser.find_element(By.CSS_SELECTOR, "button.plus[data-for='qty-BRUEHE']")
    assert plus.get_attribute("aria-label") == "Ein Rinderkraftbrühe mit Markklößchen mehr"
    plus.click()
    plus.click()
    browser.find_element(By.CSS_SELECTOR, "button.plus[data-for='qty-SCHORLE']").click()
    WebDriverWait(browser, WAIT_S).until(  # the script writes money as the page does: 17,00 £
        EC.text_to_be_present_in_element((By.ID, "running-total"), "17,00")
    )
    fits(browser)
    shown(browser, "view-cart").click()
    assert shown(browser, "cart-total").text.startswith("17,00")
    assert shown(browser, "confirm").text == "Bestellung absenden"
    fits(browser)
    shown(browser, "confirm").click()
    sent = shown(browser, "order-sent")
    assert sent.text == f"Bestellung {sent.get_attribute('data-order-id')} gesendet"
    assert "Vielen Dank, Alice." in browser.page_source
    fits(browser)

    # The language links: Ukrainian on request, kept on the next page.
    shown(browser, "lang-uk").click()
    WebDriverWait(browser, WAIT_S).until(
        lambda d: d.execute_script("return document.documentElement.lang") == "uk"
    )
    assert "Замовлення" in browser.page_source
    fits(browser)
    browser.get(url)
    assert shown(browser, "table").text == "Столик 4"
