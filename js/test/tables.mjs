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
export const STEM_EXTRA = [
  "ດິ",
  "ຈິ",
  "ຕອນ",
  "ໜັງສືພິມ",
  NAM,
  "ການສ້າງ",
  "2023",
  "5",
  "g",
  "café",
  "naïve",
  "ω",
  "is",
  "as",
  "yes",
  "a",
  "",
  "ies",
  "sky",
  "skies",
  "news",
  "united",
];

// [typed, folded]: what a query and the index compare.
export const FOLDINGS = [
  ["ນະຄອນຫລວງ", "ນະຄອນຫຼວງ"], // HO + LO as many keyboards type it
  ["ນະຄອນຫຼວງ", "ນະຄອນຫຼວງ"],
  ["ຫລາຍ", "ຫຼາຍ"],
  ["ອາເມຣິກາ", "ອາເມລິກາ"], // RO of the older orthography
  ["ສາທາຣະນະລັດ", "ສາທາລະນະລັດ"],
  ["ຫຣ", "ຫລ"], // RO after HO becomes LO, not SEMIVOWEL LO: the rules run in the reference's order
  ["Bogotá", "bogota"], // accents of Latin letters
  ["naïve café ÉTÉ", "naive cafe ete"],
  ["cafe\u0301", "cafe"],
  ["ຫນັງສືພິມ ນໍ້າ", "ໜັງສືພິມ ນ້ຳ"], // after the normal spelling
  ["GovStack ITU", "govstack itu"],
  ["ŋ̈a Ωmega", "ŋa ωmega"],
];

// Words of a small vocabulary, and texts the query side breaks against it as the build does.
export const VOCABULARY = ["ລັດ", "ດິ", "ຈິ", "ຕອນ", "ດິຈິຕອນ", "ການ", "ສ້າງ", "ການສ້າງ", "ນ", "ເມືອງ", "ເມ", "ໆ"];
export const SEGMENTED = [
  "ລັດດິຈິຕອນ",
  "ການສ້າງລັດ",
  "ດິຈິ",
  "ຊ້າງລັດ",
  "ລັດຊ້າງລັດ",
  "ນ້ຳ",
  "ເມືອງລັດ",
  "ລັດitu",
  "ລັດ",
  "",
  "ໆລັດໆ",
  "ເເເ",
  "ກກກລັດ",
  "ລັດ😀ດິ",
  "ນ້ອຍໆລັດ",
  "ດິຈິຕອນການສ້າງ2024",
];

// Numbers and sets of article numbers the build encodes and the page decodes.
export const NUMBERS = [0, 1, 31, 32, 33, 1023, 1024, 32767, 32768, 99999, 1234567, 2 ** 31 + 5];
export const SETS = [
  [],
  [0],
  [5],
  [0, 1, 2, 3],
  [3, 4, 9],
  Array.from({ length: 300 }, (_, i) => i * 2),
  Array.from({ length: 100 }, (_, i) => i),
  [7, 8, 15, 16, 1000],
  Array.from({ length: 64 }, (_, i) => 64 + i * 3),
];
export const POSTINGS = [
  { refs: [], weights: [] },
  { refs: [0], weights: [1234] },
  { refs: [2, 5, 900, 901], weights: [1, 65000, 0, 33] },
];

// Strings whose close-spelling variants (near.py, near.js) both sides make: Lao with tone marks and ຳ, a
// cancellation mark (no tone), Latin words of four to nine letters, mixed scripts, the very short.
export const NEAR = [
  "ການສື່ສານ",
  "ນ້ຳ",
  "ນຳ້",
  "ເກົ້າສິບ",
  "ກ່ກ້ກ໊ກ໋",
  "ຄອມພິວເຕີ໌",
  "ດີກ\u0eceມາຍ",
  "ນັກວິທະຍາສາດ",
  "road",
  "villages",
  "goverment",
  "ລາວabcd",
  "covid19",
  "pass",
  "a",
  "",
];

// Spellings of an archive (near.py keeps each under its variants) that the tests misspell every way near.js
// forgives: Lao words short and long, with and without tone marks; Latin words of four to seventeen letters.
export const CLOSE_SPELLINGS = {
  lao: ["ລາວ", "ນ້ຳ", "ບ້ານ", "ຄວາມ", "ສະໜອງ", "ເກົ້າສິບ", "ການສື່ສານ", "ນັກວິທະຍາສາດ", "ຂໍ້ມູນຂ່າວສານ"],
  latin: ["road", "roads", "played", "village", "villages", "government", "broadband", "telecommunication"],
};
