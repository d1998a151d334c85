// Close spellings (js/src/near.js): which spellings a query found nowhere may lead to, how far each is from what
// was typed, which comes first, and how a Lao part is mended piece by piece.

import assert from "node:assert/strict";
import { test } from "node:test";
import {
  alternatives,
  closest,
  deletions,
  distance,
  hasTones,
  mended,
  mistyped,
  piecesAt,
  skeleton,
  stages,
  tolerance,
  tonedFrom,
  tooFew,
  UNDONE,
  undone,
  variantsOf,
} from "../src/near.js";
import { breaks } from "../src/segment.js";

// What the store gives for a query's variants, as near.py keeps them: variant -> [spelling, articles, ...].
// closest() and tonedFrom() read every list, whichever variant it came under.
const found = (...lists) => new Map(lists.map((list, i) => [`variant ${i}`, list]));
const texts = (spellings) => spellings.map((s) => s.text);

test("a skeleton is the text without its four tone marks; vowels, ຳ and other signs stay", () => {
  assert.equal(skeleton("ການສື່ສານ"), "ການສືສານ");
  assert.equal(skeleton("ນ້ຳ"), "ນຳ");
  assert.equal(skeleton("ກ່ກ້ກ໊ກ໋"), "ກກກກ");
  assert.equal(skeleton("ຄອມພິວເຕີ໌"), "ຄອມພິວເຕີ໌"); // ໌ (U+0ECC) is no tone mark
  assert.equal(skeleton("government"), "government");
  assert.equal(hasTones("ການສື່ສານ"), true);
  assert.equal(hasTones("ການສືສານ"), false);
});

test("deletions are the text and every text made of it by leaving out up to so many characters, each once", () => {
  assert.deepEqual(deletions("road", 0), ["road"]);
  assert.deepEqual(deletions("road", 1).sort(), ["oad", "rad", "roa", "road", "rod"]);
  assert.deepEqual(deletions("ສານ", 1).sort(), ["ສນ", "ສາ", "ສານ", "ານ"].sort());
  assert.deepEqual(deletions("abc", 2).sort(), ["a", "ab", "abc", "ac", "b", "bc", "c"]);
  assert.deepEqual(deletions("pass", 1).sort(), ["ass", "pas", "pass", "pss"]); // "pas" once, from either s
  assert.equal(deletions("ການສືສານ", 1)[0], "ການສືສານ"); // the text itself first
});

test("Lao: nothing is guessed from fewer than three code points, tone marks are forgiven from three", () => {
  assert.equal(tolerance("ລາ"), -1);
  assert.equal(tolerance("ບານ"), 0); // no slip, but ບ້ານ is still reached: tone marks are not compared
  assert.deepEqual(variantsOf("ລາ"), []);
  assert.deepEqual(variantsOf("ບານ"), ["ບານ"]);
});

test("Lao: one slip is forgiven from four code points typed, tone marks counted", () => {
  assert.equal(tolerance("ບ້ານ"), 1);
  assert.equal(tolerance("ການສືສານ"), 1);
  assert.equal(tolerance("ນັກວິທະຍສາດ", "ນັກວິທະຍາສາດ"), 1);
  assert.deepEqual(variantsOf("ບ້ານ").sort(), ["ບານ", "ບາ", "ບນ", "ານ"].sort()); // asked for by skeleton
  assert.equal(variantsOf("ບ້ານ")[0], "ບານ"); // first: all a search for other tone marks asks for
});

test("Lao: from three typed, one slip is forgiven when it left out a letter of a spelling of four or more", () => {
  assert.equal(tolerance("ຄາມ"), 0);
  assert.equal(tolerance("ຄາມ", "ຄວາມ"), 1); // ວ left out
  assert.equal(tolerance("ຄາມ", "ຄານ"), 0); // another letter: not from three
});

test("Lao: a slip that keeps the length is not forgiven where near.py keeps no variant to find it", () => {
  // Two tone marks make four code points of a two-letter skeleton; near.py keeps a skeleton of two letters
  // only as itself, so ນ້າ (ນາ) could never be found from ກາ: it is not counted close.
  assert.equal(tolerance("ກ່້າ"), 1);
  assert.equal(tolerance("ກ່້າ", "ນ້າ"), 0);
  assert.equal(tolerance("ກ່້າ", "ກ້າວ"), 1); // a letter left out of a three-letter skeleton is found
});

test("Latin: nothing below four letters, one slip from five, two from nine", () => {
  assert.equal(tolerance("itu"), -1);
  assert.equal(tolerance("road"), 0);
  assert.equal(tolerance("roads"), 1);
  assert.equal(tolerance("govermnt"), 1); // eight letters
  assert.equal(tolerance("goverment"), 2); // nine
  assert.equal(tolerance("goverment", "government"), 2);
  assert.deepEqual(variantsOf("road"), ["road"]);
  assert.deepEqual(variantsOf("roads").sort(), ["oads", "rads", "roads", "roas", "rods", "road"].sort());
});

test("Latin: four letters typed reach a five-letter spelling they left a letter out of, and nothing else", () => {
  assert.equal(tolerance("hose", "house"), 1);
  assert.equal(tolerance("hose", "home"), 0); // same length: a slip needs five letters
  assert.deepEqual(texts(closest("hose", found(["home", 9, "houses", 5, "house", 1]))), ["house"]);
});

test("distance counts a letter added, left out or replaced and two in a row swapped as one slip each", () => {
  assert.equal(distance("villages", "villages"), 0);
  assert.equal(distance("", "abc"), 3);
  assert.equal(distance("goverment", "government"), 1); // left out
  assert.equal(distance("ສະໜອງງ", "ສະໜອງ"), 1); // added
  assert.equal(distance("horsr", "horse"), 1); // replaced
  assert.equal(distance("villagse", "villages"), 1); // swapped
  assert.equal(distance("ນັກວິທະຍສາດ", "ນັກວິທະຍາສາດ"), 1);
  assert.equal(distance("abcd", "dbca"), 2); // a swap of letters apart is two replacements
});

test("distance is the optimal string alignment: a swapped pair is not edited again", () => {
  assert.equal(distance("ca", "abc"), 3); // unrestricted Damerau-Levenshtein would say 2
});

test("distance stops counting past `most`, and then says most + 1", () => {
  assert.equal(distance("kitten", "sitting"), 3);
  assert.equal(distance("kitten", "sitting", 3), 3);
  assert.equal(distance("kitten", "sitting", 1), 2);
  assert.equal(distance("village", "villagers", 1), 2); // the lengths alone are too far apart
  assert.equal(distance("abcdef", "ab", 2), 3);
});

test("nothing is close to a query too short to guess from", () => {
  assert.deepEqual(closest("ລາ", found(["ລາວ", 5])), []);
  assert.deepEqual(closest("itu", found(["itus", 5])), []);
});

test("a Lao word typed without its tone marks reaches its toned spelling with no slip, before one slip away", () => {
  const close = closest("ການສືສານ", found(["ການສືບສານ", 10, "ການສື່ສານ", 3]));
  assert.deepEqual(close, [
    { text: "ການສື່ສານ", count: 3, slips: 0 },
    { text: "ການສືບສານ", count: 10, slips: 1 },
  ]);
});

test("a Lao word with a letter left out reaches the full spelling", () => {
  assert.deepEqual(closest("ນັກວິທະຍສາດ", found(["ນັກວິທະຍາສາດ", 2])), [{ text: "ນັກວິທະຍາສາດ", count: 2, slips: 1 }]);
});

test("from three code points typed, only tone marks are forgiven", () => {
  assert.deepEqual(texts(closest("ບານ", found(["ບ້ານ", 6, "ການ", 9]))), ["ບ້ານ"]);
});

test("what the reader typed and spellings too far away are left out, and each spelling comes once", () => {
  const close = closest(
    "villagse",
    found(["villagse", 3, "villages", 2], ["villages", 2, "vintages", 8], ["ville", 4]),
  );
  assert.deepEqual(close, [{ text: "villages", count: 2, slips: 1 }]);
});

test("a part with Lao letters is corrected to Lao spellings only, a Latin word to Latin ones only", () => {
  assert.deepEqual(closest("ດgovernment", found(["government", 4])), []); // a Lao key typed before switching
  assert.deepEqual(texts(closest("goverment", found(["ດgoverment", 9, "government", 4]))), ["government"]);
});

test("tone marks typed: the spelling with the same marks comes first, even in fewer articles", () => {
  // ເກົ່າ (old) and ເກົ້າ (nine), each a doubled letter away from what was typed.
  const spellings = found(["ເກົ້າ", 9, "ເກົ່າ", 1]);
  assert.deepEqual(texts(closest("ເກົ່າາ", spellings)), ["ເກົ່າ", "ເກົ້າ"]);
  assert.deepEqual(texts(closest("ເກົາາ", spellings)), ["ເກົ້າ", "ເກົ່າ"]); // no marks typed: more articles
});

test("a likely slip comes before an unlikely one of as many slips: a letter left out before one replaced", () => {
  assert.deepEqual(texts(closest("ສັນຍນ", found(["ສັນຍາ", 8, "ສັນຍານ", 2]))), ["ສັນຍານ", "ສັນຍາ"]);
});

test("two letters swapped are a likely slip, a letter added is not", () => {
  // ສັນຍານ (signal) with ານ swapped, or ສັນຍາ (contract) with ນ added.
  assert.deepEqual(texts(closest("ສັນຍນາ", found(["ສັນຍາ", 8, "ສັນຍານ", 2]))), ["ສັນຍານ", "ສັນຍາ"]);
});

test("a letter doubled is a likely slip", () => {
  assert.deepEqual(texts(closest("passs", found(["pasts", 9, "pass", 1]))), ["pass", "pasts"]);
});

test("Latin: a key beside the right one on the keyboard is a likely slip, another letter is not", () => {
  // r is beside e, not beside y.
  assert.deepEqual(texts(closest("horsr", found(["horsy", 5, "horse", 1]))), ["horse", "horsy"]);
});

test("a spelling that is only a piece of what was typed comes after a longer one: a reader who typed more meant more", () => {
  assert.deepEqual(texts(closest("plantm", found(["plant", 9, "plants", 1]))), ["plants", "plant"]);
});

test("but a letter typed twice is no more than was meant: the spelling with it once is no lesser piece", () => {
  assert.deepEqual(texts(closest("passs", found(["pass", 9, "passes", 1]))), ["pass", "passes"]);
  assert.deepEqual(texts(closest("ປ່ຽນນ", found(["ປ່ຽນໃນ", 3, "ປ່ຽນ", 24]))), ["ປ່ຽນ", "ປ່ຽນໃນ"]);
});

test("equally close spellings: the one in more articles first, then by spelling", () => {
  assert.deepEqual(texts(closest("contet", found(["content", 3, "contest", 5]))), ["contest", "content"]);
  assert.deepEqual(texts(closest("contet", found(["contest", 4, "content", 4]))), ["content", "contest"]);
});

test("two slips from nine letters: the one-slip spelling first", () => {
  const close = closest("goverment", found(["governments", 7, "government", 4, "govern", 9]));
  assert.deepEqual(close, [
    { text: "government", count: 4, slips: 1 },
    { text: "governments", count: 7, slips: 2 },
  ]);
});

test("stages: typed without any tone mark, other tone marks are tried first, then pieces, then slips", () => {
  assert.deepEqual(stages(["ການສືສານ"]), ["tones", "mended", "slips", "undone"]);
  assert.deepEqual(stages(["ການສືສານ", "goverment"]), ["tones", "mended", "slips"]); // undone: a lone part only
  assert.deepEqual(stages(["ເກົ່າາ"]), ["slips", "undone", "mended"]); // marks typed: a slip is likelier
  assert.deepEqual(stages(["ການສືສານ", "ເກົ່າາ"]), ["slips", "mended"]);
  assert.deepEqual(stages(["ຂາວ"]), ["tones", "mended", "slips"]); // three letters: no slip forgiven, none undone
  assert.deepEqual(stages(["goverment"]), ["slips"]); // nothing Lao to mend
  assert.deepEqual(stages([]), []);
});

test("mistyped: a Lao part that begins with a vowel sign or tone mark, as no word does", () => {
  assert.ok(mistyped("ັດຕັ້ງ") && mistyped("່ອງ") && mistyped("ີອເລ"));
  assert.ok(!mistyped("ຈັດຕັ້ງ") && !mistyped("ເຈລະຈາ") && !mistyped("government") && !mistyped(""));
});

test("what begins with a vowel sign lost its consonant: a spelling that ends with it first among equals", () => {
  // ່ອງ is one letter from ກ່ອງ (left out in front) and from ອງທ່ (left out behind), which more articles hold
  assert.deepEqual(texts(closest("່ອງ", found(["ອງທ່", 90, "ກ່ອງ", 2]))), ["ກ່ອງ", "ອງທ່"]);
});

test("undone: each letter typed twice once, then each two in a row swapped back, none twice", () => {
  assert.deepEqual(undone("ລົງທັັນ").slice(0, 1), ["ລົງທັນ"]);
  assert.ok(undone("ການຳສຜັດ").includes("ການສຳຜັດ"));
  assert.deepEqual(undone("ອອກ"), ["ອກ", "ອກອ"]);
  assert.ok(undone("ສ່ວນທີ່ເຫຼືອຢູ່ນະຄອນຫຼວງວຽງຈັນ").length <= UNDONE);
});

// Writes a query from its parts, each misspelt one replaced.
const rebuilt = (parts) => (replacements) => parts.map((p) => replacements.get(p) ?? p).join(" ");
const spelt = (...spellings) => spellings.map((text) => ({ text }));

test("alternatives: the closest spelling of every misspelt piece first, then the others of the first piece that has some", () => {
  const wrong = new Map([
    ["ນັກວິທະຍສາດ", spelt("ນັກວິທະຍາສາດ")],
    ["goverment", spelt("government", "governments")],
  ]);
  assert.deepEqual(alternatives(wrong, rebuilt(["ນັກວິທະຍສາດ", "ລາວ", "goverment"])), [
    "ນັກວິທະຍາສາດ ລາວ government",
    "ນັກວິທະຍາສາດ ລາວ governments",
  ]);
});

test("alternatives: four queries at most, each once", () => {
  const wrong = new Map([["passs", spelt("passes", "pass", "pasts", "posts", "paste")]]);
  assert.deepEqual(alternatives(wrong, rebuilt(["passs"])), ["passes", "pass", "pasts", "posts"]);
  const same = new Map([["passs", spelt("pass", "PASS")]]);
  assert.deepEqual(
    alternatives(same, (r) => r.get("passs").toLowerCase()),
    ["pass"],
  );
});

test("alternatives: none when a misspelt piece has no close spelling, or nothing is misspelt", () => {
  const wrong = new Map([
    ["ນັກວິທະຍສາດ", spelt("ນັກວິທະຍາສາດ")],
    ["xyzzyq", []],
  ]);
  assert.deepEqual(alternatives(wrong, rebuilt(["ນັກວິທະຍສາດ", "xyzzyq"])), []);
  assert.deepEqual(alternatives(new Map(), rebuilt(["ລາວ"])), []);
});

// mended()'s questions about pieces: which are keys of the archive as typed, which have a toned spelling.
const keys =
  (...list) =>
  (piece) =>
    list.includes(piece);
const toned = (spellings) => (piece) => spellings[piece] ?? null;
const mend = (part, isKey, tonedOf) => mended(part, breaks(part), isKey, tonedOf);

test("mended: the fewest pieces win (ninety, ເກົ້າສິບ, over old, ເກົ່າ, and ten)", () => {
  const ninety = toned({ ເກົາສິບ: "ເກົ້າສິບ", ເກົາ: "ເກົ່າ" });
  assert.equal(mend("ເກົາສິບ", keys("ສິບ"), ninety), "ເກົ້າສິບ");
});

test("mended: typed without tone marks, the cut that puts back the most marks", () => {
  // ຂາວ (white) is a key as typed, ຂ່າວ (news) its toned spelling: the reader left every mark out.
  const news = toned({ ຂາວ: "ຂ່າວ", ໃໝ: "ໃໝ່" });
  assert.equal(mend("ຂາວໃໝ", keys("ຂາວ"), news), "ຂ່າວໃໝ່");
});

test("mended: typed with tone marks, the cut that changes the fewest pieces", () => {
  const news = toned({ ຂາວ: "ຂ່າວ", ໃໝ້: "ໃໝ່" });
  assert.equal(mend("ຂາວໃໝ້", keys("ຂາວ"), news), "ຂາວໃໝ່");
});

test("mended: nothing when no cut is made of keys and toned spellings, or when no piece needs mending", () => {
  assert.equal(mend("ຂາວໃໝ", keys(), toned({})), null);
  assert.equal(mend("ຂາວໃໝ", keys("ຂາວ"), toned({})), null); // ໃໝ is neither
  assert.equal(mend("ຂາວໃໝ່", keys("ຂາວ", "ໃໝ່"), toned({ ຂາວ: "ຂ່າວ" })), null); // marks typed: kept as typed
});

test("mended cuts only where a word may begin", () => {
  // ສິ is no key: ສິບ cannot be cut after its vowel, so only the whole is tried.
  assert.equal(mended("ເກົາສິບ", [0, 7], keys("ເກົາ", "ສິບ"), toned({ ເກົາ: "ເກົ້າ" })), null);
  assert.deepEqual(piecesAt("ເກົາສິບ", [0, 4, 7]), ["ເກົາ", "ເກົາສິບ", "ສິບ"]);
});

test("tonedFrom: of the spellings that differ only in tone marks, the one most articles contain", () => {
  const spellings = found(["ເກົ່າ", 3, "ເກົ້າ", 7], ["ເກາະ", 40]); // ເກາະ (island) has another skeleton
  assert.deepEqual(tonedFrom("ເກົາ", spellings), { text: "ເກົ້າ", count: 7 });
  assert.deepEqual(tonedFrom("ເກົ້າ", found(["ເກົ້າ", 30, "ເກົ່າ", 7])), { text: "ເກົ່າ", count: 7 }); // never itself
  assert.deepEqual(tonedFrom("ເກົາ", found(["ເກົ້າ", 3, "ເກົ່າ", 3])), { text: "ເກົ່າ", count: 3 }); // a tie: by spelling
  assert.equal(tonedFrom("ເກົາ", found(["ເກົາ", 3], ["ເກາະ", 40])), null);
});

test("tooFew: five articles or fewer, while the toned spelling is in twice as many", () => {
  assert.equal(tooFew(1, { text: "ຂ່າວ", count: 2 }), true);
  assert.equal(tooFew(5, { text: "ຂ່າວ", count: 10 }), true);
  assert.equal(tooFew(3, { text: "ຂ່າວ", count: 5 }), false); // not twice as many
  assert.equal(tooFew(6, { text: "ຂ່າວ", count: 600 }), false); // six is not too few
  assert.equal(tooFew(1, null), false);
});
