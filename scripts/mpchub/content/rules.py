"""Every rule `mpchub check` applies: one object each, with a stable id (as github/docs names its rules, e.g.
``GHD012``), its name, its severity and what it asks, in Turkish and English.

The checker reports a problem with the rule object (``rules.UNKNOWN_KEY``), so a message carries the id and the
name (``MPC045 unknown-key``) and the severity is the rule's own; ``mpchub from-issue`` tells a proposer the
rule in their language, and the field reference lists every rule in the page's language: all from here. Ids are
never reused or renumbered: a retired rule keeps its number, unused. Each rule has a test case
(``tests/test_check_rules.py``); that test fails when a rule here has none, and the fuzz tests fail when the
code reports a rule missing here.
"""

from __future__ import annotations

from dataclasses import dataclass

ERROR = "error"
WARNING = "warning"
MESSAGES = "en"  # the language of mpchub's own messages: field labels and help in them are the schemas' "en"


@dataclass(frozen=True)
class Rule:
    id: str
    name: str
    en: str  # what the rule asks, in English (the checker's language)
    tr: str  # the same in Turkish, for proposers and the Turkish field reference
    severity: str = ERROR  # of the problems it reports: an error fails the check and the build; a warning never
    style: bool = False  # a Turkish style rule (mpchub.content.style)
    retired: str = ""  # why a rule no longer reports anything (its id is never reused)

    def statement(self, lang: str) -> str:
        """What the rule asks, in ``lang`` (in English where it has no wording in that language)."""
        return getattr(self, lang, None) or self.en


RULES: dict[str, Rule] = {}


def _rule(id: str, name: str, en: str, tr: str, severity: str = ERROR, style: bool = False, retired: str = "") -> Rule:
    rule = RULES[name] = Rule(id, name, en, tr, severity, style, retired)
    return rule


# Files: where records live and how they are read
FILE_NAME = _rule(
    "MPC001",
    "file-name",
    "File name is ASCII kebab-case, '<slug>.md' (master) or '<slug>.<language>.md'",
    "Dosya adı ASCII küçük harf ve tirelerden oluşur; '<ad>.md' (ana dosya) veya '<ad>.<dil>.md' olur",
)
FILE_NAME_RESERVED = _rule(
    "MPC002",
    "file-name-reserved",
    "No file name Windows reserves (con, nul, com1…)",
    "Windows'un ayırdığı adlar (con, nul, com1…) kullanılmaz",
)
FILE_NAME_CASE = _rule(
    "MPC003",
    "file-name-case",
    "No two file names that differ only in letter case",
    "Yalnızca büyük/küçük harfle ayrılan iki dosya adı olmaz",
)
SYMLINK = _rule(
    "MPC004",
    "symlink",
    "No symbolic links in content folders or docs/",
    "İçerik klasörlerinde ve docs/ içinde sembolik bağlantı olmaz",
)
NOT_A_FILE = _rule(
    "MPC005",
    "not-a-file",
    "A record is a regular file",
    "Kayıt sıradan bir dosyadır",
)
FILE_TOO_LARGE = _rule(
    "MPC006",
    "file-too-large",
    "A record file is at most 1 MB",
    "Bir kayıt dosyası en çok 1 MB'tır",
)
READ = _rule(
    "MPC007",
    "read",
    "The file can be read",
    "Dosya okunabilir olmalıdır",
)
BOM = _rule(
    "MPC008",
    "bom",
    "UTF-8 without byte order mark",
    "UTF-8, bayt sırası işareti (BOM) olmadan",
)
ENCODING = _rule(
    "MPC009",
    "encoding",
    "The file is valid UTF-8",
    "Dosya geçerli UTF-8'dir",
)
LOCATION = _rule(
    "MPC010",
    "location",
    "Records sit directly in their collection folder",
    "Kayıtlar doğrudan kendi koleksiyon klasöründe durur",
)
INTERNAL_ERROR = _rule(
    "MPC011",
    "internal-error",
    "A bug in mpchub stopped the check of one file (the others are still checked)",
    "mpchub'daki bir hata bir dosyanın denetimini durdurdu (diğer dosyalar yine denetlenir)",
)

# Front matter and YAML
FRONT_MATTER_MISSING = _rule(
    "MPC020",
    "front-matter-missing",
    "The file starts with '---' front matter",
    "Dosya '---' ile başlayan ön bilgiyle açılır",
)
FRONT_MATTER_UNTERMINATED = _rule(
    "MPC021",
    "front-matter-unterminated",
    "The front matter ends with a '---' line",
    "Ön bilgi '---' satırıyla kapanır",
)
FRONT_MATTER_EMPTY = _rule(
    "MPC022",
    "front-matter-empty",
    "The front matter has fields",
    "Ön bilgide alanlar bulunur",
)
FRONT_MATTER_SHAPE = _rule(
    "MPC023",
    "front-matter-shape",
    "The front matter is 'field: value' lines",
    "Ön bilgi 'alan: değer' satırlarından oluşur",
)
TAB = _rule(
    "MPC024",
    "tab",
    "No tab characters in the front matter",
    "Ön bilgide sekme karakteri olmaz",
)
YAML_SYNTAX = _rule(
    "MPC025",
    "yaml-syntax",
    "The front matter is valid YAML",
    "Ön bilgi geçerli YAML'dır",
)
YAML_DEPTH = _rule(
    "MPC026",
    "yaml-depth",
    "YAML nests at most 12 levels",
    "YAML en çok 12 düzey iç içe geçer",
)
DUPLICATE_KEY = _rule(
    "MPC027",
    "duplicate-key",
    "Each field appears once",
    "Her alan bir kez yazılır",
)
YAML_ALIAS = _rule(
    "MPC028",
    "yaml-alias",
    "No YAML anchors or aliases",
    "YAML çapa ve takma adları kullanılmaz",
)
YAML_MERGE = _rule(
    "MPC029",
    "yaml-merge",
    "No YAML merge keys (<<)",
    "YAML birleştirme anahtarı (<<) kullanılmaz",
)
YAML_TAG = _rule(
    "MPC030",
    "yaml-tag",
    "No YAML tags (!!python, !x)",
    "YAML etiketleri (!!python, !x) kullanılmaz",
)
YAML_KEY = _rule(
    "MPC031",
    "yaml-key",
    "Field names are plain text",
    "Alan adları düz metindir",
)
NUMBER_FORM = _rule(
    "MPC032",
    "number-form",
    "Numbers are plain decimals: no leading zero, 0x, 1_000, 1:30, .nan",
    "Sayılar düz ondalık yazılır: baştaki sıfır, 0x, 1_000, 1:30, .nan olmaz",
)
CONTROL_CHARACTER = _rule(
    "MPC033",
    "control-character",
    "No control characters, bidi overrides or line separators in any text",
    "Hiçbir metinde denetim karakteri, yön değiştirme karakteri veya satır ayırıcı olmaz",
)
FRONT_MATTER_SIZE = _rule(
    "MPC034",
    "front-matter-size",
    "The front matter is at most 200,000 characters and 5,000 lines and separators",
    "Ön bilgi en çok 200.000 karakter, 5.000 satır ve ayırıcıdır",
)
MORE_PROBLEMS = _rule(
    "MPC035",
    "more-problems",
    "At most 100 problems are listed per file; the rest are counted (warning)",
    "Bir dosya için en çok 100 sorun listelenir; gerisi sayılır (uyarı)",
    severity=WARNING,
)

# Schema
MISSING = _rule(
    "MPC040",
    "missing",
    "Required fields are present",
    "Zorunlu alanlar bulunur",
)
UNKNOWN_FIELD = _rule(
    "MPC041",
    "unknown-field",
    "Only the fields of the schema",
    "Yalnızca şemadaki alanlar kullanılır",
)
NEUTRAL_IN_TWIN = _rule(
    "MPC042",
    "neutral-in-twin",
    "Language-neutral fields only in the Turkish master",
    "Dilden bağımsız alanlar yalnızca Türkçe ana dosyada bulunur",
)
TYPE = _rule(
    "MPC043",
    "type",
    "Each value has its field's type (text, list, number…)",
    "Her değer alanının türündedir (metin, liste, sayı…)",
)
FORMAT = _rule(
    "MPC044",
    "format",
    "Values have the expected form (dates, addresses, codes)",
    "Değerler beklenen biçimdedir (tarih, adres, kod)",
)
UNKNOWN_KEY = _rule(
    "MPC045",
    "unknown-key",
    "Vocabulary fields hold a key of the vocabulary",
    "Sözlük alanları sözlükteki bir anahtarı taşır",
)
TOO_FEW = _rule(
    "MPC046",
    "too-few",
    "Lists have at least the required items",
    "Listelerde gereken en az öğe bulunur",
)
TOO_MANY = _rule(
    "MPC047",
    "too-many",
    "Lists have at most the allowed items",
    "Listeler izin verilen öğe sayısını aşmaz",
)
REPEATED = _rule(
    "MPC048",
    "repeated",
    "No item twice in a list",
    "Bir listede aynı öğe iki kez yer almaz",
)
TOO_SHORT = _rule(
    "MPC049",
    "too-short",
    "Text is not empty or too short",
    "Metin boş veya çok kısa değildir",
)
TOO_LONG = _rule(
    "MPC050",
    "too-long",
    "Text is not longer than allowed",
    "Metin izin verilen uzunluğu aşmaz",
)
OUT_OF_RANGE = _rule(
    "MPC051",
    "out-of-range",
    "Numbers lie within the allowed range",
    "Sayılar izin verilen aralıktadır",
)
SCHEMA = _rule(
    "MPC052",
    "schema",
    "Other schema rules",
    "Diğer şema kuralları",
)
NAME_LETTERS = _rule(
    "MPC053",
    "name-letters",
    "An organisation's name is in ordinary (NFKC) Latin letters: no Cyrillic or Greek look-alikes (і, о, а), no "
    "full-width or ligature forms",
    "Kurum adı sıradan (NFKC) Latin harfleriyle yazılır: Latin harfine benzeyen Kiril veya Yunan harfi (і, о, а), "
    "tam genişlikte veya bitişik harf biçimi olmaz",
)

# Meaning
IMPOSSIBLE_DATE = _rule(
    "MPC060",
    "impossible-date",
    "Dates exist in the calendar",
    "Tarihler takvimde vardır",
)
FUTURE_DATE = _rule(
    "MPC061",
    "future-date",
    "last_reviewed is not in the future",
    "last_reviewed gelecekte değildir",
)
DATE_ORDER = _rule(
    "MPC062",
    "date-order",
    "The end date is not before the start date",
    "Bitiş tarihi başlangıçtan önce değildir",
)
ISBN = _rule(
    "MPC063",
    "isbn",
    "ISBNs have a correct check digit",
    "ISBN'lerin denetim basamağı doğrudur",
)
PLACEHOLDER = _rule(
    "MPC064",
    "placeholder",
    "No TODO placeholders left",
    "TODO yer tutucusu kalmaz",
)
ID_SLUG = _rule(
    "MPC065",
    "id-slug",
    "The id equals the file name",
    "Kimlik (id) dosya adıyla aynıdır",
)
UNREVIEWED = _rule(
    "MPC066",
    "unreviewed",
    "A proposal says 'submitted' until an editor has reviewed it (warning)",
    "Öneri, bir editör inceleyene kadar 'submitted' olarak işaretlidir (uyarı)",
    severity=WARNING,
)
REPEATED_TERMS = _rule(
    "MPC067",
    "repeated-terms",
    "A record's fields do not repeat many search terms (names of places and institutions) (warning)",
    "Kaydın alanları çok sayıda arama terimini (yer ve kurum adlarını) tekrarlamaz (uyarı)",
    severity=WARNING,
)

# Body
EMPTY_BODY = _rule(
    "MPC070",
    "empty-body",
    "The body has a description",
    "Gövdede bir açıklama bulunur",
)
BODY_TOO_LONG = _rule(
    "MPC071",
    "body-too-long",
    "The body is at most 50,000 characters",
    "Gövde en çok 50.000 karakterdir",
)
PARAGRAPH_TOO_LONG = _rule(
    "MPC072",
    "paragraph-too-long",
    "A paragraph is at most 20,000 characters and 300 markup characters",
    "Bir paragraf en çok 20.000 karakter ve 300 biçimlendirme karakteridir",
)
NESTING = _rule(
    "MPC073",
    "nesting",
    "Lists, quotes, brackets and emphasis nest only a few levels",
    "Listeler, alıntılar, köşeli ayraçlar ve vurgular birkaç düzeyden fazla iç içe geçmez",
)
MARKDOWN = _rule(
    "MPC074",
    "markdown",
    "The body can be rendered as Markdown",
    "Gövde Markdown olarak işlenebilir",
)
HTML_ELEMENT = _rule(
    "MPC075",
    "html-element",
    "Only the HTML elements Markdown makes for prose; no images",
    "Yalnızca Markdown'ın düz yazı için ürettiği HTML öğeleri; görsel yok",
)
HTML_ATTRIBUTE = _rule(
    "MPC076",
    "html-attribute",
    "Only allowed attributes, classes and ids (no on*=, style=, data-)",
    "Yalnızca izin verilen öznitelikler, sınıflar ve kimlikler (on*=, style=, data- yok)",
)
HTML_URL = _rule(
    "MPC077",
    "html-url",
    "Links are https://, http://, mailto: (without ?) or within the site",
    "Bağlantılar https://, http://, mailto: (? olmadan) veya site içidir",
)
HTML_COMMENT = _rule(
    "MPC078",
    "html-comment",
    "No HTML comments in the body",
    "Gövdede HTML yorumu olmaz",
)
HTML_AMBIGUOUS = _rule(
    "MPC079",
    "html-ambiguous",
    "No HTML that browsers and the checker read differently",
    "Tarayıcıların ve denetleyicinin farklı okuduğu HTML olmaz",
)
BODY_BUDGET = _rule(
    "MPC080",
    "body-budget",
    "The body renders quickly: at most 200 lines without a blank line, 100 headings, 400,000 characters of HTML",
    "Gövde hızla işlenir: boş satırsız en çok 200 satır, en çok 100 başlık, en çok 400.000 karakter HTML",
)
BODY_LINK = _rule(
    "MPC081",
    "body-link",
    "A relative link in the body leads to a page of the site",
    "Gövdedeki göreli bağlantı sitenin bir sayfasına gider",
)

# Across records
DUPLICATE_ID = _rule(
    "MPC090",
    "duplicate-id",
    "Ids are unique across all collections",
    "Kimlikler tüm koleksiyonlarda tektir",
)
ORPHAN_TWIN = _rule(
    "MPC091",
    "orphan-twin",
    "An English twin has a Turkish master",
    "İngilizce eşin bir Türkçe ana dosyası vardır",
)
REFERENCE = _rule(
    "MPC092",
    "reference",
    "References name existing records",
    "Başvurular var olan kayıtları gösterir",
)
SELF_REFERENCE = _rule(
    "MPC093",
    "self-reference",
    "A record is not related to itself",
    "Bir kayıt kendisiyle ilişkilendirilmez",
)
MUNICIPALITY_SLUG = _rule(
    "MPC094",
    "municipality-slug",
    "Municipality names give a page address of their own",
    "Belediye adları kendilerine ait bir sayfa adresi verir",
)
UNTRANSLATED_FIELD = _rule(
    "MPC095",
    "untranslated-field",
    "The twin translates what the master fills (warning)",
    "Eş, ana dosyada doldurulan alanları çevirir (uyarı)",
    severity=WARNING,
)
TWIN_ITEMS = _rule(
    "MPC096",
    "twin-items",
    "Translated lists have the master's number of items (warning)",
    "Çevrilen listeler ana dosyadakiyle aynı sayıda öğe taşır (uyarı)",
    severity=WARNING,
)

# Translation status (`mpchub translations`): warnings that never fail a build
UNTRANSLATED = _rule(
    "MPC097",
    "untranslated",
    "A master has an English twin (warning of mpchub translations)",
    "Türkçe aslın İngilizce çevirisi vardır (mpchub translations uyarısı)",
    severity=WARNING,
)
PAGE_COLLISION = _rule(
    "MPC099",
    "page-collision",
    "A record's page is not a page the site already makes (index, catalogs, browse pages, contribute/…)",
    "Kaydın sayfası sitenin kendi ürettiği bir sayfa (index, kataloglar, göz atma sayfaları, contribute/…) değildir",
)
OUTDATED_TRANSLATION = _rule(
    "MPC098",
    "outdated-translation",
    "The twin was translated from the master's latest commit (warning)",
    "Çeviri, Türkçe aslın son hâlinden yapılmıştır (mpchub translations uyarısı)",
    severity=WARNING,
)

# Turkish style (mpchub.content.style): warnings, never errors
TDK_IS_BIRLIGI = _rule(
    "MPC100",
    "tdk-is-birligi",
    "'iş birliği' in two words (TDK) (warning)",
    "'iş birliği' iki sözcükle yazılır (TDK) (uyarı)",
    severity=WARNING,
    style=True,
)
LEGAL_TERM_TEMPORARY_PROTECTION = _rule(
    "MPC101",
    "legal-term-temporary-protection",
    "'geçici koruma kapsamında', the legal term (retired: termbase.yml's under-temporary-protection, MPC110)",
    "Yasal terim 'geçici koruma kapsamında'dır (kaldırıldı: termbase.yml, under-temporary-protection, MPC110)",
    severity=WARNING,
    retired="the termbase (MPC110) holds the legal terms of Law No. 6458 and this one with them",
)
APOSTROPHE_INSTITUTION = _rule(
    "MPC102",
    "apostrophe-institution",
    "No apostrophe before suffixes of institution names (warning)",
    "Kurum adlarına gelen ekler kesme işaretiyle ayrılmaz (uyarı)",
    severity=WARNING,
    style=True,
)
TDK_CIRCUMFLEX = _rule(
    "MPC103",
    "tdk-circumflex",
    "'hâlinde', 'merkezî' with a circumflex (TDK) (warning)",
    "'hâlinde', 'merkezî' düzeltme işaretiyle yazılır (TDK) (uyarı)",
    severity=WARNING,
    style=True,
)
APOSTROPHE_PLACE_NAME = _rule(
    "MPC104",
    "apostrophe-place-name",
    "An apostrophe before suffixes of place names (warning)",
    "Yer adlarına gelen ekler kesme işaretiyle ayrılır (uyarı)",
    severity=WARNING,
    style=True,
)
INSTITUTION_AFTER_2021 = _rule(
    "MPC105",
    "institution-after-2021",
    "Göç İdaresi Başkanlığı after 29 October 2021 (warning)",
    "29 Ekim 2021'den sonra Göç İdaresi Başkanlığı (uyarı)",
    severity=WARNING,
    style=True,
)

# The termbase (mpchub.content.termbase): warnings, never errors
TERMBASE = _rule(
    "MPC110",
    "termbase",
    "The hub's agreed term, not a rejected form of it (termbase.yml) (warning)",
    "Bilgi platformunun üzerinde anlaşılan terim kullanılır, reddedilen biçimi değil (termbase.yml) (uyarı)",
    severity=WARNING,
)

# The search's synonyms (mpchub.content.synonyms): a hand-kept data file, checked as content
SYNONYMS = _rule(
    "MPC111",
    "synonyms",
    "synonyms.yml maps the hub's languages to groups of at least two phrases of one line each",
    "synonyms.yml, platformun dillerini her biri tek satırlık en az iki ifadeden oluşan gruplara eşler",
)

STYLE_RULES = frozenset(rule.name for rule in RULES.values() if rule.style)
ACTIVE = {name: rule for name, rule in RULES.items() if not rule.retired}  # reported by mpchub.content.style
UNKNOWN = "MPC000"


def rule_id(name: str) -> str:
    """The stable id of a rule name; ``MPC000`` for a name missing here (a test makes sure none is)."""
    rule = RULES.get(name)
    return rule.id if rule else UNKNOWN
