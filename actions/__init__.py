"""The action server: thin wiring from the conversation to bot.decision, bot.render and bot.storage."""
