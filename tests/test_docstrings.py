"""Every public command's docstring is its reference (`help(st.slider)` in a notebook): numpy-style
sections that document every parameter of its signature, what it returns, and an example that
runs; and a "Differences from Streamlit" section exactly where the README's "Streamlit API ->
nbfrag" table lists differences."""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from nbfrag import _api
from nbfrag.testing._elements import KINDS

COMMANDS = list(_api.__all__)
README = Path(__file__).resolve().parents[1] / "README.md"
DIFFERENCES = "Differences from Streamlit"


def command(name: str) -> Callable[..., Any]:
    return getattr(_api, name)


def sections(doc: str) -> dict[str, str]:
    """A numpy-style docstring's sections by title ("" is the text before the first one)."""
    lines = doc.splitlines()
    found: dict[str, list[str]] = {"": []}
    current, i = "", 0
    while i < len(lines):
        title = lines[i].strip()
        underline = lines[i + 1].strip() if i + 1 < len(lines) else ""
        if title and underline == "-" * len(title):
            current, i = title, i + 2
            found[current] = []
            continue
        found[current].append(lines[i])
        i += 1
    return {title: "\n".join(body).strip() for title, body in found.items()}


def documented_parameters(section: str) -> list[str]:
    """The names a Parameters section documents: its unindented `name : type` lines."""
    names = []
    for line in section.splitlines():
        if line and not line[0].isspace():
            names += [name.strip() for name in line.split(" : ")[0].split(",")]
    return names


def signature_parameters(func: Callable[..., Any]) -> list[str]:
    stars = {inspect.Parameter.VAR_POSITIONAL: "*", inspect.Parameter.VAR_KEYWORD: "**"}
    return [stars.get(p.kind, "") + p.name for p in inspect.signature(func).parameters.values()]


def example_code(section: str) -> str:
    """The code of an Examples section: its `>>>` and `...` lines without the prompts."""
    code = []
    for line in section.splitlines():
        if line.startswith((">>> ", "... ")):
            code.append(line[4:])
        elif line.strip() in (">>>", "..."):
            code.append("")
    return "\n".join(code)


def docstring_problems(func: Callable[..., Any], name: str) -> list[str]:
    """What the docstring of command `name` lacks, in words (empty when it teaches)."""
    doc = inspect.getdoc(func)
    if not doc:
        return ["no docstring"]
    problems = []
    parts = sections(doc)
    summary = parts[""].splitlines()[0] if parts[""] else ""
    if not summary.endswith("."):
        problems.append(f"the summary line should be one sentence ending with '.': {summary!r}")
    expected = signature_parameters(func)
    documented = documented_parameters(parts.get("Parameters", ""))
    if expected and "Parameters" not in parts:
        problems.append("no Parameters section")
    missing = [p for p in expected if p not in documented]
    unknown = [p for p in documented if p not in expected]
    if missing:
        problems.append(f"parameters not documented: {', '.join(missing)}")
    if unknown:
        problems.append(f"documented parameters not in the signature: {', '.join(unknown)}")
    if not parts.get("Returns"):
        problems.append("no Returns section")
    code = example_code(parts.get("Examples", ""))
    if "import nbfrag as st" not in code or not re.search(rf"\bst\.{name}\b", code):
        problems.append(f"no Examples section with a `>>>` example that imports nbfrag as st and calls st.{name}")
    if DIFFERENCES in parts and not parts[DIFFERENCES]:
        problems.append(f"an empty {DIFFERENCES} section")
    return problems


@pytest.mark.parametrize("name", COMMANDS)
def test_the_docstring_teaches(name: str) -> None:
    assert docstring_problems(command(name), name) == []


def test_the_check_finds_what_a_docstring_lacks() -> None:
    def slider(label: str, value: int = 0, *args: Any, key: str | None = None, **kwargs: Any) -> int:
        """Display a slider.

        Parameters
        ----------
        label : str
            The label.
        *args
            Ignored.
        step : int
            Not a parameter.
        **kwargs
            Ignored.

        Differences from Streamlit
        --------------------------

        Examples
        --------
        >>> import nbfrag as st
        >>> st.button("Not the command")
        """

    assert docstring_problems(slider, "slider") == [
        "parameters not documented: value, key",
        "documented parameters not in the signature: step",
        "no Returns section",
        "no Examples section with a `>>>` example that imports nbfrag as st and calls st.slider",
        "an empty Differences from Streamlit section",
    ]


@pytest.mark.parametrize("name", COMMANDS)
def test_the_example_runs(name: str, app_test: Any) -> None:
    """Each example is a whole app: it runs without an error and shows what it is about."""
    code = example_code(sections(inspect.getdoc(command(name)) or "").get("Examples", ""))
    at = app_test.from_string(code).run()
    assert at.runs[-1].outcome in ("completed", "stopped"), str(at)
    if name != "exception":
        assert len(at.exception) == 0, str(at)
    if name in KINDS:
        assert len(getattr(at, name)) >= 1, f"the example of st.{name} shows no {name}:\n{at}"


def readme_rows() -> list[list[str]]:
    """The cells of the README's "Streamlit API -> nbfrag" table, row by row."""
    text = README.read_text(encoding="utf-8")
    section = text.split("## Streamlit API -> nbfrag", 1)[1].split("\n## ", 1)[0]
    lines = [line.strip()[1:-1] for line in section.splitlines() if line.startswith("|")]
    rows = [re.split(r"(?<!\\)\|", line) for line in lines]  # cells end at unescaped pipes
    return [[cell.strip() for cell in row] for row in rows[2:]]  # after the header and its rule


def row_commands(row: list[str]) -> set[str]:
    """The public commands a row is about (named as `st.name` in its first two cells)."""
    return set(re.findall(r"\bst\.(\w+)", row[0] + " " + row[1])) & set(COMMANDS)


def test_the_readme_table_and_the_docstrings_agree_on_differences() -> None:
    rows = readme_rows()
    assert rows and all(len(row) == 4 for row in rows), [row for row in rows if len(row) != 4]
    has_section = {name: DIFFERENCES in sections(inspect.getdoc(command(name)) or "") for name in COMMANDS}
    listed = set().union(*(row_commands(row) for row in rows))
    assert sorted(set(COMMANDS) - listed) == [], "public commands missing from the README table"
    for row in rows:
        differs = row[3] not in ("", "—")
        wrong = sorted(name for name in row_commands(row) if has_section[name] != differs)
        assert wrong == [], (
            f"README row {row[0]!r} {'lists' if differs else 'lists no'} differences, but these "
            f"commands' docstrings {'lack' if differs else 'have'} a '{DIFFERENCES}' section: {wrong}"
        )
    differing = set().union(*(row_commands(row) for row in rows if row[3] not in ("", "—")))
    unlisted = sorted(name for name in COMMANDS if has_section[name] and name not in differing)
    assert unlisted == [], f"docstrings with differences that no README row lists: {unlisted}"
