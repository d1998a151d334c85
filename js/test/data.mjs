// Search data made in the test, as the build makes them but with the words given: each test says where ICU put
// the boundaries. No tests here.
import lunr from "lunr";
import { laoStemmer, laoTrimmer } from "../src/pipeline.js";
import { normalise } from "../src/normalise.js";

/** {index, docs} of `articles` ({url, title, titleWords, body, bodyWords, kind?, date?}), ref = position. */
export function makeData(articles) {
  const index = lunr(function build() {
    this.pipeline.reset();
    this.pipeline.add(laoTrimmer, laoStemmer);
    this.searchPipeline.reset();
    this.searchPipeline.add(laoStemmer);
    this.ref("ref");
    this.field("title", { boost: 10 });
    this.field("tags", { boost: 5 });
    this.field("summary", { boost: 2 });
    this.field("body");
    articles.forEach((a, ref) => this.add({ ref: String(ref), title: a.titleWords, body: a.bodyWords }));
  });
  const docs = articles.map((a) => ({
    url: a.url, title: a.title, kind: a.kind || "news", date: a.date || "2024-01-01", dateText: a.date || "",
    text: [a.title, a.body].filter(Boolean).map(normalise).join("\n"),
  }));
  return { index: JSON.parse(JSON.stringify(index)), docs };
}
