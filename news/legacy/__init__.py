"""Importing articles saved from the portals this one replaces (``manage.py import_legacy``).

``files`` reads the saved files, ``pages`` flattens HTML into lines, ``times`` finds the article's time and view
count, ``noise`` knows what of the old page is not the article, and ``articles`` puts a ``LegacyArticle``
together. Nothing here but the command touches the database.
"""
