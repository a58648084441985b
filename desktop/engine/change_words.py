"""The words of a change, in Korean and English: a rule change (`jiwon diff`) and a cause of a
changed outcome for one profile. One small place, so the CLI, the app and the PDF say the same."""

from __future__ import annotations

import datetime as dt
from typing import Any

from desktop.engine.phrases import phrase, word
from desktop.engine.amounts import format_amount
from desktop.engine.josa import attach
from desktop.engine.model import RulePack, Text

PROGRAM_NEW = Text("새로 추가된 사업입니다", "a new program in the rules")
PROGRAM_GONE = Text("규칙에서 빠진 사업입니다", "no longer in the rules")


def euro(word: str) -> str:
    """'으로' after a final consonant other than ㄹ, '로' otherwise (1,200억 원으로, 2027-02-13로)."""
    return attach(word, "으로")


def _status(status: str | None, lang: str) -> str:
    if status is None:
        return "없음" if lang == "ko" else "none"
    return word("status", status, lang)


def program_line(name: Text, old: str | None, new: str | None, lang: str = "ko") -> str:
    if old == new:
        return f"{name.get(lang)}: {_status(new, lang)}"
    return f"{name.get(lang)}: {_status(old, lang)} → {_status(new, lang)}"


def status_moved(old: str, new: str) -> Text:
    return Text(f"결과가 {_status(old, 'ko')}에서 {euro(_status(new, 'ko'))} 바뀌었습니다",
                f"the outcome moved from {_status(old, 'en').lower()} to {_status(new, 'en').lower()}")


def show(value: Any, lang: str, pack: RulePack | None = None, name: str | None = None) -> str:
    """A value as a person reads it: amounts in 억/만 (KRW billion), dates as ISO."""
    if value is None:
        return "없음" if lang == "ko" else "none"
    if isinstance(value, bool):
        return phrase("value.yes" if value else "value.no").get(lang)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (int, float)):
        unit = None
        if pack is not None and name is not None:
            q = pack.questions.get(name)
            d = pack.definitions.get(name)
            if q is not None and q.type == "amount":
                return format_amount(value, lang)
            unit = (q.unit if q is not None else d.unit if d is not None else None)
            if unit is not None and unit.en == "KRW":
                return format_amount(value, lang)
        if unit is None and abs(value) >= 1_000_000:
            return format_amount(value, lang)
        text = f"{value:,}"
        return f"{text}{unit.ko}" if unit is not None and lang == "ko" else (f"{text} {unit.en}" if unit else text)
    return str(value)


def _label(pack: RulePack, name: str, lang: str) -> str:
    for found in (pack.questions.get(name), pack.definitions.get(name)):
        if found is not None:
            return found.label.get(lang)
    return name


def _lower_first(text: str) -> str:
    """'Sales ceiling' -> 'sales ceiling', but 'SME ceiling' stays."""
    if text[:1].isupper() and text[1:2].islower():
        return text[0].lower() + text[1:]
    return text


def value_moved(new_pack: RulePack, old_pack: RulePack, name: str, old: Any, new: Any,
                yours: tuple[str, Any] | None, result: str) -> Text:
    """'업종별 중소기업 매출액 기준이 1,000억 원에서 1,200억 원으로 바뀌었습니다 — 1,100억 원이 이제 기준에 맞습니다'."""
    ko_label, en_label = _label(new_pack, name, "ko"), _label(new_pack, name, "en")
    a_ko, b_ko = show(old, "ko", new_pack, name), show(new, "ko", new_pack, name)
    a_en, b_en = show(old, "en", new_pack, name), show(new, "en", new_pack, name)
    ko = f"{attach(ko_label, '이')} {a_ko}에서 {euro(b_ko)} 바뀌었습니다"
    en = f"{_lower_first(en_label)} moved from {a_en} to {b_en}"
    if yours is not None:
        y_ko, y_en = show(yours[1], "ko", new_pack, yours[0]), show(yours[1], "en", new_pack, yours[0])
        if result == "met":
            ko += f" — {attach(y_ko, '이')} 이제 기준에 맞습니다"
            en += f" — your {y_en} now fits"
        elif result == "not_met":
            ko += f" — {attach(y_ko, '은')} 이제 기준에 맞지 않습니다"
            en += f" — your {y_en} no longer fits"
    else:
        ko += f" — 이제 {word('result', result, 'ko')}"
        en += f" — now {word('result', result, 'en').lower()}"
    return Text(ko, en)


def criterion_added(text: Text, result: str) -> Text:
    return Text(f"새 요건: {text.ko} ({word('result', result, 'ko')})",
                f"new criterion: {text.en} ({word('result', result, 'en').lower()})")


def criterion_removed(text: Text) -> Text:
    return Text(f"없어진 요건: {text.ko}", f"criterion dropped: {text.en}")


def result_moved(text: Text, old: str, new: str) -> Text:
    return Text(
        f"{text.ko}: {word('result', old, 'ko')} → {word('result', new, 'ko')}",
        f"{text.en}: {word('result', old, 'en').lower()} → {word('result', new, 'en').lower()}",
    )


def _span(opens: dt.date | None, closes: dt.date | None, lang: str) -> str:
    a = opens.isoformat() if opens else "…"
    b = closes.isoformat() if closes else "…"
    return f"{a} ~ {b}" if lang == "ko" else f"{a} to {b}"


def round_announced(round_id: str | None, opens, closes) -> Text:
    rid = round_id or ""
    return Text(f"{rid} 회차가 공고되었습니다: {_span(opens, closes, 'ko')} (추정 일정을 대체)",
                f"the {rid} round was announced: {_span(opens, closes, 'en')}, replacing the estimate")


def window_moved(old_opens, old_closes, opens, closes, estimated: bool) -> Text:
    mark_ko, mark_en = (" (추정)", " (estimated)") if estimated else ("", "")
    return Text(f"접수 기간이 {_span(old_opens, old_closes, 'ko')}에서 {euro(_span(opens, closes, 'ko'))} 바뀌었습니다{mark_ko}",
                f"the application window moved from {_span(old_opens, old_closes, 'en')} to {_span(opens, closes, 'en')}{mark_en}")


# ---------------------------------------------------------------- rule changes (jiwon diff)

_AREA = {
    "program": Text("사업", "program"),
    "criterion": Text("요건", "criterion"),
    "limit": Text("기준값", "limit"),
    "benefit": Text("지원 내용", "benefit"),
    "round": Text("접수 회차", "round"),
    "source": Text("출처", "source"),
    "table": Text("표", "table entry"),
    "definition": Text("정의", "definition"),
}
_ACTION = {
    "added": Text("추가", "added"),
    "removed": Text("삭제", "removed"),
    "changed": Text("변경", "changed"),
}


def _rule_value(value: Any, lang: str) -> str:
    if value is None:
        return "—"
    if isinstance(value, dict) and set(value) >= {"ko", "en"}:
        return value["en"] if lang == "en" else value["ko"]
    if isinstance(value, list) and value and isinstance(value[0], dict) and "value" in value[0]:
        parts = []
        for v in value:
            when = []
            if v.get("valid_from"):
                when.append(f"{v['valid_from']}부터" if lang == "ko" else f"from {v['valid_from']}")
            if v.get("valid_to"):
                when.append(f"{v['valid_to']}까지" if lang == "ko" else f"until {v['valid_to']}")
            parts.append(f"{show(v['value'], lang)} ({' '.join(when)})" if when else show(v["value"], lang))
        return "; ".join(parts)
    if isinstance(value, dict) and "kind" in value and "opens" in value:
        return f"{word('round', value['kind'], lang)} {_span(*(dt.date.fromisoformat(value[k]) if value[k] else None for k in ('opens', 'closes')), lang)}"
    if isinstance(value, dict) and "text" in value:
        text = _rule_value(value["text"], lang)
        extra = value.get("expr") or (show(value["amount"], lang) if value.get("amount") else None)
        return f"{text} [{extra}]" if extra else text
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return show(value, lang)
    return str(value)


def rule_change_text(change, lang: str = "ko") -> str:
    """One line for one RuleChange: what, where, old → new."""
    area = _AREA[change.area].get(lang)
    action = _ACTION[change.action].get(lang)
    where = f"{change.program} / " if change.program and change.area != "program" else ""
    head = f"{where}{area} {action}: {change.subject}"
    if change.action == "added":
        return f"{head} — {_rule_value(change.new, lang)}"
    if change.action == "removed":
        return f"{head} — {_rule_value(change.old, lang)}"
    return f"{head} — {_rule_value(change.old, lang)} → {_rule_value(change.new, lang)}"
