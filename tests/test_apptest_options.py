"""Options (config.toml, the environment, st.set_option), st.user and
st.context as termlit fills them, Streamlit's exceptions, and ``import
streamlit`` loading termlit in AppTest and snapshots."""

from __future__ import annotations

import sys

import pytest
from conftest import run_async, running, settle

import termlit.errors as errors
from termlit.compat import streamlit_alias
from termlit.runtime import ScriptRunner, ScriptSource, config
from termlit.runtime.session import ClientInfo, local_locale
from termlit.testing import AppTest
from termlit.testing.screen import screen_text
from termlit.testing.snapshot import take_snapshot
from termlit.testing.util import patch_config_options


@pytest.fixture
def fresh_options(monkeypatch, tmp_path):
    """Options read from ``tmp_path`` (as the current folder) and an empty
    home, and read again after the test."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(tmp_path)
    config.reload_options()
    yield tmp_path
    monkeypatch.undo()
    config.reload_options()


def test_options_come_from_config_toml_files_and_the_environment(fresh_options, monkeypatch):
    (fresh_options / "home" / ".streamlit").mkdir()
    (fresh_options / "home" / ".streamlit" / "config.toml").write_text('[theme]\nbase = "light"\ntextColor = "#111111"\n')
    (fresh_options / ".streamlit").mkdir()
    (fresh_options / ".streamlit" / "config.toml").write_text('[theme]\nprimaryColor = "#ff4b4b"\n[server]\nport = 9000\n')
    (fresh_options / ".termlit").mkdir()
    (fresh_options / ".termlit" / "config.toml").write_text('[theme]\nprimaryColor = "#00ff00"\n[cache]\ndir = "x"\n')
    monkeypatch.setenv("STREAMLIT_SERVER_HEADLESS", "true")
    config.reload_options()
    assert config.get_option("theme.base") == "light"  # home folder
    assert config.get_option("theme.textColor") == "#111111"
    assert config.get_option("theme.primaryColor") == "#00ff00"  # .termlit wins over .streamlit
    assert config.get_option("server.port") == 9000
    assert config.get_option("server.headless") is True  # from the environment, as a bool
    assert config.get_option("runner.magicEnabled") is True  # untouched: the default


def test_scripts_read_every_option_and_set_only_client_ones(fresh_options):
    at = AppTest.from_string(
        """
        import termlit as st
        st.set_option("client.toolbarMode", "minimal")
        st.text(f"{st.get_option('client.toolbarMode')} {st.get_option('server.maxUploadSize')}")
        st.get_option("no.such")
        """
    ).run()
    assert at.text[0].value == "minimal 200"
    assert at.exception[0].value == 'Config key "no.such" not defined.'
    with pytest.raises(errors.StreamlitAPIException, match="cannot be set on the fly"):
        config.set_option("runner.magicEnabled", False)
    with pytest.raises(errors.StreamlitAPIException, match="Unrecognized config option"):
        config.set_option("runner.nope", 1)


def test_magic_follows_runner_magic_enabled():
    script = "import termlit as st\n'shown by magic'\nst.text('end')\n"
    assert AppTest.from_string(script).run().markdown.values == ["shown by magic"]
    with patch_config_options({"runner.magicEnabled": False}):
        at = AppTest.from_string(script).run()
    assert not at.markdown and at.text[0].value == "end"


def test_patch_config_options_works_as_a_decorator_and_ends_with_the_block():
    @patch_config_options({"theme.base": "dark"})
    def read():
        return config.get_option("theme.base")

    assert read() == "dark"
    assert config.get_option("theme.base") is None
    with pytest.raises(RuntimeError, match="not defined"), patch_config_options({"no.such": 1}):
        pass


def test_the_theme_of_config_toml_becomes_the_terminal_theme(write_app):
    path = write_app("import termlit as st\nst.text(st.context.theme.type)\n")

    async def scenario():
        async with running(path) as (app, _pilot):
            theme = app.current_theme
            return theme.name, theme.dark, theme.primary, theme.background, screen_text(app)

    options = {"theme.base": "light", "theme.primaryColor": "#ff4b4b", "theme.light.backgroundColor": "#fafafa"}
    with patch_config_options(options):
        name, dark, primary, background, text = run_async(scenario())
    assert (name, dark, primary, background) == ("termlit-config", False, "#ff4b4b", "#fafafa")
    assert "light" in text  # st.context.theme.type


def test_without_a_theme_option_the_default_textual_theme_stays(write_app):
    path = write_app("import termlit as st\nst.text('x')\n")

    async def scenario():
        async with running(path) as (app, _pilot):
            return app.current_theme.name

    assert run_async(scenario()) == "textual-dark"


def test_st_context_tells_the_terminal_size_and_colours(write_app, monkeypatch):
    path = write_app("import termlit as st\nst.text(f'{tuple(st.context.terminal_size)} {st.context.color_system}')\n")
    runner = ScriptRunner(ScriptSource(path), main_module=False)
    monkeypatch.setenv("COLUMNS", "91")
    monkeypatch.setenv("LINES", "27")
    monkeypatch.setenv("COLORTERM", "truecolor")
    assert runner.run_once().main.children[0].props["body"] == "(91, 27) truecolor"  # this terminal
    runner.session.client.columns, runner.session.client.rows = 120, 40  # a remote client's, as termlit serve sets it
    runner.session.client.color_system = "256"
    assert runner.run_once().main.children[0].props["body"] == "(120, 40) 256"


def test_a_local_session_knows_this_machines_locale_and_time_zone(monkeypatch):
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("TZ", "Europe/Berlin")
    client = ClientInfo.local()
    assert (client.locale, client.timezone) == ("de-DE", "Europe/Berlin")
    monkeypatch.setenv("LANG", "C")
    assert local_locale() is None


def test_st_user_is_empty_locally_and_the_sessions_user_when_it_has_one(write_app):
    path = write_app("import termlit as st\nst.text(f'{st.user.to_dict()} {\"name\" in st.user}')\nst.user.name\n")
    runner = ScriptRunner(ScriptSource(path), main_module=False)
    result = runner.run_once()
    assert result.main.children[0].props["body"] == "{} False"
    assert "st.user has no attribute" in result.main.children[1].props["message"]
    runner.session.user = {"is_logged_in": True, "name": "ada"}  # as termlit serve sets it
    result = runner.run_once()
    assert result.main.children[0].props["body"] == "{'is_logged_in': True, 'name': 'ada'} True"


def test_st_user_cannot_be_changed():
    at = AppTest.from_string("import termlit as st\nst.user.name = 'x'\n").run()
    assert at.exception[0].value == "st.user cannot be modified"


def test_streamlits_exceptions_keep_their_family():
    assert issubclass(errors.StreamlitAPIException, errors.MarkdownFormattedException)
    assert issubclass(errors.StreamlitValueBelowMinError, errors.LocalizableStreamlitException)
    assert issubclass(errors.StreamlitSecretNotFoundError, FileNotFoundError)
    assert issubclass(errors.StreamlitAPIWarning, Warning)
    raised = errors.StreamlitValueBelowMinError(value=1, min_value=2)
    assert raised.details == {"value": 1, "min_value": 2} and "min_value=2" in str(raised)
    at = AppTest.from_string("import streamlit as st\nfrom streamlit.errors import StreamlitAPIException\n"
                             "raise StreamlitAPIException('**wrong**')\n").run()
    assert at.exception[0].is_markdown and at.exception[0].value == "**wrong**"


def test_apptest_loads_import_streamlit_as_termlit_only_while_it_runs(write_app):
    path = write_app(
        """
        import streamlit as st
        import streamlit.components.v1 as components
        from streamlit.testing.v1.util import patch_config_options
        st.text(st.__name__)
        components.html("<b>x</b>")
        """
    )
    before = sys.modules.get("streamlit")
    at = AppTest.from_file(path).run()
    assert at.text[0].value == "termlit" and at.get("notice")
    assert sys.modules.get("streamlit") is before
    with streamlit_alias():  # nested blocks: the outer one stays in force
        AppTest.from_file(path).run()
        import streamlit

        assert streamlit.__name__ == "termlit"
    assert sys.modules.get("streamlit") is before


def test_snapshots_load_import_streamlit_as_termlit(write_app):
    path = write_app("import streamlit as st\nst.title(st.__name__)\n")
    assert "termlit" in take_snapshot(path, size=(40, 8)).text
