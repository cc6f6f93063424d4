"""Shared fixtures: paths to fixtures, a CLI runner, and the system Chromium for Playwright."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from chromium import LAUNCH_ARGS, find_chromium  # noqa: E402

FIXTURES = Path(__file__).parent / "fixtures"
collect_ignore = ["fixtures"]  # the gallery notebook there is served by the browser tests, not run by nbval


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture
def cli(capsys):
    """Run `mi-workbook ARGS` in-process: returns (exit status, stdout, stderr)."""
    from mi_widgets.cli import main

    def run(*args: str) -> tuple[int, str, str]:
        code = main([str(a) for a in args])
        out, err = capsys.readouterr()
        return code, out, err

    return run


@pytest.fixture
def copy_fixture(tmp_path):
    """Copy a fixture into tmp_path (tests that write next to it never touch the originals)."""

    def copy(relative: str) -> Path:
        target = tmp_path / Path(relative).name
        shutil.copy(FIXTURES / relative, target)
        return target

    return copy


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """pytest-playwright launches the system Chromium, headless; it cannot download its own."""
    executable = find_chromium()
    if executable is None:
        pytest.fail("no Chromium found: run 'make browser' or set MI_WORKBOOK_CHROMIUM")
    return {**browser_type_launch_args, "executable_path": executable, "headless": True, "args": LAUNCH_ARGS}


@pytest.fixture(autouse=True)
def _language_back_to_default():
    """The language is one setting per process: every test starts and ends without a choice made."""
    from mi_widgets.engine.i18n import set_language

    set_language(None)
    yield
    set_language(None)


@pytest.fixture
def danish():
    """Danish in force for this test (the compiled catalogue, as a learner would get it)."""
    from mi_widgets.engine.i18n import set_language

    set_language("da")
    return "da"


@pytest.fixture
def norwegian():
    """Norwegian Bokmål in force for this test."""
    from mi_widgets.engine.i18n import set_language

    set_language("nb")
    return "nb"
