"""Start Voila or JupyterLab on a free local port for a browser test, and stop it afterwards."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serve(args: list[str], url: str, env: dict[str, str], log: Path, timeout: float = 60, cwd: Path | None = None) -> Iterator[str]:
    """Run a server (in ``cwd``) until ``url`` answers; yield it; stop the server (and its kernels)."""
    with open(log, "wb") as out:
        proc = subprocess.Popen(args, stdout=out, stderr=subprocess.STDOUT, env={**os.environ, **env}, start_new_session=True, cwd=cwd)
        try:
            deadline = time.monotonic() + timeout
            while True:
                if proc.poll() is not None:
                    raise RuntimeError(f"server exited early ({proc.returncode}); see {log}:\n{log.read_text(errors='replace')[-2000:]}")
                try:
                    urllib.request.urlopen(url, timeout=2).close()
                    break
                except OSError:
                    if time.monotonic() > deadline:
                        raise RuntimeError(f"server did not answer {url} within {timeout} s; see {log}") from None
                    time.sleep(0.25)
            yield url
        finally:
            os.killpg(proc.pid, 15)
            try:
                proc.wait(15)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, 9)


def voila(folder: Path, env: dict[str, str], log: Path, extra: list[str] | tuple[str, ...] = (), cwd: Path | None = None):
    """Voila on ``folder``. It reads voila.json from its working folder ``cwd``; the default is the
    log's folder (a temporary one), so only a test that asks for the repository's voila.json gets it."""
    port = free_port()
    args = [str(BIN / "voila"), str(folder), "--no-browser", f"--port={port}", "--Voila.ip=127.0.0.1", *extra]
    return serve(args, f"http://127.0.0.1:{port}/", env, log, cwd=cwd or log.parent)


def lab(folder: Path, env: dict[str, str], log: Path, cwd: Path | None = None):
    """JupyterLab (a Jupyter server) on ``folder``; it runs in ``cwd`` (default: the log's folder)."""
    port = free_port()
    args = [
        str(BIN / "jupyter"), "lab", "--no-browser", f"--port={port}", "--ServerApp.ip=127.0.0.1",
        "--ServerApp.token=", "--ServerApp.password=", "--ServerApp.disable_check_xsrf=True",
        f"--ServerApp.root_dir={folder}", "--allow-root", "--LabApp.news_url=", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
    ]
    return serve(args, f"http://127.0.0.1:{port}/lab", env, log, timeout=90, cwd=cwd or log.parent)
