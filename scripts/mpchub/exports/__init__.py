"""Open data: downloads (JSON, CSV, Frictionless Data Package), Atom feeds, citations, JSON-LD, statistics
charts and the province map, all made from a loaded corpus. Plain Python; no MkDocs import.

What the site build calls:

* ``write_site_exports(corpus, site_dir, site_url)`` once after the build: writes every file;
* ``statistics_page_html`` (the whole generated statistics page; or ``statistics_html`` and
  ``province_map_html`` for markers), ``open_data_html`` for the
  "Open data / Açık veri" page, ``listing_downloads_html`` for each listing;
* ``citation_html`` and ``jsonld_html`` for every record page, ``feed_links_html`` for every page head.
"""

from __future__ import annotations

from .bundle import ExportBundle, build_exports, site_paths, write_site_exports
from .charts import province_map_html, statistics_html, statistics_page_html, statistics_title
from .fragments import (
    citation_html,
    download_control_html,
    feed_links_html,
    jsonld_html,
    listing_downloads_html,
    open_data_html,
)

__all__ = [
    "ExportBundle",
    "build_exports",
    "citation_html",
    "download_control_html",
    "feed_links_html",
    "jsonld_html",
    "listing_downloads_html",
    "open_data_html",
    "province_map_html",
    "site_paths",
    "statistics_html",
    "statistics_page_html",
    "statistics_title",
    "write_site_exports",
]
