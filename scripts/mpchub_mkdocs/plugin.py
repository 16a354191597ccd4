"""MkDocs plugin ``mpchub``: validate records, generate pages, and fix what static-i18n gets wrong."""

from __future__ import annotations

import copy
import logging
import os
import re
from collections import Counter
from pathlib import Path
from typing import Any

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority

from mpchub import search
from mpchub.corpus import load_corpus
from mpchub.project import Project
from mpchub.site.build import Site
from mpchub.site.strings import t
from mpchub_mkdocs import pagefind
from mpchub_mkdocs.staging import StagingConflict, stage

log = logging.getLogger("mkdocs.plugins.mpchub")
ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">')
LANG = re.compile(r'<html[^>]* lang="([a-z]{2})"')
SOURCE_FOLDERS = ("docs", "practices", "recommendations", "publications", "schemas", "vocabularies", "overrides")


class MpcHubConfig(Config):
    staging_dir = config_options.Type(str, default=".cache/mpchub/docs")
    edit_branch = config_options.Type(str, default="main")
    search = config_options.Type(bool, default=True)  # build the Pagefind index after the site
    search_min_share = config_options.Type(float, default=0.9)  # guard: indexed pages / marked pages


class MpcHubPlugin(BasePlugin[MpcHubConfig]):
    def __init__(self) -> None:
        self.expected_in_index: Counter[str] = Counter()
        self.site: Site | None = None
        self.staging: Path | None = None
        self.source_docs: Path | None = None

    @event_priority(100)  # before static-i18n (-100), which must see the staged docs_dir
    def on_config(self, config: Any) -> Any:
        if self.site is None:  # static-i18n runs a nested build per language: do the work once
            self._prepare(config)
        config.docs_dir = str(self.staging)
        return config

    def _prepare(self, config: Any) -> None:
        root = Path(config.config_file_path).resolve().parent
        project = Project(root)
        corpus = load_corpus(project)
        for problem in corpus.problems:
            (log.error if problem.is_error else log.info)(problem.as_text())
        if corpus.errors:
            raise PluginError(
                f"{len(corpus.errors)} content errors (listed above): the site is not built. "
                "Run 'mpchub check' to see them again."
            )
        if not config.repo_url and os.environ.get("GITHUB_REPOSITORY"):
            server = os.environ.get("GITHUB_SERVER_URL", "https://github.com")
            config.repo_url = f"{server}/{os.environ['GITHUB_REPOSITORY']}"
        edit_base = None
        if config.repo_url:
            # Hand-written pages live in docs/; records at the repository root.
            config.edit_uri = f"edit/{self.config.edit_branch}/docs/"
            edit_base = f"{config.repo_url.rstrip('/')}/edit/{self.config.edit_branch}/"
        else:
            config.edit_uri = None
        self.site = Site(corpus, edit_base)
        self.source_docs = Path(config.docs_dir).resolve()
        self.staging = (root / self.config.staging_dir).resolve()
        try:
            written = stage(self.source_docs, self.site.pages(), self.staging, self.site.fill_markers)
        except (StagingConflict, KeyError) as exc:
            raise PluginError(str(exc)) from None
        log.info(f"mpchub: {len(corpus.files)} record files checked; {written} staged pages updated")

    @event_priority(40)  # after static-i18n's page context (50)
    def on_page_context(self, context: dict[str, Any], page: Any, config: Any, nav: Any) -> dict[str, Any]:
        meta = page.meta.get("mpchub") or {}
        if meta.get("canonical") and config.site_url:
            # An English page showing an untranslated record: the Turkish page is the original.
            page.canonical_url = config.site_url.rstrip("/") + "/" + meta["canonical"]
        if "source" in meta:
            base = self.site.records.edit_base if self.site else None
            page.edit_url = f"{base}{meta['source']}" if base else None
        elif meta:
            page.edit_url = None  # generated listings have no source file to edit
        return context

    @event_priority(-50)
    def on_post_page(self, output: str, page: Any, config: Any) -> str:
        """Mark what Pagefind indexes: the article of record pages in their own language and of
        hand-written pages; never listings, the home page, or an English page showing Turkish text."""
        meta = page.meta.get("mpchub") or {}
        kind = meta.get("kind")
        is_home = page.file.src_uri in ("index.md", "index.en.md")  # is_homepage is False in the English build
        if is_home or kind in ("listing", "browse", "index") or meta.get("translated") is False:
            return output
        match = ARTICLE.search(output)
        if match is None:
            return output
        lang = LANG.search(output)
        language = lang.group(1) if lang else "tr"
        close = output.rfind("</article>")
        if close < match.end():
            return output
        article = output[match.end() : close]
        extra = search.folded_block(article)
        if kind is None or kind == "reference":
            extra += (
                f'<span hidden data-pagefind-filter="type[data-value]" data-value="{t(language, "type_page")}"></span>'
            )
        self.expected_in_index[language] += 1
        opening = match.group(0)[:-1] + " data-pagefind-body>"
        return output[: match.start()] + opening + article + extra + output[close:]

    @event_priority(-200)  # after static-i18n (-100) has built every language
    def on_post_build(self, config: Any) -> None:
        i18n = config.plugins.get("i18n")
        if getattr(i18n, "building", False) or not self.config.search:
            return  # a nested per-language build: the index is made once, when all are done
        site_dir = Path(config.site_dir)
        counts = pagefind.build_index(site_dir)
        for language, expected in sorted(self.expected_in_index.items()):
            indexed = counts.get(language, 0)
            if indexed < expected * self.config.search_min_share:
                raise PluginError(
                    f"the search index holds {indexed} '{language}' pages but {expected} were marked for it: "
                    "a selector or the page language is probably wrong"
                )
        log.info("mpchub: search index: " + ", ".join(f"{k} {v} pages" for k, v in sorted(counts.items())))

    def on_template_context(self, context: dict[str, Any], template_name: str, config: Any) -> dict[str, Any]:
        """The 404 page is a template, not a page: static-i18n leaves the language switcher pointing at
        whatever page was rendered last. Point it at each language's home instead."""
        if template_name == "404.html":
            i18n = config.plugins.get("i18n")
            alternates = getattr(i18n, "extra_alternate", None)
            if alternates:
                # static-i18n assigns the attribute (which shadows the dict item Jinja would otherwise
                # read), so set both.
                config.extra.alternate = copy.deepcopy(alternates)
                config.extra["alternate"] = config.extra.alternate
        return context

    def on_serve(self, server: Any, config: Any, builder: Any) -> Any:
        root = Path(config.config_file_path).resolve().parent
        if self.staging is not None:
            server.unwatch(str(self.staging))
        for folder in SOURCE_FOLDERS:
            if (root / folder).is_dir():
                server.watch(str(root / folder))
        return server
