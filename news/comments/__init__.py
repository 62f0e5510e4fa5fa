"""Readers' comments under articles: the form, moderation, blocked words, private attachments."""
