"""st.secrets: files and their precedence, access, reloads, errors and masking."""

from __future__ import annotations

import os
from types import SimpleNamespace

import pytest

from conftest import write_file as write

import termlit as st
from termlit.connections import SecretKeyError, SecretsFileNotFoundError, SecretsParseError
from termlit.testing import AppTest




@pytest.fixture
def project(tmp_path, monkeypatch):
    home = tmp_path / "home"
    root = tmp_path / "project"
    home.mkdir()
    root.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(root)
    env_before = set(os.environ)
    yield SimpleNamespace(home=home, root=root, tmp=tmp_path)
    for key in set(os.environ) - env_before:
        del os.environ[key]


def test_item_and_attribute_access_at_every_level(project):
    write(
        project.root / ".termlit/secrets.toml",
        """
        api_key = "sk-live-0123"
        retries = 3
        [db]
        user = "reader"
        [db.options]
        timeout = 30
        hosts = ["a", "b"]
        """,
    )
    assert st.secrets["api_key"] == "sk-live-0123"
    assert st.secrets.api_key == "sk-live-0123"
    assert st.secrets["db"]["user"] == st.secrets.db.user == "reader"
    assert st.secrets.db.options.timeout == 30
    assert st.secrets["db"]["options"]["hosts"] == ["a", "b"]
    assert "api_key" in st.secrets and "nope" not in st.secrets
    assert "options" in st.secrets.db
    assert st.secrets.get("nope", "fallback") == "fallback"
    assert st.secrets.db.get("user") == "reader"
    assert st.secrets.db.get("missing") is None
    assert sorted(st.secrets) == ["api_key", "db", "retries"]
    assert len(st.secrets.db) == 2
    assert st.secrets.to_dict() == {
        "api_key": "sk-live-0123",
        "retries": 3,
        "db": {"user": "reader", "options": {"timeout": 30, "hosts": ["a", "b"]}},
    }
    assert st.secrets.db.to_dict() == {"user": "reader", "options": {"timeout": 30, "hosts": ["a", "b"]}}
    # to_dict() is a copy: changing it changes nothing
    st.secrets.to_dict()["db"]["user"] = "changed"
    assert st.secrets.db.user == "reader"


def test_secrets_are_read_only(project):
    write(project.root / ".termlit/secrets.toml", 'token = "abcd1234"\n[db]\nuser = "u"\n')
    with pytest.raises(TypeError, match="read-only"):
        st.secrets["token"] = "x"
    with pytest.raises(TypeError, match="read-only"):
        st.secrets.token = "x"
    with pytest.raises(TypeError, match="read-only"):
        del st.secrets["token"]
    with pytest.raises(TypeError, match="read-only"):
        st.secrets.db["user"] = "x"
    with pytest.raises(TypeError, match="read-only"):
        st.secrets.db.user = "x"
    st.secrets.db.to_dict()  # still fine
    assert st.secrets.token == "abcd1234"


def test_missing_keys_name_the_key_without_showing_values(project):
    write(project.root / ".termlit/secrets.toml", 'password = "hunter2-very-secret"\n[db]\nuser = "u"\n')
    with pytest.raises(KeyError) as info:
        st.secrets["passwrd"]
    message = str(info.value)
    assert isinstance(info.value, SecretKeyError)
    assert "passwrd" in message and "password" in message  # lists the keys that exist
    assert "hunter2" not in message
    with pytest.raises(AttributeError, match="'host'") as info:
        st.secrets.db.host
    assert "[db]" in str(info.value)
    assert not hasattr(st.secrets.db, "host")


def test_no_file_at_all_lists_the_paths_searched(project):
    with pytest.raises(FileNotFoundError) as info:
        st.secrets["api_key"]
    assert isinstance(info.value, SecretsFileNotFoundError)
    assert isinstance(info.value, KeyError)  # `except KeyError` catches it too
    message = str(info.value)
    for path in (
        project.home / ".termlit/secrets.toml",
        project.home / ".streamlit/secrets.toml",
        project.root / ".termlit/secrets.toml",
        project.root / ".streamlit/secrets.toml",
    ):
        assert str(path) in message
    with pytest.raises(AttributeError, match="no secrets file"):
        st.secrets.api_key
    assert st.secrets.get("api_key", 1) == 1
    assert "api_key" not in st.secrets
    assert st.secrets.to_dict() == {}
    assert st.secrets.load_if_toml_exists() is False


def test_toml_syntax_error_names_the_file_and_line(project):
    path = write(project.root / ".termlit/secrets.toml", 'ok = "fine"\n[db]\nuser = "u"\npassword = hunter2secret\n')
    with pytest.raises(SecretsParseError) as info:
        st.secrets["ok"]
    message = str(info.value)
    assert str(path) in message
    assert "line 4" in message
    assert info.value.line == 4
    assert "hunter2secret" not in message
    # fixing the file is picked up
    write(path, 'ok = "fine"\n[db]\nuser = "u"\npassword = "hunter2secret"\n')
    assert st.secrets.ok == "fine"


def test_precedence_and_merge_of_all_places(project, tmp_path, monkeypatch):
    write(
        project.home / ".streamlit/secrets.toml",
        """
        level = "home-streamlit"
        only_home_streamlit = 1
        [shared]
        a = "home-streamlit"
        b = "home-streamlit"
        c = "home-streamlit"
        d = "home-streamlit"
        """,
    )
    write(
        project.home / ".termlit/secrets.toml",
        """
        level = "home-termlit"
        [shared]
        b = "home-termlit"
        c = "home-termlit"
        d = "home-termlit"
        """,
    )
    write(
        project.root / ".streamlit/secrets.toml",
        """
        level = "cwd-streamlit"
        [shared]
        c = "cwd-streamlit"
        d = "cwd-streamlit"
        [shared.deep]
        x = 1
        """,
    )
    write(
        project.root / ".termlit/secrets.toml",
        """
        level = "cwd-termlit"
        [shared]
        d = "cwd-termlit"
        [shared.deep]
        y = 2
        """,
    )
    assert st.secrets.level == "cwd-termlit"
    assert st.secrets.only_home_streamlit == 1
    assert st.secrets.shared.to_dict() == {
        "a": "home-streamlit",
        "b": "home-termlit",
        "c": "cwd-streamlit",
        "d": "cwd-termlit",
        "deep": {"x": 1, "y": 2},
    }
    # the app's folder comes last and wins
    app_dir = tmp_path / "app"
    write(app_dir / ".streamlit/secrets.toml", 'level = "app-streamlit"\n[shared]\na = "app-streamlit"\n')
    write(app_dir / ".termlit/secrets.toml", 'level = "app-termlit"\n')
    (app_dir / "app.py").write_text(
        "import termlit as st\n"
        "st.text(st.secrets.level)\n"
        "st.text(st.secrets.shared.a)\n"
        "st.text(st.secrets.shared.d)\n"
    )
    at = AppTest.from_file(str(app_dir / "app.py")).run()
    assert not at.exception
    assert [t.value for t in at.text] == ["app-termlit", "app-streamlit", "cwd-termlit"]


def test_streamlit_folder_alone_works(project):
    write(project.root / ".streamlit/secrets.toml", '[connections.db]\nurl = "sqlite://"\n')
    assert st.secrets.connections.db.url == "sqlite://"
    assert st.secrets.load_if_toml_exists() is True


def test_app_folder_is_searched_when_started_elsewhere(project, tmp_path):
    app_dir = tmp_path / "elsewhere"
    write(app_dir / ".termlit/secrets.toml", 'greeting = "hello from the app folder"\n')
    (app_dir / "app.py").write_text("import termlit as st\nst.write(st.secrets['greeting'])\n")
    at = AppTest.from_file(str(app_dir / "app.py")).run()
    assert not at.exception
    assert at.markdown[0].value == "hello from the app folder"
    # outside that app's run the file is not seen
    assert "greeting" not in st.secrets


def test_reload_when_a_file_changes(project):
    path = write(project.root / ".termlit/secrets.toml", 'color = "red"\n[db]\nuser = "a"\n')
    assert st.secrets.color == "red"
    write(path, 'color = "green"\n[db]\nuser = "b"\nextra = 1\n')
    assert st.secrets.color == "green"
    assert st.secrets.db.to_dict() == {"user": "b", "extra": 1}
    path.unlink()
    with pytest.raises(FileNotFoundError):
        st.secrets["color"]
    write(project.home / ".termlit/secrets.toml", 'color = "blue"\n')
    assert st.secrets.color == "blue"


def test_root_strings_and_numbers_become_environment_variables(project):
    path = write(
        project.root / ".termlit/secrets.toml",
        """
        TERMLIT_TEST_TOKEN = "tok-123"
        TERMLIT_TEST_PORT = 5432
        TERMLIT_TEST_RATIO = 0.5
        TERMLIT_TEST_FLAG = true
        [TERMLIT_TEST_TABLE]
        inner = "x"
        """,
    )
    assert st.secrets.TERMLIT_TEST_TOKEN == "tok-123"
    assert os.environ["TERMLIT_TEST_TOKEN"] == "tok-123"
    assert os.environ["TERMLIT_TEST_PORT"] == "5432"
    assert os.environ["TERMLIT_TEST_RATIO"] == "0.5"
    assert "TERMLIT_TEST_FLAG" not in os.environ
    assert "TERMLIT_TEST_TABLE" not in os.environ
    write(path, 'TERMLIT_TEST_TOKEN = "tok-456"\n')
    assert st.secrets.TERMLIT_TEST_TOKEN == "tok-456"
    assert os.environ["TERMLIT_TEST_TOKEN"] == "tok-456"
    assert "TERMLIT_TEST_PORT" not in os.environ  # gone from the file, gone from the env


def test_reprs_show_keys_never_values(project):
    write(
        project.root / ".termlit/secrets.toml",
        'api_key = "sk-SHOULD-NOT-SHOW"\n[connections.db]\npassword = "pw-SHOULD-NOT-SHOW"\n',
    )
    for text in (repr(st.secrets), str(st.secrets), repr(st.secrets.connections), str(st.secrets.connections.db)):
        assert "SHOULD-NOT-SHOW" not in text
    assert "api_key" in repr(st.secrets)
    assert "password" in repr(st.secrets.connections.db)


def test_apptest_secrets_replace_the_files(project):
    write(project.root / ".termlit/secrets.toml", 'word = "from file"\n')
    at = AppTest.from_string(
        """
        import termlit as st
        st.text(st.secrets["word"])
        st.text(st.secrets.nested.value)
        """
    )
    at.secrets["word"] = "from the test"
    at.secrets["nested"] = {"value": "deep"}
    at.run()
    assert not at.exception
    assert [t.value for t in at.text] == ["from the test", "deep"]
    # an empty override falls back to the files
    plain = AppTest.from_string("import termlit as st\nst.text(st.secrets.word)\n").run()
    assert plain.text[0].value == "from file"


def test_errors_in_an_app_name_the_key_and_hide_values(project):
    write(project.root / ".termlit/secrets.toml", '[service]\ntoken = "tok-TOPSECRET-99"\n')
    at = AppTest.from_string(
        """
        import termlit as st
        token = st.secrets.service.token
        st.write(st.secrets.service["tokne"])
        """
    ).run()
    assert len(at.exception) == 1
    error = at.exception[0]
    assert "tokne" in error.value and "token" in error.value
    shown = error.value + "\n".join(error.stack_trace)
    assert "TOPSECRET" not in shown


def test_a_users_own_error_never_shows_a_secret_value():
    from termlit.testing import AppTest

    at = AppTest.from_string(
        """
        import termlit as st
        token = st.secrets["api_token"]
        raise ValueError(f"request failed with token {token}")
        """
    )
    at.secrets["api_token"] = "s3cr3t-value-123"
    at.run()
    (exc,) = at.exception
    shown = exc.value + "\n".join(exc.stack_trace)
    assert "request failed" in shown
    assert "s3cr3t-value-123" not in shown
