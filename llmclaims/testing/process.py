"""The fake server in its own process, so a benchmark measures the client's CPU alone.

with ServerProcess("--latency", "1.0", "--fault", "429+503:0.3:2") as server:
    run_client(server.base_url)
    server.stats()  # {"requests": ..., "per_article": {...}, "cpu_seconds": ...}
"""

from __future__ import annotations

import json
import subprocess
import sys
import urllib.request
from typing import Any

from .server import STATS_PATH


class ServerProcess:
    """Run `python -m llmclaims.testing ARGS...` on a free port; stop it on exit."""

    def __init__(self, *args: str, startup_timeout: float = 30.0) -> None:
        self.args = args
        self.startup_timeout = startup_timeout
        self.base_url = ""
        self._process: subprocess.Popen[str] | None = None

    def start(self) -> ServerProcess:
        self._process = subprocess.Popen(
            [sys.executable, "-m", "llmclaims.testing", "--port", "0", *self.args],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self._process.stdout is not None
        line = self._process.stdout.readline()  # "serving on http://127.0.0.1:PORT/v1 ..."
        if not line.startswith("serving on "):
            self.stop()
            raise RuntimeError(f"fake server did not start: {line!r}")
        self.base_url = line.split()[2]
        return self

    def stats(self) -> dict[str, Any]:
        with urllib.request.urlopen(self.base_url + STATS_PATH, timeout=10) as response:
            return json.loads(response.read())

    def stop(self) -> None:
        if self._process is not None and self._process.poll() is None:
            self._process.terminate()
            try:
                self._process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
        if self._process is not None and self._process.stdout is not None:
            self._process.stdout.close()

    def __enter__(self) -> ServerProcess:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
