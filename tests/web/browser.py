"""What the browser tests share: the two screens, sending a message, and waiting for the next answer card."""
from __future__ import annotations

from typing import Any, Callable

LAPTOP = {"width": 1366, "height": 768}
PHONE = {"width": 390, "height": 844}


def bot_count(page: Any) -> int:
    return page.locator(".msg.bot").count()


def send(page: Any, text: str) -> None:
    """Type a message and wait until the assistant has answered it."""
    before = bot_count(page)
    page.fill("#input", text)
    page.keyboard.press("Enter")
    page.wait_for_function(f"document.querySelectorAll('.msg.bot').length > {before}", timeout=30000)


def wait_for_card(page: Any, act: Callable[[], Any], selector: str = ".msg.answer") -> Any:
    """Do ``act`` and return the answer card (or feedback card) it brings, once the replies after it arrived."""
    before = page.locator(selector).count()
    act()
    page.wait_for_function(f"document.querySelectorAll('{selector}').length > {before}", timeout=30000)
    page.wait_for_timeout(400)  # the messages that follow the card (the feedback question)
    return page.locator(selector).last


def correct(page: Any, field: str, value: str) -> None:
    """Correct a finding in the case panel: click it, choose the new value."""
    page.click(f'#case-fields [data-field="{field}"] button.value')
    page.select_option(f'#case-fields [data-field="{field}"] select', value)
