"""SQLConnection against a real PostgreSQL server started for these tests.

Skips (saying why) when the server programs (initdb, pg_ctl) or a Python
driver (pg8000, psycopg or psycopg2) are not installed, or the server cannot
be started. As root, the server runs as the ``postgres`` user.
"""

from __future__ import annotations

import textwrap
import time
from types import SimpleNamespace

import pgserver
import pytest

import termlit as st
from termlit.connections import clear_connections
from termlit.testing import AppTest

SUPERUSER = "postgres"
SUPERUSER_PASSWORD = "Sup3r-Secret-Admin"
APP_USER = "app_reader"
APP_PASSWORD = "Rd-Pw-7731-secret"
DATABASE = "shop"


@pytest.fixture(scope="module")
def server():
    try:
        pg = pgserver.start(SUPERUSER, SUPERUSER_PASSWORD)
    except pgserver.Unavailable as exc:
        pytest.skip(str(exc))

    import sqlalchemy as sa

    admin_url = pg.url()
    admin = sa.create_engine(admin_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as c:
            c.execute(sa.text(f"create user {APP_USER} with password '{APP_PASSWORD}'"))
            c.execute(sa.text(f"create database {DATABASE} owner {APP_USER}"))
        shop = sa.create_engine(admin_url.set(database=DATABASE, username=APP_USER, password=APP_PASSWORD))
        with shop.begin() as c:
            c.execute(sa.text("create table my_table (id serial primary key, name text, city text, amount numeric)"))
            c.execute(
                sa.text("insert into my_table (name, city, amount) values (:n, :c, :a)"),
                [{"n": "Ada", "c": "London", "a": 12.5}, {"n": "Grace", "c": "Arlington", "a": 7.25},
                 {"n": "Linus", "c": "Helsinki", "a": 3}],
            )
        shop.dispose()
        yield SimpleNamespace(port=pg.port, driver=pg.driver, admin=admin)
    finally:
        admin.dispose()
        pg.stop()


@pytest.fixture
def project(server, tmp_path, monkeypatch):
    home, root = tmp_path / "home", tmp_path / "project"
    home.mkdir()
    (root / ".termlit").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(root)
    clear_connections()
    yield root
    clear_connections()


def secrets_toml(server, name: str = "my_database", password: str = APP_PASSWORD, port: int | None = None) -> str:
    return textwrap.dedent(
        f"""
        [connections.{name}]
        type = "sql"
        dialect = "postgresql"
        driver = "{server.driver}"
        host = "127.0.0.1"
        port = {port or server.port}
        database = "{DATABASE}"
        username = "{APP_USER}"
        password = "{password}"
        """
    )


SEED = """
import termlit as st

conn = st.connection("my_database")
df = conn.query("select * from my_table")
st.dataframe(df)
"""


def test_seed_snippet_against_postgresql(server, project):
    (project / ".termlit/secrets.toml").write_text(secrets_toml(server))
    (project / "app.py").write_text(SEED)
    at = AppTest.from_file(str(project / "app.py")).run(timeout=20)
    assert not at.exception, at.exception
    df = at.dataframe[0].value
    assert sorted(df["name"]) == ["Ada", "Grace", "Linus"]
    assert st.connection("my_database").driver == server.driver


def test_params_session_and_url_form(server, project):
    from sqlalchemy import text

    url = f"postgresql+{server.driver}://{APP_USER}:{APP_PASSWORD}@127.0.0.1:{server.port}/{DATABASE}"
    (project / ".termlit/secrets.toml").write_text(f'[connections.pg]\ntype = "sql"\nurl = "{url}"\n')
    conn = st.connection("pg")
    assert APP_PASSWORD not in repr(conn)
    attack = "Ada'; drop table my_table; --"
    assert conn.query("select * from my_table where name = :n", params={"n": attack}).empty
    with conn.session as s:
        s.execute(text("insert into my_table (name, city, amount) values (:n, :c, :a)"), {"n": "O'Neil", "c": "Cork", "a": 1})
        s.commit()
    found = conn.query("select city from my_table where name = :n", params={"n": "O'Neil"}, ttl=0)
    assert list(found["city"]) == ["Cork"]
    with conn.session as s:
        s.execute(text("delete from my_table where name = :n"), {"n": "O'Neil"})
        s.commit()
    assert len(conn.query("select * from my_table", ttl=0)) == 3


def test_wrong_password_shows_the_database_message_masked(server, project):
    wrong = "Wr0ng-Passw0rd-XYZ"
    (project / ".termlit/secrets.toml").write_text(secrets_toml(server, password=wrong))
    (project / "app.py").write_text(SEED)
    at = AppTest.from_file(str(project / "app.py")).run(timeout=20)
    assert len(at.exception) == 1
    error = at.exception[0]
    assert "password authentication failed" in error.value
    assert "[connections.my_database]" in error.value
    shown = "\n".join([error.value, *error.stack_trace])
    assert wrong not in shown and APP_PASSWORD not in shown


def test_bad_host_and_database_name_the_problem(server, project):
    closed = pgserver.free_port()
    (project / ".termlit/secrets.toml").write_text(
        secrets_toml(server, name="down", port=closed)
        + secrets_toml(server, name="nodb").replace(f'database = "{DATABASE}"', 'database = "no_such_db"')
    )
    from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError

    with pytest.raises((OperationalError, InterfaceError, DBAPIError)) as info:
        st.connection("down").query("select 1")
    message = str(info.value)
    assert str(closed) in message or "refused" in message.lower() or "connect" in message.lower()
    assert APP_PASSWORD not in message and "[connections.down]" in message
    with pytest.raises((OperationalError, InterfaceError, DBAPIError)) as info:
        st.connection("nodb").query("select 1")
    assert "no_such_db" in str(info.value)
    assert APP_PASSWORD not in str(info.value)


def test_a_dropped_connection_is_retried(server, project):
    from sqlalchemy import text

    (project / ".termlit/secrets.toml").write_text(secrets_toml(server))
    conn = st.connection("my_database")
    assert len(conn.query("select * from my_table")) == 3  # leaves a pooled connection
    with server.admin.connect() as c:
        killed = c.execute(
            text("select count(pg_terminate_backend(pid)) from pg_stat_activity where usename = :u"), {"u": APP_USER}
        ).scalar()
    assert killed >= 1
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:  # wait until the server really closed it
        with server.admin.connect() as c:
            left = c.execute(text("select count(*) from pg_stat_activity where usename = :u"), {"u": APP_USER}).scalar()
        if not left:
            break
        time.sleep(0.05)
    before = conn.engine
    assert len(conn.query("select * from my_table", ttl=0)) == 3
    assert conn.engine is not before  # the dropped connection made it reset and retry


# -- lazy tables: the window, count, sort and search run in PostgreSQL ---------------

LAZY_ROWS = 20_000
HOSTILE = "x'); DROP TABLE events; --"


@pytest.fixture(scope="module")
def events(server):
    import sqlalchemy as sa

    url = sa.engine.URL.create(
        f"postgresql+{server.driver}", username=APP_USER, password=APP_PASSWORD, host="127.0.0.1",
        port=server.port, database=DATABASE,
    )
    engine = sa.create_engine(url)
    with engine.begin() as c:
        c.execute(sa.text("drop table if exists events"))
        c.execute(sa.text("create table events (id integer primary key, label text, score integer)"))
        c.execute(sa.text(
            f"insert into events select g, 'event ' || g, (g * 37) % 1000 from generate_series(0, {LAZY_ROWS - 1}) g"
        ))
        c.execute(sa.text("update events set label = :l where id = 777"), {"l": HOSTILE + " 100%_"})
    yield engine
    engine.dispose()


def test_lazy_table_window_count_sort_and_search_in_postgres(events):
    import sqlalchemy as sa

    from termlit import sources

    table = sources.sql(sa.Table("events", sa.MetaData(), autoload_with=events), events)
    assert table.primary_key == ["id"] and table.count() == LAZY_ROWS
    assert table.window(1000, 3)["id"].tolist() == [1000, 1001, 1002]
    top = table.window(0, 3, sort=[("score", False)])
    assert top["score"].tolist() == [999, 999, 999] and top["id"].is_monotonic_increasing  # the key breaks ties
    assert table.count("EVENT 19999") == 1  # ILIKE: case does not matter
    assert table.count("event 12") == 1111  # 12, 120-129, 1200-1299, 12000-12999
    assert table.count(HOSTILE) == 1 and table.count("100%_") == 1 and table.count("' OR '1'='1") == 0
    assert table.count("%") == 1 and table.count("_") == 1  # literal characters, not wildcards
    assert table.window(0, 5, search=HOSTILE)["id"].tolist() == [777]
    with events.connect() as c:
        assert c.execute(sa.text("select count(*) from events")).scalar_one() == LAZY_ROWS


def test_lazy_conn_query_and_the_dataframe_in_postgres(server, project, events):
    (project / ".termlit/secrets.toml").write_text(secrets_toml(server))
    at = AppTest.from_string(
        "import termlit as st\n"
        "conn = st.connection('my_database')\n"
        "st.dataframe(conn.query('select * from events where score >= :s', params={'s': 990}, lazy=True))\n"
        "st.dataframe(conn.table('events'))\n",
        default_timeout=60,
    ).run()
    assert not at.exception
    lazy, table = at.dataframe[0].source, at.dataframe[1].source
    assert lazy.count() == 200 and lazy.window(0, 2, sort=[("id", True)])["id"].tolist() == [27, 54]
    assert table.count() == LAZY_ROWS and at.dataframe[1].columns == ["id", "label", "score"]


def test_lazy_selection_after_a_hostile_search_in_postgres(server, project, events):
    """The real app on a PostgreSQL table: the search (a hostile string, typed)
    runs in the server, and Space on the one match gives its key."""
    from conftest import run_async, running

    from termlit.testing.screen import screen_text
    from termlit.tui.widgets._lazy_table import LazyTableView

    (project / ".termlit/secrets.toml").write_text(secrets_toml(server))
    app_py = project / "app.py"
    app_py.write_text(
        "import termlit as st\n"
        "conn = st.connection('my_database')\n"
        "event = st.dataframe(conn.table('events'), on_select='rerun')\n"
        "st.write(f'picked {event.selection.rows} {event.selection.row_keys}')\n"
    )

    async def until(pilot, check, what):
        for _ in range(500):
            if check():
                return
            await pilot.pause(0.02)
        raise AssertionError(f"never: {what}\n{screen_text(pilot.app)}")

    async def scenario():
        async with running(app_py, size=(100, 24)) as (app, pilot):
            await pilot.press("tab")
            table = app.focused
            assert isinstance(table, LazyTableView)
            await until(pilot, lambda: table.total == LAZY_ROWS, "the rows counted")
            await pilot.press("slash", *HOSTILE, "enter")
            await until(pilot, lambda: table.total == 1 and table.fetching is None, "the one match")
            await pilot.press("space")
            await until(pilot, lambda: "picked [0] [{'id': 777}]" in screen_text(app), "the match picked by its key")

    run_async(scenario())
    with events.connect() as c:
        import sqlalchemy as sa

        assert c.execute(sa.text("select count(*) from events")).scalar_one() == LAZY_ROWS
