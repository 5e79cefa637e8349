"""Reading an app's page and acting on it: `at.button("Plus one!")`, `at.header[0].value`.

Everything is read from the runtime's own reconciled tree (`Block.slots`), generically over
the slot's kind and owner, so a new widget or layout kind needs no code here: a widget is a
slot whose owner is a `WidgetOwner` (it has `label`, `key`, `read`, `write`); a container is a
slot with a nested block. Actions go through the widget objects themselves (`Button.click()`,
the owner's `write`), which is the path a browser event takes.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from typing import Any, Protocol, overload

from .._api import _KINDS
from .._runtime.reconciler import Block, Slot
from .._runtime.scopes import Fragment
from .._widgets.base import WidgetOwner

# Kinds that may be asked for before any is on the page (`at.checkbox` is then empty rather
# than an error): the kinds the registry's commands draw. Any kind present on the page is
# accepted too.
KINDS = _KINDS


class Actor(Protocol):
    """What elements need from their `AppTest`: a session to act in and the page now."""

    def _acting(self) -> AbstractContextManager[None]: ...

    def _roots(self) -> list[Block]: ...

    @property
    def ran(self) -> bool: ...


def walk(blocks: Sequence[Block]) -> Iterator[Slot]:
    """Every visible slot, depth first in page order (a container before what it holds; an
    open dialog after the page it covers)."""
    for block in blocks:
        for slot in [*block.slots, *block.overlays]:
            if slot.hidden:
                continue
            yield slot
            if slot.block is not None:
                yield from walk([slot.block])


def plural(kind: str) -> str:
    """"buttons", "checkboxes", "columns" (kinds are Streamlit's singular names)."""
    if kind.endswith("s"):
        return kind
    return f"{kind}es" if kind.endswith(("x", "ch", "sh")) else f"{kind}s"


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


class Node:
    """Something that holds elements: the app, a fragment, a container. Element lists by kind
    are attributes (`node.button`, `node.header`, ...)."""

    _actor: Actor

    def _blocks(self) -> list[Block]:
        raise NotImplementedError

    def _where(self) -> str:
        return ""

    def _subject(self) -> str:
        return "The page"

    def elements(self) -> list[Element]:
        """Every visible element inside, in page order (nested ones after their container)."""
        return [Element(slot, self._actor) for slot in walk(self._blocks())]

    def kind_list(self, kind: str) -> ElementList:
        """The elements of one kind, in page order."""
        return ElementList(kind, [e for e in self.elements() if e.kind == kind], self)

    @overload
    def get(self, kind: str) -> ElementList: ...

    @overload
    def get(self, kind: str | None = None, *, key: str) -> Element: ...

    def get(self, kind: str | None = None, *, key: str | None = None) -> Any:
        """`get("button")`: all elements of a kind; `get(key="x")`: the one widget keyed "x"."""
        if key is None:
            if kind is None:
                raise TypeError("get() needs an element kind or key=")
            return self.kind_list(kind)
        candidates = self.elements() if kind is None else list(self.kind_list(kind))
        return find_one(candidates, kind or "element", self, key=key)

    def __getattr__(self, name: str) -> ElementList:
        if name.startswith("_"):
            raise AttributeError(name)
        present = {e.kind for e in self.elements()}
        if name in KINDS or name in present:
            return self.kind_list(name)
        raise AttributeError(
            f"{type(self).__name__} has no attribute {name!r}. Element kinds: "
            f"{', '.join(sorted(KINDS | present))}"
        )

    def _hint(self) -> str:
        if not self._actor.ran:
            return " The app has not run yet: call at.run() first."
        kinds = sorted({e.kind for e in self.elements()})
        return f" {self._subject()} shows: {', '.join(kinds) or 'nothing'}."

    def __str__(self) -> str:
        return "\n".join(
            line for block in self._blocks() for slot in [*block.slots, *block.overlays] for line in slot.lines()
        )


class Section(Node):
    """A part of the page that is not an element: the app's sidebar, or its main area."""

    def __init__(self, name: str, blocks: list[Block], actor: Actor) -> None:
        self.name = name
        self._section_blocks = blocks
        self._actor = actor

    def _blocks(self) -> list[Block]:
        return self._section_blocks

    def _where(self) -> str:
        return f" in the {self.name}"

    def _subject(self) -> str:
        return f"The {self.name}"

    def __repr__(self) -> str:
        return f"<{self.name}>"


class Element(Node):
    """One element on the page. Widgets have `label`, `key`, `value`, `disabled` and actions;
    containers (fragments, columns, ...) hold elements: `at.fragment("f").button[0]`."""

    def __init__(self, slot: Slot, actor: Actor) -> None:
        self.slot = slot
        self._actor = actor

    # -- reading ------------------------------------------------------------------------------
    @property
    def kind(self) -> str:
        """Streamlit's name for the element: "button", "header", "fragment", ..."""
        return str(self.slot.key[0])

    @property
    def label(self) -> str | None:
        """A widget's label, a fragment's name, a tab's or expander's label; else None."""
        owner = self.slot.owner
        if isinstance(owner, WidgetOwner):
            return owner.label
        if isinstance(owner, Fragment):
            return owner.name
        if self.slot.block is not None:  # a layout element: its label is what it was given
            for given in (self.slot.body, self.slot.key[1]):
                if isinstance(given, str):
                    return given
        return None

    @property
    def key(self) -> str | None:
        """The widget's `key=`, if it was given one."""
        key = getattr(self.slot.owner, "key", None)
        return key if isinstance(key, str) else None

    @property
    def value(self) -> Any:
        """What the app reads from a widget now (a button is True only in the run its click
        caused), the content given to a text element, or the text of other elements."""
        owner = self.slot.owner
        if isinstance(owner, WidgetOwner):
            return owner.read()
        if self.slot.block is not None:  # a fragment or layout element holds, not shows
            return None
        return self.slot.body if self.slot.body is not None else self.slot.text()

    @property
    def spec(self) -> dict[str, Any]:
        """A chart's Vega-Lite spec, as the frontend draws it (data inlined)."""
        return dict(self._chart().spec)

    @property
    def data(self) -> Any:
        """The DataFrame a chart draws (a built-in chart's in long form, as its spec names the
        columns: `value -- streamlit-generated`, ...); the bytes a download button saves."""
        if hasattr(type(self.slot.owner), "data"):  # a widget with data of its own (download)
            return self.slot.owner.data
        return self._chart().data

    @property
    def file_name(self) -> str:
        """The name a download button saves its file under."""
        return str(self.slot.owner.file_name)

    @property
    def mime(self) -> str:
        """The MIME type of a download button's file."""
        return str(self.slot.owner.mime)

    def _chart(self) -> Any:
        body = self.slot.body
        if not (hasattr(body, "spec") and hasattr(body, "data")):
            raise TypeError(f"{self.describe()} is not a chart: only charts have .spec and .data")
        return body

    @property
    def disabled(self) -> bool:
        return bool(getattr(self.slot.widget, "disabled", False))

    def _blocks(self) -> list[Block]:
        return [self.slot.block] if self.slot.block is not None else []

    def _where(self) -> str:
        return f" in {self.describe()}"

    def _subject(self) -> str:
        return _upper_first(self.describe())

    def describe(self) -> str:
        """`button 'Plus one!'`, `header 'Multiples of five clicks: 0'`, with its key if any."""
        shown = self.label if self.label is not None else self.value
        text = f"{self.kind} {shown!r}" if shown is not None else self.kind
        return f"{text} (key={self.key!r})" if self.key is not None else text

    def __getattr__(self, name: str) -> ElementList:
        if not name.startswith("_") and self.slot.block is None:
            raise AttributeError(f"{self.describe()} has no attribute {name!r} (it holds no elements)")
        return super().__getattr__(name)

    def __str__(self) -> str:
        return "\n".join(self.slot.lines())

    def __repr__(self) -> str:
        return f"<{self.describe()}>"

    # -- acting -------------------------------------------------------------------------------
    def click(self) -> Element:
        """Click a button through its own click handler, as the browser's click does."""
        click = getattr(self.slot.widget, "click", None)
        if not callable(click):
            raise TypeError(f"{self.describe()} cannot be clicked (buttons can)")
        with self._acting():
            click()
        return self

    def submit(self) -> Element:
        """Submit a form (`at.form("f").submit()`) through its first submit button, or click a
        submit button; widgets set in a form before (`set_value`) reach the app now."""
        if self.kind == "form":
            buttons = self.form_submit_button
            if not buttons:
                raise LookupError(f"{self.describe()} has no submit button: nothing can submit it.")
            buttons[0].click()
            return self
        if self.kind != "form_submit_button":
            raise TypeError(f"{self.describe()} cannot be submitted (forms and their submit buttons can)")
        return self.click()

    def set_value(self, value: Any) -> Element:
        """Set a widget's value through its own trait, as a browser edit does (its callback,
        then a rerun of its scope: the fragment it is in, or the whole app). In a form the
        value waits, unseen by the app, until the form is submitted."""
        write = getattr(self.slot.owner, "write", None)
        if not callable(write):
            raise TypeError(f"{self.describe()} has no value to set" + (
                "; click it instead" if callable(getattr(self.slot.widget, "click", None)) else ""
            ))
        with self._acting():
            write(value)
        return self

    def upload(self, filename: str, content: bytes | str, mime_type: str = "application/octet-stream") -> Element:
        """Upload a file to a file uploader as a visitor does: checked as the kernel checks a
        browser's upload (type, size), added to its files (replacing the file of a
        single-file uploader), then the uploader's scope reruns."""
        upload = getattr(self.slot.widget, "upload", None)
        if not callable(upload):
            raise TypeError(f"{self.describe()} takes no uploads (file uploaders do)")
        with self._acting():
            upload(filename, content, mime_type)
        return self

    def clear(self) -> Element:
        """Remove a file uploader's files (`set_value(None)`)."""
        return self.set_value(None)

    def input(self, text: str) -> Element:
        """Type `text` into a text widget (Streamlit's name for `set_value` on text inputs)."""
        return self.set_value(text)

    def check(self) -> Element:
        return self.set_value(True)

    def uncheck(self) -> Element:
        return self.set_value(False)

    def dismiss(self) -> Element:
        """Dismiss a dialog as a visitor does (Esc, its close button, a click outside): the
        kernel closes it and, with `on_dismiss="rerun"` or a callback, reruns its opener."""
        dismiss = getattr(self.slot.owner, "dismiss", None)
        if not callable(dismiss):
            raise TypeError(f"{self.describe()} cannot be dismissed (dialogs can)")
        if getattr(self.slot.owner, "dismissible", True) is False:
            raise RuntimeError(
                f"{self.describe()} is not dismissible: a user cannot close it; st.rerun() in it can."
            )
        with self._acting():
            dismiss()
        return self

    def run(self) -> Any:
        """Nothing to do: an interaction has already rerun what it reruns in a notebook (only
        its fragment, if it is in one). Kept so `el.click().run()` from Streamlit tests works;
        `at.run()` is a full app run."""
        return self._actor

    def _acting(self) -> AbstractContextManager[None]:
        """The test's session, for an element a user could act on now (on the page, enabled)."""
        if not any(slot is self.slot for slot in walk(self._actor._roots())):
            raise LookupError(
                f"{self.describe()} is no longer on the page (the last run did not draw it)."
            )
        if self.disabled:
            raise RuntimeError(f"{self.describe()} is disabled: a user cannot use it.")
        return self._actor._acting()


class ElementList(Sequence[Element]):
    """The elements of one kind: index it (`at.button[0]`) or call it with a label or key
    (`at.button("Plus one!")`, `at.button(key="plus")`)."""

    def __init__(self, kind: str, elements: list[Element], node: Node) -> None:
        self.kind = kind
        self._elements = elements
        self._node = node

    @overload
    def __getitem__(self, index: int) -> Element: ...

    @overload
    def __getitem__(self, index: slice) -> list[Element]: ...

    def __getitem__(self, index: int | slice) -> Element | list[Element]:
        if isinstance(index, slice):
            return self._elements[index]
        try:
            return self._elements[index]
        except IndexError:
            raise IndexError(
                f"No {self.kind} [{index}]: there are {len(self) or 'no'} {plural(self.kind)}"
                f"{self._node._where()}{listing(self._elements)}.{self._node._hint()}"
            ) from None

    def __len__(self) -> int:
        return len(self._elements)

    @property
    def values(self) -> list[Any]:
        return [element.value for element in self._elements]

    def __call__(self, label: str | None = None, *, key: str | None = None) -> Element:
        """The one element with this label (or key); an error lists the ones that exist."""
        return find_one(self._elements, self.kind, self._node, label=label, key=key)

    def __repr__(self) -> str:
        return repr(self._elements)


def listing(elements: Sequence[Element]) -> str:
    if not elements:
        return ""
    return ": " + ", ".join(
        repr(e.label) + (f" (key={e.key!r})" if e.key is not None else "")
        if e.label is not None
        else e.describe()
        for e in elements
    )


def find_one(
    elements: Sequence[Element],
    kind: str,
    node: Node,
    *,
    label: str | None = None,
    key: str | None = None,
) -> Element:
    """The single element matching `label` and/or `key`, or an error naming what exists."""
    if label is None and key is None:
        raise TypeError(f"say which {kind}: pass its label, or key=")
    key = None if key is None else str(key)  # widgets keep keys as strings (`key=1` is "1")
    wanted = " ".join(
        part
        for part in (f"labelled {label!r}" if label is not None else "", f"with key {key!r}" if key is not None else "")
        if part
    )
    found = [
        e
        for e in elements
        if (label is None or e.label == label) and (key is None or e.key == key)
    ]
    if len(found) == 1:
        return found[0]
    where = node._where()
    if not found:
        existing = f" {_upper_first(plural(kind))}{where}{listing(elements)}." if elements else (
            f" There are no {plural(kind)}{where}."
        )
        raise LookupError(f"No {kind} {wanted}{where}.{existing}{node._hint() if not elements else ''}")
    raise LookupError(
        f"{len(found)} {plural(kind)} {wanted}{where}{listing(found)}. "
        f"Pass key= (if they have keys) or index the list: [i]."
    )
