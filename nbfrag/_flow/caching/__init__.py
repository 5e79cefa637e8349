"""`st.cache_data` and `st.cache_resource` (Streamlit 1.67 semantics), in the kernel.

Modules: `hashing` (function and value keys), `storage` (in-memory LRU/TTL stores and the
`persist="disk"` folder), `replay` (the elements a cached call drew, placed again on a hit),
`cached` (what a call does on a hit and on a miss) and `api` (the two decorators).
"""

from __future__ import annotations

from .api import cache_data, cache_resource

__all__ = ["cache_data", "cache_resource"]
