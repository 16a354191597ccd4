"""Generated pages written straight into a page shell, without the engine's page loop.

A site engine (MkDocs with Material, through ``mpchub_mkdocs``) spends most of a build wrapping each page in its
theme: head, header, navigation, tabs, footer, scripts. For the thousands of generated pages outside the
navigation (records, browse pages) that wrapping is the same on every page of a folder but for a handful of
per-page parts. So the engine renders one **shell** per language, folder and :class:`Variant`: a page whose
per-page parts are markers (``@@mpchub-NAME…@@``), and the core fills the markers of every page itself.

The markers, and what each page puts there:

* ``title`` and ``description``: the text the engine was given, as it printed it. A template may print it as
  given (the escaped text) or through ``striptags | e``; each form has its own marker (the two spaces and the
  entity in it tell them apart), and any other form stops the build (``ShellError``) rather than guess.
* ``canonical``: the page's canonical address (the master page's, for an untranslated record).
* the shell's own slug (``mpchub-shell-N``): the page's slug, wherever the engine printed the shell's address
  (Open Graph, the language switcher's targets, the feedback links). A page's slug must read the same raw,
  escaped and URL-encoded (``SAFE_SLUG``) to be filled in; other pages go through the engine's page loop.
* ``edit``: the edit link's address; ``skip`` and ``toc``: the first heading's anchor (the theme's skip link) and
  the table of contents, which the engine renders (``Toc``); ``content``: the page's HTML; ``search``: the hidden
  search copy of an indexed page.
* the Content-Security-Policy is the one ``csp.apply`` gives the filled page: the hashes of the shell's inline
  scripts are computed once, and a page adds those of its own values (a record's content holds none that run).

Which parts exist and how the engine frames them (an edit link, an ``<h1>``, the search wrapper, a table of
contents, a hidden sidebar) differs between pages of one folder, so a shell is made per :class:`Variant`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from markupsafe import Markup, escape

from mpchub.content.registry import Language
from mpchub.site import csp
from mpchub.site.pages import Page

SHELL_SLUG = "mpchub-shell-{n}"
SAFE_SLUG = re.compile(r"[A-Za-z0-9._~-]+")  # the same raw, HTML-escaped and URL-encoded
# A page's kinds that are lists of other pages: never indexed (searching them finds duplicates) and wide (the
# table of contents' column goes to the cards).
LIST_KINDS = frozenset({"listing", "browse", "index"})

TEXT_AS_GIVEN = "  &amp;"  # how a text marker reads when printed as given
TEXT_STRIPPED = " &amp;"  # ... and through `striptags | e` (spaces collapsed, the entity unescaped and escaped again)
H1 = "<h1>"  # in the content marker of a page that has its own <h1> (the theme adds one otherwise)
MARKER = re.compile(r"@@mpchub-([a-z]+)((?:  &amp;| &amp;|<h1>)?)@@")
TEXT_SLOTS = ("title", "description")
PLAIN_SLOTS = ("content", "canonical", "edit", "search", "toc", "skip")


class ShellError(Exception):
    """The engine printed a marker in a form the shell cannot fill, or a page does not fit its shell."""


@dataclass(frozen=True)
class Variant:
    """What frames a page in its shell besides its folder. Pages of one variant share a shell."""

    folder: str  # the page's folder ("practices"): every relative link of the frame depends on it
    wide: bool  # a list of pages: the table of contents' column is hidden
    edit: bool  # has an edit link (the record file a visitor may suggest changes to)
    h1: bool  # its HTML has its own <h1> (the theme adds the title as one otherwise)
    indexed: bool  # its content is marked for the search index
    toc: bool  # has headings (a table of contents and the theme's skip link)
    record: bool = False  # a record's page (the engine's frame may differ: printed with a QR code of its address)


def indexed(page: Page) -> bool:
    """Whether a generated page is searched: records in their own language; never lists of other pages, nor a
    page showing a record that has no translation into the page's language (the index would hold duplicates),
    nor a record left out of the search."""
    return page.kind not in LIST_KINDS and page.translated and page.searchable


def slug_of(page: Page) -> str:
    return page.path.rsplit("/", 1)[-1]


def folder_of(page: Page) -> str:
    return page.path.rsplit("/", 1)[0] if "/" in page.path else ""


def fits(page: Page) -> bool:
    """Whether a page can be written into a shell: generated HTML (not Markdown) and a slug that reads the same
    in every form the engine may print an address in."""
    return page.html is not None and SAFE_SLUG.fullmatch(slug_of(page)) is not None


def variant(page: Page, edit_links: bool, searched: bool, record: bool = False) -> Variant:
    """The variant of a page; ``edit_links``: whether the site has edit links at all (a repository is known);
    ``searched``: whether the engine marks the page for the index; ``record``: whether it is a record's page."""
    return Variant(
        folder=folder_of(page),
        wide=page.kind in LIST_KINDS,
        edit=edit_links and page.source is not None,
        h1="<h1" in (page.html or ""),
        indexed=searched,
        toc=bool(page.headings),
        record=record,
    )


def markers(variant: Variant) -> dict[str, str]:
    """What the engine is given in place of each per-page value when it renders the shell of ``variant``."""
    found = {name: f"@@mpchub-{name}{TEXT_AS_GIVEN}@@" for name in TEXT_SLOTS}
    found["canonical"] = "@@mpchub-canonical@@"
    found["content"] = f"@@mpchub-content{H1 if variant.h1 else ''}@@"
    if variant.edit:
        found["edit"] = "@@mpchub-edit@@"
    if variant.indexed:
        found["search"] = "@@mpchub-search@@"
    if variant.toc:  # otherwise the engine's (empty) table of contents is part of the shell
        found["skip"] = "@@mpchub-skip@@"
        found["toc"] = "@@mpchub-toc@@"
    return found


def shell_page(variant: Variant, language: Language, number: int) -> Page:
    """The page the engine renders as the shell of ``variant`` in ``language``: staged and framed like any page of
    the variant, with markers for its values (``markers``). Its title and description are given unescaped: the
    engine is given them escaped, as every page's (a stub's front matter)."""
    found = markers(variant)
    path = f"{variant.folder}/{SHELL_SLUG.format(n=number)}".lstrip("/")
    return Page(
        path,
        language,
        found["title"].replace("&amp;", "&"),
        "browse" if variant.wide else "shell",
        html=found["content"],
        description=found["description"].replace("&amp;", "&"),
        source="shell" if variant.edit else None,
        translated=variant.indexed,  # only its search marker reads this
        headings=[(2, found["skip"], "…")] if variant.toc else [],
    )


_SCRIPT = re.compile("<script", re.IGNORECASE)


def _scripts_closed(piece: str) -> bool:
    """Whether every ``<script`` of a piece of the shell ends in it (a value inside a script changes its hash)."""
    lowered = piece.lower()
    return lowered.count("<script") == lowered.count("</script")


# Renders the engine's table of contents for a page's headings (level, id, text); ``None``: the page has none.
Toc = Callable[[list[tuple[int, str, str]]], str]


@dataclass
class Shell:
    """A rendered shell cut at its markers: ``pieces[i]`` is followed by the value of ``slots[i]``."""

    variant: Variant
    language: str
    pieces: list[str]
    slots: list[str]  # "title" (as given), "title/stripped", "slug", "content" ...
    site_url: str | None  # the published address (for canonical links)
    edit_base: str | None  # what an edit link's address starts with (the repository's edit URL)
    description: str  # what the engine prints when a page has no description (the site's)
    # The policy, computed once: each piece's inline-script hashes and where the tag goes in the first piece;
    # None when a piece cannot be read alone (a value inside a script, no head before the first value).
    scripts: list[list[str]] | None = None
    policy_at: int | None = None

    @classmethod
    def parse(
        cls,
        html: str,
        variant: Variant,
        language: str,
        slug: str,
        *,
        site_url: str | None,
        edit_base: str | None,
        description: str,
    ) -> Shell:
        """Cut the engine's rendering of the shell whose own slug is ``slug`` at its markers."""
        pattern = re.compile(MARKER.pattern + "|" + re.escape(slug))
        pieces: list[str] = []
        slots: list[str] = []
        at = 0
        for match in pattern.finditer(html):
            pieces.append(html[at : match.start()])
            at = match.end()
            name, form = match.group(1), match.group(2)
            if name is None:
                slots.append("slug")
            elif name in TEXT_SLOTS and form == TEXT_AS_GIVEN:
                slots.append(name)
            elif name in TEXT_SLOTS and form == TEXT_STRIPPED:
                slots.append(f"{name}/stripped")
            elif name in PLAIN_SLOTS and form == (H1 if variant.h1 and name == "content" else ""):
                slots.append(name)
            else:
                around = html[max(0, match.start() - 80) : match.end() + 80]
                raise ShellError(f"the theme prints the {name} marker in a form the shell cannot fill: {around!r}")
        pieces.append(html[at:])
        if "@@mpchub-" in "".join(pieces):
            raise ShellError("the theme changed a marker of the page shell beyond recognition")
        missing = {"content", "title"} - set(slots)
        if missing:
            raise ShellError(f"the page shell has no {', '.join(sorted(missing))} marker")
        shell = cls(variant, language, pieces, slots, site_url, edit_base, description)
        if all(_scripts_closed(piece) for piece in pieces) and not any(map(csp.has_policy, pieces)):
            shell.scripts = [csp.inline_script_hashes(piece) for piece in pieces]
            shell.policy_at = csp.place(pieces[0])
        return shell

    def fill(self, page: Page, search: str = "", toc: Toc | None = None) -> str:
        """The page written into this shell, with its Content-Security-Policy (``csp.apply``'s).

        ``search``: the page's hidden search copy (for an indexed variant); ``toc``: renders the table of contents
        of a page with headings."""
        values = self.values(page, search, toc)
        filled = [values[slot] for slot in self.slots]
        if self.scripts is None or self.policy_at is None or any(map(csp.has_policy, filled)):
            out = [self.pieces[0]]
            for value, piece in zip(filled, self.pieces[1:], strict=True):
                out += (value, piece)
            return csp.apply("".join(out))
        hashes = list(self.scripts[0])
        for value, scripts in zip(filled, self.scripts[1:], strict=True):
            if _SCRIPT.search(value):
                hashes += csp.inline_script_hashes(value)
            hashes += scripts
        first, at = self.pieces[0], self.policy_at
        out = [first[:at], "\n    ", csp.meta_tag_with(list(dict.fromkeys(hashes))), first[at:]]
        for value, piece in zip(filled, self.pieces[1:], strict=True):
            out += (value, piece)
        return "".join(out)

    def values(self, page: Page, search: str, toc: Toc | None) -> dict[str, str]:
        """What each slot of this shell holds for ``page``: what the engine would print there."""
        title = str(escape(page.title))  # the engine is given the escaped title (a stub's front matter)
        description = str(escape(page.description)) if page.description else self.description
        values = {
            "title": title,
            "title/stripped": str(escape(Markup(title).striptags())),
            "description": description,
            "description/stripped": str(escape(Markup(description).striptags())),
            "slug": slug_of(page),
            "content": page.html or "",
            "search": search,
            "edit": f"{self.edit_base}{page.source}" if self.edit_base and page.source else "",
            "canonical": "",
            "toc": "",
            "skip": "",
        }
        if self.site_url:
            address = page.url if page.translated else page.canonical or ""
            values["canonical"] = self.site_url.rstrip("/") + "/" + address
        if page.headings:
            if toc is None:
                raise ShellError(f"/{page.url}: a page with headings needs the engine's table of contents")
            values["toc"] = toc(page.headings)
            values["skip"] = page.headings[0][1]
        return values
