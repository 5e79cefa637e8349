"""Reading an app's page and acting on it: `at.button("Plus one!")`, `at.header[0].value`.

Everything is read from the runtime's own reconciled tree (`Block.slots`), generically over
the slot's kind and owner, so a new widget or layout kind needs no code here: a widget is a
slot whose owner is a `WidgetOwner` (it has `label`, `key`, `read`, `write`); a container is a
slot with a nested block. Actions go through the widget objects themselves (`Button.click()`,
the owner's `write`), which is the path a browser event takes.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from typing import Any, Protocol, cast, overload

import traitlets

from .._api import _KINDS
from .._runtime.reconciler import Block, Slot
from .._runtime.scopes import Fragment
from .._widgets.base import WidgetOwner

# Kinds that may be asked for before any is on the page (`at.checkbox` is then empty rather
# than an error): the kinds the registry's commands draw. Any kind present on the page is
# accepted too.
KINDS = _KINDS

# Streamlit's element lists that gather other kinds than their own name: `at.button` holds the
# form submit buttons too (Streamlit draws both as buttons), `at.columns` and `at.tabs` are the
# columns and tabs themselves (nbfrag's "columns" and "tabs" elements are their groups).
ALIASES: dict[str, tuple[str, ...]] = {
    "button": ("button", "form_submit_button"),
    "columns": ("column",),
    "tabs": ("tab",),
    "button_group": ("pills", "segmented_control"),  # every pills and segmented control
}


class ElementNotFound(KeyError):
    """No element (or no single one) matches a lookup by key or label: a `KeyError`, as in
    Streamlit, whose message lists what the page has."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


class Actor(Protocol):
    """What elements need from their `AppTest`: a session to act in and the page now."""

    def _acting(self) -> AbstractContextManager[None]: ...

    def _roots(self) -> list[Block]: ...

    @property
    def ran(self) -> bool: ...

    def _read(self, owner: WidgetOwner) -> Any: ...

    def run(self, *, timeout: float | None = None) -> Any: ...


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

    def kind_list(self, kind: str, aliases: bool = True) -> ElementList:
        """The elements of one kind, in page order (`ALIASES`: a Streamlit list of several)."""
        kinds = ALIASES.get(kind, (kind,)) if aliases else (kind,)
        return ElementList(kind, [e for e in self.elements() if e.kind in kinds], self)

    @overload
    def get(self, kind: str) -> ElementList: ...

    @overload
    def get(self, kind: str | None = None, *, key: str) -> Element: ...

    def get(self, kind: str | None = None, *, key: str | None = None) -> Any:
        """`get("button")`: all elements of a kind; `get(key="x")`: the one widget keyed "x"."""
        if key is None:
            if kind is None:
                raise TypeError("get() needs an element kind or key=")
            # nbfrag's own kinds: `get("tabs")` is the groups of tabs (`at.tabs`, the tabs).
            return self.kind_list(kind, aliases=kind == "button")
        candidates = self.elements() if kind is None else list(self.kind_list(kind))
        return find_one(candidates, kind or "element", self, key=key)

    def __getattr__(self, name: str) -> ElementList:
        if name.startswith("_"):
            raise AttributeError(name)
        present = {e.kind for e in self.elements()}
        if name in KINDS or name in present or name in ALIASES:
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
    containers (fragments, columns, ...) hold elements: `at.fragment("f").button[0]`.

    Members read as Streamlit's testing elements do: `value`, `label`, `key`, `help`,
    `disabled`, `options`, `index`, `placeholder`, `min`/`max`/`step`, and what the element
    keeps for tests by Streamlit's names (a metric's `delta`, a chat message's `avatar`, an
    exception's `message` and `stack_trace`)."""

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
        if isinstance(owner, Fragment):  # by its own name (`main.<locals>.panel` is "panel")
            return owner.name.rsplit(".<locals>.", 1)[-1]
        if "label" in self.slot.fields:
            return str(self.slot.fields["label"])
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
        """What the app read from a widget in the last run (a button is True after the run its
        click caused), the content given to a text element, or the text of other elements."""
        owner = self.slot.owner
        if isinstance(owner, WidgetOwner):
            return self._actor._read(owner)
        if "value" in self.slot.fields:
            return self.slot.fields["value"]
        if self.slot.block is not None:  # a fragment or layout element holds, not shows
            return None
        return self.slot.body if self.slot.body is not None else self.slot.text()

    @property
    def body(self) -> Any:
        """The content the app gave the element (a markdown's text), as `value`."""
        return self.value

    @property
    def help(self) -> str | None:
        """A widget's `help` tooltip (None without one)."""
        if "help" in self.slot.fields:
            return cast("str | None", self.slot.fields["help"])
        tooltip = getattr(self.slot.widget, "tooltip", None)
        return str(tooltip) if tooltip else None

    @property
    def placeholder(self) -> str | None:
        """The hint an empty input shows, as the app gave it."""
        if "placeholder" in self.slot.fields:
            return cast("str | None", self.slot.fields["placeholder"])
        return cast("str | None", self._widget_trait("placeholder"))

    @property
    def options(self) -> list[str]:
        """A picker's options, as the labels it shows (`format_func` applied; Streamlit's
        options are text too); empty for other widgets."""
        control = getattr(self.slot.owner, "control", None)
        labels = getattr(control, "options", None)
        if labels:
            return list(labels)
        return list(self._widget_trait("_options_labels", "options") or ())

    @property
    def index(self) -> int | list[int] | None:
        """The position of a picker's choice in `options` (None while nothing is chosen)."""
        index = self._widget_trait("index")
        return list(index) if isinstance(index, tuple) else index

    @property
    def indices(self) -> list[int]:
        """The positions of a multiselect's choices in `options`, in the order chosen."""
        control = getattr(self.slot.owner, "control", None)
        value = getattr(self.slot.owner, "value", None)
        if control is not None and isinstance(value, list) and not hasattr(self.slot.widget, "index"):
            labels = self.options  # a tags field shows the chosen options' labels, in order
            return [labels.index(tag) for tag in control.to_widget(value) if tag in labels]
        index = self._widget_trait("index")
        positions = list(index) if isinstance(index, tuple) else ([] if index is None else [index])
        labels, chosen = self.options, self.value
        if isinstance(chosen, list) and len(chosen) == len(positions):  # in the order chosen
            by_label = {labels[i]: i for i in positions}
            shown = [str(choice) for choice in chosen]
            if set(shown) == set(by_label):
                return [by_label[label] for label in shown]
        return positions

    @property
    def min(self) -> Any:
        return self.slot.fields["min"] if "min" in self.slot.fields else self._widget_trait("min")

    @property
    def max(self) -> Any:
        return self.slot.fields["max"] if "max" in self.slot.fields else self._widget_trait("max")

    @property
    def step(self) -> Any:
        return self.slot.fields["step"] if "step" in self.slot.fields else self._widget_trait("step")

    def _widget_trait(self, name: str, member: str | None = None) -> Any:
        if self.slot.owner is None or not hasattr(self.slot.widget, name):
            raise AttributeError(f"{self.describe()} has no {member or name}")
        return getattr(self.slot.widget, name)

    @property
    def url(self) -> str | None:
        """The address a link opens (`st.link_button`, `st.page_link`); None for other elements."""
        url = getattr(self.slot.body, "url", None)
        return url if isinstance(url, str) else None

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
        shown = self.label if self.label is not None else self._shown()
        text = f"{self.kind} {shown!r}" if shown is not None else self.kind
        return f"{text} (key={self.key!r})" if self.key is not None else text

    def _shown(self) -> Any:
        """The element's value for messages (a widget's value now, no run snapshot)."""
        owner = self.slot.owner
        return owner.read() if isinstance(owner, WidgetOwner) else self.value

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        fields = self.slot.__dict__.get("fields", {})
        if name in fields:
            return fields[name]
        if self.slot.block is None:
            if name in KINDS or name in ALIASES:
                raise AttributeError(f"{self.describe()} has no attribute {name!r} (it holds no elements)")
            members = ", ".join(sorted({"value", "label", "key", "disabled", *fields}))
            raise AttributeError(f"{self.describe()} has no attribute {name!r}. It has: {members}.")
        return super().__getattr__(name)

    def __str__(self) -> str:
        return "\n".join(self.slot.lines())

    def __repr__(self) -> str:
        return f"<{self.describe()}>"

    def __eq__(self, other: object) -> bool:
        """The same element of the page (two lookups of it are equal)."""
        return isinstance(other, Element) and other.slot is self.slot

    def __hash__(self) -> int:
        return id(self.slot)

    # -- acting -------------------------------------------------------------------------------
    def click(self, *option: Any) -> Element:
        """Click a button through its own click handler, as the browser's click does; for a
        menu button, `click(option)` picks that entry of its menu."""
        if option:
            return self.set_value(option[0])
        click = getattr(self.slot.widget, "click", None)
        if not callable(click):
            raise TypeError(f"{self.describe()} cannot be clicked (buttons can)")
        with self._acting():
            click()
        return self

    def submit(self) -> Element:
        """Submit a form (`at.form("f").submit()`) through its first submit button, or click a
        submit button; widgets set in a form before (`set_value`) reach the app now. A chat
        input with a value waiting (`set_value` in a form-like flow) is sent as is."""
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
        value waits, unseen by the app, until the form is submitted. A button set to True is
        clicked."""
        write = getattr(self.slot.owner, "write", None)
        if not callable(write):
            if value is True and callable(getattr(self.slot.widget, "click", None)):
                return self.click()
            raise TypeError(f"{self.describe()} has no value to set" + (
                "; click it instead" if callable(getattr(self.slot.widget, "click", None)) else ""
            ))
        with self._acting():
            try:
                write(value)
            except traitlets.TraitError as exc:  # a value of the wrong type for the widget
                raise TypeError(f"{self.describe()} cannot take the value {value!r}: {exc}") from None
        return self

    def select(self, option: Any) -> Element:
        """Pick `option`: the value of a one-of picker, added to a list value (multiselect,
        multi-mode pills) unless already in it."""
        current = self.value
        if isinstance(current, list):
            return self if option in current else self.set_value([*current, option])
        return self.set_value(option)

    def unselect(self, option: Any) -> Element:
        """Drop `option`: from a list value, or clear a one-of picker holding it (to None)."""
        current = self.value
        if isinstance(current, list):
            return self.set_value([v for v in current if v != option]) if option in current else self
        return self.set_value(None) if current == option else self

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
        """Type `text` into a text widget. Text longer than the widget's `max_chars` is
        ignored (the value stays), as Streamlit's `input` does."""
        max_chars = self.slot.fields.get("max_chars")
        if max_chars and len(text) > max_chars:
            return self
        return self.set_value(text)

    def check(self) -> Element:
        return self.set_value(True)

    def uncheck(self) -> Element:
        return self.set_value(False)

    def pick(self, color: str) -> Element:
        """Pick a color (`"#FF4B4B"`) in a color picker."""
        return self.set_value(color)

    def increment(self) -> Element:
        """One step up, as the field's + button (a time input: its `step` later)."""
        return self.set_value(self._stepped(+1))

    def decrement(self) -> Element:
        """One step down, as the field's - button."""
        return self.set_value(self._stepped(-1))

    def _stepped(self, sign: int) -> Any:
        value, step = self.value, self.step
        if isinstance(value, datetime.time):
            seconds = step.total_seconds() if isinstance(step, datetime.timedelta) else float(step or 900)
            moment = datetime.datetime.combine(datetime.date(2000, 1, 1), value)
            return (moment + sign * datetime.timedelta(seconds=seconds)).time()
        if value is None:
            raise TypeError(f"{self.describe()} is empty: set_value() a number first")
        new = value + sign * (step if isinstance(step, (int, float)) else 1)
        low, high = self.slot.fields.get("min"), self.slot.fields.get("max")
        if high is not None:
            new = min(new, high)
        if low is not None:
            new = max(new, low)
        return new

    def select_index(self, index: int | None) -> Element:
        """Choose the option at `index` of `options` (None: no choice)."""
        if not hasattr(self.slot.widget, "index") or isinstance(self.slot.widget.index, tuple):
            raise TypeError(f"{self.describe()} has no single choice to select by index")
        with self._acting():
            self.slot.widget.index = index  # the trait a browser pick sets
        return self

    def set_range(self, lower: Any, upper: Any) -> Element:
        """Set a range slider's two ends."""
        return self.set_value((lower, upper))

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

    def run(self, *, timeout: float | None = None) -> Any:
        """The `AppTest`, for `el.click().run()` as in Streamlit tests. Nothing more runs: an
        interaction has already rerun what it reruns in a notebook (only its fragment, if it
        is in one); `at.run()` is a full app run. (`timeout` is accepted: interactions run
        under the `AppTest`'s `default_timeout`.)"""
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
    """The elements of one kind: index it (`at.button[0]`), or call it with a key as in
    Streamlit (`at.button("plus")`, `at.button(key="plus")`); nbfrag also finds an element by
    its label (`at.button("Plus one!")`, `at.button(label=...)`) when no key matches."""

    def __init__(self, kind: str, elements: list[Element], node: Node) -> None:
        self.kind = kind
        self._elements = elements
        self._node = node

    @overload
    def __getitem__(self, index: int) -> Element: ...

    @overload
    def __getitem__(self, index: slice) -> ElementList: ...

    def __getitem__(self, index: int | slice) -> Element | ElementList:
        if isinstance(index, slice):
            return ElementList(self.kind, self._elements[index], self._node)
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
    def len(self) -> int:
        """How many there are (Streamlit's `.len`)."""
        return len(self._elements)

    @property
    def values(self) -> list[Any]:
        return [element.value for element in self._elements]

    def __eq__(self, other: object) -> bool:
        if isinstance(other, ElementList):
            return self._elements == other._elements
        return isinstance(other, list) and self._elements == other

    __hash__ = None  # type: ignore[assignment]

    def __call__(
        self, key_or_label: str | None = None, /, *, key: str | None = None, label: str | None = None
    ) -> Element:
        """The one element with this key: `at.button("k")` or `at.button(key="k")` as in
        Streamlit. Positionally, when no element has that key, nbfrag takes it as a label
        (`at.button("Plus one!")`); `label=` is a label only. An error (`KeyError`) lists the
        ones that exist."""
        if key_or_label is not None:
            if key is not None or label is not None:
                raise TypeError("pass a key (or label) positionally, or key=/label=, not both")
            wanted = str(key_or_label)
            if any(e.key == wanted for e in self._elements):
                return find_one(self._elements, self.kind, self._node, key=wanted)
            if any(e.label == wanted for e in self._elements):
                return find_one(self._elements, self.kind, self._node, label=wanted)
            raise ElementNotFound(
                f"No {self.kind} with key or label {wanted!r}{self._node._where()}."
                + not_found_listing(self._elements, self.kind, self._node)
            )
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


def not_found_listing(elements: Sequence[Element], kind: str, node: Node) -> str:
    """What a failed lookup says exists: the elements of the kind there, or that there are
    none (and, then, what the page shows)."""
    where = node._where()
    if elements:
        return f" {_upper_first(plural(kind))}{where}{listing(elements)}."
    return f" There are no {plural(kind)}{where}.{node._hint()}"


def find_one(
    elements: Sequence[Element],
    kind: str,
    node: Node,
    *,
    label: str | None = None,
    key: str | None = None,
) -> Element:
    """The single element matching `label` and/or `key`, or a `KeyError` naming what exists."""
    if label is None and key is None:
        raise TypeError(f"say which {kind}: pass its key (or label=)")
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
        raise ElementNotFound(f"No {kind} {wanted}{where}." + not_found_listing(elements, kind, node))
    raise ElementNotFound(
        f"{len(found)} {plural(kind)} {wanted}{where}{listing(found)}. "
        f"Pass key= (if they have keys) or index the list: [i]."
    )
