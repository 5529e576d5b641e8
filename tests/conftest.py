"""Shared fixtures. Every test runs offline: the network is blocked by pytest-recording
(`--block-network` in pyproject.toml, loopback allowed for the local servers tests start), the
environment is cleared of provider settings, and the cache lives in a temporary folder."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from llmclaims import extract
from llmclaims.testing import FakeOpenAI, Reply, ServedRequest, stub_handler

DATA = Path(__file__).parent / "data"
SECRET = "sk-test-" + "S3cr3tK3y" * 5  # a fake key whose leaks tests look for


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    for name in (*extract._ENV, "OPENAI_ORG_ID", "OPENAI_PROJECT_ID"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LLMCLAIMS_CACHE_DIR", str(tmp_path / "user-cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "user-config"))  # the cache secret
    extract._summarizer.cache_clear()
    yield
    extract._summarizer.cache_clear()


@pytest.fixture(scope="session")
def article_it() -> str:
    """The reference Italian article (a verbatim copy of ../shared/articles)."""
    return (DATA / "nk-missiles-russia.it.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def article(article_it: str) -> str:
    return article_it


@pytest.fixture
def serve() -> Iterator[Callable[..., FakeOpenAI]]:
    """Start a local OpenAI-compatible server with a handler; stopped after the test."""
    started: list[FakeOpenAI] = []

    def start(handler: Callable[[ServedRequest], object] | None = None, **kw: object) -> FakeOpenAI:
        server = FakeOpenAI(handler, **kw) if handler else FakeOpenAI(**kw)  # type: ignore[arg-type]
        started.append(server.start())
        return server

    yield start
    for server in started:
        server.stop()


def ok(request: ServedRequest) -> Reply:
    """A valid, grounded answer for whatever article the request carries."""
    return stub_handler(request)


def script(*replies: object) -> Callable[[ServedRequest], object]:
    """Serve the given replies in order, then valid answers (a callable reply is called)."""

    def handler(request: ServedRequest) -> object:
        if request.index < len(replies):
            reply = replies[request.index]
            return reply(request) if callable(reply) else reply
        return ok(request)

    return handler


CALL_PASSED = pytest.StashKey[bool]()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo) -> object:
    """Remember whether each test's body passed (the re-recording fixture needs it)."""
    report = yield
    if report.when == "call":
        item.stash[CALL_PASSED] = report.passed
    return report


def pytest_recording_configure(config: pytest.Config, vcr: object) -> None:
    from .recording import register

    register(vcr)
