"""What a search result says about where a record is from: Pagefind metadata on record pages.

The result list (search.js) shows each record's type, municipality and province, so an officer sees at a
glance which results are in their region. Pagefind reads them from ``data-pagefind-meta`` attributes
(``templates/record/base.html``), as attribute values so that they are not indexed twice as text.
"""

from __future__ import annotations

from mpchub.content.corpus import Record
from mpchub.content.organisations import MUNICIPALITY_KINDS
from mpchub.site.index import values
from mpchub.site.view import View


def result_meta(record: Record, view: View) -> list[tuple[str, str]]:
    """(key, value) pairs: ``type``; for a practice its ``municipality`` (the implementing municipalities,
    else its district); ``province`` (a practice's province, or a publication's geographic scope)."""
    pairs = [("type", view.t(f"type_{record.collection.name}"))]
    implementers = values(record, "implementers")
    municipal = [view.org_name(org) for org in implementers if org.get("kind") in MUNICIPALITY_KINDS]
    district = record.data.get("district")
    place = ", ".join(municipal) if municipal else (str(district) if district else "")
    if place:
        pairs.append(("municipality", place))
    provinces = values(record, "province") or values(record, "geographic_scope")
    if provinces:
        pairs.append(("province", ", ".join(view.label("provinces", key) for key in provinces)))
    return pairs
