// While `make edit` runs, the preview builds the site again after every save. When that build fails (a rule the
// editor's form cannot check: an issue number that does not exist, a duplicate slug...), the editor's page says
// why, with the problems the preview's error page lists, until a save fixes them. The preview answers
// build-status.json (tools/preview.py); the published site has none, and the page stops asking.

/**
 * The lines to show for a build status ({ok, problems: [[where, what]]}), or null when all is well; ``words``: the
 * page's {build_failed, fix_and_save} (plugins/editor/config.py page_data, from theme/strings.json).
 */
export function statusLines(status, words) {
  if (!status || status.ok) return null;
  return [words.build_failed, ...status.problems.map(([where, what]) => `${where}: ${what}`), words.fix_and_save];
}

/**
 * Asks ``url`` every ``every`` ms and hands ``show`` the lines (or null; ``words`` as statusLines takes them); stops
 * for good when the address does not exist (not the preview). Returns a function that stops it.
 */
export function watchBuild(url, show, words, { every = 2000, fetchFn = fetch, timer = setTimeout } = {}) {
  let stopped = false;
  async function ask() {
    if (stopped) return;
    try {
      const response = await fetchFn(url, { cache: "no-store" });
      if (response.status === 404) return; // the published site: nothing to watch
      if (response.ok) show(statusLines(await response.json(), words));
    } catch {
      // the preview is restarting: ask again later
    }
    if (!stopped) timer(ask, every);
  }
  ask();
  return () => {
    stopped = true;
  };
}

/** The banner the lines are shown in, at the foot of the page, announced to screen readers. */
export function banner(document) {
  const box = document.createElement("section");
  box.setAttribute("role", "alert");
  box.className = "archive-build-status";
  Object.assign(box.style, {
    position: "fixed",
    insetInline: "0",
    bottom: "0",
    zIndex: "10000",
    maxHeight: "40vh",
    overflow: "auto",
    background: "#a40000",
    color: "#fff",
    padding: "0.75rem 1rem",
    lineHeight: "1.7",
    whiteSpace: "pre-wrap",
  });
  box.hidden = true;
  document.body.append(box);
  return (lines) => {
    box.hidden = !lines;
    box.textContent = lines ? lines.join("\n") : "";
  };
}
