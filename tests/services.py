"""What a test does when a service it needs (PostgreSQL, Redis, Chromium) is absent."""

import os

import pytest


def missing(reason: str):
    """Skip on a developer's machine; fail on CI (the CI variable set), which must run every test it lists."""
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (on CI every test must run: provide it)", pytrace=False)
    pytest.skip(reason)
