"""Opening a rule pack: every check that can refuse it, before anything is written anywhere.

A pack is refused, with the reason in words, when it is not a zip or is cut short, has no
manifest or signature, is signed by a key the app does not carry, has a signature that does not
match, lists a file that is missing or altered, holds a file it does not list, or has a path that
would leave its folder.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping

from nacl.exceptions import BadSignatureError
from nacl.signing import VerifyKey

from desktop import __version__
from desktop.atomic_write import sync_folder
from desktop.engine.loader import load_rules
from desktop.engine.model import RulePack, Text as _t
from desktop.engine.problem import Problem
from desktop.packs import format as fmt
from desktop.packs.keys import trusted_keys


class PackError(Problem):
    """A pack that cannot be used; `reason` is a short code, `words(lang)` the sentence (str() in English)."""

    def __init__(self, reason: str, message: _t):
        self.reason = reason
        super().__init__(message)


@dataclass(frozen=True)
class OpenedPack:
    path: Path
    manifest: Mapping
    files: Mapping[str, bytes]

    @property
    def version(self) -> str:
        return self.manifest["version"]

    @property
    def needs_newer_app(self) -> bool:
        return fmt.version_key(self.manifest["min_app_version"]) > fmt.version_key(__version__)

    def extract(self, folder: Path, durable: bool = False) -> Path:
        """Write rules/ and seeds/ under `folder`; returns folder / 'rules'. With `durable`,
        every file and folder is flushed to disk before this returns (a pack about to be put
        in use must survive a power cut as a whole)."""
        written = [(folder / name, data) for name, data in self.files.items()]
        written.append((folder / fmt.MANIFEST,
                        json.dumps(self.manifest, ensure_ascii=False, indent=1).encode("utf-8")))
        folders = set()
        for target, data in written:
            target.parent.mkdir(parents=True, exist_ok=True)
            with open(target, "xb") as out:  # a fresh folder: never an existing file or link
                out.write(data)
                if durable:
                    out.flush()
                    os.fsync(out.fileno())
            folders.add(target.parent)
        if durable:
            for f in sorted(folders, key=lambda p: len(p.parts), reverse=True) + [folder]:
                sync_folder(f)
        return folder / "rules"


def read_pack(path: str | Path, keys: Mapping[str, VerifyKey] | None = None) -> OpenedPack:
    path = Path(path)
    keys = trusted_keys() if keys is None else keys
    try:
        z = zipfile.ZipFile(path)
    except FileNotFoundError:
        raise PackError("missing", _t(f"파일이 없습니다: {path}", f"the file does not exist: {path}")) from None
    except (zipfile.BadZipFile, OSError, ValueError) as err:
        raise PackError("broken", _t(f"규칙 팩이 아니거나 중간에 끊긴 파일입니다(손상되었거나 다 받지 못함): {err}",
                                    f"not a rule pack, or cut short (damaged or incomplete download): {err}")) from None
    with z:
        names = z.namelist()
        if len(names) > fmt.MAX_FILES + 2:
            raise PackError("broken", _t(f"팩에 든 파일 수 {len(names)}: 최대 {fmt.MAX_FILES}개까지 받습니다",
                                        f"the pack holds {len(names)} files; at most {fmt.MAX_FILES} are allowed"))
        if sum(i.file_size for i in z.infolist()) > fmt.MAX_TOTAL_BYTES:
            raise PackError("broken", _t("풀면 50MB가 넘습니다. 규칙 팩은 이보다 훨씬 작습니다",
                                        "the pack unpacks to more than 50 MB; a rule pack is far smaller"))
        if fmt.MANIFEST not in names:
            raise PackError("broken", _t("팩에 manifest.json이 없습니다", "the pack has no manifest.json"))
        if fmt.SIGNATURE not in names:
            raise PackError("unsigned", _t("서명이 없는 팩입니다(signature 없음). 규칙 관리자가 만든 것인지 알 수 없습니다",
                                          "the pack is not signed (no signature): it may not come from the rules maintainer"))
        try:
            raw = z.read(fmt.MANIFEST)
            signature = z.read(fmt.SIGNATURE).strip()
            manifest = json.loads(raw.decode("utf-8"))
        except (zipfile.BadZipFile, OSError, ValueError, EOFError) as err:
            raise PackError("broken", _t(f"팩이 손상되었습니다: {err}", f"the pack is damaged: {err}")) from None
        if not isinstance(manifest, dict) or manifest.get("format") != fmt.FORMAT:
            raise PackError("broken", _t("이 앱이 읽는 형식의 manifest가 아닙니다", "the manifest is not of a pack format this app reads"))
        key = keys.get(manifest.get("key"))
        if key is None:
            raise PackError("untrusted", _t(f"서명 키 '{manifest.get('key')}': 이 앱이 믿는 키가 아닙니다",
                                             f"the pack is signed with key '{manifest.get('key')}', which this app does not trust"))
        try:
            key.verify(raw, bytes.fromhex(signature.decode("ascii")))
        except (BadSignatureError, ValueError, TypeError):
            raise PackError("tampered", _t("서명이 맞지 않습니다. 서명한 뒤에 팩이 바뀌었습니다",
                                          "the signature does not match: the pack was altered after it was signed")) from None
        listed = manifest.get("files")
        try:
            fmt.version_key(manifest.get("version"))
            fmt.version_key(manifest.get("min_app_version"))
        except ValueError as err:
            raise PackError("broken", _t(f"manifest가 올바르지 않습니다: {err}", f"the manifest is not valid: {err}")) from None
        if not isinstance(listed, dict) or not listed:
            raise PackError("broken", _t("manifest에 파일 목록이 없습니다", "the manifest lists no files"))
        extra = [n for n in names if n not in listed and n not in (fmt.MANIFEST, fmt.SIGNATURE) and not n.endswith("/")]
        if extra:
            raise PackError("tampered", _t(f"manifest에 없는 파일이 팩에 들어 있습니다: {extra[0]}",
                                          f"the pack holds a file its manifest does not list: {extra[0]}"))
        files: dict[str, bytes] = {}
        for name, digest in listed.items():
            if not fmt.safe_member(name):
                raise PackError("broken", _t(f"rules/와 seeds/ 밖의 파일을 가리킵니다: {name}",
                                            f"the pack names a file outside rules/ and seeds/: {name}"))
            try:
                data = z.read(name)
            except KeyError:
                raise PackError("tampered", _t(f"manifest에 적힌 파일이 팩에 없습니다: {name}",
                                              f"a file listed in the manifest is missing: {name}")) from None
            except (zipfile.BadZipFile, OSError, EOFError, ValueError) as err:
                raise PackError("broken", _t(f"팩이 손상되었습니다({name}): {err}", f"the pack is damaged ({name}): {err}")) from None
            if hashlib.sha256(data).hexdigest() != digest:
                raise PackError("tampered", _t(f"{name} 파일이 서명된 내용과 다릅니다", f"{name} differs from what was signed"))
            files[name] = data
    return OpenedPack(path, manifest, files)


def load_pack_file(path: str | Path, keys: Mapping[str, VerifyKey] | None = None) -> RulePack:
    """Verify a pack and load its rules (from a temporary folder that is removed afterwards)."""
    opened = read_pack(path, keys)
    with tempfile.TemporaryDirectory(prefix="jiwonpack-") as tmp:
        rules = opened.extract(Path(tmp))
        return load_rules(rules, Path(tmp) / "seeds")
