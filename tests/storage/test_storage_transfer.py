"""Import and export in the profile file format the command line reads, with the real engine."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.engine import ProfileError, evaluate, load_profile, load_rules
from desktop.paths import rules_dir
from desktop.storage import StorageError, export_profile, import_profile, open_store

CASES = rules_dir() / "cases"


@pytest.fixture(scope="module")
def pack():
    return load_rules()


def test_export_then_import_gives_the_same_profile(tmp_path, pack, clock):
    case = load_profile(CASES / "company-parts-maker-eligible.yaml", pack)
    with open_store(tmp_path / "a.db", clock=clock) as store:
        pid = store.create_profile("한빛정밀 2026", case.applicant_type, case.answers)
        store.set_answer(pid, "smart_factory_level", None)  # "I don't know" goes out as null
        written = export_profile(store, pid, tmp_path / "한빛.yaml")
        exported_answers = store.get_answers(pid)
    assert written == tmp_path / "한빛.yaml"
    text = written.read_text(encoding="utf-8")
    assert text.startswith("name: 한빛정밀 2026\napplicant_type: company\nanswers:\n")
    assert "smart_factory_level:\n" in text or "smart_factory_level: null" in text
    # What the command line reads from it.
    read_back = load_profile(written, pack)
    assert (read_back.name, read_back.applicant_type, read_back.answers) == (
        "한빛정밀 2026", "company", exported_answers
    )
    with open_store(tmp_path / "b.db") as other:
        new_id = import_profile(other, written, pack)
        assert other.get_profile(new_id).name == "한빛정밀 2026"
        imported = other.get_answers(new_id)
    assert imported == exported_answers
    assert {k: type(v) for k, v in imported.items()} == {
        k: type(v) for k, v in exported_answers.items()
    }
    assert [r.status for r in evaluate(pack, imported, case.today).programs] == [
        r.status for r in evaluate(pack, exported_answers, case.today).programs
    ]


def test_a_case_file_imports_with_its_answers(store, pack):
    path = CASES / "school-specialized-seoul.yaml"
    case = load_profile(path, pack)
    pid = import_profile(store, path, pack)
    assert store.get_profile(pid).name == case.name
    assert store.get_answers(pid) == case.answers


def test_an_invalid_file_is_refused_with_lines_and_nothing_saved(tmp_path, store, pack):
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "name: 오타\napplicant_type: company\nanswers:\n  industry: C25\n"
        "  full_time_wokers: 10\n  tax_arrears: maybe\n",
        encoding="utf-8",
    )
    with pytest.raises(ProfileError) as caught:
        import_profile(store, bad, pack)
    lines = [str(error) for error in caught.value.errors]
    assert len(lines) == 2
    assert lines[0].startswith(f"{caught.value.errors[0].path}:5: answers.full_time_wokers")
    assert "full_time_workers" in lines[0]  # the suggestion
    assert ":6: answers.tax_arrears" in lines[1]
    assert store.list_profiles() == []


def test_export_to_a_folder_that_is_not_there(tmp_path, store):
    pid = store.create_profile("A", "individual", {"birth_date": dt.date(1990, 5, 1)})
    target = tmp_path / "missing" / "a.yaml"
    with pytest.raises(StorageError) as caught:
        export_profile(store, pid, target)
    assert caught.value.kind == "io"
    assert "export file" in caught.value.message.en and "내보낼 파일" in caught.value.message.ko
    assert not target.parent.exists()


def test_export_replaces_a_file_whole(tmp_path, store, pack):
    target = tmp_path / "p.yaml"
    target.write_text("old content\n", encoding="utf-8")
    pid = store.create_profile("B", "individual", {"birth_date": dt.date(1990, 5, 1)})
    export_profile(store, pid, target)
    assert load_profile(target, pack).answers == {"applicant_type": "individual",
                                                  "birth_date": dt.date(1990, 5, 1)}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["jiwon.db", "p.yaml"]
