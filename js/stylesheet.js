// nbfrag's stylesheet carrier: an invisible view. Its model's `_css` (js/nbfrag.css, set by
// nbfrag/_runtime/stylesheet.py) is what anywidget puts in the page's <head>, once per page
// for every app (anywidget keys the <style> on the widget class), in JupyterLab, Notebook 7
// and Voila alike.

function render({ el }) {
  el.style.display = "none";
}

export default { render };
