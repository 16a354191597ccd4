"""mpchub: the content core of the MMU Migration Policy Center knowledge hub.

Plain Python with no MkDocs import: records, vocabularies, schemas, validation, listings and exports.
The MkDocs adapter (package ``mpchub_mkdocs``) is a thin layer over this package, so the content
survives a change of static-site generator.
"""

__version__ = "0.1.0"
