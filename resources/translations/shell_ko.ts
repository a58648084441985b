<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR" sourcelanguage="en_US">
    <context>
        <name>AnswerField</name>
        <message>
            <location filename="../../desktop/ui/wizard/fields/base.py" line="+194" />
            <source>Please answer, or choose “I don't know”.</source>
            <translation>답하거나 ‘모름’을 고르세요.</translation>
        </message>
        <message>
            <location line="+97" />
            <source>I don't know</source>
            <translation>모름</translation>
        </message>
    </context>
    <context>
        <name>Banner</name>
        <message>
            <location filename="../../desktop/ui/banner.py" line="+67" />
            <source>Close</source>
            <translation>닫기</translation>
        </message>
    </context>
    <context>
        <name>ChoiceField</name>
        <message>
            <location filename="../../desktop/ui/wizard/fields/choices.py" line="+69" />
            <location line="+73" />
            <source>I don't know</source>
            <translation>모름</translation>
        </message>
        <message>
            <location line="-41" />
            <source>Yes</source>
            <translation>예</translation>
        </message>
        <message>
            <location line="+0" />
            <source>No</source>
            <translation>아니요</translation>
        </message>
        <message>
            <location line="+38" />
            <source>(choose)</source>
            <translation>(선택)</translation>
        </message>
        <message>
            <location line="+82" />
            <source>None of these</source>
            <translation>해당 없음</translation>
        </message>
    </context>
    <context>
        <name>DateField</name>
        <message>
            <location line="+1" />
            <location line="+1" />
            <source>Pick a date from a calendar</source>
            <translation>달력에서 날짜 고르기</translation>
        </message>
        <message>
            <source>e.g. 1968-03-15</source>
            <translation>예: 1968-03-15, 1968년 3월 15일</translation>
        </message>
    </context>
    <context>
        <name>EntryField</name>
        <message>
            <location filename="../../desktop/ui/wizard/fields/entry.py" line="+101" />
            <source>e.g. 1,250</source>
            <translation>예: 1,250</translation>
        </message>
        <message>
            <source>e.g. 300 million or 1.2bn</source>
            <translation>예: 3억 5천만, 1,230억</translation>
        </message>
    </context>
    <context>
        <name>ErrorHandler</name>
        <message>
            <location filename="../../desktop/ui/errors.py" line="+77" />
            <source>Something went wrong</source>
            <translation>문제가 생겼습니다</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Something went wrong, but your answers are saved.</source>
            <translation>문제가 생겼지만 답변은 저장되어 있습니다.</translation>
        </message>
        <message>
            <source>Jiwon is not allowed to use this file or folder. Choose another folder, or ask whoever manages this computer.</source>
            <translation>Jiwon에 이 파일이나 폴더를 쓸 권한이 없습니다. 다른 폴더를 고르거나 이 컴퓨터 관리자에게 물어보세요.</translation>
        </message>
        <message>
            <source>The disk is full. Free some space, or choose another disk.</source>
            <translation>디스크가 가득 찼습니다. 공간을 비우거나 다른 디스크를 고르세요.</translation>
        </message>
        <message>
            <source>This disk can only be read. Choose another folder.</source>
            <translation>이 디스크는 읽기만 할 수 있습니다. 다른 폴더를 고르세요.</translation>
        </message>
        <message>
            <source>The file or folder is not there (any more). Check the name, or choose another one.</source>
            <translation>파일이나 폴더가 (더 이상) 없습니다. 이름을 확인하거나 다른 것을 고르세요.</translation>
        </message>
        <message>
            <source>That is a folder, not a file. Choose a file.</source>
            <translation>파일이 아니라 폴더입니다. 파일을 고르세요.</translation>
        </message>
        <message>
            <source>The file could not be used. If it is open in another program, close it there and try again.</source>
            <translation>파일을 쓸 수 없었습니다. 다른 프로그램에서 열려 있다면 그 프로그램에서 닫고 다시 해 보세요.</translation>
        </message>
        <message>
            <source>Try again. If it happens again, restart Jiwon; your answers are saved.</source>
            <translation>다시 해 보세요. 또 생기면 Jiwon을 다시 시작하세요. 답변은 저장되어 있습니다.</translation>
        </message>
        <message>
            <source>Details were written to %1.</source>
            <translation>자세한 내용은 %1에 기록했습니다.</translation>
        </message>
    </context>
    <context>
        <name>IndustryField</name>
        <message>
            <location line="+1" />
            <location line="+1" />
            <source>Show all industries</source>
            <translation>전체 업종 보기</translation>
        </message>
        <message>
            <source>Type a code or part of the name, e.g. C25 or metal</source>
            <translation>코드나 이름 일부를 입력하세요. 예: C25, 30320, 금속</translation>
        </message>
    </context>
    <context>
        <name>LivePanel</name>
        <message>
            <location filename="../../desktop/ui/wizard/live_panel.py" line="+107" />
            <source>Double-click an undetermined program to go to its question.</source>
            <translation>‘판단 보류’ 사업을 두 번 누르면 그 질문으로 갑니다.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Programs for other kinds of applicants are not listed (%1).</source>
            <translation>다른 신청자 유형 대상 사업은 표시하지 않습니다(%1개).</translation>
        </message>
        <message>
            <location line="+49" />
            <source>Would be decided by:</source>
            <translation>이 질문에 답하면 판정됩니다:</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Not met:</source>
            <translation>충족하지 못한 조건:</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Programs, as of your answers so far</source>
            <translation>지금까지의 답변으로 본 지원사업</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Program</source>
            <translation>사업</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Status</source>
            <translation>상태</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="1" />
            <source>&amp;Guide</source>
            <translation>사용 안내(&amp;G)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="1" />
            <source>&amp;Keyboard shortcuts</source>
            <translation>단축키(&amp;K)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="+287" />
            <source>Answers are saved as you give them.</source>
            <translation>답변은 입력하는 즉시 저장됩니다.</translation>
        </message>
        <message>
            <location line="+61" />
            <source>(new program)</source>
            <translation>(새 사업)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>(no longer listed)</source>
            <translation>(목록에서 빠짐)</translation>
        </message>
        <message>
            <location line="+6" />
            <source>The program rules changed since this profile was last checked; no program's outcome changed.</source>
            <translation>이 프로필을 마지막으로 확인한 뒤 사업 규칙이 바뀌었지만, 결과가 달라진 사업은 없습니다.</translation>
        </message>
        <message>
            <location line="+69" />
            <source>Your saved profiles could not be read or written</source>
            <translation>저장된 프로필을 읽거나 쓰지 못했습니다</translation>
        </message>
        <message>
            <location line="-73" />
            <source>The program rules changed since this profile was last checked. Programs that now come out differently (%1):</source>
            <translation>이 프로필을 마지막으로 확인한 뒤 사업 규칙이 바뀌었습니다. 결과가 달라진 사업(%1개):</translation>
        </message>
        <message>
            <location line="+81" />
            <source>Some rule files could not be loaded completely (%1). Programs with errors are left out until they are fixed:</source>
            <translation>일부 규칙 파일을 제대로 불러오지 못했습니다(%1개). 오류가 있는 사업은 고칠 때까지 빠집니다:</translation>
        </message>
        <message>
            <location line="+5" />
            <source>Show details</source>
            <translation>자세히 보기</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Hide details</source>
            <translation>자세히 숨기기</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Answers are not being saved</source>
            <translation>답변이 저장되지 않고 있습니다</translation>
        </message>
        <message>
            <location line="+2" />
            <source>You can keep working, but everything is lost when Jiwon is closed.</source>
            <translation>계속 작업할 수 있지만, 지원(Jiwon)을 닫으면 모두 사라집니다.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>The saved-profiles file was damaged</source>
            <translation>저장 파일이 손상되어 있었습니다</translation>
        </message>
        <message>
            <location line="+1" />
            <source>It was set aside (not deleted) as %1 and a fresh, empty file was started.</source>
            <translation>손상된 파일은 지우지 않고 다른 이름(%1)으로 옮겨 두었고, 새 빈 파일로 시작했습니다.</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Close this message</source>
            <translation>이 알림 닫기</translation>
        </message>
        <message>
            <location line="+6" />
            <source>Jiwon – support programs</source>
            <translation>지원 – 정부 지원사업 자격 도우미</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Saved on this computer</source>
            <translation>이 컴퓨터에 저장됨</translation>
        </message>
        <message>
            <location line="+9" />
            <source>&amp;File</source>
            <translation>파일(&amp;F)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;View</source>
            <translation>보기(&amp;V)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Language</source>
            <translation>언어(&amp;L)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Help</source>
            <translation>도움말(&amp;H)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Main toolbar</source>
            <translation>주 도구 모음</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;New profile…</source>
            <translation>새 프로필(&amp;N)…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Import profile…</source>
            <translation>프로필 가져오기(&amp;I)…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Export profile…</source>
            <translation>프로필 내보내기(&amp;E)…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Save &amp;PDF…</source>
            <translation>PDF로 저장(&amp;P)…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>P&amp;rint…</source>
            <translation>인쇄(&amp;R)…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Print pre&amp;view…</source>
            <translation>인쇄 미리 보기(&amp;V)…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Quit</source>
            <translation>끝내기(&amp;Q)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Start</source>
            <translation>시작(&amp;S)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Questions</source>
            <translation>질문(&amp;Q)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Results</source>
            <translation>결과(&amp;R)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Deadlines</source>
            <translation>신청 기간(&amp;D)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="+0" />
            <source>&amp;Clients…</source>
            <translation>고객(&amp;C)…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;About Jiwon</source>
            <translation>지원(Jiwon) 정보(&amp;A)</translation>
        </message>
        <message>
            <location line="+7" />
            <source>Saved profiles and new ones</source>
            <translation>저장된 프로필과 새 프로필</translation>
        </message>
        <message>
            <location line="+1" />
            <source>The questions for the open profile</source>
            <translation>열린 프로필의 질문</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Which programs fit, and why</source>
            <translation>맞는 사업과 그 이유</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Every program's application windows</source>
            <translation>모든 사업의 신청 기간</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Save the results as a PDF report</source>
            <translation>결과를 PDF 보고서로 저장</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Print the results</source>
            <translation>결과 인쇄</translation>
        </message>
        <message>
            <source>&amp;Answers</source>
            <translation>답변(&amp;A)</translation>
        </message>
        <message>
            <source>Every answer of the open profile, to change any of them</source>
            <translation>열린 프로필의 모든 답변을 보고 바꿉니다</translation>
        </message>
        <message>
            <source>Some saved answers of this profile could not be read</source>
            <translation>이 프로필의 저장된 답변 가운데 읽을 수 없는 것이 있습니다</translation>
        </message>
        <message>
            <source>They were left out and are asked again; answering one replaces what was damaged: %1</source>
            <translation>그 답변은 빼고 열었으며 다시 묻습니다. 다시 답하면 손상된 내용이 바뀝니다: %1</translation>
        </message>
    </context>
    <context>
        <name>NewProfileDialog</name>
        <message>
            <location filename="../../desktop/ui/new_profile_dialog.py" line="+69" />
            <source>New company</source>
            <translation>새 기업</translation>
        </message>
        <message>
            <location line="+0" />
            <source>New school</source>
            <translation>새 학교</translation>
        </message>
        <message>
            <location line="+1" />
            <source>New individual</source>
            <translation>새 개인</translation>
        </message>
        <message>
            <location line="+10" />
            <source>A company or a start-up: SME support, AI transformation, smart factories, investment.</source>
            <translation>기업·창업기업: 중소기업 지원, AI 전환, 스마트공장, 투자.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>A vocational high school: the SME Specialized High School project and its tracks.</source>
            <translation>직업계고: 중소기업 특성화고 인력양성 사업과 그 과정들.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>A person: re-employment, training and job-search support.</source>
            <translation>개인: 재취업, 직업훈련, 구직 지원.</translation>
        </message>
        <message>
            <location line="+7" />
            <source>New profile</source>
            <translation>새 프로필</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Name:</source>
            <translation>이름(&amp;N):</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Who is applying:</source>
            <translation>신청자:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Company</source>
            <translation>기업(&amp;C)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;School</source>
            <translation>학교(&amp;S)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Individual</source>
            <translation>개인(&amp;I)</translation>
        </message>
    </context>
    <context>
        <name>StartPage</name>
        <message>
            <location filename="../../desktop/ui/start_page.py" line="+159" />
            <source>Programs open to this kind of applicant, as of the last check</source>
            <translation>이 신청자 유형이 신청할 수 있는 사업 기준, 마지막 확인 결과</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Not yet</source>
            <translation>아직 없음</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Checked with earlier rules</source>
            <translation>이전 규칙으로 확인함</translation>
        </message>
        <message>
            <location line="+2" />
            <source>The program rules changed since this profile was last checked. Open it, or re-check all in View → Clients, to see whether anything changed for it.</source>
            <translation>이 프로필을 마지막으로 확인한 뒤 사업 규칙이 바뀌었습니다. 달라진 점이 있는지는 프로필을 열거나 보기 → 고객에서 모두 다시 확인하면 알 수 있습니다.</translation>
        </message>
        <message>
            <location line="+4" />
            <source>Results changed</source>
            <translation>결과 달라짐</translation>
        </message>
        <message>
            <location line="+2" />
            <source>What changed at the last check:</source>
            <translation>마지막 확인에서 달라진 점:</translation>
        </message>
        <message>
            <location line="+83" />
            <source>Rename profile</source>
            <translation>프로필 이름 바꾸기</translation>
        </message>
        <message>
            <location line="+0" />
            <source>New name:</source>
            <translation>새 이름:</translation>
        </message>
        <message>
            <location line="+18" />
            <source> (copy)</source>
            <translation> (사본)</translation>
        </message>
        <message>
            <location line="+15" />
            <source>Delete profile</source>
            <translation>프로필 삭제</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Delete</source>
            <translation>삭제(&amp;D)</translation>
        </message>
        <message>
            <location line="+21" />
            <location line="+13" />
            <location line="+5" />
            <source>Import profile</source>
            <translation>프로필 가져오기</translation>
        </message>
        <message>
            <location line="-17" />
            <source>Profile files (*.yaml *.yml *.json);;All files (*)</source>
            <translation>프로필 파일 (*.yaml *.yml *.json);;모든 파일 (*)</translation>
        </message>
        <message>
            <location line="+13" />
            <source>%1 could not be imported.</source>
            <translation>가져오지 못했습니다: %1</translation>
        </message>
        <message>
            <location line="+5" />
            <source>%1 could not be read.</source>
            <translation>읽지 못했습니다: %1</translation>
        </message>
        <message>
            <location line="+22" />
            <location line="+15" />
            <source>Export profile</source>
            <translation>프로필 내보내기</translation>
        </message>
        <message>
            <location line="-14" />
            <source>Profile files (*.yaml *.yml *.json)</source>
            <translation>프로필 파일 (*.yaml *.yml *.json)</translation>
        </message>
        <message>
            <location line="+15" />
            <source>The profile could not be written to %1.</source>
            <translation>프로필을 %1에 쓰지 못했습니다.</translation>
        </message>
        <message>
            <location line="+17" />
            <source>Which support programs can you apply for?</source>
            <translation>어떤 지원사업을 신청할 수 있을까요?</translation>
        </message>
        <message>
            <location line="+2" />
            <source>Answer a few questions about a company, a school or yourself. Jiwon asks only what can still change a result, shows every program's status as you go, and saves each answer at once on this computer.</source>
            <translation>기업, 학교 또는 본인에 대해 몇 가지 질문에 답하세요. 결과를 바꿀 수 있는 질문만 묻고, 답할 때마다 모든 사업의 상태를 보여 주며, 답변은 이 컴퓨터에 즉시 저장합니다.</translation>
        </message>
        <message>
            <location line="+3" />
            <source>Start a new profile:</source>
            <translation>새 프로필 시작:</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Company</source>
            <translation>기업(&amp;C)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;School</source>
            <translation>학교(&amp;S)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Individual</source>
            <translation>개인(&amp;I)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Saved profiles</source>
            <translation>저장된 프로필</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Name</source>
            <translation>이름</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Applicant</source>
            <translation>신청자</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Last checked</source>
            <translation>마지막 확인</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Outcome</source>
            <translation>결과</translation>
        </message>
        <message>
            <location line="+0" />
            <source>Rules</source>
            <translation>규칙</translation>
        </message>
        <message>
            <location line="+2" />
            <source>No saved profiles yet.
Start with a new company, school or individual profile above, or import a profile file.</source>
            <translation>저장된 프로필이 아직 없습니다.
위에서 기업, 학교, 개인 프로필을 새로 시작하거나 프로필 파일을 가져오세요.</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Open</source>
            <translation>열기(&amp;O)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Rename…</source>
            <translation>이름 바꾸기(&amp;R)…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>D&amp;uplicate</source>
            <translation>복제(&amp;U)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Delete…</source>
            <translation>삭제(&amp;D)…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>I&amp;mport…</source>
            <translation>가져오기(&amp;M)…</translation>
        </message>
        <message>
            <location line="+1" />
            <source>E&amp;xport…</source>
            <translation>내보내기(&amp;X)…</translation>
        </message>
        <message>
            <source>Delete the profile “%1”?</source>
            <translation>‘%1’ 프로필을 삭제할까요?</translation>
        </message>
        <message>
            <source>You can undo this right away, or restore it with its answers and check history from “Deleted profiles” for %1 days.</source>
            <translation>바로 되돌릴 수 있고, %1일 동안은 ‘삭제한 프로필’에서 답변과 확인 기록까지 그대로 복원할 수 있습니다.</translation>
        </message>
        <message>
            <source>“%1” was deleted.</source>
            <translation>‘%1’ 프로필을 삭제했습니다.</translation>
        </message>
        <message>
            <source>&amp;Undo</source>
            <translation>되돌리기(&amp;U)</translation>
        </message>
        <message>
            <source>Close this message</source>
            <translation>이 알림 닫기</translation>
        </message>
        <message>
            <source>Deleted &amp;profiles…</source>
            <translation>삭제한 프로필(&amp;P)…</translation>
        </message>
        <message>
            <source>&amp;Answers…</source>
            <translation>답변(&amp;A)…</translation>
        </message>
        <message>
            <source>Every answer of this profile, to change any of them</source>
            <translation>이 프로필의 모든 답변을 보고 바꿉니다</translation>
        </message>
    </context>
    <context>
        <name>Startup</name>
        <message>
            <location filename="../../desktop/ui/app.py" line="+78" />
            <source>Saved profiles are not available</source>
            <translation>저장된 프로필을 쓸 수 없습니다</translation>
        </message>
        <message>
            <location line="+2" />
            <source>You can try again, work without saving, or quit.</source>
            <translation>다시 시도하거나, 저장 없이 작업하거나, 끝낼 수 있습니다.</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Try again</source>
            <translation>다시 시도(&amp;T)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>&amp;Work without saving</source>
            <translation>저장 없이 작업(&amp;W)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>&amp;Quit</source>
            <translation>끝내기(&amp;Q)</translation>
        </message>
    </context>
    <context>
        <name>WizardView</name>
        <message>
            <location filename="../../desktop/ui/wizard/view.py" line="+418" />
            <source>%1 answered, %2 still to go</source>
            <translation>%1개 답변, %2개 남음</translation>
        </message>
        <message>
            <location line="+3" />
            <source>%1 answered, nothing left to ask</source>
            <translation>%1개 답변, 더 물을 것 없음</translation>
        </message>
        <message>
            <location line="+11" />
            <source>See &amp;results</source>
            <translation>결과 보기(&amp;R)</translation>
        </message>
        <message>
            <location line="+0" />
            <source>&amp;Next</source>
            <translation>다음(&amp;N)</translation>
        </message>
        <message>
            <location line="+26" />
            <source>Questions</source>
            <translation>질문</translation>
        </message>
        <message>
            <location line="+5" />
            <source>&amp;Back</source>
            <translation>이전(&amp;B)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Previous page (Alt+Left)</source>
            <translation>이전 페이지 (Alt+←)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Next page (Enter, Alt+Right)</source>
            <translation>다음 페이지 (Enter, Alt+→)</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Show results &amp;now</source>
            <translation>지금 결과 보기(&amp;W)</translation>
        </message>
        <message>
            <location line="+2" />
            <source>See the results with the answers so far; unanswered questions stay open</source>
            <translation>지금까지의 답변으로 결과를 봅니다. 답하지 않은 질문은 그대로 남습니다</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Back</source>
            <translation>이전</translation>
        </message>
        <message>
            <location line="+1" />
            <source>Next</source>
            <translation>다음</translation>
        </message>
        <message>
            <source>%1 answered, %2 still to go (your last answer added %3)</source>
            <translation>%1개 답변, %2개 남음 (방금 답변으로 %3개 늘어남)</translation>
        </message>
        <message>
            <source>All &amp;answers…</source>
            <translation>전체 답변(&amp;A)…</translation>
        </message>
        <message>
            <source>Every answer so far on one page, to change any of them</source>
            <translation>지금까지의 모든 답변을 한 페이지에서 보고 바꿉니다</translation>
        </message>
    </context>
    <context>
        <name>_Missing</name>
        <message>
            <location filename="../../desktop/ui/main_window.py" line="-442" />
            <source>This view is not available in this version.</source>
            <translation>이 버전에서는 이 화면을 쓸 수 없습니다.</translation>
        </message>
    </context>
    <context>
        <name>TrashDialog</name>
        <message>
            <source>%1 (kept %2 more days)</source>
            <translation>%1 (앞으로 %2일 보관)</translation>
        </message>
        <message>
            <source>Deleted profiles</source>
            <translation>삭제한 프로필</translation>
        </message>
        <message>
            <source>Deleted profiles stay here with all their answers for %1 days, then they are removed for good.</source>
            <translation>삭제한 프로필은 모든 답변과 함께 %1일 동안 여기에 보관된 뒤 완전히 지워집니다.</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>이름</translation>
        </message>
        <message>
            <source>Applicant</source>
            <translation>신청자</translation>
        </message>
        <message>
            <source>Deleted</source>
            <translation>삭제한 때</translation>
        </message>
        <message>
            <source>No deleted profiles.</source>
            <translation>삭제한 프로필이 없습니다.</translation>
        </message>
        <message>
            <source>&amp;Restore</source>
            <translation>복원(&amp;R)</translation>
        </message>
    </context>
    <context>
        <name>ReviewPage</name>
        <message>
            <source>Not used now: with the other answers this question does not apply. The answer (%1) is kept in case that changes back.</source>
            <translation>지금은 쓰지 않음: 다른 답변에 따르면 이 질문은 해당하지 않습니다. 답변(%1)은 다시 해당할 때를 위해 보관합니다.</translation>
        </message>
        <message>
            <source>Go to question</source>
            <translation>질문으로 가기</translation>
        </message>
        <message>
            <source>Open this question's page, with the questions around it</source>
            <translation>이 질문이 있는 페이지를 주변 질문과 함께 엽니다</translation>
        </message>
        <message>
            <source>Your answers</source>
            <translation>내 답변</translation>
        </message>
        <message>
            <source>Every answer given so far, by topic. Change one here and it is saved at once; the results follow.</source>
            <translation>지금까지 한 모든 답변을 주제별로 보여 줍니다. 여기서 바꾸면 바로 저장되고 결과도 따라 바뀝니다.</translation>
        </message>
        <message>
            <source>No answers yet.</source>
            <translation>아직 답변이 없습니다.</translation>
        </message>
        <message>
            <source>&amp;Questions</source>
            <translation>질문(&amp;Q)</translation>
        </message>
        <message>
            <source>See &amp;results</source>
            <translation>결과 보기(&amp;R)</translation>
        </message>
    </context>
</TS>
