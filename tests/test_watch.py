"""Rerun on save: editing the script (or a module beside it) reruns the app."""

from __future__ import annotations

import asyncio

from conftest import run_async, running

from termlit.testing.screen import screen_text


def test_saving_the_script_or_a_helper_module_reruns_keeping_state(write_app, tmp_path):
    (tmp_path / "wording.py").write_text("WORD = 'alpha'\n")
    path = write_app(
        """
        import termlit as st
        import wording
        st.session_state.setdefault("runs", 0)
        st.session_state.runs += 1
        st.text(f"version one {wording.WORD}")
        """
    )

    async def wait_for(pilot, text: str) -> str:
        for _ in range(300):
            await pilot.pause(0.02)
            screen = screen_text(pilot.app)
            if text in screen:
                return screen
        raise AssertionError(f"{text!r} never appeared:\n{screen_text(pilot.app)}")

    async def scenario():
        async with running(path, watch=True) as (app, pilot):
            await wait_for(pilot, "version one alpha")
            await asyncio.sleep(0.3)  # let the watcher start
            path.write_text(path.read_text().replace("version one", "version two"))
            await wait_for(pilot, "version two alpha")
            (tmp_path / "wording.py").write_text("WORD = 'beta'\n")
            await wait_for(pilot, "version two beta")
            assert app.runner.state["runs"] >= 3  # session state survived the reloads

    run_async(scenario())
