"""Files Jiwon writes (desktop/atomic_write.py): whole or not at all, and never over something that
is not a regular file of ours. Driven through the real writers: `jiwon report -o`, `jiwon
deadlines -o` and the store's profile export."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from inputs import prepare  # noqa: E402

from desktop.atomic_write import WriteRefused, write_atomic  # noqa: E402
from desktop.cli.main import main  # noqa: E402
from desktop.storage import StorageError, export_profile, open_store  # noqa: E402


@pytest.fixture
def folder(tmp_path, monkeypatch):
    prepare(tmp_path)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_report_through_a_symlink_writes_its_file_and_keeps_the_link(folder, capsys):
    (folder / "reports").mkdir()
    real = folder / "reports" / "real.pdf"
    real.write_bytes(b"old")
    os.symlink(real, folder / "link.pdf")
    assert main(["report", "good.yaml", "--rules", "rules", "-o", "link.pdf"]) == 0
    assert (folder / "link.pdf").is_symlink()
    assert os.readlink(folder / "link.pdf") == str(real)
    assert real.read_bytes().startswith(b"%PDF-")
    assert sorted(p.name for p in (folder / "reports").iterdir()) == ["real.pdf"]


def test_deadlines_replace_a_file_whole_with_its_permissions(folder, capsys):
    out = folder / "deadlines.ics"
    out.write_text("old calendar", encoding="utf-8")
    os.chmod(out, 0o640)
    inode = out.stat().st_ino
    assert main(["deadlines", "--rules", "rules", "--today", "2026-03-01", "--format", "ics",
                 "-o", "deadlines.ics"]) == 0
    assert out.read_bytes().startswith(b"BEGIN:VCALENDAR")
    assert stat.S_IMODE(out.stat().st_mode) == 0o640
    assert out.stat().st_ino != inode  # a new file renamed into place, not rewritten in place
    assert sorted(p.name for p in folder.iterdir() if p.name.startswith(".")) == []


def test_a_failed_write_leaves_the_old_file_and_no_temporary(folder, monkeypatch):
    out = folder / "kept.pdf"
    out.write_bytes(b"the good old report")

    def full_disk(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(OSError):
        write_atomic(out, b"new")
    assert out.read_bytes() == b"the good old report"
    assert sorted(p.name for p in folder.iterdir() if p.name.startswith(".")) == []


def test_a_fifo_is_refused_not_replaced(folder):
    fifo = folder / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(WriteRefused) as refused:
        write_atomic(fifo, b"x")
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert refused.value.message.ko and refused.value.message.en


def test_profile_export_to_a_folder_is_a_storage_error(folder):
    with open_store(folder / "jiwon.db") as store:
        pid = store.create_profile("한빛", "company", {"tax_arrears": False})
        (folder / "export.yaml").mkdir()
        with pytest.raises(StorageError) as refused:
            export_profile(store, pid, folder / "export.yaml")
        assert refused.value.kind == "folder"
        assert "There is a folder where the export file should be" in refused.value.message.en
        assert export_profile(store, pid, folder / "fine.yaml").read_text(encoding="utf-8")
    assert (folder / "export.yaml").is_dir()
