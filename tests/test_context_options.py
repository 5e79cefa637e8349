# ruff: noqa: F811 - the fixtures imported from apptest_compat are parameters of the tests
"""`st.context` (what Voila tells the kernel of the page request; None/empty in JupyterLab) and
`st.get_option` / `st.set_option` (Streamlit 1.67's option names, defaults and errors; the
config.toml files and STREAMLIT_* variables; `client.showErrorDetails` and
`runner.magicEnabled` honoured)."""

from __future__ import annotations

import textwrap
from typing import Any

import pytest
from apptest_compat import closes_app_tests, project  # noqa: F401 - fixtures

import nbfrag as st
from nbfrag import errors
from nbfrag._runtime.options import options
from nbfrag.testing import AppTest

VOILA_ENV = {
    "VOILA_KERNEL_ID": "k-1",
    "VOILA_REQUEST_URL": "http://localhost:8866/voila/render/app.ipynb?embed=true&page=2#top",
    "SERVER_NAME": "localhost",
    "SERVER_PORT": "8866",
    "QUERY_STRING": "embed=true&page=2",
    "HTTP_ACCEPT_LANGUAGE": "fr-FR,fr;q=0.9",
    "HTTP_COOKIE": "session=abc123; theme=dark",
}


@pytest.fixture
def notebook_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in [*VOILA_ENV, "HTTP_USER_AGENT"]:
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def voila_env(notebook_env: None, monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in VOILA_ENV.items():
        monkeypatch.setenv(name, value)


@pytest.fixture(autouse=True)
def no_options_left() -> Any:
    options.set_values.clear()
    yield
    options.set_values.clear()


# -- st.context ---------------------------------------------------------------------------------


def test_in_a_notebook_the_context_is_empty_or_none(notebook_env: None) -> None:
    assert dict(st.context.headers) == {} and st.context.cookies.to_dict() == {}
    for name in ("url", "ip_address", "is_embedded", "timezone", "timezone_offset", "locale"):
        assert getattr(st.context, name) is None and st.context[name] is None
    assert st.context.theme.type is None and st.context.theme == {"type": None}


def test_under_voila_the_request_voila_passes_is_the_context(voila_env: None) -> None:
    headers = st.context.headers
    assert headers["accept-language"] == "fr-FR,fr;q=0.9"  # case-insensitive names
    assert headers["Host"] == "localhost:8866"
    assert headers.get_all("ACCEPT-LANGUAGE") == ["fr-FR,fr;q=0.9"] and headers.get_all("X-Nope") == []
    assert headers.to_dict() == {"Host": "localhost:8866", "Accept-Language": "fr-FR,fr;q=0.9", "Cookie": VOILA_ENV["HTTP_COOKIE"]}
    assert st.context.cookies.to_dict() == {"session": "abc123", "theme": "dark"}
    assert st.context.cookies["session"] == "abc123"
    assert st.context.url == "http://localhost:8866/voila/render/app.ipynb"  # no query, no anchor
    assert st.context.is_embedded is True
    assert st.context.ip_address is None and st.context.locale is None


def test_not_embedded_under_voila_is_false(voila_env: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUERY_STRING", "page=2")
    assert st.context.is_embedded is False


def test_context_is_not_a_dict_and_names_its_keys(notebook_env: None) -> None:
    with pytest.raises(KeyError, match='st.context has no key "nope". Valid keys are: cookies, headers, ip_address'):
        st.context["nope"]
    assert "timezone" in st.context and "nope" not in st.context
    with pytest.raises(TypeError):
        iter(st.context)  # type: ignore[call-overload]
    with pytest.raises(TypeError):
        st.context.headers["X"] = "y"  # type: ignore[index]


def test_an_app_reads_the_context(voila_env: None) -> None:
    at = AppTest.from_string(textwrap.dedent("""
        import nbfrag as st
        if st.context.headers.get("Accept-Language", "").startswith("fr"):
            st.write("Bonjour!")
        st.write(st.context.url)
    """)).run()
    assert [m.value for m in at.markdown] == ["Bonjour!", "http://localhost:8866/voila/render/app.ipynb"]


# -- st.get_option ------------------------------------------------------------------------------


def test_every_streamlit_option_with_its_default(project: Any) -> None:
    project()
    assert len(options.defaults) == 367  # Streamlit 1.67's count
    assert st.get_option("server.maxUploadSize") == 200
    assert st.get_option("client.showErrorDetails") == "full"
    assert st.get_option("client.toolbarMode") == "auto"
    assert st.get_option("runner.magicEnabled") is True
    assert st.get_option("theme.primaryColor") is None
    assert st.get_option("theme.dark.sidebar.chartDivergingColors") is None
    assert st.get_option("runner.connectionDefaultTTL") is None
    with pytest.raises(RuntimeError, match='Config key "theme.sidebar.base" not defined.'):
        st.get_option("theme.sidebar.base")  # `base` has no sidebar variant
    with pytest.raises(RuntimeError, match='Config key "nope.x" not defined.'):
        st.get_option("nope.x")


def test_config_files_then_the_environment_then_set_option(
    project: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Any
) -> None:
    project(**{
        "home/.streamlit/config.toml": '[theme]\nprimaryColor = "#111111"\nbase = "dark"\n',
        ".streamlit/config.toml": '[theme]\nprimaryColor = "#222222"\n[theme.light]\nlinkColor = "#333333"\n'
        "[server]\nmaxUploadSize = 50\n",
    })
    monkeypatch.delenv("STREAMLIT_THEME_PRIMARY_COLOR", raising=False)
    assert st.get_option("theme.primaryColor") == "#222222"  # the notebook's folder wins
    assert st.get_option("theme.base") == "dark" and st.get_option("theme.light.linkColor") == "#333333"
    assert st.get_option("server.maxUploadSize") == 50
    monkeypatch.setenv("STREAMLIT_THEME_PRIMARY_COLOR", "#444444")
    monkeypatch.setenv("STREAMLIT_SERVER_MAX_UPLOAD_SIZE", "7")
    assert st.get_option("theme.primaryColor") == "#444444" and st.get_option("server.maxUploadSize") == 7
    (tmp_path / ".streamlit/config.toml").write_text('[client]\ntoolbarMode = "viewer"\n')
    assert st.get_option("client.toolbarMode") == "viewer"  # read again when the file changes
    st.set_option("client.toolbarMode", "minimal")
    assert st.get_option("client.toolbarMode") == "minimal"


# -- st.set_option ------------------------------------------------------------------------------


def test_set_option_only_where_streamlit_allows_it(project: Any) -> None:
    project()
    with pytest.raises(errors.StreamlitAPIException, match="Unrecognized config option: nope"):
        st.set_option("nope", 1)
    with pytest.raises(
        errors.StreamlitAPIException,
        match=r"runner.magicEnabled cannot be set on the fly. Set as command line option, e.g. streamlit run "
        r"script.py --runner.magicEnabled, or in config.toml instead.",
    ):
        st.set_option("runner.magicEnabled", False)
    with pytest.raises(errors.StreamlitAPIException, match="server.maxUploadSize cannot be set on the fly"):
        st.set_option("server.maxUploadSize", 1)
    for key, value in [
        ("client.showErrorDetails", "type"), ("client.disableDataExport", True),
        ("client.showSidebarNavigation", False), ("logger.enableRich", True),
    ]:
        st.set_option(key, value)
        assert st.get_option(key) == value


# The message is computed, so that the traceback's source line does not hold it.
SECRET_ERROR = "import nbfrag as st\n{}\nraise ValueError('the password is ' + 'hunter' + str(2))\n"


@pytest.mark.parametrize(
    ("setting", "shows_type", "shows_message", "shows_trace"),
    [
        (None, True, True, True),
        ("'full'", True, True, True),
        ("True", True, True, True),
        ("'stacktrace'", True, False, True),
        ("False", True, False, True),
        ("'type'", True, False, False),
        ("'none'", False, False, False),
    ],
)
def test_show_error_details_hides_what_streamlit_hides(
    project: Any, setting: str | None, shows_type: bool, shows_message: bool, shows_trace: bool
) -> None:
    project()
    line = f"st.set_option('client.showErrorDetails', {setting})" if setting else ""
    at = AppTest.from_string(SECRET_ERROR.format(line)).run()
    shown = at.exception[0]
    html = shown.slot.widget.value  # what the page shows
    assert ("hunter2" in str(shown) + html + shown.message) is shows_message
    assert ("ValueError" in str(shown) + html) is shows_type
    assert ("Traceback" in html) is shows_trace
    if not shows_message:
        assert "client.showErrorDetails" in shown.message and "client.showErrorDetails" in html


def test_st_exception_is_not_redacted(project: Any) -> None:
    project()
    at = AppTest.from_string(
        "import nbfrag as st\nst.set_option('client.showErrorDetails', 'none')\nst.exception(ValueError('shown'))"
    ).run()
    assert at.exception[0].message == "shown"


def test_an_unreadable_config_file_is_get_options_error_not_the_apps(project: Any) -> None:
    project(**{".streamlit/config.toml": "[runner\nmagicEnabled = "})
    with pytest.raises(RuntimeError, match="Error parsing config file at .*config.toml"):
        st.get_option("runner.magicEnabled")
    at = AppTest.from_string("import nbfrag as st\n'magic still works'\nraise ValueError('shown')").run()
    assert [m.value for m in at.markdown] == ["magic still works"] and at.exception[0].message == "shown"


def test_magic_off_in_config_toml(project: Any) -> None:
    project(**{".streamlit/config.toml": "[runner]\nmagicEnabled = false\n"})
    at = AppTest.from_string("import nbfrag as st\n'a bare string'\nst.write('written')").run()
    assert [m.value for m in at.markdown] == ["written"]
    project(**{".streamlit/config.toml": "[runner]\nmagicEnabled = true\n"})
    at = AppTest.from_string("import nbfrag as st\n'a bare string'\nst.write('written')").run()
    assert [m.value for m in at.markdown] == ["a bare string", "written"]
