"""Where a municipality is, and which records are located in its area: for its page, beside the records it
implements ("All practices in Sultanbeyli" lists the two the municipality runs and the two an association
runs there).

A municipality's area comes from its name and the records' own place fields, never from a list kept by hand:

* a **district municipality** covers its district: the records whose ``district`` is the municipality's name
  without its last word ("Sultanbeyli Belediyesi" → "Sultanbeyli"), compared with Turkish letters folded. A
  district's name can repeat in another province, so when the municipality implements a record in its own
  district, only records of that record's province count; with no such record, the district's name alone;
* a **metropolitan or provincial municipality** covers its province: the records whose ``province`` is the
  province its name begins with ("İstanbul Büyükşehir Belediyesi" → ``istanbul``, from the province
  vocabulary's labels), whatever their district;
* other kinds (a town municipality) cover no area of the records' fields: only what they implement is listed.

Records of national, regional or international reach are still "located" where their ``province`` puts
them: the record says where it is based, and its page says its reach.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from mpchub.content.corpus import Record
from mpchub.content.text import fold
from mpchub.site.index import Municipality, SiteIndex, values

PROVINCE_FIELD = "province"
DISTRICT_FIELD = "district"
DISTRICT_KINDS = frozenset({"district-municipality"})
PROVINCE_KINDS = frozenset({"metropolitan-municipality", "provincial-municipality"})


@dataclass(frozen=True)
class Area:
    """What a municipality covers: a province key, and for a district municipality its district's name."""

    province: str | None
    district: str | None = None

    @property
    def is_district(self) -> bool:
        return self.district is not None


def _name_stem(name: str) -> str:
    """The name without its last word: 'Sultanbeyli Belediyesi' → 'Sultanbeyli'."""
    words = name.split()
    return " ".join(words[:-1]) if len(words) > 1 else name


class Places:
    """Areas of the implementing municipalities and the records located in them, computed once per build."""

    def __init__(self, index: SiteIndex) -> None:
        self.index = index

    @cached_property
    def _province_labels(self) -> list[tuple[str, str]]:
        """(folded label + space, key) of every province, longest first ('Kahramanmaraş' before 'Kahraman…')."""
        browse = self.index.registry.browse_of(PROVINCE_FIELD)
        vocabulary = self.index.vocabularies[browse.vocabulary] if browse and browse.vocabulary else None
        if vocabulary is None:
            return []
        found = {(fold(term.label(code)) + " ", term.key) for term in vocabulary for code in self.index.registry.codes}
        return sorted(found, key=lambda item: -len(item[0]))

    def area(self, municipality: Municipality) -> Area | None:
        name = municipality.names[self.index.registry.master.code]
        if municipality.kind in PROVINCE_KINDS:
            folded = fold(name) + " "
            key = next((k for label, k in self._province_labels if folded.startswith(label)), None)
            return Area(key) if key else None
        if municipality.kind in DISTRICT_KINDS:
            district = _name_stem(name)
            own = {
                r.data.get(PROVINCE_FIELD)
                for r in municipality.records
                if fold(str(r.data.get(DISTRICT_FIELD) or "")) == fold(district)
            }
            return Area(next(iter(own)) if len(own) == 1 else None, district)
        return None

    @cached_property
    def _by_district(self) -> dict[str, list[Record]]:
        found: dict[str, list[Record]] = {}
        for record in self.index.records(self.index.primary.name):
            district = record.data.get(DISTRICT_FIELD)
            if isinstance(district, str) and district.strip():
                found.setdefault(fold(" ".join(district.split())), []).append(record)
        return found

    def located(self, municipality: Municipality) -> list[Record]:
        """Records of the primary collection in the municipality's area that it does not implement itself."""
        area = self.area(municipality)
        if area is None:
            return []
        if area.is_district:
            candidates = self._by_district.get(fold(area.district or ""), [])
            if area.province:
                candidates = [r for r in candidates if area.province in values(r, PROVINCE_FIELD)]
        elif self._province_kind:
            candidates = self.index.group(self._province_kind, area.province, self.index.primary.name)
            candidates = [r for r in candidates if area.province in values(r, PROVINCE_FIELD)]
        else:
            return []
        own = set(map(id, municipality.records))
        return [r for r in candidates if id(r) not in own]

    @cached_property
    def _province_kind(self) -> str:
        browse = self.index.registry.browse_of(PROVINCE_FIELD)
        return browse.kind if browse else ""
