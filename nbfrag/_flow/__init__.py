"""Execution flow: `st.fragment`, `st.rerun`, `st.stop` (and next forms, dialogs, caching)."""
