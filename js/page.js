// nbfrag page head: `st.set_page_config(page_title=, page_icon=)` as the browser
// tab's title and icon.
//
// Traits (kernel -> browser):
//   title    plain text ("" = leave the page's own title); assigned to
//            document.title, which is text, never markup
//   favicon  a data: or http(s) URL built by the kernel ("" = leave the icon)
//   query    the URL's query string as `st.query_params` last set it, without
//            "?" (null = never set: leave the URL); applied with
//            history.replaceState (no reload, no new history entry)
//
// Only a Voila page is the app's own page (its <body> has data-voila). In
// JupyterLab and Notebook 7 the tab belongs to the notebook, so the view does
// nothing there. The view itself is invisible.

const MARK = "data-nbfrag-icon";

/** True when `doc` is a page rendered by Voila. */
export function isVoila(doc) {
  return doc?.body?.getAttribute("data-voila") != null;
}

/** Only URLs the kernel builds are used as an icon: data:image/..., http(s). */
export function safeIconHref(href) {
  if (typeof href !== "string" || href === "") return null;
  return /^(data:image\/|https?:\/\/)/i.test(href) ? href : null;
}

/** Make `href` the page's only icon: other icon links (Voila ships an empty one) go. */
export function setFavicon(doc, href) {
  const safe = safeIconHref(href);
  if (safe === null) return;
  for (const link of doc.head.querySelectorAll('link[rel~="icon"]')) {
    if (!link.hasAttribute(MARK)) link.remove();
  }
  let link = doc.head.querySelector(`link[${MARK}]`);
  if (!link) {
    link = doc.createElement("link");
    link.setAttribute("rel", "icon");
    link.setAttribute(MARK, "");
    doc.head.appendChild(link);
  }
  if (link.getAttribute("href") !== safe) link.setAttribute("href", safe);
}

/** Put `query` (a query string without "?", "" for none) in the page's address. */
export function setQuery(doc, query) {
  if (typeof query !== "string") return;
  const win = doc.defaultView;
  const url = new URL(win.location.href);
  const search = query === "" ? "" : `?${query}`;
  if (url.search === search) return;
  url.search = search;
  win.history.replaceState(win.history.state, "", url.toString());
}

/** Apply the model's title, icon and query string to the page, if it is a Voila page. */
export function applyHead(doc, model) {
  if (!isVoila(doc)) return;
  const title = model.get("title");
  if (typeof title === "string" && title !== "" && doc.title !== title) doc.title = title;
  setFavicon(doc, model.get("favicon"));
  setQuery(doc, model.get("query"));
}

function render({ model, el }) {
  el.style.display = "none";
  const doc = el.ownerDocument;
  const apply = () => applyHead(doc, model);
  apply();
  model.on("change:title", apply);
  model.on("change:favicon", apply);
  model.on("change:query", apply);
  return () => {
    model.off("change:title", apply);
    model.off("change:favicon", apply);
    model.off("change:query", apply);
  };
}

export default { render };
