"""The words for statuses, criterion results and deadline states, shared by the CLI, PDF and UI.

One place for these words keeps the command line, the printed report and the windows saying the
same thing in the same way.
"""

from __future__ import annotations

from desktop.engine.model import Text

STATUS = {
    "eligible": Text("신청 가능", "Eligible"),
    "ineligible": Text("신청 불가", "Not eligible"),
    "undetermined": Text("판단 보류", "Undetermined"),
}

RESULT = {
    "met": Text("충족", "Met"),
    "not_met": Text("미충족", "Not met"),
    "unknown": Text("미확인", "Unknown"),  # not "확인 필요": that marks weak sources
}

DEADLINE_STATUS = {
    "open": Text("접수 중", "Open"),
    "upcoming": Text("접수 예정", "Upcoming"),
    "closed": Text("마감", "Closed"),
    "not_announced": Text("미공고", "Not announced"),
    "rolling": Text("상시 접수", "Rolling"),
}

ROUND_KIND = {
    "fixed": Text("정해진 기간", "Fixed dates"),
    "budget": Text("예산 소진 시 마감", "Until the budget runs out"),
    "rolling": Text("상시", "Rolling"),
    "not_announced": Text("미공고", "Not announced"),
    "estimated": Text("추정", "Estimated"),
}

APPLICANT_TYPE = {
    "company": Text("기업", "Company"),
    "school": Text("학교", "School"),
    "individual": Text("개인", "Individual"),
}

MATURITY = {
    "open_call": Text("공모 중인 사업", "Open call"),
    "announced_policy": Text("발표된 정책", "Announced policy"),
    "planned": Text("계획 단계", "Planned"),
}

CRITERION_KIND = {
    "audience": Text("신청 대상", "Who can apply"),
    "criterion": Text("요건", "Criterion"),
    "exclusion": Text("제외 사유", "Exclusion"),
}

UNSETTLED = Text("자료에 없음", "The sources do not say")  # a criterion no answer can settle
TO_VERIFY = Text("확인 필요(출처 불충분)", "To verify (weak or no source)")
ESTIMATED = Text("추정", "estimated")
DONT_KNOW = Text("모름", "I don't know")
YES = Text("예", "Yes")
NO = Text("아니요", "No")
DAYS_LEFT = Text("D-{n}", "{n} days left")
CLOSES_TODAY = Text("오늘 마감", "Closes today")


def word(table: dict[str, Text], key: str, lang: str) -> str:
    """The label for `key` in `lang`, or the key itself when the table does not know it."""
    text = table.get(key)
    return text.get(lang) if text else key


def days_left_text(days: int | None, lang: str) -> str:
    if days is None:
        return ""
    if days == 0:
        return CLOSES_TODAY.get(lang)
    if days < 0:
        return Text(f"{-days}일 지남", f"{-days} days ago").get(lang)
    return DAYS_LEFT.get(lang).format(n=days)


def audience_text(audience: tuple[str, ...]) -> Text:
    ko = "·".join(APPLICANT_TYPE[a].ko for a in audience if a in APPLICANT_TYPE)
    en_words = {"company": "companies", "school": "schools", "individual": "individuals"}
    en = ", ".join(en_words.get(a, a) for a in audience)
    return Text(f"신청 대상: {ko}", f"Open to: {en}")
