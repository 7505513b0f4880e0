"""Pickled messages over a pipe, each after its length: how the editor, its analysis
worker and the worker's second process talk."""

from __future__ import annotations

import pickle
import select
from typing import Any, BinaryIO

HEADER = 8


def write_frame(stream: BinaryIO, message: Any) -> None:
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(len(data).to_bytes(HEADER, "big") + data)
    stream.flush()


def read_frame(stream: BinaryIO) -> Any:
    """The next message, or raises EOFError when the other side has gone."""
    header = _read_exactly(stream, HEADER)
    return pickle.loads(_read_exactly(stream, int.from_bytes(header, "big")))


def _read_exactly(stream: BinaryIO, size: int) -> bytes:
    chunks, left = [], size
    while left:
        chunk = stream.read(left)
        if not chunk:
            raise EOFError("the stream ended")
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def waiting(stream: BinaryIO) -> bool:
    """Whether a message can be read from ``stream`` without waiting (a pipe, or bytes in memory)."""
    try:
        fd = stream.fileno()
    except (AttributeError, OSError, ValueError):
        getbuffer = getattr(stream, "getbuffer", None)
        return getbuffer is not None and stream.tell() < getbuffer().nbytes
    return bool(select.select([fd], [], [], 0)[0])
