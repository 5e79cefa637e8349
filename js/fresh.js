// Shared by toast.js and balloons.js: which synced entries a view should play, and styles.
//
// The kernel keeps short-lived entries ({uid, expires_at, ...}) in a synced list. Every view
// of every widget on the page sees that list, so a page-global set of uids (one per kind)
// makes each entry play once, and `expires_at` keeps a reopened notebook from replaying old
// ones. anywidget loads each module from a blob URL, which cannot import siblings: nbfrag's
// Python side inlines this file where a module imports it.

/** The page-global set of uids already played for `kind` ("toast", "balloons"). */
export function seenSet(doc, kind) {
  // Keyed on the document's window (globalThis in a browser), with Symbol.for, so every
  // view and every evaluation of a module on the page shares one set.
  const key = Symbol.for(`nbfrag.${kind}.seen`);
  const win = doc.defaultView ?? globalThis;
  if (!win[key]) win[key] = new Set();
  return win[key];
}

/** Entries not played yet and not expired at `now`. Pure; does not mark. */
export function freshEntries(entries, seen, now) {
  if (!Array.isArray(entries)) return [];
  return entries.filter(
    (e) =>
      e &&
      typeof e.uid === "string" &&
      !seen.has(e.uid) &&
      typeof e.expires_at === "number" &&
      e.expires_at > now,
  );
}

/** Play each fresh entry once per page: mark it seen, then `play(entry, now)`. */
export function playFresh(doc, kind, entries, play, now = Date.now()) {
  const seen = seenSet(doc, kind);
  return freshEntries(entries, seen, now).map((entry) => {
    seen.add(entry.uid);
    return play(entry, now);
  });
}

/** An anywidget module whose views play the fresh entries of the list trait `trait`
 * with `play(doc, entry, now)`. */
export function effectsView(trait, kind, play) {
  return {
    render({ model, el }) {
      // The widget's own output stays empty; the effects float over the page.
      el.style.display = "none";
      const doc = el.ownerDocument;
      const update = () =>
        playFresh(doc, kind, model.get(trait), (entry, now) => play(doc, entry, now));
      model.on(`change:${trait}`, update);
      update();
      // Only the listener is the view's; what is on screen finishes by itself.
      return () => model.off(`change:${trait}`, update);
    },
  };
}

/** Inject a module's stylesheet once per document. */
export function ensureStyle(doc, id, css) {
  if (doc.getElementById(id)) return;
  const style = doc.createElement("style");
  style.id = id;
  style.textContent = css;
  (doc.head ?? doc.documentElement).appendChild(style);
}
