// A small index built in the test, with the archive's pipeline, from words given as the build would give them
// (the tests say where ICU put the boundaries).
import lunr from "lunr";
import { laoStemmer, laoTrimmer } from "../src/pipeline.js";
import { normalise } from "../src/normalise.js";

export function makeData(articles) {
  const index = lunr(function build() {
    this.pipeline.reset();
    this.pipeline.add(laoTrimmer, laoStemmer);
    this.searchPipeline.reset();
    this.searchPipeline.add(laoStemmer);
    this.ref("ref");
    this.field("title", { boost: 10 });
    this.field("body");
    articles.forEach((a, ref) => this.add({ ref: String(ref), title: a.titleWords, body: a.bodyWords }));
  });
  const docs = articles.map((a) => ({
    url: a.url, title: a.title, kind: a.kind || "news", date: a.date || "2024-01-01", dateText: a.date || "",
    text: normalise(`${a.title}\n${a.body}`),
  }));
  return { index: JSON.parse(JSON.stringify(index)), docs };
}
