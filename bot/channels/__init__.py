"""The Rasa server's input channels (named in credentials.yml) and the door they share.

- `door`: the checks every message passes before Rasa sees it (sender id, size, control characters, metadata,
  content type, origin, body size), one implementation for every channel.
- `rest`: `POST /webhooks/rest/webhook`; the answer's text and data in one element.
- `web`: the clinician page at /webhooks/web/ and its socket.io channel (the page's files: bot/web/static/).
- `cds`: the CDS Hooks service at /webhooks/cds/ (the service itself: bot/cds/).
- `template`: a channel to copy when adding one (README, "Adding things").

Rasa imports a channel's module before it builds its web app, so importing this package applies the patches to
Rasa (bot/rasa_patches.py) in time for `rasa run` as for `python -m bot.server`.
"""
from bot import rasa_patches

rasa_patches.apply()
