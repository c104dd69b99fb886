"""The action server: thin wiring from the conversation to bot.decision, bot.render and bot.storage.

rasa_sdk imports this package before it starts serving, so a plain `rasa run actions` also gets the secret check and
the failure handler of `python -m bot.action_server` (bot/action_server.py says what each start does)."""
from bot.action_server import register_with_rasa_sdk

register_with_rasa_sdk()
