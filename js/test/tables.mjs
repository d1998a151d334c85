// Lao text the tests feed to both sides; shared by the JS tests so that each reads like its feature.
export const NAM = "ນ້ຳ";

export const SPELLINGS = [
  ["ນ້ຳ", NAM],
  ["ນ້ໍາ", NAM],
  ["ນໍ້າ", NAM],
  ["ນຳ້", NAM],
  ["ກໍານົດ", "ກຳນົດ"],
  ["ຫນັງສືພິມ", "ໜັງສືພິມ"],
  ["ຫມາກ", "ໝາກ"],
  ["ກະຊວງ\u200bເຕັກໂນໂລຊີ", "ກະຊວງເຕັກໂນໂລຊີ"],
  ["ຂໍ້ມູນ\u00adຂ່າວ\u200dສານ\u2060", "ຂໍ້ມູນຂ່າວສານ"],
  ["\ufeffລາວ", "ລາວ"],
  ["GovStack ແລະ ITU 2023", "GovStack ແລະ ITU 2023"],
  ["cafe\u0301", "café"],
];

export const MIXED = [
  "ສູນບໍລິຫານລັດດິຈິຕອນ ITU",
  "ດິຈິຕອນ\u200bGovStack",
  "ປີ 2023 ມີ 5G",
  "Low-income U.S. countries don't",
  "covid-19 ໒໐໒໓ ນ້ອຍໆ café",
];

export const TRIM = ["«ດິ»", "(ITU).", "ດິ", "…ລາວ…", "--x--", "", "¡hola!", "ນ້ຳ,"];

export const LAO_WORDS = ["ດິ", "ຈິ", "ຕອນ", "ໜັງສືພິມ", NAM, "ການສ້າງ"];

export const ENTRIES = [
  { url: "news/a.html", title: "ຫນັງສືພິມ ດິຈິຕອນ", kind: "news", date: "2024-03-04", date_text: "4 ມີນາ 2024",
    tags: "ITU", body: "ສູນບໍລິຫານລັດດິຈິຕອນ ນໍ້າສະອາດ" },
  { url: "news/b.html", title: "Broadband for villages", kind: "reports", date: "2023-01-02",
    date_text: "2 January 2023", body: "The team played away and connected 40 villages." },
];
