"""The words of a change, in Korean and English: a rule change (`jiwon diff`) and a cause of a
changed outcome for one profile, put together from the phrase catalog (`change.*`), so the CLI,
the app and the PDF say the same."""

from __future__ import annotations

import datetime as dt
from typing import Any

from desktop.engine.phrases import phrase, say, word
from desktop.engine.amounts import format_amount
from desktop.engine.formatting import format_number
from desktop.engine.josa import attach
from desktop.engine.model import RulePack, Text

PROGRAM_NEW = phrase("change.program_new")
PROGRAM_GONE = phrase("change.program_gone")


def euro(word: str) -> str:
    """'으로' after a final consonant other than ㄹ, '로' otherwise (1,200억 원으로, 2027-02-13로)."""
    return attach(word, "으로")


def _status(status: str | None) -> Text:
    if status is None:
        return phrase("change.none")
    return word("status", status)


def _in_sentence(t: Text) -> Text:
    """A catalog word inside a sentence: the English side starts in lower case."""
    return Text(t.ko, _lower_first(t.en))


def program_line(name: Text, old: str | None, new: str | None, lang: str = "ko") -> str:
    if old == new:
        return phrase("change.program_same", name=name, status=_status(new)).get(lang)
    return phrase("change.program_moved", name=name, old=_status(old), new=_status(new)).get(lang)


def status_moved(old: str, new: str) -> Text:
    return phrase("change.status_moved", old=_lower(_status(old)), new=_lower(_status(new)))


def _lower(t: Text) -> Text:
    return Text(t.ko, t.en.lower())


def show(value: Any, lang: str, pack: RulePack | None = None, name: str | None = None) -> str:
    """A value as a person reads it: amounts in 억/만 (KRW billion), dates as ISO."""
    if value is None:
        return say("change.none", lang)
    if isinstance(value, bool):
        return say("value.yes" if value else "value.no", lang)
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
        return format_number(value, unit, lang)
    return str(value)


def _shown(value: Any, pack: RulePack | None = None, name: str | None = None) -> Text:
    return Text(show(value, "ko", pack, name), show(value, "en", pack, name))


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
    fields = dict(label=Text(_label(new_pack, name, "ko"), _lower_first(_label(new_pack, name, "en"))),
                  old=_shown(old, new_pack, name), new=_shown(new, new_pack, name))
    if yours is not None:
        if result in ("met", "not_met"):
            key = "change.value_moved_fits" if result == "met" else "change.value_moved_misses"
            return phrase(key, yours=_shown(yours[1], new_pack, yours[0]), **fields)
        return phrase("change.value_moved", **fields)
    return phrase("change.value_moved_now", result=_lower(word("result", result)), **fields)


def criterion_added(text: Text, result: str) -> Text:
    return phrase("change.criterion_added", text=text, result=_lower(word("result", result)))


def criterion_removed(text: Text) -> Text:
    return phrase("change.criterion_removed", text=text)


def result_moved(text: Text, old: str, new: str) -> Text:
    return phrase("change.result_moved", text=text, old=_lower(word("result", old)),
                  new=_lower(word("result", new)))


def _span(opens: dt.date | None, closes: dt.date | None) -> Text:
    end = phrase("change.open_end")
    return phrase("change.span", opens=opens.isoformat() if opens else end,
                  closes=closes.isoformat() if closes else end)


def round_announced(round_id: str | None, opens, closes) -> Text:
    return phrase("change.round_announced", round=round_id or "", span=_span(opens, closes))


def window_moved(old_opens, old_closes, opens, closes, estimated: bool) -> Text:
    key = "change.window_moved_estimated" if estimated else "change.window_moved"
    return phrase(key, old=_span(old_opens, old_closes), new=_span(opens, closes))


# ---------------------------------------------------------------- rule changes (jiwon diff)

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
                when.append(say("change.valid_from", lang, date=v["valid_from"]))
            if v.get("valid_to"):
                when.append(say("change.valid_to", lang, date=v["valid_to"]))
            parts.append(f"{show(v['value'], lang)} ({' '.join(when)})" if when else show(v["value"], lang))
        return "; ".join(parts)
    if isinstance(value, dict) and "kind" in value and "opens" in value:
        span = _span(*(dt.date.fromisoformat(value[k]) if value[k] else None
                       for k in ("opens", "closes")))
        return f"{word('round', value['kind'], lang)} {span.get(lang)}"
    if isinstance(value, dict) and "text" in value:
        text = _rule_value(value["text"], lang)
        extra = value.get("expr") or (show(value["amount"], lang) if value.get("amount") else None)
        return f"{text} [{extra}]" if extra else text
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return show(value, lang)
    return str(value)


def rule_change_text(change, lang: str = "ko") -> str:
    """One line for one RuleChange: what, where, old → new."""
    where = f"{change.program} / " if change.program and change.area != "program" else ""
    head = say("change.rule", lang, where=where, area=word("change.area", change.area),
               action=word("change.action", change.action), subject=change.subject)
    if change.action == "added":
        return f"{head} — {_rule_value(change.new, lang)}"
    if change.action == "removed":
        return f"{head} — {_rule_value(change.old, lang)}"
    return f"{head} — {_rule_value(change.old, lang)} → {_rule_value(change.new, lang)}"
