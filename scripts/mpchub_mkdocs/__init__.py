"""The MkDocs adapter: connects the mpchub core to `mkdocs build` and `mkdocs serve`.

Kept thin on purpose: MkDocs 2.0 drops plugins, so everything that matters lives in ``mpchub``.
"""
