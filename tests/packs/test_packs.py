"""Rule packs: built and signed with a throwaway key made here, installed, rolled back; every
kind of bad pack refused with its reason, leaving the rules in use as they were."""

import json
import re
import shutil
import zipfile

import pytest
from nacl.signing import SigningKey

from desktop.cli.main import main
from desktop.engine import load_rules
from desktop.packs import keys as pack_keys
from desktop.packs.build import BuildError, build_pack
from desktop.packs.read import PackError, load_pack_file, read_pack
from desktop.packs.store import PackStore

KEY_ID = "test-key"


@pytest.fixture(scope="module")
def key():
    return SigningKey.generate()


@pytest.fixture(scope="module")
def trusted(key):
    return {KEY_ID: key.verify_key}


@pytest.fixture(scope="module")
def built(tmp_path_factory, key, rules_dir):
    """Two packs of the shipped rules: 2026.12.01 and, with one changed limit, 2026.12.02."""
    folder = tmp_path_factory.mktemp("packs")
    first = folder / "first.jiwonpack"
    build_pack(first, key, KEY_ID, rules_dir, version="2026.12.01")
    copy = folder / "copy"
    shutil.copytree(rules_dir, copy / "rules")
    shutil.copytree(rules_dir.parent / "seeds", copy / "seeds")
    ax = copy / "rules" / "programs" / "ax-grad-school.yaml"
    ax.write_text(ax.read_text(encoding="utf-8").replace("ax_grad_students >= 40", "ax_grad_students >= 30"),
                  encoding="utf-8")
    # the case one short of the old limit is above the new one: the maintainer updates it too
    short = copy / "rules" / "cases" / "school-university-39-students.yaml"
    short.write_text(short.read_text(encoding="utf-8").replace("ax-grad-school: ineligible", "ax-grad-school: eligible"),
                     encoding="utf-8")
    second = folder / "second.jiwonpack"
    build_pack(second, key, KEY_ID, copy / "rules", version="2026.12.02", since=load_rules(rules_dir))
    return first, second


def rewrite(src, dst, change):
    """Copy a pack's zip, letting `change(name, data)` return new bytes (or None to drop it)."""
    with zipfile.ZipFile(src) as z, zipfile.ZipFile(dst, "w") as out:
        for name in z.namelist():
            data = change(name, z.read(name))
            if data is not None:
                out.writestr(name, data)
    return dst


def test_build_install_and_roll_back(built, trusted, tmp_path, pack):
    first, second = built
    store = PackStore(tmp_path / "store", trusted)
    assert store.current is None and store.rules_dir() is None
    installed = store.install(first)
    assert installed.version == "2026.12.01" and installed.rules_version == pack.version
    assert load_rules(store.rules_dir()).version == pack.version
    installed = store.install(second)
    assert installed.version == "2026.12.02"
    assert installed.changes["en"] == ["ax-grad-school / limit changed: students_40 — 40 → 30"]
    assert "ax_grad_students >= 30" in (store.rules_dir() / "programs" / "ax-grad-school.yaml").read_text(encoding="utf-8")
    assert store.previous.version == "2026.12.01"
    back = store.rollback()
    assert back.version == "2026.12.01" and store.previous.version == "2026.12.02"
    assert load_rules(store.rules_dir()).version == pack.version
    # The previous rules are kept both ways: rolling back again returns to the newer pack.
    assert store.rollback().version == "2026.12.02"
    # After a first update, the previous rules are the app's own.
    fresh = PackStore(tmp_path / "fresh", trusted)
    fresh.install(first)
    assert fresh.rollback() is None and fresh.rules_dir() is None
    assert fresh.previous.version == "2026.12.01"


def test_manifest_says_what_the_pack_is(built, trusted):
    opened = read_pack(built[1], trusted)
    m = opened.manifest
    assert m["version"] == "2026.12.02" and m["min_app_version"] == "0.1.0" and m["key"] == KEY_ID
    assert m["changes"]["ko"] == ["ax-grad-school / 기준값 변경: students_40 — 40 → 30"]
    assert "rules/programs/ax-grad-school.yaml" in m["files"] and "seeds/law-sme-framework-decree-2015.yaml" in m["files"]
    assert load_pack_file(built[0], trusted).programs.keys() == load_rules().programs.keys()


def _refused(store, path, reason, words, **kw):
    before = (store.current, store.previous)
    with pytest.raises(PackError) as err:
        store.install(path, **kw)
    assert err.value.reason == reason and words in str(err.value)
    korean = err.value.words("ko")
    assert re.search("[가-힣]", korean) and korean != err.value.words("en") == str(err.value)
    assert "(으)" not in korean and "(이)" not in korean
    assert (store.current, store.previous) == before
    assert not list(store.root.glob("staging*"))


def test_bad_packs_change_nothing(built, trusted, tmp_path, key):
    first, second = built
    store = PackStore(tmp_path / "store", trusted)
    store.install(first)
    tampered = rewrite(second, tmp_path / "t.jiwonpack", lambda n, d: d.replace(b">= 30", b">= 10")
                       if n == "rules/programs/ax-grad-school.yaml" else d)
    _refused(store, tampered, "tampered", "rules/programs/ax-grad-school.yaml differs from what was signed")
    bumped = rewrite(second, tmp_path / "m.jiwonpack", lambda n, d: d.replace(b"2026.12.02", b"2027.01.01")
                     if n == "manifest.json" else d)
    _refused(store, bumped, "tampered", "the signature does not match")
    unsigned = rewrite(second, tmp_path / "u.jiwonpack", lambda n, d: None if n == "signature" else d)
    _refused(store, unsigned, "unsigned", "not signed")
    extra = rewrite(second, tmp_path / "x.jiwonpack", lambda n, d: d)
    with zipfile.ZipFile(extra, "a") as z:
        z.writestr("rules/programs/sneaky.yaml", "id: sneaky\n")
    _refused(store, extra, "tampered", "does not list: rules/programs/sneaky.yaml")
    raw = second.read_bytes()
    (tmp_path / "cut.jiwonpack").write_bytes(raw[: len(raw) // 2])
    _refused(store, tmp_path / "cut.jiwonpack", "broken", "cut short")
    (tmp_path / "text.jiwonpack").write_text("hello", encoding="utf-8")
    _refused(store, tmp_path / "text.jiwonpack", "broken", "not a rule pack")
    _refused(store, tmp_path / "none.jiwonpack", "missing", "does not exist")
    stranger = SigningKey.generate()
    other = tmp_path / "other.jiwonpack"
    build_pack(other, stranger, "someone-else", version="2026.12.05")
    _refused(store, other, "untrusted", "key 'someone-else', which this app does not trust")
    imposter = tmp_path / "imposter.jiwonpack"
    build_pack(imposter, stranger, KEY_ID, version="2026.12.05")
    _refused(store, imposter, "tampered", "the signature does not match")
    assert store.current.version == "2026.12.01"


def test_newer_app_and_downgrade(built, trusted, tmp_path, key):
    first, second = built
    store = PackStore(tmp_path / "store", trusted)
    future = tmp_path / "future.jiwonpack"
    build_pack(future, key, KEY_ID, version="2027.01.01", min_app_version="9.0")
    _refused(store, future, "newer_app", "needs Jiwon 9.0 or newer (this is 0.1.0)")
    store.install(second)
    _refused(store, first, "older", "older than the rules in use (2026.12.02)")
    _refused(store, second, "same", "already in use")
    assert store.install(first, allow_downgrade=True).version == "2026.12.01"


def test_pack_whose_cases_fail_is_refused(built, trusted, tmp_path, key, rules_dir, monkeypatch):
    """A signed pack whose rules do not pass `jiwon check` (a maintainer's slip) is not switched to."""
    store = PackStore(tmp_path / "store", trusted)
    store.install(built[0])
    copy = tmp_path / "copy"
    shutil.copytree(rules_dir, copy / "rules")
    shutil.copytree(rules_dir.parent / "seeds", copy / "seeds")
    case = copy / "rules" / "cases" / "company-food-1100-2026.yaml"
    case.write_text(case.read_text(encoding="utf-8").replace("sme-ax: eligible", "sme-ax: ineligible"), encoding="utf-8")
    with pytest.raises(BuildError, match="1 problem"):
        build_pack(tmp_path / "refused.jiwonpack", key, KEY_ID, copy / "rules", version="2026.12.09")
    import desktop.packs.build as build_module

    monkeypatch.setattr(build_module, "check_problems", lambda pack: ([], 0))
    bad = tmp_path / "bad.jiwonpack"
    build_module.build_pack(bad, key, KEY_ID, copy / "rules", version="2026.12.09")
    monkeypatch.undo()
    _refused(store, bad, "checks", "company-food-1100-2026.yaml")


def test_cli_pack_build_install_rollback(tmp_path, key, monkeypatch, capsys, rules_dir):
    from nacl.encoding import HexEncoder

    monkeypatch.setattr(pack_keys, "TRUSTED_KEYS", {KEY_ID: key.verify_key.encode(encoder=HexEncoder).decode()})
    key_file = tmp_path / "maintainer.key"
    pack_keys.write_signing_key(key, key_file)
    out = tmp_path / "rules.jiwonpack"
    store = ["pack", "--lang", "en", "--store", str(tmp_path / "store")]
    assert main(["pack", "build", "-o", str(out), "--key", str(key_file), "--key-id", KEY_ID,
                 "--pack-version", "2026.12.01"]) == 0
    assert main([*store, "install", str(out)]) == 0
    assert "installed rules 2026.12.01" in capsys.readouterr().out
    assert main([*store, "install", str(out)]) == 2
    assert "already in use" in capsys.readouterr().err
    raw = out.read_bytes()
    (tmp_path / "cut.jiwonpack").write_bytes(raw[:-200])
    assert main([*store, "install", str(tmp_path / "cut.jiwonpack")]) == 2
    err = capsys.readouterr().err
    assert "nothing was changed" in err and "Traceback" not in err
    assert main([*store, "status"]) == 0
    assert "in use: 2026.12.01" in capsys.readouterr().out
    assert main([*store, "rollback"]) == 0
    assert "back to the rules that came with the app" in capsys.readouterr().out
    assert main(["pack", "build", "-o", str(out)]) == 2
    assert "--key FILE" in capsys.readouterr().err
    korean = ["pack", "--store", str(tmp_path / "store")]
    assert main([*korean, "install", str(out)]) == 0
    capsys.readouterr()
    assert main([*korean, "install", str(out)]) == 2
    err = capsys.readouterr().err
    assert "규칙 2026.12.01은 이미 쓰고 있습니다" in err and "규칙을 바꾸지 않았습니다" in err
    assert "already in use" not in err and "Traceback" not in err
    assert main([*korean, "rollback"]) == 0
    assert main([*korean, "rollback"]) == 2
    err = capsys.readouterr().err
    assert "되돌릴 설치된 규칙이 없습니다" in err and "no installed rules" not in err
    assert main(["diff", str(rules_dir), str(out), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["changes"] == []


def _folders(root):
    return sorted(p.name for p in root.iterdir() if p.is_dir())


def test_a_kill_before_the_switch_leaves_the_rules_in_use_as_they_were(built, trusted, tmp_path, monkeypatch):
    """The new pack is checked and on disk, and the process dies before `state.json` names it:
    the rules in use and the previous ones are unchanged, and the next install tidies up."""
    from desktop.packs import store as store_module

    first, second = built
    store = PackStore(tmp_path / "store", trusted)
    store.install(first)
    in_use = store.rules_dir()

    def killed(path, data):
        raise KeyboardInterrupt  # the kill arrives while the state is being written

    monkeypatch.setattr(store_module, "write_atomic", killed)
    with pytest.raises(KeyboardInterrupt):
        store.install(second)
    monkeypatch.undo()
    again = PackStore(tmp_path / "store", trusted)
    assert again.current.version == "2026.12.01" and again.previous is None
    assert again.rules_dir() == in_use and load_rules(in_use).errors == ()
    assert len([n for n in _folders(again.root) if n.startswith("pack-")]) == 2  # one not in use
    assert again.install(second).version == "2026.12.02"
    assert again.previous.version == "2026.12.01"
    assert _folders(again.root) == sorted([again.rules_dir().parent.name, in_use.parent.name])


def test_the_earlier_folder_layout_is_read_until_the_next_switch(built, trusted, tmp_path):
    first, second = built
    made = PackStore(tmp_path / "made", trusted)
    made.install(first)
    old = tmp_path / "old"
    shutil.copytree(made.rules_dir().parent, old / "current")  # current/ with no state.json
    store = PackStore(old, trusted)
    assert store.current.version == "2026.12.01" and store.previous is None
    assert store.install(second).version == "2026.12.02"
    assert store.previous.version == "2026.12.01"
    assert store.rollback().version == "2026.12.01"
    assert json.loads((old / "state.json").read_text())["current"] == "current"


def test_two_installs_at_once_end_in_one_consistent_state(built, trusted, tmp_path):
    import threading

    first, second = built
    root = tmp_path / "store"
    results = []

    def install(path):
        try:
            results.append(PackStore(root, trusted).install(path).version)
        except PackError as err:
            results.append(err.reason)

    threads = [threading.Thread(target=install, args=(p,)) for p in (second, first)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    store = PackStore(root, trusted)
    # either order is fine; the older pack after the newer one is refused as a downgrade
    assert sorted(results) in (["2026.12.01", "2026.12.02"], ["2026.12.02", "older"])
    assert store.current.version == "2026.12.02"
    assert not [n for n in _folders(root) if n.startswith("staging-")]
    for installed in (store.current, store.previous):
        if installed is not None:
            assert load_rules(installed.rules_dir).errors == ()


def test_a_signing_key_is_owner_only_from_the_start_and_never_replaced(tmp_path, key, capsys):
    path = tmp_path / "maintainer.key"
    pack_keys.write_signing_key(key, path)
    assert path.stat().st_mode & 0o777 == 0o600
    assert pack_keys.read_signing_key(path).encode() == key.encode()
    with pytest.raises(FileExistsError):
        pack_keys.write_signing_key(SigningKey.generate(), path)
    assert pack_keys.read_signing_key(path).encode() == key.encode()
    assert main(["pack", "keygen", "-o", str(tmp_path / "missing" / "k.key")]) == 2
    assert "Traceback" not in capsys.readouterr().err


@pytest.mark.parametrize("where", ["folder", "missing"])
def test_pack_build_into_a_folder_or_a_missing_folder_is_refused_clearly(tmp_path, key, capsys, where):
    key_file = tmp_path / "maintainer.key"
    pack_keys.write_signing_key(key, key_file)
    target = tmp_path / "out" if where == "folder" else tmp_path / "missing" / "r.jiwonpack"
    if where == "folder":
        target.mkdir()
    code = main(["pack", "--lang", "en", "build", "-o", str(target), "--key", str(key_file),
                 "--key-id", KEY_ID, "--pack-version", "2026.12.01"])
    err = capsys.readouterr().err
    assert code == 2 and "Traceback" not in err
    assert ("this is a folder" if where == "folder" else "the folder does not exist") in err
    assert not list(tmp_path.rglob("*.part"))
