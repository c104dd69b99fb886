"""What every channel checks on a user's message before the assistant reads it.

An empty or oversized message gets a clear answer at once and changes nothing in the conversation; both the
REST channel and the web channel use this, and so do the actions (for `rasa shell` and other channels).
"""

from __future__ import annotations

MAX_MESSAGE_CHARS = 5000
SOMETHING_WENT_WRONG = (
    "Sorry, something went wrong on my side and I could not answer. Nothing you told me is lost: "
    "please send your message again."
)


def problem_with(text: str | None) -> str | None:
    """Why the message can't be read, or None when it can."""
    if text is None or not text.strip():
        return "Your message was empty. Describe the case, or type 'help'."
    if len(text) > MAX_MESSAGE_CHARS:
        return (
            f"That message is {len(text):,} characters long; I read up to {MAX_MESSAGE_CHARS:,}. Paste the "
            "relevant part (TKIs, progression, re-biopsy findings, ECOG). Nothing of the case so far is lost."
        )
    return None
