"""Every fixed phrase the report prints, in Korean and English, in one place.

Status words for programs and deadlines come from the engine's labels so the PDF says exactly
what the app's screens say; the phrases here are the ones only a printed report needs (section
titles, column heads, notes).
"""

from __future__ import annotations

_WORDS: dict[str, tuple[str, str]] = {
    # document
    "doc_title": ("지원사업 자격 사전검토 보고서", "Support program eligibility pre-screening"),
    "doc_subject": (
        "정부 지원사업 신청 자격 사전검토 결과, 마감일, 준비 서류",
        "Pre-screening of eligibility for government support programs, deadlines and documents",
    ),
    "brand": ("Jiwon 지원", "Jiwon 지원"),
    "generated": ("생성일시", "Generated"),
    "rules_version": ("규칙 버전", "Rules version"),
    "assessment_date": ("검토 기준일", "Assessment date"),
    "applicant": ("신청자", "Applicant"),
    "applicant_type": ("신청자 유형", "Applicant type"),
    "page": ("쪽", "Page"),
    "footer_note": ("사전검토 결과이며 공식 결정이 아닙니다", "Pre-screening only, not an official decision"),
    "no_name": ("(이름 없음)", "(no name)"),
    # summary
    "summary": ("요약", "Summary"),
    "summary_counts": (
        "전체 {total}개 사업 중 신청 가능 {eligible}개, 판단 보류 {undetermined}개, 해당 없음 {ineligible}개",
        "Of {total} programs: {eligible} eligible, {undetermined} undetermined, {ineligible} not eligible",
    ),
    "summary_intro": (
        "신청 가능한 사업, 추가 확인이 필요한 사업, 해당하지 않는 사업 순으로 정리했습니다. "
        "각 사업의 판단 근거는 뒤쪽 사업별 설명에 있습니다.",
        "Eligible programs come first, then those that need more answers, then those that do not "
        "apply. The reasons for each outcome are in the section for each program.",
    ),
    "col_no": ("번호", "No."),
    "col_program": ("사업", "Program"),
    "col_status": ("판정", "Outcome"),
    "col_closes": ("마감일", "Closes"),
    "col_days_left": ("남은 기간", "Days left"),
    "no_programs": ("평가한 사업이 없습니다.", "No programs were assessed."),
    # programs
    "programs": ("사업별 검토 결과", "Program by program"),
    "operator": ("운영 기관", "Operator"),
    "track_of": ("상위 사업", "Track of"),
    "outcome_eligible": ("모든 자격 조건을 충족하고 제외 사유가 없습니다.",
                         "Every condition is met and no exclusion applies."),
    "outcome_ineligible": ("충족하지 않는 조건 {n}개: {names}.",
                           "Conditions not met ({n}): {names}."),
    "outcome_excluded": ("해당하는 제외 사유: {names}.", "Excluded because of: {names}."),
    "outcome_ineligible_audience": ("이 사업은 {who} 대상이 아닙니다.",
                                    "This program is not open to {who}."),
    "who_company": ("기업", "companies"),
    "who_school": ("학교", "schools"),
    "who_individual": ("개인", "individuals"),
    "outcome_undetermined": ("아래 질문에 답하면 판정할 수 있습니다.",
                             "Answering the questions below would decide it."),
    "outcome_undetermined_silent": ("출처가 밝히지 않은 조건이 있어 운영 기관의 확인이 필요합니다.",
                                    "The sources are silent on a condition; the operator must confirm it."),
    "deadline": ("접수 기간", "Application window"),
    "why": ("판단 근거", "Why"),
    "col_result": ("결과", "Result"),
    "col_criterion": ("조건", "Condition"),
    "col_values": ("사용한 값", "Values used"),
    "col_source": ("출처", "Source"),
    "excl_met": ("해당 없음", "does not apply"),
    "excl_not_met": ("해당", "applies"),
    "group_any": ("다음 중 하나", "one of"),
    "group_not": ("다음에 해당하지 않을 것", "must not hold"),
    "sources_silent": ("출처에 기준 없음 – 운영 기관 확인 필요",
                       "Sources are silent – ask the operator"),
    "missing": ("답이 필요한 질문", "Questions still to answer"),
    "missing_intro": ("아래 질문에 답하면 이 사업의 판정이 정해집니다. '모름'으로 답한 질문도 포함됩니다.",
                      "Answering these would decide this program; questions answered \u201cI don't know\u201d "
                      "are included."),
    "near_misses": ("아깝게 못 미친 기준", "Near misses"),
    "benefits": ("지원 내용", "Benefits"),
    "documents": ("준비 서류", "Documents to prepare"),
    "no_documents": ("출처에 준비 서류가 명시되어 있지 않습니다.", "The sources list no documents."),
    "apply": ("신청 방법", "How to apply"),
    "sources": ("출처", "Sources"),
    "reviewed": ("규칙 검토일", "Rule last reviewed"),
    "source_old": ("{months}개월 전 자료 – 최신 공고를 확인하세요",
                   "{months} months old – check the latest call"),
    "source_blog": ("비공식 자료 – 확인 필요", "unofficial source – to verify"),
    "source_press": ("언론 보도", "press report"),
    "source_official": ("공식 자료", "official"),
    # deadline words
    "estimated": ("예상", "estimated"),
    "window": ("{opens} ~ {closes}", "{opens} – {closes}"),
    "window_from": ("{opens}부터", "from {opens}"),
    "window_until": ("{closes}까지", "until {closes}"),
    "no_date": ("–", "–"),
    # combined checklist
    "checklist": ("준비 서류 통합 목록", "Combined document checklist"),
    "checklist_intro": (
        "신청 가능한 사업에 필요한 서류를 한데 모았습니다. 여러 사업이 요구하는 서류는 한 번만 적고 해당 사업을 함께 표시했습니다.",
        "The documents the eligible programs ask for, each listed once with the programs that ask "
        "for it.",
    ),
    "checklist_none": ("신청 가능한 사업이 없어 통합 목록이 비어 있습니다.",
                       "No program is eligible, so the combined list is empty."),
    "checklist_undetermined": (
        "판단 보류 사업(사업 번호 {numbers})의 서류는 판정이 정해진 뒤 각 사업 설명에서 확인하세요.",
        "For the undetermined programs (numbers {numbers}), see each program's own list once it "
        "is decided.",
    ),
    "asked_by_numbers": ("사업 {n}개 (요약표 번호 {numbers})", "{n} programs (summary numbers {numbers})"),
    "col_check": ("확인", "Done"),
    "col_document": ("서류", "Document"),
    "col_asked_by": ("요구하는 사업", "Asked for by"),
    # changes since the last assessment
    "changes": ("지난 확인 이후 달라진 점", "Changes since your last assessment"),
    "changes_intro": (
        "{old_date}에 {old_rules} 규칙으로 확인한 결과와 {new_date}에 {new_rules} 규칙으로 확인한 결과를 "
        "비교했습니다. 결과나 접수 일정이 달라진 사업만, 달라진 까닭과 함께 싣습니다.",
        "The check of {old_date} under rules {old_rules} compared with the check of {new_date} under "
        "rules {new_rules}: only the programs whose outcome or application dates changed, each with why.",
    ),
    # calendar
    "calendar": ("마감 일정 (향후 12개월)", "Deadline calendar (next 12 months)"),
    "calendar_intro": (
        "검토 기준일({start})부터 {months}개월 안에 접수가 시작되거나 마감되는 일정입니다. 신청할 수 없는 사업은 뺐습니다. "
        "'예상'은 예년 일정으로 추정한 날짜입니다.",
        "Windows opening or closing within {months} months of the assessment date ({start}), "
        "without the programs that do not apply. \u201cEstimated\u201d dates are inferred from "
        "previous years.",
    ),
    "calendar_none": ("향후 12개월 안에 알려진 일정이 없습니다.", "No known dates in the next 12 months."),
    "col_opens": ("접수 시작", "Opens"),
    # appendix
    "appendix": ("부록: 입력한 답변", "Appendix: the answers given"),
    "appendix_intro": ("이 보고서는 아래 답변으로 작성되었습니다. 답변이 바뀌면 결과도 바뀔 수 있습니다.",
                       "This report rests on these answers; different answers may change the outcome."),
    "col_question": ("질문", "Question"),
    "col_answer": ("답변", "Answer"),
    "no_answers": ("입력한 답변이 없습니다.", "No answers were given."),
    # closing
    "closing_title": ("유의 사항", "Please note"),
    "closing_1": (
        "이 보고서는 입력한 답변과 공개 자료를 바탕으로 한 사전검토 결과이며, 소관 부처나 운영 기관의 공식 결정이 아닙니다.",
        "This report is a pre-screening based on the answers given and on public sources. It is "
        "not an official decision of any ministry or operator.",
    ),
    "closing_2": (
        "신청 자격, 지원 내용, 일정은 공고마다 달라질 수 있습니다. 신청 전에 최신 공고문과 운영 기관에 반드시 확인하세요.",
        "Eligibility, benefits and dates change from call to call. Always check the latest call "
        "and the operator before applying.",
    ),
    "closing_3": (
        "'확인 필요' 표시는 비공식 자료에 근거하거나 출처가 밝히지 않은 조건입니다.",
        "\u201cTo verify\u201d marks conditions that rest on unofficial sources or that the sources "
        "do not state.",
    ),
}


def w(key: str, lang: str, **fields: object) -> str:
    """The phrase `key` in `lang` ("ko" or "en"), with `{fields}` filled in."""
    ko, en = _WORDS[key]
    text = en if lang == "en" else ko
    return text.format(**fields) if fields else text


def has(key: str) -> bool:
    return key in _WORDS
