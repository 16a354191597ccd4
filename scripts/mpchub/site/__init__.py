"""The website, as plain Python: every generated page of both languages as Markdown with escaped HTML.

Nothing here imports MkDocs. The adapter (``mpchub_mkdocs``) writes these pages next to the hand-written
ones and lets MkDocs, Material and mkdocs-static-i18n do the rest; another generator could take the same
pages. All contributor text is escaped here, in one place, because MkDocs' templates do not autoescape.
"""
