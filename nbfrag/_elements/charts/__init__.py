"""The charts: `st.line_chart`, `st.area_chart`, `st.bar_chart`, `st.scatter_chart`,
`st.altair_chart` and `st.vega_lite_chart`.

A chart is a Vega-Lite spec built in the kernel with its data inlined, drawn by the frontend's
own Vega-Lite renderer (JupyterLab, Notebook 7 and Voila ship one for
`application/vnd.vegalite.v5+json`): no JavaScript of nbfrag's and nothing from a CDN.
`prepare` turns the data into the long-form table a built-in chart draws (Streamlit's melt and
colour rules and errors), `spec` writes the Vega-Lite spec for it, `publish` puts a spec on the
page (one theme, the column's width, in place across reruns), `builtin` and `vega` hold the
commands.
"""
