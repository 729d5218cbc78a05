"""The checklists as last loaded, kept so that the app's start-up need not read them again.

Reading and checking every checklist file takes longer than everything else in the first
window but Qt itself, and the files change a few times a year. The cache keeps the catalogue
of the last clean load with a fingerprint of what it was made from: every checklist file
(name, size, time of change), the folders read and the code that reads them. Any change, a
file added, removed or edited, another folder, another version, and the files are read and
checked again, so what the app uses is always what :func:`load_catalogue` would give. A load
with problems is never kept: its messages are shown at every start until the files are fixed.

The cache is a pickle in the user's private data folder (0o700, the folder the database and its
backups are in): only the user, who can change the checklists themselves, can write it.
"""

from __future__ import annotations

import contextlib
import logging
import pickle
import sys
from collections.abc import Sequence
from pathlib import Path

from inspector import __version__, paths
from inspector.domain import checklist as domain_checklist
from inspector.domain.checklist import Catalogue

log = logging.getLogger(__name__)

CACHE_NAME = "checklists.pickle"


def cache_path() -> Path:
    """The cache in the data folder (private, as everything the app keeps there)."""
    return paths.data_dir() / "cache" / CACHE_NAME


def load_catalogue_cached(extra_dirs: Sequence[Path] = (), cache: Path | None = None) -> Catalogue:
    """The catalogue :func:`inspector.files.checklists.load_catalogue` gives for ``extra_dirs``
    (the shipped and the user's folders first), from ``cache`` when the files are those it was
    made from. Raises ``ChecklistError`` as the loader does; a cache that cannot be read or
    written is only slower."""
    cache = cache or cache_path()
    key = fingerprint(extra_dirs)
    catalogue = _read(cache, key)
    if catalogue is not None:
        return catalogue
    from inspector.files.checklists import load_catalogue

    catalogue = load_catalogue(list(extra_dirs))
    _write(cache, key, catalogue)
    return catalogue


def fingerprint(extra_dirs: Sequence[Path] = ()) -> tuple:
    """What a load reads: the code, then each folder's checklist files with their size and
    time of change (a folder that is missing or unreadable is part of it too)."""
    readers = (Path(__file__).with_name("checklists.py"), Path(domain_checklist.__file__))
    code = tuple(_source(path) for path in readers)
    try:
        folders = [paths.shipped_checklists_dir()]
    except FileNotFoundError:
        folders = []
    folders.append(paths.user_checklists_dir())
    folders.extend(Path(d) for d in extra_dirs)
    return (__version__, sys.version, code, tuple(_folder(folder) for folder in folders))


def _folder(folder: Path) -> tuple:
    try:
        resolved = folder.resolve()
        files = sorted(
            (entry.name, *_stat(entry)) for entry in resolved.iterdir() if entry.suffix == ".toml"
        )
    except OSError as exc:
        return (str(folder), type(exc).__name__)
    return (str(resolved), tuple(files))


def _stat(path: Path) -> tuple[int, int, int]:
    info = path.stat()
    return (info.st_size, info.st_mtime_ns, info.st_ino)


def _source(path: Path) -> tuple:
    """A source file's size and time; in a bundle without sources, the version says it."""
    try:
        return (str(path), *_stat(path))
    except OSError:
        return (str(path),)


def _read(cache: Path, key: tuple) -> Catalogue | None:
    try:
        with open(cache, "rb") as stream:
            if pickle.load(stream) != key:
                return None
            catalogue = pickle.load(stream)
    except FileNotFoundError:
        return None
    except Exception as exc:  # damaged, cut short, from another version: read the files
        log.info("the checklist cache %s is not used: %s", cache, exc)
        return None
    return catalogue if isinstance(catalogue, Catalogue) else None


def _write(cache: Path, key: tuple, catalogue: Catalogue) -> None:
    from inspector.files.spreadsheets import write_atomically

    def write(stream) -> None:
        pickle.dump(key, stream, protocol=pickle.HIGHEST_PROTOCOL)
        pickle.dump(catalogue, stream, protocol=pickle.HIGHEST_PROTOCOL)

    with contextlib.suppress(OSError):
        write_atomically(cache, write)
