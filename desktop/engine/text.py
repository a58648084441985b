"""A user-facing text in Korean and English: the one shape every word of Jiwon travels in."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Text:
    """A user-facing text in Korean and English (both required in rule files)."""

    ko: str
    en: str

    def __init__(self, ko: str, en: str):
        # What the generated one does, without going through the frozen class's setattr twice:
        # a load makes about a thousand texts, and that took half the time of making one.
        fields = self.__dict__
        fields["ko"] = ko
        fields["en"] = en

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.ko

    def to_dict(self) -> dict[str, str]:
        return {"ko": self.ko, "en": self.en}


def not_a_date(key: str, value: object, shape: str = "") -> Text:
    """'key: <value> is not a real date' for a date written in a rule file."""
    tail_ko, tail_en = (f" ({shape})", f" ({shape})") if shape else ("", "")
    return Text(f"{key}: 실제 있는 날짜가 아닙니다: '{value}'{tail_ko}", f"{key}: '{value}' is not a real date{tail_en}")


def led(prefix: Text, message: "Text | str") -> Text:
    """`prefix: message` in both languages (a plain message reads the same in both)."""
    ko, en = (message.ko, message.en) if isinstance(message, Text) else (message, message)
    return Text(f"{prefix.ko}: {ko}", f"{prefix.en}: {en}")
