"""Every file Jiwon writes for the user (PDF report, calendar file, exported profile,
spreadsheets) goes through `write_atomic` (or `write_atomic_with`): the whole file or nothing, and nothing that is not a file of ours is replaced.

Choices, and why:

- The bytes go to a temporary file in the target's own folder, are flushed to disk, and the
  temporary file is renamed over the target: a crash, a kill or a full disk never leaves a
  half-written file under the name the user chose, and the temporary file is removed on failure.
- An existing target that is not a regular file is refused: a folder, a FIFO, a device node such
  as `/dev/full` or a socket. Renaming over it would replace the device, or the folder would take
  a stray temporary file.
- A symlink is never replaced by a file: the file it points to is written (atomically, in that
  file's folder) and the link stays as it was.
- A missing folder is not created: the user named a place that is not there, and is told so.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path
from typing import Callable

from desktop.engine.model import Text
from desktop.engine.problem import Problem


class WriteRefused(Problem, OSError):
    """The target cannot be written; `message` says why in both languages. Also an `OSError`
    (with its errno and file name), so it is caught wherever a failed write is."""

    def __init__(self, path: Path, code: int, message: Text) -> None:
        Problem.__init__(self, message)
        OSError.__init__(self, code, message.en, str(path))
        self.path = path

    def header(self, lang: str = "en") -> str:
        return self.words(lang)  # the message names the file itself


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _target(path: Path) -> tuple[Path, int | None]:
    """Where the bytes go (a symlink followed to its file) and that file's mode, if it exists."""
    final = Path(os.path.realpath(path)) if path.is_symlink() else path
    try:
        info = os.stat(final)
    except FileNotFoundError:
        if not final.parent.is_dir():
            raise WriteRefused(path, errno.ENOENT, Text(
                ko=f"폴더가 없습니다: {final.parent}",
                en=f"the folder does not exist: {final.parent}")) from None
        return final, None
    if stat.S_ISDIR(info.st_mode):
        raise WriteRefused(path, errno.EISDIR, Text(
            ko=f"폴더입니다(파일 이름을 주세요): {path}",
            en=f"this is a folder (give a file name): {path}"))
    if not stat.S_ISREG(info.st_mode):
        raise WriteRefused(path, errno.EINVAL, Text(
            ko=f"보통 파일이 아니라서 덮어쓰지 않습니다: {path}",
            en=f"not a regular file, so it is not replaced: {path}"))
    return final, stat.S_IMODE(info.st_mode)


def write_atomic(path: str | Path, data: bytes) -> Path:
    """Write `data` to `path` whole (see the module docstring); returns `path`.

    Raises `WriteRefused` for a target that must not be replaced or a missing folder, and the
    `OSError` of the system for anything else (no permission, disk full).
    """
    return write_atomic_with(path, lambda temporary: temporary.write_bytes(data))


def write_atomic_with(path: str | Path, write: Callable[[Path], object]) -> Path:
    """`write_atomic` for a file made by a writer of its own (a spreadsheet written row by row):
    `write(temporary)` fills the temporary file by its path; everything else is the same."""
    given = Path(path)
    final, mode = _target(given)
    handle, temporary = tempfile.mkstemp(prefix=f".{final.name}.", suffix=".part",
                                         dir=final.parent)
    os.close(handle)
    try:
        write(Path(temporary))
        with open(temporary, "rb+") as out:
            os.fsync(out.fileno())
            os.fchmod(out.fileno(), mode if mode is not None else 0o666 & ~_umask())
        os.replace(temporary, final)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    sync_folder(final.parent)
    return given


def sync_folder(folder: str | Path) -> None:
    """Flush a folder's entries to disk (a file made or renamed in it), where the system allows
    it; a system that cannot is left to its own schedule."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def describe(error: OSError, path: str | Path) -> Text:
    """Why `path` could not be written, in both languages, for a message to the user."""
    if isinstance(error, WriteRefused):
        return error.message
    reason = error.strerror or str(error)
    return Text(ko=f"파일을 쓸 수 없습니다: {path} ({reason})",
                en=f"cannot write the file: {path} ({reason})")
