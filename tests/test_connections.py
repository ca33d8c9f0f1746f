"""st.connection and SQLConnection against real SQLite files."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import sys
import time
from pathlib import Path
from types import SimpleNamespace

import pandas as pd
import pytest

from conftest import write_file as write

import termlit as st
from termlit.connections import (
    BaseConnection,
    ConnectionConfigError,
    MissingDriverError,
    SQLConnection,
    clear_connections,
)
from termlit.testing import AppTest

SEED = """
import termlit as st

conn = st.connection("my_database")
df = conn.query("select * from my_table")
st.dataframe(df)
"""




def make_db(path: Path, rows: list[tuple[int, str, float]]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(path) as db:
        db.execute("create table my_table (id integer primary key, name text, amount real)")
        db.executemany("insert into my_table values (?, ?, ?)", rows)
    return path


ROWS = [(1, "Ada", 12.5), (2, "Grace", 7.25), (3, "Linus", 3.0)]


@pytest.fixture
def project(tmp_path, monkeypatch):
    home = tmp_path / "home"
    root = tmp_path / "project"
    home.mkdir()
    root.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(root)
    clear_connections()
    env_before = set(os.environ)
    yield SimpleNamespace(home=home, root=root, tmp=tmp_path, secrets=root / ".termlit/secrets.toml")
    clear_connections()
    for key in set(os.environ) - env_before:
        del os.environ[key]


def names(df: pd.DataFrame) -> list[str]:
    return list(df["name"])


# -- the seed snippet ------------------------------------------------------------------


def test_seed_snippet_runs_verbatim_with_a_url(project):
    make_db(project.root / "my_database.db", ROWS)
    write(project.secrets, '[connections.my_database]\ntype = "sql"\nurl = "sqlite:///my_database.db"\n')
    app = project.root / "app.py"
    app.write_text(SEED)
    at = AppTest.from_file(str(app)).run()
    assert not at.exception, at.exception
    df = at.dataframe[0].value
    assert list(df.columns) == ["id", "name", "amount"]
    assert names(df) == ["Ada", "Grace", "Linus"]
    assert df["amount"].sum() == pytest.approx(22.75)
    assert not at.get("spinner")  # the spinner is gone once the query is done


def test_parts_form(project):
    make_db(project.tmp / "data/parts.db", ROWS)
    write(
        project.secrets,
        f"""
        [connections.my_database]
        type = "sql"
        dialect = "sqlite"
        database = "{project.tmp / 'data/parts.db'}"
        """,
    )
    conn = st.connection("my_database")
    assert isinstance(conn, SQLConnection)
    assert conn.driver == "pysqlite"
    assert names(conn.query("select * from my_table order by id")) == ["Ada", "Grace", "Linus"]


def test_type_may_be_left_out_when_url_or_dialect_is_set(project):
    make_db(project.root / "t.db", ROWS)
    write(project.secrets, '[connections.db]\nurl = "sqlite:///t.db"\n')
    assert isinstance(st.connection("db"), SQLConnection)


def test_relative_sqlite_path_is_taken_from_the_secrets_project_folder(project, tmp_path, monkeypatch):
    app_dir = tmp_path / "examples"
    make_db(app_dir / "my_database.db", ROWS)
    write(app_dir / ".termlit/secrets.toml", '[connections.my_database]\ntype = "sql"\nurl = "sqlite:///my_database.db"\n')
    (app_dir / "app.py").write_text(SEED)
    monkeypatch.chdir(tmp_path)  # started from the folder above, like `termlit run examples/app.py`
    at = AppTest.from_file(str(app_dir / "app.py")).run()
    assert not at.exception, at.exception
    assert names(at.dataframe[0].value) == ["Ada", "Grace", "Linus"]
    assert not (tmp_path / "my_database.db").exists()


def test_kwargs_win_over_secrets(project):
    make_db(project.root / "from_secrets.db", [(1, "secrets", 1.0)])
    make_db(project.root / "from_kwargs.db", [(1, "kwargs", 1.0)])
    write(project.secrets, '[connections.db]\ntype = "sql"\nurl = "sqlite:///from_secrets.db"\n')
    assert names(st.connection("db").query("select name from my_table")) == ["secrets"]
    by_url = st.connection("db", url=f"sqlite:///{project.root / 'from_kwargs.db'}")
    assert names(by_url.query("select name from my_table")) == ["kwargs"]
    by_part = st.connection("db", database=str(project.root / "from_kwargs.db"))
    assert names(by_part.query("select name from my_table")) == ["kwargs"]
    # and kwargs alone are enough
    alone = st.connection("adhoc", type="sql", url=f"sqlite:///{project.root / 'from_kwargs.db'}")
    assert names(alone.query("select name from my_table")) == ["kwargs"]


def test_streamlit_secrets_file_is_used_too(project):
    make_db(project.root / "legacy.db", ROWS)
    write(project.root / ".streamlit/secrets.toml", '[connections.my_database]\ntype = "sql"\nurl = "sqlite:///legacy.db"\n')
    (project.root / "app.py").write_text(SEED)
    at = AppTest.from_file(str(project.root / "app.py")).run()
    assert not at.exception, at.exception
    assert len(at.dataframe[0].value) == 3


def test_apptest_secrets_configure_a_connection(project):
    db = make_db(project.root / "override.db", ROWS)
    at = AppTest.from_string(SEED)
    at.secrets["connections"] = {"my_database": {"type": "sql", "url": f"sqlite:///{db}"}}
    at.run()
    assert not at.exception, at.exception
    assert len(at.dataframe[0].value) == 3


# -- caching -----------------------------------------------------------------------------


def insert(db: Path, row: tuple[int, str, float]) -> None:
    with sqlite3.connect(db) as c:
        c.execute("insert into my_table values (?, ?, ?)", row)


def test_query_results_are_cached_by_sql_and_params_with_ttl(project):
    db = make_db(project.root / "cache.db", ROWS)
    conn = st.connection("c", type="sql", url=f"sqlite:///{db}")
    first = conn.query("select * from my_table")
    insert(db, (4, "Ken", 1.0))
    assert len(conn.query("select * from my_table")) == 3  # cached, no ttl: kept
    assert len(conn.query("select * from my_table", ttl=0)) == 4  # ttl=0: not cached
    assert len(conn.query("select * from my_table where id > :n", params={"n": 0})) == 4
    assert len(conn.query("select * from my_table where id > :n", params={"n": 2})) == 2
    # a result older than the call's ttl is not used
    time.sleep(0.25)
    assert len(conn.query("select * from my_table", ttl=0.2)) == 4
    insert(db, (5, "Barbara", 1.0))
    assert len(conn.query("select * from my_table", ttl=0.2)) == 4
    time.sleep(0.25)
    assert len(conn.query("select * from my_table", ttl="0.2s")) == 5
    # the caller gets a copy: changing it does not change the cache
    first.loc[0, "name"] = "changed"
    again = conn.query("select * from my_table")
    assert again.loc[0, "name"] == "Ada"
    # reset() forgets cached results
    insert(db, (6, "Edsger", 1.0))
    assert len(conn.query("select * from my_table")) == 5
    conn.reset()
    assert len(conn.query("select * from my_table")) == 6


def test_cached_query_across_reruns_does_not_hit_the_database(project):
    db = make_db(project.root / "rerun.db", ROWS)
    write(project.secrets, f'[connections.my_database]\ntype = "sql"\nurl = "sqlite:///{db}"\n')
    (project.root / "app.py").write_text(SEED)
    at = AppTest.from_file(str(project.root / "app.py")).run()
    insert(db, (4, "Ken", 1.0))
    at.run()
    assert len(at.dataframe[0].value) == 3


def test_index_col_and_chunksize(project):
    db = make_db(project.root / "chunks.db", ROWS)
    conn = st.connection("c", type="sql", url=f"sqlite:///{db}")
    indexed = conn.query("select * from my_table", index_col="id")
    assert list(indexed.index) == [1, 2, 3]
    chunks = list(conn.query("select * from my_table order by id", chunksize=2))
    assert [len(c) for c in chunks] == [2, 1]
    assert list(pd.concat(chunks)["name"]) == ["Ada", "Grace", "Linus"]
    # cached chunks come back whole again
    assert [len(c) for c in conn.query("select * from my_table order by id", chunksize=2)] == [2, 1]


# -- parameters are bound ---------------------------------------------------------------


def test_params_are_bound_so_an_injection_attempt_stays_data(project):
    db = make_db(project.root / "inject.db", ROWS)
    conn = st.connection("c", type="sql", url=f"sqlite:///{db}")
    attack = "x' OR '1'='1"
    assert conn.query("select * from my_table where name = :name", params={"name": attack}).empty
    drop = "Ada'; drop table my_table; --"
    assert conn.query("select * from my_table where name = :name", params={"name": drop}, ttl=0).empty
    assert len(conn.query("select * from my_table", ttl=0)) == 3  # the table survived
    quoted = "O'Brien"
    insert(db, (4, quoted, 2.0))
    found = conn.query("select * from my_table where name = :name", params={"name": quoted})
    assert names(found) == [quoted]
    with pytest.raises(st.StreamlitAPIException, match="dict"):
        conn.query("select * from my_table where id = ?", params=[1])


# -- writes through the session -----------------------------------------------------------


def test_session_writes(project):
    from sqlalchemy import text

    db = make_db(project.root / "writes.db", ROWS)
    conn = st.connection("w", type="sql", url=f"sqlite:///{db}")
    with conn.session as session:
        session.execute(
            text("insert into my_table (id, name, amount) values (:id, :name, :amount)"),
            {"id": 10, "name": "Margaret", "amount": 99.5},
        )
        session.commit()
    with conn.session as session:  # not committed: rolled back
        session.execute(text("delete from my_table"))
    assert names(conn.query("select name from my_table order by id", ttl=0)) == ["Ada", "Grace", "Linus", "Margaret"]
    with sqlite3.connect(db) as raw:  # really on disk
        assert raw.execute("select count(*) from my_table").fetchone()[0] == 4
    with conn.connect() as c:
        assert c.execute(text("select amount from my_table where id = 10")).scalar() == 99.5
    assert conn.engine is conn.engine
    assert conn.engine.url.database == str(db)


# -- connections are cached ----------------------------------------------------------------


def test_connections_are_shared_per_name_and_parameters(project):
    db = make_db(project.root / "shared.db", ROWS)
    write(project.secrets, f'[connections.db]\ntype = "sql"\nurl = "sqlite:///{db}"\n')
    a = st.connection("db")
    assert st.connection("db") is a
    other = st.connection("db", create_engine_kwargs={"pool_pre_ping": True})
    assert other is not a
    assert st.connection("db", create_engine_kwargs={"pool_pre_ping": True}) is other


def test_connection_ttl_and_max_entries(project):
    db = make_db(project.root / "ttl.db", ROWS)
    url = f"sqlite:///{db}"
    first = st.connection("t", type="sql", url=url, ttl=0.2)
    assert st.connection("t", type="sql", url=url, ttl=0.2) is first
    time.sleep(0.3)
    assert st.connection("t", type="sql", url=url, ttl=0.2) is not first
    one = st.connection("m", type="sql", url=url, max_entries=1)
    st.connection("m", type="sql", url=url, echo=False, max_entries=1)
    assert st.connection("m", type="sql", url=url, max_entries=1) is not one


@pytest.mark.parametrize("ttl", ["90s", "1h30m", "1 hour, 30 minutes", "1d 12h", dt.timedelta(minutes=5), 60])
def test_a_ttl_is_read_as_cache_data_reads_it(project, ttl):
    db = make_db(project.root / "ttl.db", ROWS)
    conn = st.connection("t", type="sql", url=f"sqlite:///{db}", ttl=ttl)
    assert len(conn.query("select * from my_table", ttl=ttl)) == 3
    for bad in ("soon", -1):
        with pytest.raises(st.StreamlitAPIException, match="ttl"):
            st.cache_data(ttl=bad)
        with pytest.raises(st.StreamlitAPIException, match="ttl"):
            st.connection("t", type="sql", url=f"sqlite:///{db}", ttl=bad)
        with pytest.raises(st.StreamlitAPIException, match="ttl"):
            conn.query("select * from my_table", ttl=bad)


def test_a_changed_secrets_section_resets_its_connection(project):
    a = make_db(project.root / "a.db", [(1, "from a", 1.0)])
    b = make_db(project.root / "b.db", [(1, "from b", 1.0)])
    make_db(project.root / "other.db", [(1, "other", 1.0)])
    write(
        project.secrets,
        f'[connections.db]\ntype = "sql"\nurl = "sqlite:///{a}"\n'
        '[connections.other]\ntype = "sql"\nurl = "sqlite:///other.db"\n',
    )
    conn = st.connection("db")
    other = st.connection("other")
    other_engine = other.engine
    assert names(conn.query("select name from my_table")) == ["from a"]
    write(
        project.secrets,
        f'[connections.db]\ntype = "sql"\nurl = "sqlite:///{b}"\n'
        '[connections.other]\ntype = "sql"\nurl = "sqlite:///other.db"\n',
    )
    assert st.connection("db") is conn  # same object, connected again
    assert names(conn.query("select name from my_table")) == ["from b"]
    assert other.engine is other_engine  # its section did not change


def test_reload_in_a_running_app(project):
    a = make_db(project.root / "a.db", [(1, "from a", 1.0)])
    b = make_db(project.root / "b.db", [(1, "from b", 1.0), (2, "b2", 2.0)])
    write(project.secrets, f'[connections.my_database]\ntype = "sql"\nurl = "sqlite:///{a}"\n')
    (project.root / "app.py").write_text(SEED)
    at = AppTest.from_file(str(project.root / "app.py")).run()
    assert names(at.dataframe[0].value) == ["from a"]
    write(project.secrets, f'[connections.my_database]\ntype = "sql"\nurl = "sqlite:///{b}"\n')
    at.run()
    assert names(at.dataframe[0].value) == ["from b", "b2"]


def test_a_dropped_connection_is_retried_after_a_reset(project, monkeypatch):
    from sqlalchemy.exc import OperationalError

    db = make_db(project.root / "drop.db", ROWS)
    conn = st.connection("d", type="sql", url=f"sqlite:///{db}")
    broken = conn.engine
    calls = []

    def dropped(*args, **kwargs):
        calls.append(1)
        raise OperationalError("select 1", {}, Exception("server closed the connection"), connection_invalidated=True)

    monkeypatch.setattr(broken, "connect", dropped)
    assert len(conn.query("select * from my_table")) == 3
    assert calls == [1]
    assert conn.engine is not broken


# -- type resolution -------------------------------------------------------------------------


class Counter(BaseConnection[dict]):
    """A toy custom connection: its 'client' is a dict built from its config."""

    connects = 0

    def _connect(self, **kwargs):
        type(self).connects += 1
        config = {**self._secrets.to_dict(), **kwargs}
        config.pop("type", None)
        return {"config": config, "serial": type(self).connects}

    def config(self):
        return self._instance["config"]

    def serial(self):
        return self._instance["serial"]


def test_custom_connection_class_and_dotted_path(project):
    # pytest imports this file as the top-level module `test_connections`
    write(project.secrets, f'[connections.kv]\ntype = "{__name__}.Counter"\nregion = "eu"\n')
    Counter.connects = 0
    by_path = st.connection("kv")
    assert type(by_path).__name__ == "Counter"
    assert by_path.config() == {"region": "eu"}
    by_class = st.connection("kv", type=Counter, region="us")
    assert by_class.config() == {"region": "us"}
    serial = by_class.serial()
    by_class.reset()
    assert by_class.serial() == serial + 1  # reset() connects again on next use
    assert "eu" not in repr(by_path) and "Counter" in repr(by_path)


def test_env_names(project, monkeypatch):
    db = make_db(project.root / "env.db", ROWS)
    write(project.secrets, f'[connections.prod]\ntype = "sql"\nurl = "sqlite:///{db}"\n')
    monkeypatch.setenv("TERMLIT_TEST_DB_NAME", "prod")
    assert len(st.connection("env:TERMLIT_TEST_DB_NAME").query("select * from my_table")) == 3
    monkeypatch.delenv("TERMLIT_TEST_DB_NAME")
    with pytest.raises(ConnectionConfigError, match="TERMLIT_TEST_DB_NAME"):
        st.connection("env:TERMLIT_TEST_DB_NAME")


def test_bad_types_are_explained(project):
    with pytest.raises(ConnectionConfigError, match="unknown connection type 'nosql'"):
        st.connection("x", type="nosql")
    with pytest.raises(ConnectionConfigError, match="cannot import module"):
        st.connection("x", type="no_such_module_here.Conn")
    with pytest.raises(ConnectionConfigError, match="not a connection class"):
        st.connection("x", type=dict)
    with pytest.raises(ConnectionConfigError, match="termlit does\\s+not include"):
        st.connection("x", type="snowflake")
    write(project.secrets, '[connections.notype]\nhost = "h"\n')
    with pytest.raises(ConnectionConfigError, match="no `type`"):
        st.connection("notype")


# -- errors name the problem and the way out, and never show a password -----------------------


def test_missing_configuration_names_the_section_and_the_files(project):
    with pytest.raises(ConnectionConfigError) as info:
        st.connection("my_database")
    message = str(info.value)
    assert "[connections.my_database]" in message
    assert str(project.root / ".termlit/secrets.toml") in message
    assert str(project.home / ".termlit/secrets.toml") in message
    write(project.secrets, '[connections.other]\ntype = "sql"\nurl = "sqlite://"\n')
    with pytest.raises(ConnectionConfigError) as info:
        st.connection("my_database")
    message = str(info.value)
    assert "[connections.my_database]" in message and "[connections.other]" in message
    assert str(project.secrets) in message
    # type="sql" given, nothing else known
    with pytest.raises(ConnectionConfigError, match=r"\[connections\.nothing\]"):
        st.connection("nothing", type="sql")


def test_missing_configuration_in_an_app(project):
    at = AppTest.from_string(SEED).run()
    assert len(at.exception) == 1
    assert "[connections.my_database]" in at.exception[0].value
    assert ".termlit/secrets.toml" in at.exception[0].value


def test_missing_driver_names_the_package(project):
    pytest.importorskip("sqlalchemy")
    try:
        import psycopg2  # noqa: F401
    except ImportError:
        pass
    else:
        pytest.skip("psycopg2 is installed here, so it cannot be missing")
    write(
        project.secrets,
        """
        [connections.pg]
        type = "sql"
        dialect = "postgresql"
        driver = "psycopg2"
        host = "localhost"
        username = "me"
        password = "pw-DRIVER-SECRET"
        database = "db"
        """,
    )
    with pytest.raises(MissingDriverError) as info:
        st.connection("pg")
    assert isinstance(info.value, ImportError)
    assert "pip install psycopg2-binary" in str(info.value)
    assert "DRIVER-SECRET" not in str(info.value)
    with pytest.raises(MissingDriverError, match="duckdb-engine"):
        st.connection("duck", type="sql", url="duckdb:///x.duckdb")
    with pytest.raises(MissingDriverError, match="no dialect or driver 'nosuchdb'"):
        st.connection("nope", type="sql", dialect="nosuchdb")


def test_bad_config_values_are_explained_without_the_password(project):
    write(
        project.secrets,
        """
        [connections.badport]
        type = "sql"
        dialect = "sqlite"
        port = "five"
        password = "pw-PORT-SECRET"
        [connections.badurl]
        type = "sql"
        url = "postgresql://me:pw-URL-SECRET@db.example:notaport/x"
        """,
    )
    with pytest.raises(ConnectionConfigError, match="port = 'five'") as info:
        st.connection("badport")
    assert "PORT-SECRET" not in str(info.value)
    with pytest.raises(ConnectionConfigError, match="not a SQLAlchemy URL") as info:
        st.connection("badurl")
    assert "URL-SECRET" not in str(info.value)


def test_a_bad_database_path_gives_the_database_message(project):
    conn = st.connection("bad", type="sql", url=f"sqlite:///{project.root / 'no/such/folder/x.db'}")
    from sqlalchemy.exc import OperationalError

    with pytest.raises(OperationalError) as info:
        conn.query("select 1")
    assert "unable to open database file" in str(info.value)
    assert "[connections.bad]" in str(info.value)


def test_a_database_error_holding_the_password_is_masked_everywhere(project):
    db = make_db(project.root / "mask.db", ROWS)
    password = "TopSecretPw9"
    write(
        project.secrets,
        f"""
        [connections.db]
        type = "sql"
        dialect = "sqlite"
        database = "{db}"
        [service]
        api_token = "{password}"
        """,
    )
    at = AppTest.from_string(
        """
        import termlit as st
        conn = st.connection("db")
        pw = st.secrets.service.api_token
        st.dataframe(conn.query(f"select {pw} from my_table"))
        """
    ).run()
    assert len(at.exception) == 1
    error = at.exception[0]
    assert error.props["type"] == "OperationalError"
    assert "no such column" in error.value
    shown = "\n".join([error.value, *error.stack_trace])
    assert password not in shown
    assert "***" in error.value
    # the same outside an app, and the exception keeps its class
    from sqlalchemy.exc import OperationalError

    conn = st.connection("db")
    with pytest.raises(OperationalError) as info:
        conn.query(f"select {password} from my_table")
    assert password not in str(info.value)
    assert password not in repr(info.value)
    assert info.value.__cause__ is None and info.value.__suppress_context__
    assert password not in repr(conn) and password not in str(conn.engine.url)


# -- the documented custom connection works as written --------------------------------------


def _doc_blocks() -> list[tuple[str, str]]:
    text = (Path(__file__).resolve().parent.parent / "docs/connections.md").read_text(encoding="utf-8")
    import re

    return re.findall(r"```(\w+)\n(.*?)```", text, flags=re.S)


def test_documented_custom_connection(project, monkeypatch):
    import json
    import threading
    from http.server import BaseHTTPRequestHandler, HTTPServer

    seen: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            seen.append(self.headers.get("Authorization", ""))
            body = json.dumps({"path": self.path, "forecast": "sunny"}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        blocks = _doc_blocks()
        module = next(code for lang, code in blocks if lang == "python" and code.startswith("# my_connections.py"))
        toml = next(code for lang, code in blocks if lang == "toml" and "[connections.weather]" in code)
        app = next(code for lang, code in blocks if lang == "python" and "from my_connections import" in code)
        monkeypatch.setenv("TERMLIT_CACHE_DIR", str(project.tmp / "cache"))
        monkeypatch.syspath_prepend(str(project.root))
        (project.root / "my_connections.py").write_text(module)
        write(project.secrets, toml.replace("https://api.example.com/v1", f"http://127.0.0.1:{server.server_port}/v1"))
        (project.root / "app.py").write_text(app)
        at = AppTest.from_file(str(project.root / "app.py")).run(timeout=10)
        assert not at.exception, at.exception
        assert json.loads(at.json[0].value) == {"path": "/v1/forecast/oslo", "forecast": "sunny"}
        assert seen == ["Bearer change-me"]
        at.run(timeout=10)  # cached: no second request
        assert seen == ["Bearer change-me"]
    finally:
        sys.modules.pop("my_connections", None)
        server.shutdown()
        server.server_close()


def test_errors_while_connecting_a_custom_connection_are_masked(project):
    class Leaky(BaseConnection[object]):
        def _connect(self, **kwargs):
            raise RuntimeError(f"login refused for token {self._secrets['token']}")

    write(project.secrets, '[connections.leaky]\ntoken = "tok-LEAKY-123456"\n')
    with pytest.raises(RuntimeError) as info:
        st.connection("leaky", type=Leaky)
    assert "LEAKY" not in str(info.value) and "***" in str(info.value)


def test_a_spinner_shows_while_an_uncached_query_runs(project):
    from termlit.runtime import ScriptRunner, ScriptSource, walk

    db = make_db(project.root / "spin.db", ROWS)
    source = f"""
import termlit as st
conn = st.connection("spin", type="sql", url="sqlite:///{db}")
st.dataframe(conn.query("select * from my_table"))
st.dataframe(conn.query("select name from my_table", show_spinner="Counting customers..."))
st.dataframe(conn.query("select id from my_table", show_spinner=False))
"""
    seen: list[str] = []
    runner: ScriptRunner

    def on_update() -> None:
        update = runner.take_update()
        if update is not None and not update.final:
            seen.extend(e.props["text"] for e in walk(update.main) if e.kind == "spinner")

    runner = ScriptRunner(ScriptSource(source=source), on_update=on_update, main_module=False)
    result = runner.run_once()
    assert not [e for e in walk(result.main) if e.kind == "exception"]
    assert seen == ["Running `sql.query(...)`.", "Counting customers..."]
    assert not [e for e in walk(result.main) if e.kind == "spinner"]
    seen.clear()
    runner.run_once()  # every result is cached now: no spinner at all
    assert seen == []
