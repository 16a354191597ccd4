"""Atom feeds, one per language, of new and updated records of every collection.

An entry's ``updated`` is the newest of its files' last commit and its ``last_reviewed`` date; its
``published`` the commit that added the master file. Both come from one ``git log`` pass
(``history.py``); without git, both fall back to the record's ``last_reviewed``. A feed in another language
lists untranslated records too, in the master's language, marked ``xml:lang="tr"`` and labelled "Turkish only".
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from mpchub.content.corpus import Corpus, Record
from mpchub.content.dates import parse_partial_date
from mpchub.content.history import History, read_history
from mpchub.content.limits import without_forbidden
from mpchub.content.registry import Language
from mpchub.render.data_templates import template
from mpchub.render.strings import t

from . import hub

FEED_LIMIT = 100  # the newest entries; a feed reader only needs what changed recently
NAMESPACE = uuid.UUID("0f6b1c66-5b0e-4a53-9a8c-5d1f1b1f6b13")  # ids stay stable when no site URL is known


@dataclass
class Entry:
    id: str
    title: str
    link: str
    updated: dt.datetime
    published: dt.datetime
    summary: str
    language: str
    category: str
    category_label: str
    turkish_only: bool


def _reviewed(record: Record) -> dt.datetime:
    parts = parse_partial_date(record.data.get("last_reviewed")) or (1970, 1, 1)
    year, month, day = (*parts, 1, 1)[:3]
    return dt.datetime(year, month, day, tzinfo=dt.UTC)


def _dates(record: Record, lang: str, history: History) -> tuple[dt.datetime, dt.datetime]:
    reviewed = _reviewed(record)
    files = [record.master.relpath]
    translation = record.translation(lang)
    if translation is not None:
        files.append(translation.relpath)
    known = [d for f in files if (d := history.of(f)) is not None]
    if not known:
        return reviewed, reviewed
    updated = max([d.last for d in known] + [reviewed])
    master = history.of(record.master.relpath)
    published = master.first if master else min(d.first for d in known)
    return updated, min(published, updated)


def _id(record: Record, language: Language, site_url: str | None) -> str:
    absolute = hub.absolute(site_url, hub.record_page(record, language))
    if absolute:
        return absolute
    return f"urn:uuid:{uuid.uuid5(NAMESPACE, f'{record.collection.name}/{record.slug}/{language.code}')}"


def entries(corpus: Corpus, language: Language, site_url: str | None, history: History) -> list[Entry]:
    found = []
    lang = language.code
    for collection in corpus.registry.collections:
        for record in corpus.of(collection.name):
            fields = record.fields(lang)
            updated, published = _dates(record, lang, history)
            page = hub.record_page(record, language)
            text = fields.get("summary") or fields.get("abstract") or ""
            found.append(
                Entry(
                    id=_id(record, language, site_url),
                    # without_forbidden: the check refuses these characters; if one got through, XML cannot
                    # hold most of them (U+0000, U+001B…) and every feed reader would reject the whole feed
                    title=without_forbidden(str(fields.get("title", record.slug))),
                    link=hub.absolute(site_url, page) or "/" + page,
                    updated=updated,
                    published=published,
                    summary=" ".join(without_forbidden(str(text)).split()),
                    language=record.content_language(lang),
                    category=collection.name,
                    category_label=t(lang, collection.folder),
                    turkish_only=not record.has_language(lang),
                )
            )
    found.sort(key=lambda e: (e.updated, e.id), reverse=True)
    return found[:FEED_LIMIT]


def _stamp(when: dt.datetime) -> str:
    return when.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def feed(corpus: Corpus, language: Language, site_url: str | None, history: History | None = None) -> bytes:
    """The Atom document of a language's feed."""
    if history is None:
        history = read_history(corpus.project.root, [c.folder for c in corpus.registry.collections])
    lang = language.code
    items = entries(corpus, language, site_url, history)
    feed_path = hub.feed_file(language)
    home = hub.absolute(site_url, language.url_prefix) or f"/{language.url_prefix}"
    newest = max((e.updated for e in items), default=dt.datetime(1970, 1, 1, tzinfo=dt.UTC))
    chosen = hub.licence()
    text = template("atom.xml.j2").render(
        lang=lang,
        feed_id=hub.absolute(site_url, feed_path) or f"urn:uuid:{uuid.uuid5(NAMESPACE, feed_path)}",
        self_link=hub.absolute(site_url, feed_path),
        home=home,
        title=t(lang, "feed_title"),
        subtitle=t(lang, "feed_subtitle"),
        author=hub.publisher(lang),
        rights=chosen.title if chosen.chosen else chosen.statement_in(lang),
        updated=_stamp(newest),
        entries=[{**e.__dict__, "updated": _stamp(e.updated), "published": _stamp(e.published)} for e in items],
        turkish_only=t(lang, "turkish_only"),
    )
    return text.encode("utf-8")
