# ruff: noqa: F811 - the fixtures imported from apptest_compat are parameters of the tests
"""`st.connection` as Streamlit 1.67 has it: the factory (type from the name, the argument, the
secrets or a "module.Class" path; cached like `st.cache_resource`), `SQLConnection` over
sqlite (url or URL parts from secrets and arguments, `.query()` cached like `st.cache_data`,
`.session`, `.engine`, `.driver`, `.reset()`, retries), `BaseConnection` subclasses, and
Streamlit's errors. No network: sqlite files in a temporary project folder."""

from __future__ import annotations

import sys
import textwrap
import types
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
import sqlalchemy
from apptest_compat import closes_app_tests, project  # noqa: F401 - fixtures

import nbfrag as st
from nbfrag import errors
from nbfrag._flow.connections import sql as sql_module
from nbfrag.connections import BaseConnection, ExperimentalBaseConnection, SQLConnection
from nbfrag.testing import AppTest


@pytest.fixture(autouse=True)
def fresh_caches() -> Iterator[None]:
    st.cache_resource.clear()
    st.cache_data.clear()
    yield
    st.cache_resource.clear()
    st.cache_data.clear()


@pytest.fixture
def shop(project: Any, tmp_path: Path) -> Path:
    """A project folder with a sqlite database `shop.db` (a `pets` table) and its secrets."""
    project(**{".streamlit/secrets.toml": f'[connections.sql]\nurl = "sqlite:///{tmp_path / "shop.db"}"\n'})
    engine = sqlalchemy.create_engine(f"sqlite:///{tmp_path / 'shop.db'}")
    with engine.begin() as connection:
        connection.execute(sqlalchemy.text("CREATE TABLE pets (name TEXT, owner TEXT)"))
        connection.execute(sqlalchemy.text("INSERT INTO pets VALUES ('Rex', 'jane'), ('Tom', 'bob')"))
    engine.dispose()
    return tmp_path


def insert(conn: SQLConnection, name: str, owner: str) -> None:
    with conn.session as session:
        session.execute(sqlalchemy.text("INSERT INTO pets VALUES (:n, :o)"), {"n": name, "o": owner})
        session.commit()


# -- the documented app: secrets, query, dataframe --------------------------------------------


def test_the_tutorial_app_reads_its_rows_from_the_secrets_url(shop: Path) -> None:
    at = AppTest.from_string(textwrap.dedent("""
        import nbfrag as st
        conn = st.connection("sql")
        df = conn.query("SELECT * FROM pets ORDER BY name", ttl=600)
        for row in df.itertuples():
            st.write(f"{row.name} belongs to {row.owner}")
    """)).run()
    assert not at.exception
    assert [m.value for m in at.markdown] == ["Rex belongs to jane", "Tom belongs to bob"]


def test_the_sql_connection_tutorial_writes_with_a_session_then_reads(project: Any) -> None:
    project(**{".streamlit/secrets.toml": '[connections.pets_db]\nurl = "sqlite:///pets.db"\n'})
    at = AppTest.from_string(textwrap.dedent("""
        import nbfrag as st
        from sqlalchemy import text

        conn = st.connection("pets_db", type="sql")
        with conn.session as s:
            s.execute(text("CREATE TABLE IF NOT EXISTS pet_owners (person TEXT, pet TEXT);"))
            s.execute(text("DELETE FROM pet_owners;"))
            pet_owners = {"jerry": "fish", "barbara": "cat", "alex": "puppy"}
            for k in pet_owners:
                s.execute(
                    text("INSERT INTO pet_owners (person, pet) VALUES (:owner, :pet);"),
                    params=dict(owner=k, pet=pet_owners[k]),
                )
            s.commit()
        pet_owners = conn.query("select * from pet_owners")
        st.dataframe(pet_owners)
    """)).run()
    assert not at.exception
    assert list(at.dataframe[0].value["person"]) == ["jerry", "barbara", "alex"]


def test_query_returns_a_dataframe_with_params_and_index_col(shop: Path) -> None:
    conn = st.connection("sql")
    assert isinstance(conn, SQLConnection) and conn.driver == "pysqlite"
    df = conn.query("SELECT * FROM pets WHERE owner = :owner", params={"owner": "jane"}, index_col="name")
    assert isinstance(df, pd.DataFrame)
    assert list(df.index) == ["Rex"] and list(df["owner"]) == ["jane"]


def test_query_results_are_cached_until_cleared_and_per_ttl(shop: Path) -> None:
    conn = st.connection("sql")
    assert len(conn.query("SELECT * FROM pets")) == 2
    insert(conn, "Kit", "amy")
    assert len(conn.query("SELECT * FROM pets")) == 2  # from the cache
    assert len(conn.query("SELECT * FROM pets", ttl=3600)) == 3  # another ttl: another cache
    st.cache_data.clear()
    assert len(conn.query("SELECT * FROM pets")) == 3


def test_session_engine_connect_and_autocommit(shop: Path) -> None:
    conn = st.connection("sql")
    insert(conn, "Kit", "amy")
    with conn.connect() as connection:
        assert connection.execute(sqlalchemy.text("SELECT count(*) FROM pets")).scalar() == 3
    assert isinstance(conn.engine, sqlalchemy.engine.Engine) and conn.engine is conn._instance
    auto = st.connection("sql", autocommit=True)
    assert auto is not conn
    assert auto.engine.get_execution_options()["isolation_level"] == "AUTOCOMMIT"


# -- the factory: caching and the type -------------------------------------------------------


def test_a_connection_is_cached_by_name_type_and_arguments(project: Any, tmp_path: Path) -> None:
    project()
    url = f"sqlite:///{tmp_path / 'a.db'}"
    first = st.connection("db", type="sql", url=url)
    assert st.connection("db", type="sql", url=url) is first
    assert st.connection("db", type=SQLConnection, url=url) is first
    assert st.connection("db", type="nbfrag.connections.SQLConnection", url=url) is first
    assert st.connection("other", type="sql", url=url) is not first
    assert st.connection("db", type="sql", url=f"sqlite:///{tmp_path / 'b.db'}") is not first
    at = AppTest.from_string(f"import nbfrag as st\nst.session_state.c = st.connection('db', type='sql', url={url!r})")
    at.run()
    assert at.session_state.c is first  # "global": the same object in every run of every app


def test_the_type_comes_from_the_secrets_or_is_an_error(project: Any, tmp_path: Path) -> None:
    project(**{".streamlit/secrets.toml": textwrap.dedent(f"""
        [connections.typed]
        type = "sql"
        url = "sqlite:///{tmp_path / 'x.db'}"
        [connections.untyped]
        url = "sqlite://"
    """)})
    assert isinstance(st.connection("typed"), SQLConnection)
    with pytest.raises(KeyError):
        st.connection("untyped")
    with pytest.raises(errors.StreamlitAPIException, match="Invalid connection 'nope'. Supported connection classes"):
        st.connection("x", type="nope")
    with pytest.raises(errors.StreamlitAPIException, match="The Snowpark connection was removed"):
        st.connection("snowpark")
    with pytest.raises(errors.StreamlitAPIException, match="<class 'int'> is not a subclass of BaseConnection!"):
        st.connection("x", type=int)


def test_without_any_secrets_file_a_named_connection_is_streamlits_secret_error(project: Any) -> None:
    project()
    with pytest.raises(errors.StreamlitSecretNotFoundError, match="No secrets found"):
        st.connection("mydb")


def test_env_prefix_reads_the_name_from_the_environment(project: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    project()
    monkeypatch.setenv("DB_NAME", "sql")
    conn = st.connection("env:DB_NAME", url="sqlite://")
    assert conn._connection_name == "sql" and isinstance(conn, SQLConnection)


# -- SQL parameters -----------------------------------------------------------------------------


def test_missing_configuration_and_missing_parts_are_streamlits_errors(project: Any) -> None:
    project()
    with pytest.raises(errors.StreamlitAPIException, match="Missing SQL DB connection configuration"):
        st.connection("sql")
    with pytest.raises(errors.StreamlitMissingRequiredParameterError, match="The `host` parameter is required"):
        st.connection("sql", dialect="postgresql", username="jane")


def test_the_url_is_built_from_parts_in_secrets_and_arguments(project: Any) -> None:
    project(**{".streamlit/secrets.toml": textwrap.dedent("""
        [connections.sql]
        dialect = "sqlite"
        driver = "pysqlite"
        username = "jane"
        password = "s3cret"
        host = "dbhost"
        port = 5432
    """)})
    # sqlite refuses a host: its error shows the URL made from the parts (password hidden).
    with pytest.raises(sqlalchemy.exc.ArgumentError, match=r"sqlite\+pysqlite://jane:\*\*\*@dbhost:5432/shop"):
        st.connection("sql", database="shop")


def test_create_engine_arguments_from_secrets_and_keywords(project: Any, tmp_path: Path) -> None:
    project(**{".streamlit/secrets.toml": textwrap.dedent(f"""
        [connections.sql]
        url = "sqlite:///{tmp_path / 'e.db'}"
        [connections.sql.create_engine_kwargs]
        echo = true
    """)})
    assert st.connection("sql").engine.echo is True
    assert st.connection("sql", echo=False).engine.echo is False  # the argument wins


def test_a_database_error_is_tried_three_times_resetting_the_connection(
    project: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project()
    monkeypatch.setattr(sql_module, "RETRY_WAIT", 0.0)
    conn = st.connection("sql", url=f"sqlite:///{tmp_path / 'no' / 'such' / 'dir.db'}")
    resets: list[int] = []
    original = SQLConnection.reset
    monkeypatch.setattr(SQLConnection, "reset", lambda self: (resets.append(1), original(self)))
    with pytest.raises(sqlalchemy.exc.OperationalError, match="unable to open database file"):
        conn.query("SELECT 1")
    assert len(resets) == 3
    # An error pandas reports (a query the database refuses) is not a connection problem: no retry.
    resets.clear()
    with pytest.raises(pd.errors.DatabaseError, match="no such table"):
        st.connection("sql", url="sqlite://").query("SELECT * FROM nowhere")
    assert resets == []


def test_a_missing_driver_names_the_package_to_install(project: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    project()
    module = types.ModuleType("missing_driver_conn")

    class NeedsPsycopg(BaseConnection[Any]):
        def _connect(self, **kwargs: Any) -> Any:
            raise ModuleNotFoundError("No module named 'psycopg2'")

    class NeedsSomething(BaseConnection[Any]):
        def _connect(self, **kwargs: Any) -> Any:
            raise ModuleNotFoundError("No module named 'unheard_of'")

    module.NeedsPsycopg = NeedsPsycopg  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "missing_driver_conn", module)
    with pytest.raises(ModuleNotFoundError, match="You need to install the 'psycopg2-binary' package"):
        st.connection("pg", type="missing_driver_conn.NeedsPsycopg")
    with pytest.raises(ModuleNotFoundError, match="You may be missing a dependency"):
        st.connection("pg", type=NeedsSomething)


def test_without_sqlalchemy_the_error_says_to_install_it(project: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    project()
    monkeypatch.setitem(sys.modules, "sqlalchemy", None)  # as if it were not installed
    with pytest.raises(ModuleNotFoundError, match="You need to install the 'sqlalchemy' package"):
        st.connection("sql", url="sqlite://")


# -- BaseConnection subclasses --------------------------------------------------------------------


class Counter(BaseConnection[dict[str, Any]]):
    """A toy connection: its instance is a dict of what `_connect` got."""

    made = 0
    closed = 0

    def _connect(self, **kwargs: Any) -> dict[str, Any]:
        Counter.made += 1
        return {"kwargs": kwargs, "secrets": self._secrets.to_dict(), "n": Counter.made}

    def close(self) -> None:
        Counter.closed += 1


def test_a_subclass_gets_its_kwargs_and_secrets_and_reset_reconnects(project: Any, tmp_path: Path) -> None:
    project(**{".streamlit/secrets.toml": '[connections.toy]\ntoken = "abc"\n'})
    Counter.made = Counter.closed = 0
    conn = st.connection("toy", type=Counter, region="eu")
    assert conn._instance["kwargs"] == {"region": "eu"} and conn._instance["secrets"] == {"token": "abc"}
    assert Counter.made == 1 and conn._instance["n"] == 1
    conn.reset()
    assert conn._instance["n"] == 2  # made again on next use
    (tmp_path / ".streamlit/secrets.toml").write_text('[connections.toy]\ntoken = "a new one"\n')
    assert conn._instance["secrets"] == {"token": "a new one"} and Counter.made == 3  # secrets changed
    st.cache_resource.clear()
    assert Counter.closed == 1  # close() when the cache lets it go
    assert ExperimentalBaseConnection is BaseConnection and Counter.scope() == "global"


def test_a_custom_connection_module_as_in_streamlits_connection_example(
    project: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Streamlit's example connection (DuckDB there; sqlite3 here): a class in a module beside
    the app, named by "module.Class", its database from the secrets, `query` cached inside."""
    project(**{
        ".streamlit/secrets.toml": f'[connections.local]\ndatabase = "{tmp_path / "local.db"}"\n',
        "sqlite_connection.py": """
            import sqlite3
            import pandas as pd
            import nbfrag as st
            from nbfrag.connections import ExperimentalBaseConnection

            class SQLiteConnection(ExperimentalBaseConnection[sqlite3.Connection]):
                def _connect(self, **kwargs):
                    db = kwargs.pop("database") if "database" in kwargs else self._secrets["database"]
                    return sqlite3.connect(db, check_same_thread=False, **kwargs)

                def cursor(self):
                    return self._instance.cursor()

                def query(self, query, ttl=3600, **kwargs):
                    @st.cache_data(ttl=ttl)
                    def _query(query, **kwargs):
                        return pd.read_sql_query(query, self._instance, **kwargs)
                    return _query(query, **kwargs)
        """,
    })
    monkeypatch.syspath_prepend(str(tmp_path))  # the app's folder, as in Jupyter and Streamlit
    at = AppTest.from_string(textwrap.dedent("""
        import nbfrag as st
        conn = st.connection("local", type="sqlite_connection.SQLiteConnection")
        conn.cursor().execute("CREATE TABLE IF NOT EXISTS t (x INTEGER)")
        st.dataframe(conn.query("SELECT 42 AS x"))
    """)).run()
    assert not at.exception
    assert list(at.dataframe[0].value["x"]) == [42]


def test_an_attribute_of_the_instance_points_there(project: Any) -> None:
    project()
    conn = st.connection("toy", type=Counter)
    with pytest.raises(AttributeError, match=r"`keys` doesn't exist here, but you can call `._instance.keys` instead"):
        conn.keys  # noqa: B018
    with pytest.raises(AttributeError, match="nothing_at_all"):
        conn.nothing_at_all  # noqa: B018


def test_a_session_scoped_connection_and_a_bad_scope(project: Any) -> None:
    project()

    class PerSession(Counter):
        @classmethod
        def scope(cls) -> Any:
            return "session"

    class Odd(Counter):
        @classmethod
        def scope(cls) -> Any:
            return "planet"

    assert st.connection("s", type=PerSession) is st.connection("s", type=PerSession)
    with pytest.raises(errors.StreamlitAPIException, match="Connection class Odd has scope 'planet'"):
        st.connection("s", type=Odd)


def test_connections_default_ttl_option_is_checked(project: Any) -> None:
    project(**{".streamlit/config.toml": '[runner]\nconnectionDefaultTTL = "soon"\n'})
    with pytest.raises(errors.StreamlitAPIException, match="Invalid `runner.connectionDefaultTTL` value"):
        st.connection("toy", type=Counter)
    assert st.connection("toy", type=Counter, ttl=None) is not None  # an explicit ttl wins


def test_snowflake_without_its_package_names_it(project: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    project(**{".streamlit/secrets.toml": '[connections.snowflake]\naccount = "x"\n'})
    monkeypatch.setitem(sys.modules, "snowflake", None)
    with pytest.raises(ModuleNotFoundError, match="snowflake"):
        st.connection("snowflake")
    with pytest.raises(errors.StreamlitAPIException, match="Snowpark Container Services"):
        st.connection("viewer", type="snowflake-callers-rights")


def test_st_connections_is_streamlits_module_of_classes() -> None:
    assert st.connections.SQLConnection is SQLConnection
    assert issubclass(st.connections.SnowflakeConnection, BaseConnection)
    assert set(st.connections.__all__) == {
        "BaseConnection", "ExperimentalBaseConnection", "SQLConnection", "SnowflakeCallersRightsConnection",
        "SnowflakeConnection",
    }
