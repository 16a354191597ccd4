"""MkDocs plugin ``mpchub``: validate records, hand the core's generated pages to MkDocs, mark what search
indexes, and fix what static-i18n gets wrong. Everything MkDocs- and Material-specific lives here."""

from __future__ import annotations

import contextlib
import copy
import ctypes
import gc
import logging
import os
import shutil
import threading
import types
from collections import Counter
from pathlib import Path
from typing import Any

from jinja2.utils import htmlsafe_json_dumps
from markupsafe import Markup
from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.toc import get_toc

from mpchub import hub
from mpchub.hub import Hub, Page, Reuse
from mpchub_mkdocs import languages, once
from mpchub_mkdocs.assets import SiteAssets
from mpchub_mkdocs.compiled import CompiledTemplates
from mpchub_mkdocs.shells import Shells, nav_paths, toc_tokens
from mpchub_mkdocs.staging import StagingConflict, hand_written_urls, stage

log = logging.getLogger("mkdocs.plugins.mpchub")


class MpcHubConfig(Config):
    staging_dir = config_options.Type(str, default=".cache/mpchub/docs")
    edit_branch = config_options.Type(str, default="main")
    search = config_options.Type(bool, default=True)  # build the Pagefind index after the site
    cms_auth_url = config_options.Type(str, default="")  # the web editor's OAuth helper (empty: token sign-in)


class MpcHubPlugin(BasePlugin[MpcHubConfig]):
    def __init__(self) -> None:
        self.expected_in_index: Counter[str] = Counter()
        self.hub: Hub | None = None
        self.generated: dict[str, Page] = {}
        self.known_urls: set[str] = set()
        self.edit_base: str | None = None
        self.staging: Path | None = None
        self.serving = False
        self.compiled_templates = CompiledTemplates()
        self.fingerprints: dict[str, int] = {}
        self.reuse: Reuse | None = None
        self.assets: SiteAssets | None = None
        self.not_found: str | None = None  # the 404 page of the master language's build
        self.once = once.Once()
        self.shells = Shells()
        self.exports: Path | None = None  # the open data, written before the pages, until it moves into the site
        self.open_data_written = False
        self.timings = hub.Timings("build")  # for the bench (MPCHUB_TIMINGS)
        self.feed: hub.IndexFeed | None = None  # where written pages go for the search index
        self.to_index: list[tuple[str, str]] = []  # (language, output file) of the pages MkDocs writes for it
        self.search_words: Markup | None = None  # the search's words of this build's language, as JSON

    def on_startup(self, command: str, dirty: bool) -> None:
        self.serving = command == "serve"
        # Under `mkdocs serve` this instance lives on: each rebuild reuses what the last one checked and rendered.
        self.reuse = Reuse() if self.serving else None

    @event_priority(100)  # before static-i18n (-100), which must see the staged docs_dir
    def on_config(self, config: Any) -> Any:
        if self.hub is None:  # static-i18n runs a nested build per language: do the work once
            self._prepare(config)
        config.docs_dir = str(self.staging)
        if self.assets is not None:
            self.assets.rename_config(config)  # the site's own scripts and styles under hashed names
        return config

    def _prepare(self, config: Any) -> None:
        root = Path(config.config_file_path).resolve().parent
        self.not_found = None
        with self.timings.step("read and check the records"):
            try:
                loaded = Hub.load(root, config.site_url or None, self.reuse)
            except hub.DefinitionError as exc:
                raise PluginError(f"the project's own definitions are broken: {exc}") from None
        for problem in loaded.problems:
            (log.error if problem.is_error else log.info)(problem.as_text())
        if loaded.errors:
            raise PluginError(
                f"{len(loaded.errors)} content errors (listed above): the site is not built. "
                "Run 'mpchub check' to see them again."
            )
        if not config.repo_url and os.environ.get("GITHUB_REPOSITORY"):
            server = os.environ.get("GITHUB_SERVER_URL", "https://github.com")
            config.repo_url = f"{server}/{os.environ['GITHUB_REPOSITORY']}"
        if config.repo_url:
            # Hand-written pages live in docs/; records at the repository root.
            config.edit_uri = f"edit/{self.config.edit_branch}/docs/"
            self.edit_base = f"{config.repo_url.rstrip('/')}/edit/{self.config.edit_branch}/"
        else:
            config.edit_uri = None
        try:
            loaded.prepare_editor(config.repo_url or None, self.config.edit_branch, self.config.cms_auth_url or None)
        except hub.EditorMissing as exc:
            raise PluginError(str(exc)) from None
        self.hub = loaded
        self.assets = SiteAssets(loaded, Path(config.docs_dir).resolve(), config, self.serving)
        if self.feed is not None:
            self.feed.close()
        self.feed = None
        self.to_index = []
        if not self.serving and (self.config.search or hub.feeding(os.environ)):
            # pages are indexed as they are written: by `mpchub index --build`, or by Pagefind services of our own
            self.feed = hub.IndexFeed.for_build(Path(config.site_dir), loaded.registry.languages, dict(os.environ))
        languages.configure(config, loaded)  # before static-i18n reads its languages (its on_config: -100)
        # Generated pages outside the navigation are written into shells (mpchub_mkdocs.shells), except under
        # `mkdocs serve --dirty`, where MkDocs rebuilds only the pages an edit changed (the shells would be rendered
        # and every page filled again on each save: the edit loop on today's content went from 0.5 to 1.0 s).
        shelled = once.enabled() and not self.serving
        self.shells.begin(nav_paths(config.nav), bool(self.edit_base))
        pages = []
        self.exports = None
        self.open_data_written = False
        meanwhile = None
        if shelled:
            # The open data is written first (while a child makes the other languages' pages), into a scratch
            # folder that moves into the site once MkDocs has cleaned it (on_files): written at the end, its
            # memory added to the pages' and to what Pagefind holds by then (1.1 GB at 5,000 records).
            self.exports = (root / self.config.staging_dir).resolve().parent / "open-data"
            meanwhile = lambda: self._write_open_data(loaded, self.exports)  # noqa: E731
        try:
            with self.timings.step("generate the pages"):
                forked = lambda codes: log.info(f"mpchub: pages of {', '.join(codes)} made in a forked child")  # noqa: E731
                for page in loaded.iter_pages(parallel=shelled, meanwhile=meanwhile, forked=forked):
                    pages.append(page)
                    if shelled:
                        searched = self._searched(page.source_path, page)
                        self.shells.take(page, searched, loaded.is_record_page(page))
        except hub.PageCollision as exc:
            raise PluginError(str(exc)) from None
        shells = self.shells.finish(loaded.registry.languages)
        self.generated = {p.source_path: p for p in [*pages, *shells]}
        source_docs = Path(config.docs_dir).resolve()
        self.known_urls = (
            hand_written_urls(source_docs, loaded.registry) | {p.url for p in pages} | loaded.known_paths()
        )
        with self.timings.step("check the generated pages' links"):
            self._fail_on_broken_links((p.url, html) for p in pages if (html := self.shells.html(p)))
        self.staging = (root / self.config.staging_dir).resolve()
        try:
            with self.timings.step("stage the pages for MkDocs"):
                staged = [p for p in pages if p.source_path not in self.shells.variants]
                touch = self._changed_pages(pages)
                written = stage(source_docs, [*staged, *shells], self.staging, touch, self.shells.virtual())
        except StagingConflict as exc:
            raise PluginError(str(exc)) from None
        log.info(f"mpchub: {len(loaded.corpus.files)} record files checked; {written} staged pages updated")
        if shelled:  # the published build, where Pagefind's services fill up beside this process
            _give_back_memory()  # what making the open data and the pages held and let go
        if self.reuse is not None:
            made = {"files": self.reuse.files.made, "record pages": self.reuse.pages.made}
            log.info("mpchub: made afresh, the rest reused: " + ", ".join(f"{n} {k}" for k, n in made.items()))

    def _changed_pages(self, pages: list[Page]) -> set[str]:
        """Source paths of the generated pages whose HTML differs from the previous build's (none on the first
        build of a process): under ``mkdocs serve --dirty`` they are rebuilt even when their stub is unchanged."""
        if not self.serving:
            return set()
        fingerprints = {p.source_path: hash((p.html, p.markdown)) for p in pages}
        before, self.fingerprints = self.fingerprints, fingerprints
        return {rel for rel, value in fingerprints.items() if before and before.get(rel) != value}

    def _fail_on_broken_links(self, documents: Any) -> None:
        assert self.hub is not None
        problems = self.hub.broken_links(documents, self.known_urls)
        if problems:
            raise PluginError("broken links in generated pages:\n  " + "\n  ".join(problems[:20]))

    def _write_open_data(self, built: Hub, target: Path | None) -> None:
        assert target is not None
        shutil.rmtree(target, ignore_errors=True)
        with self.timings.step("write the open data"):
            written = built.write_exports(target)
        log.info(f"mpchub: {len(written)} open-data files written")
        self.open_data_written = True

    @event_priority(100)  # before static-i18n (-100) pairs every page with its translations
    def _add_shelled(self, files: Any, config: Any) -> Any:
        if self.exports is not None:  # the site folder has been cleaned by now (static-i18n's next builds do not)
            _move_into(self.exports, Path(config.site_dir))
            self.exports = None
        return self.shells.add_files(files, config)

    @event_priority(-150)  # after static-i18n has made each language's file list (-100)
    def _rename_assets(self, files: Any, config: Any) -> Any:
        if self.assets is not None:
            self.assets.rename_files(files, config.site_dir)
        return files

    @event_priority(-200)  # after static-i18n (-100) has listed every page for the sitemap and the switcher
    def _take_shelled(self, files: Any, config: Any) -> Any:
        i18n = config.plugins.get("i18n")
        sitemap = getattr(i18n, "i18n_files_per_language", {}).get(config.theme["language"])
        self.shells.take_files(files, config, sitemap)
        return files

    on_files = CombinedEvent(_add_shelled, _rename_assets, _take_shelled)

    def on_env(self, env: Any, config: Any, files: Any) -> Any:
        env.bytecode_cache = self.compiled_templates  # each build's new environment reuses compiled templates
        language = config.theme["language"]
        self.shells.start_build()
        if once.enabled():
            self.once.install(env, language)
            self.shells.install(env)
            assert self.hub is not None
            words = {k: v for k, v in self.hub.strings(language).items() if k.startswith("search_")}
            # what overrides/main.html's `| tojson` would write, once per language instead of once per page
            self.search_words = htmlsafe_json_dumps(
                words, dumps=env.policies["json.dumps_function"], **env.policies["json.dumps_kwargs"]
            )
        return env

    def on_pre_page(self, page: Any, config: Any, files: Any) -> Any:
        """A generated page's stub has no Markdown, yet MkDocs would set up a Markdown converter with every
        extension for it (about a tenth of a 1,000-record build): give it what rendering nothing gives."""
        generated = self.generated.get(page.file.src_uri)
        if generated is not None and generated.html is not None:
            page.render = types.MethodType(_render_nothing, page)
        return page

    def on_page_content(self, html: str, page: Any, config: Any, files: Any) -> str:
        """Generated pages: their HTML replaces the stub's. Hand-written pages: markers are filled. Both: the
        permalinks' tooltip in the page's language."""
        assert self.hub is not None
        generated = self.generated.get(page.file.src_uri)
        language = generated.lang if generated is not None else self.hub.language_of(page.url).code
        return self.hub.localise_permalinks(self._content(html, page, config, generated), language)

    def _content(self, html: str, page: Any, config: Any, generated: Page | None) -> str:
        if generated is not None and generated.html is not None:
            page.toc = get_toc(toc_tokens(generated.headings))
            return generated.html
        if generated is None and "mpchub-repo:" in html:
            html = self._repository_links(html, config)
        if generated is None and self.hub is not None and "mpchub:" in html:
            try:
                html = self.hub.fill_markers(html, page.url)
            except KeyError as exc:
                raise PluginError(str(exc.args[0])) from None
            self._fail_on_broken_links([(page.url, html)])
        return html

    def _repository_links(self, html: str, config: Any) -> str:
        """Hand-written pages link into the repository as ``mpchub-repo:PATH`` (the Contribute page's form
        and editor links); the address is known only at build time."""
        if config.repo_url:
            return html.replace('href="mpchub-repo:', f'href="{config.repo_url.rstrip("/")}/')
        log.info("mpchub: REPO_URL is not set: links into the repository point nowhere in this preview")
        return html.replace('href="mpchub-repo:', 'data-repository-path="')

    @event_priority(40)  # after static-i18n's page context (50)
    def on_page_context(self, context: dict[str, Any], page: Any, config: Any, nav: Any) -> dict[str, Any]:
        generated = self.generated.get(page.file.src_uri)
        shell = self.shells.page_context(page, context, config.site_url)
        if shell is not None:
            generated = None  # a shell: its per-page values are markers
        elif generated is not None:
            if not generated.translated and config.site_url:
                page.canonical_url = config.site_url.rstrip("/") + "/" + (generated.canonical or "")
            page.edit_url = f"{self.edit_base}{generated.source}" if self.edit_base and generated.source else None
        assert self.hub is not None
        language = generated.lang if generated is not None else self.hub.language_of(page.url).code
        if "mpchub_search" not in context:
            context["mpchub_search"] = self._search_marks(page, generated, language)
        context["mpchub_feeds"] = self.hub.feed_links(language, page.url)
        # Interface words of overrides/: the one catalogue, in the page's language.
        context["mpchub_strings"] = self.hub.strings(language)
        context["mpchub_feedback"] = self.hub.feedback(language, page.url)  # "report a problem" by e-mail
        context["mpchub_assets"] = self.assets.page_data(language) if self.assets is not None else {}
        context["mpchub_print_qr"] = (
            shell.record if shell is not None else (generated is not None and self.hub.is_record_page(generated))
        )
        if self.search_words is not None:
            context["mpchub_search_words"] = self.search_words
        return context

    def _search_marks(self, page: Any, generated: Page | None, language: str) -> dict[str, str] | None:
        """What Pagefind indexes: record pages in their own language and hand-written pages; never lists,
        the home page, or an English page showing a Turkish-only record. ``overrides/main.html`` wraps the
        content in ``data-pagefind-body`` when this is set."""
        if not self._searched(page.file.src_uri, generated):
            return None
        assert self.hub is not None
        self.expected_in_index[language] += 1
        self.to_index.append((language, page.file.abs_dest_path))
        kind = generated.kind if generated is not None else None
        page_type = self.hub.word(language, "type_page") if kind in (None, "reference") else ""
        made = generated is not None and generated.html is not None  # the core's HTML, not Markdown's
        folded = self.hub.search_copy(page.content or "", language, generated=made)
        return {"folded": folded, "type": page_type}

    def _searched(self, source: str, generated: Page | None) -> bool:
        """Whether a page (by its source path) is marked for the index (see ``_search_marks``)."""
        is_home = source.split(".")[0] == "index"  # is_homepage is False in the English build
        if is_home or not hub.indexed_section(source):
            return False
        return generated is None or hub.is_indexed(generated)

    @event_priority(-300)  # last: the policy hashes the page's final inline scripts
    def on_post_page(self, output: str, page: Any, config: Any) -> str:
        if self.shells.keep(page, output, config.site_url, self.edit_base, config.site_description or ""):
            return ""  # a shell is not published: MkDocs writes no empty page
        return self._with_policy(output)

    @event_priority(0)  # before static-i18n (-100) builds the next language: that language's pages are ready
    def _write_shelled(self, config: Any) -> None:
        """Every language's build: write its generated pages that are outside the navigation into its shells."""
        if self.hub is None:
            return
        language = config.theme["language"]
        built, feed = self.hub, self.feed
        indexed = None
        if feed is not None:
            for code, path in self.to_index:  # MkDocs has written them by now
                feed.page(code, path)
            indexed = lambda page, path, html: feed.page(page.lang, path, html)  # noqa: E731
        self.to_index = []
        try:
            with self.timings.step("write the pages into their shells"):
                written = self.shells.write(
                    language,
                    lambda page: self._shelled_search(built, page),
                    indexed,
                    content=built.localise_permalinks,
                )
        except (hub.ShellError, hub.PagefindFailed) as exc:
            raise PluginError(str(exc)) from None
        if written:
            log.info(f"mpchub: {written} '{language}' pages written into their shells")
            _give_back_memory()  # the language's pages, written and let go

    def _shelled_search(self, built: Hub, page: Page) -> str:
        self.expected_in_index[page.lang] += 1
        with self.timings.step("search copies"):  # also counted in writing the pages
            return built.search_copy(page.html or "", page.lang, generated=True)

    def on_post_template(self, output_content: str, template_name: str, config: Any) -> str:
        """Static templates: the 404 page gets the policy too (the sitemap is not HTML). static-i18n renders
        the one 404.html in every language's build, the last one written: the master language's is kept, so
        its chrome (landmark names, menus) speaks the master language, and its content every language, the
        master's first."""
        if not template_name.endswith(".html"):
            return output_content
        if template_name == "404.html":
            if self.not_found is None:
                self.not_found = self._with_policy(output_content)
            return self.not_found
        return self._with_policy(output_content)

    def _with_policy(self, html: str) -> str:
        try:
            return hub.secure(html)
        except hub.PageWithoutHead as exc:
            raise PluginError(str(exc)) from None

    @event_priority(-200)  # after static-i18n (-100) has built every language
    def _after_every_language(self, config: Any) -> None:
        i18n = config.plugins.get("i18n")
        if getattr(i18n, "building", False):
            return  # a nested per-language build: the index is made once, when all are done
        expected, self.expected_in_index = self.expected_in_index, Counter()
        built, self.hub = self.hub, None  # under `mkdocs serve` this instance lives on: the next build starts afresh
        if built is None:
            return
        site_dir = Path(config.site_dir)
        with self.timings.step("write the search assets"):
            if self.assets is not None:
                # the folding table and labels the catalog's filters use too; the service worker (not when serving)
                self.assets.write_generated(site_dir)
        built.write_editor(site_dir)
        if self.serving:
            # While editing, the page reloads at once; the downloads and search catch up a moment later.
            threading.Thread(target=self._catch_up, args=(built, site_dir), daemon=True).start()
            return
        if not self.open_data_written:  # not written with the pages (mkdocs serve, the reference build)
            with self.timings.step("write the open data"):
                written = built.write_exports(site_dir)
            log.info(f"mpchub: {len(written)} open-data files written")
        feed, self.feed = self.feed, None
        if feed is None:
            self.timings.write()
            return
        try:
            counts = feed.done(dict(expected))
        except hub.PagefindFailed as exc:
            feed.close()
            raise PluginError(str(exc)) from None
        self.timings.write()
        if counts is not None:
            log.info("mpchub: search index: " + ", ".join(f"{k} {v} pages" for k, v in sorted(counts.items())))

    on_post_build = CombinedEvent(_write_shelled, _after_every_language)

    def _catch_up(self, built: Hub, site_dir: Path) -> None:
        """After a rebuild under ``mkdocs serve``: the open-data files, then the search index."""
        try:
            built.write_exports(site_dir)
            if self.config.search:
                hub.build_index(site_dir, built.project)
        except (hub.PagefindFailed, OSError) as exc:
            log.warning(f"mpchub: open data or search index not refreshed: {exc}")

    def on_template_context(self, context: dict[str, Any], template_name: str, config: Any) -> dict[str, Any]:
        """The 404 page is a template, not a page: static-i18n leaves the language switcher pointing at
        whatever page was rendered last. Point it at each language's home instead."""
        if self.assets is not None and self.hub is not None:
            context["mpchub_assets"] = self.assets.page_data(self.hub.registry.master.code)
        if template_name == "404.html":
            # the 404 page speaks every language, each in its own lang
            context["mpchub_catalogue"] = hub.catalogue_of(hub.Project(Path(config.config_file_path).resolve().parent))
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
        for source in hub.sources(hub.Project(root)):  # records, definitions, catalogue, docs, overrides
            if source.exists():
                server.watch(str(source))
        return server


def _give_back_memory() -> None:
    """Return to the system the memory Python has let go of. Freed objects stay in the C library's heap, where
    they still count in the process's memory: Pagefind's services fill up beside this process, and at 5,000
    records the sum came within a few per cent of 1 GB. glibc's ``malloc_trim`` (Linux) returns the heap's free
    pages; elsewhere nothing is done."""
    gc.collect()
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").malloc_trim(0)


def _move_into(source: Path, site: Path) -> None:
    """Move every file under ``source`` to the same place under ``site``."""
    for folder, _subfolders, names in os.walk(source):
        target = site / Path(folder).relative_to(source)
        target.mkdir(parents=True, exist_ok=True)
        for name in names:
            shutil.move(os.path.join(folder, name), target / name)
    shutil.rmtree(source, ignore_errors=True)


def _render_nothing(page: Any, config: Any, files: Any) -> None:
    """``Page.render`` of an empty Markdown source, without building a converter: the HTML is spliced in by
    ``on_page_content``, which sets the table of contents too."""
    page.content = ""
    page.toc = get_toc([])
    page.present_anchor_ids = set()
    page.links_to_anchors = {}
