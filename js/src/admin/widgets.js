// The two widgets that tie an item's files together (plugins/editor/config.py): each pane of the editor writes its
// own language into Lang, and a pane other than the original's marks its file Translation: true. Neither is typed:
// they show what they write. Written against the React that Decap CMS carries (its `h` and `createClass`).

/**
 * What Translation must say in the pane of ``locale``: "true" in a language other than the original's, unless the
 * original's own file says it is the translation (an item first written in English); otherwise what it says.
 */
const marked = (text) => String(text).toLowerCase() === "true"; // as the build reads Translation (any case)

export function translationValue(locale, original, value, originalValue) {
  if (locale === original || marked(originalValue) || marked(value)) return value ?? ""; // "True" stays as written
  return "true";
}

export function widgets(h, createClass) {
  // Sets the value its pane needs once mounted and whenever it differs, and shows it as text.
  function settling(wanted, show) {
    return createClass({
      componentDidMount() {
        this.settle();
      },
      componentDidUpdate() {
        this.settle();
      },
      settle() {
        const want = wanted(this.props);
        if (want !== undefined && (this.props.value ?? "") !== want) this.props.onChange(want);
      },
      render() {
        return h("output", { id: this.props.forID, className: this.props.classNameWrapper }, show(this.props));
      },
    });
  }
  const originalOf = (props) => {
    const entry = props.entry;
    return entry?.getIn ? entry.getIn(["data", props.field.get("name")]) : undefined;
  };
  const language = settling(
    (props) => props.locale, // the language of the pane
    (props) => {
      const names = props.field.get("languages");
      const name = names?.get ? names.get(props.value) : props.value;
      return name ? `${name} (${props.value})` : "";
    },
  );
  const translation = settling(
    (props) =>
      props.locale
        ? translationValue(props.locale, props.field.get("original"), props.value, originalOf(props))
        : undefined,
    (props) => {
      // the field's words (plugins/editor/config.py, from theme/strings.json): "ສະບັບແປ · translation", …
      const words = props.field.get("words");
      const role = marked(props.value) ? "translation" : "original";
      return (words?.get ? words.get(role) : words?.[role]) ?? "";
    },
  );
  return { language, translation };
}
