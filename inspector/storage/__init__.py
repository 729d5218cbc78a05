"""The storage layer: the only place in Inspector that speaks SQL."""

from inspector.storage.errors import StorageError
from inspector.storage.store import Store

__all__ = ["StorageError", "Store"]
