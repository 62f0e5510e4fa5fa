import io

import pytest
from django.core.management import call_command


@pytest.fixture
def seed_demo():
    """Run ``seed_demo`` without pictures; returns what it printed."""

    def run() -> str:
        out = io.StringIO()
        call_command("seed_demo", "--no-images", stdout=out)
        return out.getvalue()

    return run
