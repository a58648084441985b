"""What can go wrong with the database file, told in words a user can act on.

SQLite reports problems as numeric result codes buried in `sqlite3.Error`. The UI only needs to
know which of a few situations it is in (another program holds the file, the file cannot be
written, the file is damaged, something else went wrong on disk) and a sentence in Korean and
English to show. Everything in `desktop.storage` raises `StorageError` for those situations, never a
bare `sqlite3.Error`.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Literal

from desktop.engine.model import Text
from desktop.engine.problem import Problem

Kind = Literal["locked", "readonly", "corrupt", "io", "newer", "folder"]

# Primary SQLite result codes (the low byte of the extended code).
_SQLITE_PERM = 3
_SQLITE_BUSY = 5
_SQLITE_LOCKED = 6
_SQLITE_READONLY = 8
_SQLITE_IOERR = 10
_SQLITE_CORRUPT = 11
_SQLITE_FULL = 13
_SQLITE_CANTOPEN = 14
_SQLITE_NOTADB = 26


def _messages(kind: Kind, path: Path | None, subject: Text) -> Text:
    where = str(path) if path else ""
    if kind == "locked":
        return Text(
            ko=f"다른 프로그램(또는 이미 열린 Jiwon 창)이 저장 파일을 사용 중입니다: {where}\n"
            "그 프로그램을 닫은 뒤 다시 시도하세요.",
            en=f"Another program (or another Jiwon window) is using the saved-profiles file: "
            f"{where}\nClose it and try again.",
        )
    if kind == "readonly":
        return Text(
            ko=f"{subject.ko}이나 그 폴더에 쓸 수 없습니다(읽기 전용): {where}\n"
            "쓰기 권한이 있는지, 읽기 전용 드라이브가 아닌지 확인하세요.",
            en=f"The {subject.en} or its folder cannot be written (read-only): {where}\n"
            "Check that you have write permission and that the drive is not read-only.",
        )
    if kind == "corrupt":
        return Text(
            ko=f"저장 파일이 손상되었습니다: {where}",
            en=f"The saved-profiles file is damaged: {where}",
        )
    if kind == "folder":
        return Text(
            ko=f"{subject.ko} 자리에 폴더가 있어 열 수 없습니다: {where}\n"
            "그 폴더의 이름을 바꾸거나 옮긴 뒤 다시 시도하세요.",
            en=f"There is a folder where the {subject.en} should be: {where}\n"
            "Rename or move that folder, then try again.",
        )
    if kind == "newer":
        return Text(
            ko=f"이 저장 파일은 더 새로운 버전의 Jiwon이 만든 것입니다: {where}\n"
            "Jiwon을 최신 버전으로 업데이트하세요.",
            en=f"This saved-profiles file was made by a newer version of Jiwon: {where}\n"
            "Update Jiwon to the latest version.",
        )
    return Text(
        ko=f"{subject.ko}을 읽거나 쓰지 못했습니다: {where}\n디스크 공간과 파일 위치를 확인하세요.",
        en=f"The {subject.en} could not be read or written: {where}\n"
        "Check the free disk space and the file's location.",
    )


DATABASE = Text(ko="저장 파일", en="saved-profiles file")
EXPORT_FILE = Text(ko="내보낼 파일", en="export file")


class StorageError(Problem):
    """A problem with the database file that the user has to know about.

    `kind` is one of 'locked', 'readonly', 'corrupt', 'io', 'newer', 'folder' (a folder stands
    where the file should be); `message` is the text to
    show; `detail` is the underlying error, for the log file. `subject` names the file in the
    message: the database unless said otherwise (an exported profile).
    """

    def __init__(
        self, kind: Kind, path: Path | None = None, detail: str = "", subject: Text = DATABASE
    ) -> None:
        self.kind: Kind = kind
        self.detail = detail
        super().__init__(_messages(kind, path, subject))
        self.path = path  # a Path here, shown inside the message rather than as `path:line:`

    def header(self, lang: str = "en") -> str:
        detail = getattr(self, "detail", "")
        return f"{self.kind}: {self.words(lang)}" + (f" ({detail})" if detail else "")


class NoSuchProfile(Problem, KeyError):
    """The profile id is not in the database (deleted meanwhile, or never there). Still a
    `KeyError`, for callers that look profiles up like keys."""

    def __init__(self, profile_id: object) -> None:
        self.profile_id = profile_id
        super().__init__(Text(
            ko=f"저장된 프로필 가운데 {profile_id}번이 없습니다. 그사이 삭제되었을 수 있습니다.",
            en=f"There is no saved profile {profile_id}; it may have been deleted meanwhile.",
        ))


def _writable(path: Path) -> bool:
    """Whether this process may write the file, or create it in its folder when it is missing."""
    if path.exists():
        return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)
    return os.access(path.parent, os.W_OK)


def classify(error: BaseException, path: Path | None) -> Kind:
    """Which situation a `sqlite3.Error` or `OSError` stands for."""
    if isinstance(error, OSError):
        import errno

        if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            return "readonly"
        if error.errno == errno.EISDIR:
            return "folder"
        return "io"
    code = getattr(error, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    if primary in (_SQLITE_BUSY, _SQLITE_LOCKED):
        return "locked"
    if primary in (_SQLITE_READONLY, _SQLITE_PERM):
        return "readonly"
    if primary in (_SQLITE_CORRUPT, _SQLITE_NOTADB):
        return "corrupt"
    if primary == _SQLITE_CANTOPEN and path is not None and path.is_dir():
        return "folder"
    if primary == _SQLITE_CANTOPEN and path is not None and not _writable(path):
        # SQLite cannot tell "no permission to create the file" from other open failures.
        return "readonly"
    if primary is None and isinstance(error, sqlite3.DatabaseError):
        text = str(error).lower()
        if "not a database" in text or "malformed" in text:
            return "corrupt"
        if "locked" in text:
            return "locked"
        if "readonly" in text or "read-only" in text:
            return "readonly"
    return "io"


def storage_error(
    error: BaseException, path: Path | None, subject: Text = DATABASE
) -> StorageError:
    return StorageError(
        classify(error, path), path, detail=f"{type(error).__name__}: {error}", subject=subject
    )
