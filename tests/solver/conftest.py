from __future__ import annotations

import pytest

from planner.i18n import set_language


@pytest.fixture(autouse=True)
def english_messages():
    """Messages are compared in English whatever the machine's locale."""
    set_language("en")
    yield
    set_language("en")
