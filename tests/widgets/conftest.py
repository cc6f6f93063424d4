"""Every widget test saves progress to its own temporary file, never to the real home folder."""

import pytest


@pytest.fixture(autouse=True)
def progress_file(tmp_path, monkeypatch):
    path = tmp_path / "progress.json"
    monkeypatch.setenv("MI_WORKBOOK_PROGRESS", str(path))
    return path
