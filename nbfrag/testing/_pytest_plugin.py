"""The pytest plugin (registered as an entry point): the `app_test` fixture.

The fixture is the `AppTest` class itself, as a per-test subclass that remembers every app
its constructors make, so that each is closed when the test ends and no widget outlives it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from ._apptest import AppTest


@pytest.fixture
def app_test() -> Iterator[type[AppTest]]:
    """`AppTest` for this test: `app_test.from_string(src)`, `.from_file(path)`,
    `.from_function(main)`, `.from_notebook(path, cell=N)`; all closed after the test. Its
    apps have no default timeout (pass `default_timeout=` for one)."""
    made: list[AppTest] = []

    class ClosedAfterTest(AppTest):
        DEFAULT_TIMEOUT = None  # a loaded test machine must not fail a slow first run

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            made.append(self)

    ClosedAfterTest.__name__ = ClosedAfterTest.__qualname__ = "AppTest"
    yield ClosedAfterTest
    for at in made:
        at.close()
