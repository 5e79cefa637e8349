"""The three examples of the `st.fragment` documentation page, verbatim but for the import,
after the same clicks as the parity traces: nbfrag must show what Streamlit shows."""

from conftest import buttons, click, model_count
from examples import BALLOONS, COUNT_TO_FIVE, COUNTERS

import nbfrag as st


def test_counters(nb):
    host = nb.app(COUNTERS)
    assert repr(host) == (
        "fragment my_fragment:\n"
        "  [Rerun fragment]\n"
        "  Fragment says it ran 1 times.\n"
        "[Rerun full app]\n"
        "Full app says it ran 1 times.\n"
        "Full app sees that fragment ran 1 times."
    )
    outside = [slot.widget for slot in host.block.slots[1:]]
    outside_values = [getattr(w, "value", None) for w in outside]
    click("Rerun fragment")
    click("Rerun fragment")
    assert repr(host).splitlines()[2] == "  Fragment says it ran 3 times."
    assert repr(host).splitlines()[4:] == [
        "Full app says it ran 1 times.",
        "Full app sees that fragment ran 1 times.",
    ]
    # the widgets outside the fragment are the same objects with the same values
    assert [slot.widget for slot in host.block.slots[1:]] == outside
    assert [getattr(w, "value", None) for w in outside] == outside_values
    click("Rerun full app")
    assert repr(host).splitlines()[2] == "  Fragment says it ran 4 times."
    assert repr(host).splitlines()[4:] == [
        "Full app says it ran 2 times.",
        "Full app sees that fragment ran 4 times.",
    ]


def test_count_to_five(nb):
    host = nb.app(COUNT_TO_FIVE)
    header = lambda: [line for line in repr(host).splitlines() if line.startswith("## ")]  # noqa: E731
    for _ in range(4):
        click("Plus one!")
        assert header() == ["## Multiples of five clicks: 0"]
    click("Plus one!")
    assert header() == ["## Multiples of five clicks: 1"]
    assert st.session_state.clicks == 5
    click("Check click count")
    from nbfrag._runtime.runtime import runtime

    (app,) = [a for a in runtime.apps if a.host is host]
    assert app.toasts == ["## Total clicks: 5"]


def test_count_to_five_clicks_create_no_models(nb):
    nb.app(COUNT_TO_FIVE)
    before = model_count()
    for _ in range(12):
        click("Plus one!")
    assert model_count() == before
    ids = [b.model_id for b in buttons("Plus one!")]
    click("Plus one!")
    assert [b.model_id for b in buttons("Plus one!")] == ids


def test_balloons(nb):
    host = nb.app(BALLOONS)
    from nbfrag._elements.effects import Balloons

    fragment_balloons = [w for w in host.block.slots[0].block.extras.values() if isinstance(w, Balloons)]
    assert len(fragment_balloons) == 1
    assert len(fragment_balloons[0].launches) == 1
    click("Release the balloons")  # a fragment rerun plays the fragment's balloons again
    assert len(fragment_balloons[0].launches) == 2
    assert repr(host) == "fragment release_the_balloons:\n  [Release the balloons]\n[Inflate more balloons]"
    assert buttons("Release the balloons")[0].tooltip == "Fragment rerun"
    spinner = host.block.transients.get("spinner")
    assert spinner is not None and spinner not in host.children  # shown only while it ran
