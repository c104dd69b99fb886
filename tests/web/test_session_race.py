"""A message typed before this connection's session is confirmed, in a real browser against the real servers.

The server binds a socket to its session when the page asks for it (`session_request`, sent on every connect) and
refuses a message from an unbound socket ("no conversation yet: reload the page"). Just after a reload or a
reconnect the page is connected but not yet confirmed: a message typed then must wait for the confirmation, then
be sent once and answered (app.js, send). The window is a few milliseconds wide, so the tests hold it open: an
init script wraps the page's socket.io client and keeps the page's `session_request` back until the test
releases it. The server then has not bound the socket and has not confirmed it, exactly as in the race; nothing in
app.js or the server knows about the hold.
"""
from __future__ import annotations

import json
import urllib.request
from typing import Any

from bot.channels.web import NO_SESSION

# window.io is wrapped as the vendor bundle defines it (globalThis.io = ...): each socket's emit keeps a
# session_request back while `held`, and records every user_uttered the page sends.
HOLD_SESSION_REQUEST = """(() => {
  const hold = { held: true, queued: [], sent: [], socket: null };
  hold.release = () => { hold.held = false; hold.queued.splice(0).forEach((send) => send()); };
  window.__sessionHold = hold;
  let wrapped;
  Object.defineProperty(window, "io", {
    configurable: true,
    get() { return wrapped; },
    set(io) {
      wrapped = Object.assign(function () {
        const socket = io.apply(this, arguments);
        const emit = socket.emit.bind(socket);
        socket.emit = (event, ...args) => {
          if (event === "session_request" && hold.held) { hold.queued.push(() => emit(event, ...args)); return socket; }
          if (event === "user_uttered") hold.sent.push(args[0].message);
          return emit(event, ...args);
        };
        hold.socket = socket;
        return socket;
      }, io);
    },
  });
})();"""
# connected, the session asked for and held: the page's window between connect and session_confirm
HELD = "window.__sessionHold.queued.length === 1 && window.__sessionHold.socket.connected"
ANSWERED = """(text) => {
  const msgs = [...document.querySelectorAll('#log .msg')];
  const at = msgs.findIndex((m) => m.classList.contains('user') && m.querySelector('.bubble').textContent === text);
  return at >= 0 && msgs.slice(at + 1).some((m) => m.classList.contains('bot'));
}"""
TEXT = "help"


def _open(page: Any, url: str) -> None:
    """The page with its session request held, then released: a confirmed page with a remembered session."""
    page.add_init_script(HOLD_SESSION_REQUEST)
    page.goto(url)
    page.wait_for_function(HELD, timeout=30000)
    page.evaluate("window.__sessionHold.release()")
    page.wait_for_selector(".msg.bot", timeout=30000)  # the greeting: the session is confirmed


def _events(stack: Any, sender: str) -> list[dict]:
    url = f"{stack.base_url}/conversations/{sender}/tracker?token={stack.token}"
    with urllib.request.urlopen(url, timeout=30) as response:
        return json.loads(response.read())["events"]


def _stored(page: Any) -> tuple[str, list[dict]]:
    """The page's session and the transcript it keeps for it (localStorage)."""
    state = page.evaluate("JSON.parse(localStorage.getItem('alk-assistant'))")
    return state["session"], state["transcripts"][state["session"]]


def _after(entries: list[Any], is_it: Any) -> list[Any]:
    """What follows the first entry ``is_it`` accepts."""
    at = next(i for i, e in enumerate(entries) if is_it(e))
    return entries[at + 1 :]


def _type_while_unconfirmed_then_release(page: Any, stack: Any) -> None:
    """Type TEXT while the connection's session request is held, release it, and check the message was sent once,
    answered by the server, shown once, and never refused."""
    page.wait_for_function(HELD, timeout=30000)
    page.fill("#input", TEXT)
    page.keyboard.press("Enter")
    page.wait_for_timeout(300)  # were it sent now, the server's refusal would be on its way
    page.evaluate("window.__sessionHold.release()")
    page.wait_for_function(ANSWERED, arg=TEXT, timeout=30000)
    assert NO_SESSION not in page.locator("#log").inner_text()  # the user was not told to reload
    page.wait_for_selector("#typing", state="hidden", timeout=30000)
    page.wait_for_timeout(1500)  # room for a second copy of the message and its answer, were one sent

    assert NO_SESSION not in page.locator("#log").inner_text()
    assert page.evaluate("window.__sessionHold.sent").count(TEXT) == 1  # the page sent it once
    assert page.locator("#log .msg.user .bubble", has_text=TEXT).count() == 1

    session, transcript = _stored(page)
    events = _events(stack, session)
    assert [e["text"] for e in events if e["event"] == "user"].count(TEXT) == 1  # the server got it once
    # answered: the page shows (and keeps) what the server uttered after the message, and only that
    uttered = [e["text"] for e in _after(events, lambda e: e["event"] == "user" and e["text"] == TEXT)
               if e["event"] == "bot" and e.get("text")]
    shown = [e["text"] for e in _after(transcript, lambda e: e["who"] == "user" and e["text"] == TEXT)]
    assert uttered and shown == uttered
    assert [e["text"] for e in transcript if e["who"] == "user"].count(TEXT) == 1

    page.reload()  # what the page keeps shows the message once too
    page.wait_for_function(HELD, timeout=30000)
    page.evaluate("window.__sessionHold.release()")
    assert page.locator("#log .msg.user .bubble", has_text=TEXT).count() == 1


def test_a_message_typed_just_after_a_reload_waits_for_the_session(stack, page):
    _open(page, stack.page_url)
    page.reload()  # the init script runs again: this load's session request is held
    _type_while_unconfirmed_then_release(page, stack)


def test_a_message_typed_just_after_a_reconnect_waits_for_the_new_confirmation(stack, page):
    _open(page, stack.page_url)
    page.evaluate("window.__sessionHold.held = true")
    # the connection drops (its transport closes, as when the network or the server goes away): socket.io
    # reconnects by itself, and the new connection asks for the session again, which is held
    page.evaluate("window.__sessionHold.socket.io.engine.close()")
    _type_while_unconfirmed_then_release(page, stack)


def test_control_the_held_window_is_the_race_the_server_refuses(stack, page):
    """Without the page's queue, a message sent in the held window is refused: the hold opens the real race."""
    _open(page, stack.page_url)
    page.reload()
    page.wait_for_function(HELD, timeout=30000)
    page.evaluate("window.__sessionHold.socket.emit('user_uttered', {message: 'hello', session_id: null})")
    page.wait_for_function("(text) => document.querySelector('#log').innerText.includes(text)", arg=NO_SESSION,
                           timeout=30000)
