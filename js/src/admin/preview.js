// The editor's preview pane: an item drawn with the site's own stylesheet and classes (theme/templates/article.html),
// in the language of the pane, so that Lao text shows in the site's Lao font, line height and width.
import { textOf } from "./format.js";

export function previewTemplate(h, createClass) {
  return createClass({
    render() {
      const { entry, widgetFor, getAsset } = this.props;
      const data = entry.get("data");
      const get = (name) => {
        const value = data?.get(name);
        return textOf(value?.toJS ? value.toJS() : value); // a list is Immutable's in Decap's entry
      };
      const lang = get("Lang") || document.documentElement.lang;
      const cover = get("Cover");
      const byline = [get("Date"), get("Author")].filter(Boolean).join(" · ");
      const tags = data?.get("Tags");
      return h(
        "article",
        { className: "article wrap", lang },
        h(
          "header",
          { className: "article-header" },
          h("h1", null, get("Title")),
          byline ? h("p", { className: "article-meta" }, byline) : null,
          get("Summary") ? h("div", { className: "lead" }, h("p", null, get("Summary"))) : null,
        ),
        cover ? h("img", { className: "cover", src: getAsset(cover).toString(), alt: "" }) : null,
        h("div", { className: "prose" }, widgetFor("body")),
        tags?.size
          ? h(
              "div",
              { className: "tags" },
              h(
                "ul",
                { className: "tag-list" },
                tags.toJS().map((tag) => h("li", { key: tag }, h("a", null, tag))),
              ),
            )
          : null,
      );
    },
  });
}
