from __future__ import annotations

import os

# GUI tests run on machines without a screen.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
