"""Every rule `mpchub check` applies, with a stable id (as github/docs names its rules, e.g. ``GHD012``).

A message carries the id and the name (``MPC045 unknown-key``), so that a contributor can look the rule
up in the field reference and a maintainer can grep for it. Ids are never reused or renumbered: a
retired rule keeps its number, unused. Each rule has a test case (``tests/test_check_rules.py``); that
test fails when a rule here has none, and the fuzz tests fail when the code reports a rule missing here.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Rule:
    id: str
    name: str
    en: str
    tr: str


_RULES = [
    # Files: where records live and how they are read
    Rule("MPC001", "file-name", "File name is ASCII kebab-case, '.md' or '.en.md'",
         "Dosya adı ASCII küçük harf ve tirelerden oluşur; '.md' veya '.en.md' ile biter"),
    Rule("MPC002", "file-name-reserved", "No file name Windows reserves (con, nul, com1…)",
         "Windows'un ayırdığı adlar (con, nul, com1…) kullanılmaz"),
    Rule("MPC003", "file-name-case", "No two file names that differ only in letter case",
         "Yalnızca büyük/küçük harfle ayrılan iki dosya adı olmaz"),
    Rule("MPC004", "symlink", "No symbolic links in content folders or docs/",
         "İçerik klasörlerinde ve docs/ içinde sembolik bağlantı olmaz"),
    Rule("MPC005", "not-a-file", "A record is a regular file", "Kayıt sıradan bir dosyadır"),
    Rule("MPC006", "file-too-large", "A record file is at most 1 MB", "Bir kayıt dosyası en çok 1 MB'tır"),
    Rule("MPC007", "read", "The file can be read", "Dosya okunabilir olmalıdır"),
    Rule("MPC008", "bom", "UTF-8 without byte order mark", "UTF-8, bayt sırası işareti (BOM) olmadan"),
    Rule("MPC009", "encoding", "The file is valid UTF-8", "Dosya geçerli UTF-8'dir"),
    Rule("MPC010", "location", "Records sit directly in their collection folder",
         "Kayıtlar doğrudan kendi koleksiyon klasöründe durur"),
    Rule("MPC011", "internal-error", "A bug in mpchub stopped the check of one file (the others are still checked)",
         "mpchub'daki bir hata bir dosyanın denetimini durdurdu (diğer dosyalar yine denetlenir)"),
    # Front matter and YAML
    Rule("MPC020", "front-matter-missing", "The file starts with '---' front matter",
         "Dosya '---' ile başlayan ön bilgiyle açılır"),
    Rule("MPC021", "front-matter-unterminated", "The front matter ends with a '---' line",
         "Ön bilgi '---' satırıyla kapanır"),
    Rule("MPC022", "front-matter-empty", "The front matter has fields", "Ön bilgide alanlar bulunur"),
    Rule("MPC023", "front-matter-shape", "The front matter is 'field: value' lines",
         "Ön bilgi 'alan: değer' satırlarından oluşur"),
    Rule("MPC024", "tab", "No tab characters in the front matter", "Ön bilgide sekme karakteri olmaz"),
    Rule("MPC025", "yaml-syntax", "The front matter is valid YAML", "Ön bilgi geçerli YAML'dır"),
    Rule("MPC026", "yaml-depth", "YAML nests at most 12 levels", "YAML en çok 12 düzey iç içe geçer"),
    Rule("MPC027", "duplicate-key", "Each field appears once", "Her alan bir kez yazılır"),
    Rule("MPC028", "yaml-alias", "No YAML anchors or aliases", "YAML çapa ve takma adları kullanılmaz"),
    Rule("MPC029", "yaml-merge", "No YAML merge keys (<<)", "YAML birleştirme anahtarı (<<) kullanılmaz"),
    Rule("MPC030", "yaml-tag", "No YAML tags (!!python, !x)", "YAML etiketleri (!!python, !x) kullanılmaz"),
    Rule("MPC031", "yaml-key", "Field names are plain text", "Alan adları düz metindir"),
    Rule("MPC032", "number-form", "Numbers are plain decimals: no leading zero, 0x, 1_000, 1:30, .nan",
         "Sayılar düz ondalık yazılır: baştaki sıfır, 0x, 1_000, 1:30, .nan olmaz"),
    Rule("MPC033", "control-character", "No control characters, bidi overrides or line separators in any text",
         "Hiçbir metinde denetim karakteri, yön değiştirme karakteri veya satır ayırıcı olmaz"),
    # Schema
    Rule("MPC040", "missing", "Required fields are present", "Zorunlu alanlar bulunur"),
    Rule("MPC041", "unknown-field", "Only the fields of the schema", "Yalnızca şemadaki alanlar kullanılır"),
    Rule("MPC042", "neutral-in-twin", "Language-neutral fields only in the Turkish master",
         "Dilden bağımsız alanlar yalnızca Türkçe ana dosyada bulunur"),
    Rule("MPC043", "type", "Each value has its field's type (text, list, number…)",
         "Her değer alanının türündedir (metin, liste, sayı…)"),
    Rule("MPC044", "format", "Values have the expected form (dates, addresses, codes)",
         "Değerler beklenen biçimdedir (tarih, adres, kod)"),
    Rule("MPC045", "unknown-key", "Vocabulary fields hold a key of the vocabulary",
         "Sözlük alanları sözlükteki bir anahtarı taşır"),
    Rule("MPC046", "too-few", "Lists have at least the required items", "Listelerde gereken en az öğe bulunur"),
    Rule("MPC047", "too-many", "Lists have at most the allowed items", "Listeler izin verilen öğe sayısını aşmaz"),
    Rule("MPC048", "repeated", "No item twice in a list", "Bir listede aynı öğe iki kez yer almaz"),
    Rule("MPC049", "too-short", "Text is not empty or too short", "Metin boş veya çok kısa değildir"),
    Rule("MPC050", "too-long", "Text is not longer than allowed", "Metin izin verilen uzunluğu aşmaz"),
    Rule("MPC051", "out-of-range", "Numbers lie within the allowed range", "Sayılar izin verilen aralıktadır"),
    Rule("MPC052", "schema", "Other schema rules", "Diğer şema kuralları"),
    # Meaning
    Rule("MPC060", "impossible-date", "Dates exist in the calendar", "Tarihler takvimde vardır"),
    Rule("MPC061", "future-date", "last_reviewed is not in the future", "last_reviewed gelecekte değildir"),
    Rule("MPC062", "date-order", "The end date is not before the start date",
         "Bitiş tarihi başlangıçtan önce değildir"),
    Rule("MPC063", "isbn", "ISBNs have a correct check digit", "ISBN'lerin denetim basamağı doğrudur"),
    Rule("MPC064", "placeholder", "No TODO placeholders left", "TODO yer tutucusu kalmaz"),
    Rule("MPC065", "id-slug", "The id equals the file name", "Kimlik (id) dosya adıyla aynıdır"),
    Rule("MPC066", "unreviewed", "A proposal says 'submitted' until an editor has reviewed it (warning)",
         "Öneri, bir editör inceleyene kadar 'submitted' olarak işaretlidir (uyarı)"),
    # Body
    Rule("MPC070", "empty-body", "The body has a description", "Gövdede bir açıklama bulunur"),
    Rule("MPC071", "body-too-long", "The body is at most 50,000 characters", "Gövde en çok 50.000 karakterdir"),
    Rule("MPC072", "paragraph-too-long", "A paragraph is at most 20,000 characters and 300 markup characters",
         "Bir paragraf en çok 20.000 karakter ve 300 biçimlendirme karakteridir"),
    Rule("MPC073", "nesting", "Lists, quotes, brackets and emphasis nest only a few levels",
         "Listeler, alıntılar, köşeli ayraçlar ve vurgular birkaç düzeyden fazla iç içe geçmez"),
    Rule("MPC074", "markdown", "The body can be rendered as Markdown", "Gövde Markdown olarak işlenebilir"),
    Rule("MPC075", "html-element", "Only the HTML elements Markdown makes for prose; no images",
         "Yalnızca Markdown'ın düz yazı için ürettiği HTML öğeleri; görsel yok"),
    Rule("MPC076", "html-attribute", "Only allowed attributes, classes and ids (no on*=, style=, data-)",
         "Yalnızca izin verilen öznitelikler, sınıflar ve kimlikler (on*=, style=, data- yok)"),
    Rule("MPC077", "html-url", "Links are https://, http://, mailto: (without ?) or within the site",
         "Bağlantılar https://, http://, mailto: (? olmadan) veya site içidir"),
    Rule("MPC078", "html-comment", "No HTML comments in the body", "Gövdede HTML yorumu olmaz"),
    Rule("MPC079", "html-ambiguous", "No HTML that browsers and the checker read differently",
         "Tarayıcıların ve denetleyicinin farklı okuduğu HTML olmaz"),
    # Across records
    Rule("MPC090", "duplicate-id", "Ids are unique across all collections", "Kimlikler tüm koleksiyonlarda tektir"),
    Rule("MPC091", "orphan-twin", "An English twin has a Turkish master",
         "İngilizce eşin bir Türkçe ana dosyası vardır"),
    Rule("MPC092", "reference", "References name existing records", "Başvurular var olan kayıtları gösterir"),
    Rule("MPC093", "self-reference", "A record is not related to itself", "Bir kayıt kendisiyle ilişkilendirilmez"),
    Rule("MPC094", "municipality-slug", "Municipality names give a page address of their own",
         "Belediye adları kendilerine ait bir sayfa adresi verir"),
    Rule("MPC095", "untranslated-field", "The twin translates what the master fills (warning)",
         "Eş, ana dosyada doldurulan alanları çevirir (uyarı)"),
    Rule("MPC096", "twin-items", "Translated lists have the master's number of items (warning)",
         "Çevrilen listeler ana dosyadakiyle aynı sayıda öğe taşır (uyarı)"),
    # Translation status (`mpchub translations`): warnings that never fail a build
    Rule("MPC097", "untranslated", "A master has an English twin (warning of mpchub translations)",
         "Türkçe aslın İngilizce çevirisi vardır (mpchub translations uyarısı)"),
    Rule("MPC098", "outdated-translation", "The twin was translated from the master's latest commit (warning)",
         "Çeviri, Türkçe aslın son hâlinden yapılmıştır (mpchub translations uyarısı)"),
    # Turkish style (mpchub.style): warnings, never errors
    Rule("MPC100", "tdk-is-birligi", "'iş birliği' in two words (TDK) (warning)",
         "'iş birliği' iki sözcükle yazılır (TDK) (uyarı)"),
    Rule("MPC101", "legal-term-temporary-protection", "'geçici koruma kapsamında', the legal term (warning)",
         "Yasal terim 'geçici koruma kapsamında'dır (uyarı)"),
    Rule("MPC102", "apostrophe-institution", "No apostrophe before suffixes of institution names (warning)",
         "Kurum adlarına gelen ekler kesme işaretiyle ayrılmaz (uyarı)"),
    Rule("MPC103", "tdk-circumflex", "'hâlinde', 'merkezî' with a circumflex (TDK) (warning)",
         "'hâlinde', 'merkezî' düzeltme işaretiyle yazılır (TDK) (uyarı)"),
    Rule("MPC104", "apostrophe-place-name", "An apostrophe before suffixes of place names (warning)",
         "Yer adlarına gelen ekler kesme işaretiyle ayrılır (uyarı)"),
    Rule("MPC105", "institution-after-2021", "Göç İdaresi Başkanlığı after 29 October 2021 (warning)",
         "29 Ekim 2021'den sonra Göç İdaresi Başkanlığı (uyarı)"),
]  # fmt: skip
STYLE_RULES = frozenset(
    {
        "tdk-is-birligi",
        "legal-term-temporary-protection",
        "apostrophe-institution",
        "tdk-circumflex",
        "apostrophe-place-name",
        "institution-after-2021",
    }
)  # reported by mpchub.style; listed here so that their messages carry an id too

RULES: dict[str, Rule] = {rule.name: rule for rule in _RULES}
UNKNOWN = "MPC000"


def rule_id(name: str) -> str:
    """The stable id of a rule name; ``MPC000`` for a name missing here (a test makes sure none is)."""
    rule = RULES.get(name)
    return rule.id if rule else UNKNOWN
