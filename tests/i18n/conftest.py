"""Each test here may switch the language; every test elsewhere expects English afterwards."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from planner.i18n import set_language  # noqa: E402


@pytest.fixture(autouse=True)
def english_afterwards():
    set_language("en")
    yield
    set_language("en")
    import sys

    if "planner.i18n.qt" in sys.modules:          # only when a test here loaded the Qt side
        sys.modules["planner.i18n.qt"].remove_translators()
