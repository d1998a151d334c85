// Text the tests feed to the browser modules and, through python_side.py, to the build's. No tests here.
export const NAM = "ນ້ຳ"; // water: NO, tone MAI THO, SARA AM

// [typed, normal spelling]
export const SPELLINGS = [
  ["ນ້ຳ", NAM],
  ["ນ້ໍາ", NAM], // tone, then NIGGAHITA + AA
  ["ນໍ້າ", NAM], // NIGGAHITA, tone, AA
  ["ນຳ້", NAM], // tone typed after SARA AM
  ["ນໍາ", "ນຳ"],
  ["ກໍານົດ", "ກຳນົດ"],
  ["ຫນັງສືພິມ", "ໜັງສືພິມ"],
  ["ຫມາກ", "ໝາກ"],
  ["ໂຄງການນໍ້າສະອາດ ແລະ ຫນັງສືພິມ", "ໂຄງການນ້ຳສະອາດ ແລະ ໜັງສືພິມ"],
  ["ກະຊວງ\u200bເຕັກໂນໂລຊີ", "ກະຊວງເຕັກໂນໂລຊີ"], // zero-width space
  ["ຂໍ້ມູນ\u00adຂ່າວ\u200dສານ\u2060", "ຂໍ້ມູນຂ່າວສານ"], // soft hyphen, joiner, word joiner
  ["ດິ\u200cຈິ", "ດິຈິ"], // zero-width non-joiner
  ["\ufeffລາວ", "ລາວ"], // byte-order mark
  ["GovStack ແລະ ITU 2023", "GovStack ແລະ ITU 2023"], // case is kept
  ["cafe\u0301", "café"], // NFC
  ["ຫ\u200bນ", "ໜ"], // the rules run after invisible characters are gone
  ["", ""],
];

// Mixed scripts, digits and punctuation, for normalise() and words() on both sides.
export const MIXED = [
  "ສູນບໍລິຫານລັດດິຈິຕອນ ITU",
  "ດິຈິຕອນ\u200bGovStack",
  "ປີ 2023 ມີ 5G",
  "ປະຊຸມ (ITU).",
  "Low-income U.S. countries don't",
  "covid-19 ໒໐໒໓ ນ້ອຍໆ café",
  "naïve Ωmega ÉTÉ x²",
  "snake_case and CamelCase 3.14 v2",
  "ເດັກນ້ອຍໆ ໄປໂຮງຮຽນ",
  "İstanbul ΣΟΦΟΣ",
  "a½b ①② H₂O Ⅻ century ŋ̈a",
  "Ａｂｃ１２ ٣٤ l'école co‑op e.g. 3rd µm",
];

export const TRIM = ["«ດິ»", "(ITU).", "ດິ", "…ລາວ…", "--x--", "", "¡hola!", "ນ້ຳ,", "ໆ", "\u0ec9ກ", "2023)", "“ໜັງສືພິມ”"];

// Stemmed by both sides beside the English fixture list (fixtures/english-words.txt).
export const STEM_EXTRA = ["ດິ", "ຈິ", "ຕອນ", "ໜັງສືພິມ", NAM, "ການສ້າງ", "2023", "5", "g", "café", "naïve", "ω",
  "is", "as", "yes", "a", "", "ies", "sky", "skies", "news", "united"];

// Articles both sides index: Python builds the search data (index.search_parts), JS searches them.
export const ENTRIES = [
  { url: "news/a.html", title: "ຫນັງສືພິມ ດິຈິຕອນ", kind: "news", date: "2024-03-04", date_text: "4 ມີນາ 2024",
    tags: "ITU", summary: "", body: "ສູນບໍລິຫານລັດດິຈິຕອນ ນໍ້າສະອາດ" },
  { url: "news/b.html", title: "Broadband for villages", kind: "reports", date: "2023-01-02",
    date_text: "2 January 2023", tags: "", summary: "", body: "The team played away and connected 40 villages." },
  { url: "news/c.html", title: "ການສະໜອງນ້ຳ", kind: "news", date: "2022-05-06", date_text: "6 ພຶດສະພາ 2022",
    tags: "", summary: "ໂຄງການນ້ໍາສະອາດ", body: "ລັດຖະບານ ສະຫນອງ ນ້ຳສະອາດ ໃຫ້ ບ້ານ. ບໍລິການ ດິຈິຕອນ ແລະ ລັດ." },
];
