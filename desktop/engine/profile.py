"""Profile files (YAML or JSON): an applicant's answers, shared by the CLI, the app and the cases.

Every value goes through coerce_answer(), and every problem names the field and its line, with a
suggestion for a likely typo: "profiles/x.yaml:7: answers.avg_sale: unknown question (did you mean
'avg_sales_3y'?)". `null` means "I don't know".
"""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path
from typing import Any


from desktop.engine.answers import AnswerError, coerce_answer
from desktop.engine.clock import FIRST_ASSESSMENT_DAY, LAST_ASSESSMENT_DAY, parse_assessment_date
from desktop.engine.model import Profile, RulePack
from desktop.engine.problem import ProblemList, ProfileProblem, RuleError
from desktop.engine.schemas import schema_problems
from desktop.engine.suggest import did_you_mean_text
from desktop.engine.text import Text, led
from desktop.engine.yamlsrc import (MAX_DEPTH, MAX_DIGITS, NOT_UTF8, TOO_DEEP, SourceFile, YamlProblem, cannot_read,
                                    display_path, number_too_large, parse_source, read_limited)


class ProfileError(ProblemList, ValueError):
    """A profile with problems; `errors` are ProfileProblems (str() = `path:line: message`)."""


def read_profile_source(path: str | Path) -> SourceFile:
    """Parse a profile file (YAML or JSON) with line numbers. Raises ProfileError.

    JSON files are read by the JSON parser (YAML would accept things JSON does not); the YAML
    reader then only supplies line numbers, which it can for any JSON without tabs.
    """
    p = Path(path)
    shown = display_path(p)
    try:
        raw = read_limited(p)
    except OSError as err:
        raise ProfileError([ProfileProblem(shown, 1, cannot_read(err))]) from None
    except YamlProblem as err:
        raise ProfileError([ProfileProblem(shown, err.line, err.message)]) from None
    if p.suffix.lower() == ".json":
        return _json_source(raw, shown)
    try:
        return parse_source(raw, shown)
    except YamlProblem as err:
        raise ProfileError([ProfileProblem(shown, err.line, err.message)]) from None


class _JsonRefused(ValueError):
    pass


def _json_int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_DIGITS:
        raise _JsonRefused(number_too_large())
    return int(text)


def _json_constant(text: str) -> Any:
    raise _JsonRefused(Text(f"{text}: JSON에서 쓸 수 없는 수입니다", f"{text} is not a number JSON allows"))


def _json_object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _JsonRefused(Text(f"같은 키를 두 번 썼습니다: '{key}'", f"duplicate key '{key}'"))
        out[key] = value
    return out


def _unicode_problem(data: Any, depth: int = 0) -> Text | None:
    """A lone surrogate (`"\\ud800"` is valid JSON but no text) anywhere in keys or values."""
    if depth > MAX_DEPTH:
        return TOO_DEEP
    if isinstance(data, str):
        if any("\ud800" <= c <= "\udfff" for c in data):
            return Text(f"올바른 유니코드가 아닌 글자(짝 없는 서로게이트): {ascii(data)[:60]}",
                        f"text that is not valid Unicode (a lone surrogate): {ascii(data)[:60]}")
        return None
    items = data.items() if isinstance(data, dict) else enumerate(data) if isinstance(data, list) else ()
    for key, value in items:
        problem = _unicode_problem(key, depth + 1) or _unicode_problem(value, depth + 1)
        if problem:
            return problem
    return None


def _json_source(raw: bytes, shown: str) -> SourceFile:
    """JSON by the same rules as YAML: size, depth, number sizes, no duplicate keys."""
    try:
        data = json.loads(raw.decode("utf-8-sig"), parse_int=_json_int,
                          parse_constant=_json_constant, object_pairs_hook=_json_object)
    except UnicodeDecodeError:
        raise ProfileError([ProfileProblem(shown, 1, NOT_UTF8)]) from None
    except json.JSONDecodeError as err:
        raise ProfileError([ProfileProblem(shown, err.lineno, Text(f"JSON 문법 오류: {err.msg}", f"JSON syntax error: {err.msg}"))]) from None
    except RecursionError:
        raise ProfileError([ProfileProblem(shown, 1, TOO_DEEP)]) from None
    except _JsonRefused as err:
        line = 1
        try:
            parse_source(raw, shown)  # the YAML reader knows the line of a duplicate key
        except YamlProblem as problem:
            line = problem.line
        raise ProfileError([ProfileProblem(shown, line, err.args[0])]) from None
    problem = _unicode_problem(data)
    if problem:
        raise ProfileError([ProfileProblem(shown, 1, problem)])
    try:
        with_lines = parse_source(raw, shown)
    except YamlProblem:
        return SourceFile(shown, data, {(): 1})
    with_lines.data = data
    return with_lines


def load_profile(path: str | Path, pack: RulePack) -> Profile:
    """Read and check a profile or case file. Raises ProfileError listing every problem."""
    src = read_profile_source(path)
    return profile_from_source(src, pack, path=str(path))


def profile_from_dict(data: Any, pack: RulePack, path: str | None = None) -> Profile:
    """A checked Profile from already parsed data (e.g. from storage). Raises ProfileError."""
    src = SourceFile(path or "<profile>", data, {(): 1})
    return profile_from_source(src, pack, path=path)


def profile_from_source(src: SourceFile, pack: RulePack, path: str | None = None) -> Profile:
    data = src.data
    errors: list[ProfileProblem] = []

    def add(key_path: tuple, message: Text) -> None:
        errors.append(ProfileProblem(src.path, src.line(*key_path), message))

    if not isinstance(data, dict):
        raise ProfileError([ProfileProblem(src.path, src.line(), Text(
            "프로필은 applicant_type과 answers를 담은 키와 값의 묶음이어야 합니다",
            "a profile must be a mapping with applicant_type and answers"))])
    # Answers are plain data to the schema; dates written in JSON are text anyway.
    for key_path, line, message in schema_problems(src, "profile"):
        errors.append(ProfileProblem(src.path, line, message))
    if errors:
        raise ProfileError(errors)

    applicant = data["applicant_type"]
    answers: dict[str, Any] = {"applicant_type": applicant}
    for qid, raw in data["answers"].items():
        where = ("answers", qid)
        if qid == "applicant_type":
            if raw != applicant:
                add(where, Text(f"answers.applicant_type: {raw!r} — 위에 적은 applicant_type {applicant!r}과 맞지 않습니다",
                                f"answers.applicant_type: {raw!r} differs from applicant_type {applicant!r}"))
            continue
        if qid not in pack.questions:
            guess = did_you_mean_text(qid, pack.questions)
            add(where, Text(f"answers.{qid}: 모르는 질문{guess.ko}", f"answers.{qid}: unknown question{guess.en}"))
            continue
        try:
            answers[qid] = coerce_answer(pack, qid, raw)
        except AnswerError as err:
            add(where, led(Text(f"answers.{qid}", f"answers.{qid}"), err.message))
    today = None
    if "today" in data:
        today = parse_assessment_date(data["today"])
        if today is None:
            add(("today",), Text(f"today: '{data['today']}': {FIRST_ASSESSMENT_DAY} ~ {LAST_ASSESSMENT_DAY} 사이의 실제 날짜가 아닙니다",
                                 f"today: '{data['today']}' is not a real date from {FIRST_ASSESSMENT_DAY} to {LAST_ASSESSMENT_DAY}"))
    if errors:
        raise ProfileError(errors)
    name = data.get("name")
    if not name:
        name = Path(path).stem if path else ""
    return Profile(
        name=str(name),
        applicant_type=applicant,
        answers=answers,
        expect={pid: (v.get("status") if isinstance(v, dict) else v) for pid, v in (data.get("expect") or {}).items()},
        expect_detail={pid: dict(v) for pid, v in (data.get("expect") or {}).items() if isinstance(v, dict)},
        today=today,
        path=path,
    )


def profile_to_dict(profile: Profile) -> dict[str, Any]:
    """The file format as plain data (dates as dates, lists for multi answers)."""
    answers = {}
    for qid, value in profile.answers.items():
        if qid == "applicant_type":
            continue
        answers[qid] = list(value) if isinstance(value, tuple) else value
    out: dict[str, Any] = {"name": profile.name, "applicant_type": profile.applicant_type}
    if profile.today is not None:
        out["today"] = profile.today
    out["answers"] = answers
    if profile.expect:
        out["expect"] = {pid: {**profile.expect_detail[pid], "status": st} if pid in profile.expect_detail else st
                         for pid, st in profile.expect.items()}
    return out


def dump_profile(profile: Profile) -> str:
    """YAML text in the same format load_profile reads (it round-trips)."""
    from ruamel.yaml import YAML  # only for writing a profile: not needed to start the app

    yaml = YAML(typ="rt")
    yaml.default_flow_style = False
    yaml.allow_unicode = True
    data = profile_to_dict(profile)
    buf = io.StringIO()
    yaml.dump(_for_yaml(data), buf)
    return buf.getvalue()


def _for_yaml(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _for_yaml(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_for_yaml(v) for v in value]
    if isinstance(value, dt.datetime):
        return value.date()
    return value


def check_expectations(profile: Profile, pack: RulePack, src_lines: SourceFile | None = None) -> list[RuleError]:
    """Programs named in a case's `expect:` that do not exist (cases only)."""
    errors = []
    # a program whose file has errors is not in the pack: say so, instead of "unknown program"
    broken = {Path(e.path).stem: e.path for e in pack.errors if Path(e.path).parent.name == "programs"}
    for pid in profile.expect:
        if pid not in pack.programs:
            line = src_lines.line("expect", pid) if src_lines else 1
            if pid in broken:
                message = Text(f"expect.{pid}: 규칙 파일에 오류가 있어 사업을 불러오지 못했습니다(위를 보세요)",
                               f"expect.{pid}: program not loaded: its rule file has errors (see above)")
                errors.append(RuleError(profile.path or "<profile>", line, message, follows=broken[pid]))
            else:
                guess = did_you_mean_text(pid, pack.programs)
                message = Text(f"expect.{pid}: 모르는 사업{guess.ko}", f"expect.{pid}: unknown program{guess.en}")
                errors.append(RuleError(profile.path or "<profile>", line, message))
    return errors


__all__ = [
    "ProfileError",
    "check_expectations",
    "dump_profile",
    "load_profile",
    "profile_from_dict",
    "profile_to_dict",
    "read_profile_source",
]
