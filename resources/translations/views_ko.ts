<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
    <context>
        <name>AboutDialog</name>
        <message>
            <location filename="../../desktop/ui/about_dialog.py" line="1" />
            <source>Profiles saved in:</source>
            <translation>프로필 저장 위치:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/about_dialog.py" line="1" />
            <source>Not saved: this session works without saving</source>
            <translation>저장 안 함: 이번 실행은 저장하지 않고 작업합니다</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/about_dialog.py" line="154" />
            <source>About Jiwon</source>
            <translation>Jiwon(지원) 정보</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/about_dialog.py" line="157" />
            <source>Checks which Korean government support programs a company, school or person can apply for, why, and by when. It runs offline: your answers stay on this computer. The results are a pre-screening, not an official decision.</source>
            <translation>기업·학교·개인이 신청할 수 있는 정부 지원사업과 그 이유, 마감일을 알려 줍니다. 인터넷 연결 없이 작동하며 입력한 답변은 이 컴퓨터 밖으로 나가지 않습니다. 결과는 사전검토이며 공식 결정이 아닙니다.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/about_dialog.py" line="160" />
            <source>Program version:</source>
            <translation>프로그램 버전:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/about_dialog.py" line="161" />
            <source>Rules version:</source>
            <translation>규칙 버전:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/about_dialog.py" line="162" />
            <source>Programs loaded:</source>
            <translation>불러온 사업 수:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/about_dialog.py" line="164" />
            <source>Component</source>
            <translation>구성 요소</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/about_dialog.py" line="164" />
            <source>Version</source>
            <translation>버전</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/about_dialog.py" line="164" />
            <source>Licence</source>
            <translation>라이선스</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/about_dialog.py" line="166" />
            <source>Qt and PySide6 are used under the GNU Lesser General Public License v3; you may replace them with your own build. The other libraries' licences permit redistribution with this notice.</source>
            <translation>Qt와 PySide6는 GNU 약소 일반 공중 사용 허가서(LGPL) v3에 따라 사용하며, 직접 빌드한 버전으로 바꿔 쓸 수 있습니다. 다른 라이브러리의 라이선스는 이 고지와 함께 재배포하는 것을 허용합니다.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/about_dialog.py" line="169" />
            <source>Libraries</source>
            <translation>라이브러리</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/about_dialog.py" line="170" />
            <source>Font licence</source>
            <translation>글꼴 라이선스</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/about_dialog.py" line="172" />
            <source>Korean text is shown and printed in the NanumGothic font by NAVER, shipped with the program under the SIL Open Font License 1.1:</source>
            <translation>한글은 네이버의 나눔고딕 글꼴로 표시하고 인쇄합니다. 이 글꼴은 SIL 오픈 폰트 라이선스 1.1에 따라 프로그램과 함께 배포됩니다:</translation>
        </message>
    </context>
    <context>
        <name>DeadlinesView</name>
        <message>
            <location filename="../../desktop/ui/deadlines_view.py" line="298" />
            <source>today</source>
            <extracomment>closed rounds are listed for this long after they closed a program id whose row the user opened (double click / Enter)</extracomment>
            <translation>오늘</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/deadlines_view.py" line="302" />
            <source>estimated</source>
            <translation>예상</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/deadlines_view.py" line="301" />
            <source>Estimated from previous years; not announced yet.</source>
            <translation>예년 일정으로 추정한 날짜입니다. 아직 공고되지 않았습니다.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/deadlines_view.py" line="310" />
            <source>Program</source>
            <translation>사업</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/deadlines_view.py" line="310" />
            <source>Who can apply</source>
            <translation>신청 대상</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/deadlines_view.py" line="310" />
            <source>Status</source>
            <translation>상태</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/deadlines_view.py" line="310" />
            <source>Opens</source>
            <translation>접수 시작</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/deadlines_view.py" line="311" />
            <source>Closes</source>
            <translation>마감</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/deadlines_view.py" line="311" />
            <source>Days left</source>
            <translation>남은 기간</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/deadlines_view.py" line="311" />
            <source>Estimate</source>
            <translation>추정 여부</translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/ui/deadlines_view.py" line="319" />
            <source>%n window</source>
            <translation>
                <numerusform>접수 기간 %n건</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/ui/deadlines_view.py" line="320" />
            <source>%n windows</source>
            <translation>
                <numerusform>접수 기간 %n건</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../desktop/ui/deadlines_view.py" line="336" />
            <source>Deadlines</source>
            <translation>마감 일정</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/deadlines_view.py" line="340" />
            <source>Every program's application windows as of %1 (Korean time), closing soonest first; closed windows at the end. Estimated windows are inferred from previous years and not yet announced.</source>
            <translation>%1(한국 시간) 기준 모든 사업의 접수 기간입니다. 마감이 가까운 순서로 보여 주며 마감된 기간은 맨 뒤에 있습니다. '추정'은 아직 공고되지 않아 예년 일정으로 추정한 기간입니다.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/deadlines_view.py" line="344" />
            <source>&amp;Who can apply:</source>
            <translation>신청 대상(&amp;W):</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/deadlines_view.py" line="345" />
            <source>&amp;Status:</source>
            <translation>상태(&amp;S):</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/deadlines_view.py" line="346" />
            <source>Everyone</source>
            <translation>전체</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/deadlines_view.py" line="349" />
            <source>Any status</source>
            <translation>모든 상태</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/deadlines_view.py" line="353" />
            <source>Export to calendar…</source>
            <translation>캘린더로 내보내기…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/deadlines_view.py" line="355" />
            <source>Saves the windows of the next 12 months as a calendar file (.ics) with a reminder 7 days before each closing date.</source>
            <translation>향후 12개월의 접수 기간을 캘린더 파일(.ics)로 저장합니다. 마감 7일 전에 알림이 울립니다.</translation>
        </message>
    </context>
    <context>
        <name>PreviewDialog</name>
        <message>
            <location filename="../../desktop/ui/report_actions/preview.py" line="135" />
            <source>Page %1 of %2</source>
            <translation>%2쪽 중 %1쪽</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/report_actions/preview.py" line="160" />
            <source>Report preview</source>
            <translation>보고서 미리 보기</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/report_actions/preview.py" line="161" />
            <source>Zoom in</source>
            <translation>확대</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/report_actions/preview.py" line="162" />
            <source>Zoom out</source>
            <translation>축소</translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/ui/report_actions/preview.py" line="164" />
            <source>%n page</source>
            <translation>
                <numerusform>%n쪽</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/ui/report_actions/preview.py" line="165" />
            <source>%n pages</source>
            <translation>
                <numerusform>%n쪽</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../desktop/ui/report_actions/preview.py" line="166" />
            <source>Save PDF…</source>
            <translation>PDF 저장…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/report_actions/preview.py" line="167" />
            <source>Print…</source>
            <translation>인쇄…</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/report_actions/preview.py" line="168" />
            <source>Close</source>
            <translation>닫기</translation>
        </message>
    </context>
    <context>
        <name>ProgramDetail</name>
        <message>
            <location filename="../../desktop/ui/results/detail.py" line="114" />
            <source>Select a program on the left to see why it has this outcome.</source>
            <extracomment>question id -&gt; its button (for the keyboard, tests and the main window) the labels of the current detail by role, e.g. "near_miss", "warnings"</extracomment>
            <translation>왼쪽에서 사업을 고르면 판정 근거를 볼 수 있습니다.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/results/detail.py" line="141" />
            <source>Track of %1</source>
            <translation>%1의 세부 트랙</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/results/detail.py" line="174" />
            <source>Application window</source>
            <translation>접수 기간</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/results/detail.py" line="196" />
            <source>Conditions</source>
            <translation>자격 조건</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/results/detail.py" line="199" />
            <source>Exclusions</source>
            <translation>제외 사유</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/results/detail.py" line="200" />
            <source>Any of these rules a program out.</source>
            <translation>하나라도 해당하면 신청할 수 없습니다.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/results/detail.py" line="207" />
            <source>Benefits</source>
            <translation>지원 내용</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/results/detail.py" line="209" />
            <source>estimated</source>
            <translation>예상</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/results/detail.py" line="218" />
            <source>Documents to prepare</source>
            <translation>준비 서류</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/results/detail.py" line="223" />
            <source>The sources list no documents.</source>
            <translation>출처에 준비 서류가 명시되어 있지 않습니다.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/results/detail.py" line="225" />
            <source>Where to apply</source>
            <translation>신청 방법</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/results/detail.py" line="230" />
            <source>Opens in your web browser</source>
            <translation>웹 브라우저에서 열립니다</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/results/detail.py" line="240" />
            <source>Sources</source>
            <translation>출처</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/results/detail.py" line="244" />
            <source>Rules last reviewed %1.</source>
            <translation>규칙 최종 검토일: %1</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/results/detail.py" line="254" />
            <source>This information may be out of date: the newest source is from %1, more than a year before the assessment date (%2). Check the current call for applications.</source>
            <translation>정보가 오래되었을 수 있습니다. 가장 최근 출처가 %1 자료로, 검토 기준일(%2)보다 1년 이상 전입니다. 최신 공고를 확인하세요.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/results/detail.py" line="260" />
            <source>The application window is an estimate from previous years; the actual dates have not been announced.</source>
            <translation>접수 기간은 예년 일정으로 추정한 것이며, 실제 일정은 아직 공고되지 않았습니다.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/results/detail.py" line="263" />
            <source>The sources say nothing about some conditions; only the operator can confirm them.</source>
            <translation>출처에 기준이 나와 있지 않은 조건이 있어 운영 기관만 확인할 수 있습니다.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/results/detail.py" line="266" />
            <source>Some conditions rest on unofficial sources and are marked “to verify”.</source>
            <translation>일부 조건은 비공식 자료에 근거하므로 '확인 필요'로 표시했습니다.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/results/detail.py" line="272" />
            <source>Questions that would decide it</source>
            <translation>판정에 필요한 질문</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/results/detail.py" line="275" />
            <source>No answer of yours can decide this program: the sources are silent on a condition, so ask the operator.</source>
            <translation>답변만으로는 판정할 수 없습니다. 출처에 기준이 없는 조건이 있으니 운영 기관에 문의하세요.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/results/detail.py" line="278" />
            <source>Answer these to decide this program. Click a question to answer it now.</source>
            <translation>아래 질문에 답하면 이 사업의 판정이 정해집니다. 질문을 누르면 바로 답할 수 있습니다.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/results/detail.py" line="284" />
            <source>(you answered “I don't know”)</source>
            <translation>('모름'으로 답함)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/results/detail.py" line="299" />
            <source>Why not</source>
            <translation>신청할 수 없는 이유</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/results/detail.py" line="302" />
            <source>Excluded:</source>
            <translation>제외:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/results/detail.py" line="310" />
            <source>Close to the limit</source>
            <translation>아깝게 못 미친 기준</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/results/detail.py" line="372" />
            <source>to verify</source>
            <translation>확인 필요</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/results/detail.py" line="353" />
            <source>At least one of these:</source>
            <translation>다음 중 하나 이상:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/results/detail.py" line="352" />
            <source>All of these:</source>
            <translation>다음을 모두 충족:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/results/detail.py" line="354" />
            <source>None of these may hold:</source>
            <translation>다음에 해당하지 않을 것:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/results/detail.py" line="381" />
            <source>Values used:</source>
            <translation>사용한 값:</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/results/detail.py" line="383" />
            <source>The sources are silent on this; ask the operator.</source>
            <translation>출처에 기준이 없습니다. 운영 기관에 문의하세요.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/results/detail.py" line="385" />
            <source>Source:</source>
            <translation>출처:</translation>
        </message>
        <message>
            <source>Change this answer</source>
            <translation>이 답변 바꾸기</translation>
        </message>
        <message>
            <source>Change these answers</source>
            <translation>이 답변들 바꾸기</translation>
        </message>
    </context>
    <context>
        <name>ProgramList</name>
        <message>
            <location filename="../../desktop/ui/results/program_list.py" line="135" />
            <source>Program</source>
            <translation>사업</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/results/program_list.py" line="135" />
            <source>Application window</source>
            <translation>접수 기간</translation>
        </message>
    </context>
    <context>
        <name>ReportActions</name>
        <message>
            <location filename="../../desktop/ui/report_actions/__init__.py" line="100" />
            <location filename="../../desktop/ui/report_actions/__init__.py" line="121" />
            <source>Save PDF report</source>
            <translation>PDF 보고서 저장</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/report_actions/__init__.py" line="105" />
            <location filename="../../desktop/ui/report_actions/__init__.py" line="124" />
            <source>PDF files (*.pdf)</source>
            <translation>PDF 파일 (*.pdf)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/report_actions/__init__.py" line="112" />
            <location filename="../../desktop/ui/report_actions/__init__.py" line="131" />
            <source>The report could not be saved to %1.</source>
            <translation>보고서를 %1에 저장하지 못했습니다.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/report_actions/__init__.py" line="141" />
            <source>PDF viewer needed</source>
            <translation>PDF 뷰어 필요</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/report_actions/__init__.py" line="142" />
            <source>This installation cannot draw PDF pages itself (neither Qt PDF nor PDFium is installed). The report opens in your PDF viewer instead; print it from there.</source>
            <translation>이 설치본에는 PDF 쪽을 직접 그리는 기능(Qt PDF 또는 PDFium)이 없습니다. 보고서를 PDF 뷰어로 열 테니 그곳에서 인쇄하세요.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/report_actions/__init__.py" line="152" />
            <location filename="../../desktop/ui/report_actions/__init__.py" line="209" />
            <source>Print report</source>
            <translation>보고서 인쇄</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/report_actions/__init__.py" line="157" />
            <source>The report could not be read for printing.</source>
            <translation>인쇄할 보고서를 읽지 못했습니다.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/report_actions/__init__.py" line="181" />
            <source>The report could not be printed.</source>
            <translation>보고서를 인쇄하지 못했습니다.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/report_actions/__init__.py" line="210" />
            <location filename="../../desktop/ui/report_actions/__init__.py" line="232" />
            <source>The report could not be made.</source>
            <translation>보고서를 만들지 못했습니다.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/report_actions/__init__.py" line="223" />
            <source>Report preview</source>
            <translation>보고서 미리 보기</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/report_actions/__init__.py" line="262" />
            <source>Export to calendar</source>
            <translation>캘린더로 내보내기</translation>
        </message>
        <message numerus="yes">
            <location filename="../../desktop/ui/report_actions/__init__.py" line="265" />
            <source>No application window opens or closes in the next %n months, so there is nothing to export.</source>
            <translation>
                <numerusform>앞으로 %n개월 안에 시작하거나 마감하는 접수 기간이 없어 내보낼 일정이 없습니다.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../desktop/ui/report_actions/__init__.py" line="272" />
            <source>Calendar files (*.ics)</source>
            <translation>캘린더 파일 (*.ics)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/report_actions/__init__.py" line="279" />
            <source>The calendar file could not be saved to %1.</source>
            <translation>캘린더 파일을 %1에 저장하지 못했습니다.</translation>
        </message>
    </context>
    <context>
        <name>ResultsView</name>
        <message>
            <location filename="../../desktop/ui/results/view.py" line="115" />
            <source>Answer the questions to see which programs you can apply for.</source>
            <translation>질문에 답하면 신청할 수 있는 사업을 보여 드립니다.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/results/view.py" line="119" />
            <source>Results for %1</source>
            <translation>%1 검토 결과</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/results/view.py" line="113" />
            <location filename="../../desktop/ui/results/view.py" line="119" />
            <source>Results</source>
            <extracomment>a question id the user wants to answer (from "Questions that would decide it")</extracomment>
            <translation>검토 결과</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/results/view.py" line="133" />
            <source>D-n: days left until the window closes.</source>
            <translation>D-n: 마감까지 남은 날수.</translation>
        </message>
    </context>
        <context>
        <name>SavedNotice</name>
        <message>
            <location filename="../../desktop/ui/report_actions/saved.py" line="47" />
            <source>Calendar file saved</source>
            <translation>캘린더 파일 저장 완료</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/report_actions/saved.py" line="48" />
            <source>The calendar file was saved as %1.</source>
            <translation>캘린더 파일을 %1 파일로 저장했습니다.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/report_actions/saved.py" line="51" />
            <source>PDF report saved</source>
            <translation>PDF 보고서 저장 완료</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/report_actions/saved.py" line="52" />
            <source>The report was saved as %1.</source>
            <translation>보고서를 %1 파일로 저장했습니다.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/report_actions/saved.py" line="53" />
            <source>Folder: %1</source>
            <translation>폴더: %1</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/report_actions/saved.py" line="54" />
            <source>&amp;Open</source>
            <translation>열기(&amp;O)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/report_actions/saved.py" line="55" />
            <source>Show in &amp;folder</source>
            <translation>폴더 열기(&amp;F)</translation>
        </message>
    </context>
    <context>
        <name>HelpDialog</name>
        <message>
            <location filename="../../desktop/ui/help_dialog.py" line="1" />
            <source>By your answers, every condition of the program is met and no exclusion applies. This is a pre-screening: the agency that runs the program decides.</source>
            <translation>답변에 따르면 사업의 모든 조건을 충족하고 제외 사유에도 해당하지 않습니다. 사전 검토 결과이며, 선정은 사업을 운영하는 기관이 결정합니다.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/help_dialog.py" line="1" />
            <source>Jiwon cannot decide yet: a question that matters is not answered, or the program's sources do not settle a condition. The result lists what is still open; answering it settles the result.</source>
            <translation>아직 판단할 수 없습니다. 결과에 영향을 주는 질문에 답하지 않았거나, 사업의 출처 자료만으로는 정할 수 없는 조건이 있습니다. 결과 화면에 남은 사항이 나오며, 답하면 결과가 정해집니다.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/help_dialog.py" line="1" />
            <source>At least one condition is not met, or an exclusion applies. The result names it, with the answer it was decided on.</source>
            <translation>충족하지 않는 조건이 하나 이상 있거나 제외 사유에 해당합니다. 결과 화면에 해당 조건과 판단에 쓴 답변이 나옵니다.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/help_dialog.py" line="1" />
            <source>What the three results mean</source>
            <translation>세 가지 결과의 뜻</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/help_dialog.py" line="1" />
            <source>Where the facts come from</source>
            <translation>정보의 출처</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/help_dialog.py" line="1" />
            <source>Every condition, amount and date comes from the programs' public announcements and guidelines. Each program's page names its sources and the date they were read.</source>
            <translation>모든 조건, 금액, 날짜는 각 사업의 공고문과 지침 같은 공개 자료에서 가져왔습니다. 사업마다 상세 화면에 출처와 확인한 날짜가 나옵니다.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/help_dialog.py" line="1" />
            <source>A date marked as an estimate follows the rounds of earlier years: the program has not announced it yet.</source>
            <translation>‘추정’으로 표시된 날짜는 예년의 접수 일정에 따른 것으로, 아직 공고되지 않았습니다.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/help_dialog.py" line="1" />
            <source>Help › About Jiwon names the rules in use by their date. File › Update rules… installs newer ones; the results then say what changed.</source>
            <translation>사용 중인 규칙의 날짜는 도움말 › 지원(Jiwon) 정보에 나옵니다. 파일 › 규칙 업데이트…로 새 규칙을 설치하면 결과 화면에 달라진 점이 나옵니다.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/help_dialog.py" line="1" />
            <source>How your answers are saved</source>
            <translation>답변 저장 방식</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/help_dialog.py" line="1" />
            <source>Each answer is saved on this computer as soon as you give it; nothing is sent anywhere. Help › About Jiwon names the file they are kept in.</source>
            <translation>답변은 입력하는 즉시 이 컴퓨터에 저장되며 어디로도 전송되지 않습니다. 저장 파일의 위치는 도움말 › 지원(Jiwon) 정보에 나옵니다.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/help_dialog.py" line="1" />
            <source>Reopen a profile from the Start page and change any answer on the Answers page. A deleted profile is kept under “Deleted profiles” on the Start page for %1 days.</source>
            <translation>저장한 프로필은 시작 화면에서 다시 열고, 답변 화면에서 어느 답변이든 바꿀 수 있습니다. 삭제한 프로필은 시작 화면의 ‘삭제한 프로필’에 %1일 동안 보관됩니다.</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/help_dialog.py" line="1" />
            <source>Start page: move the selected profile to the trash</source>
            <translation>시작 화면: 선택한 프로필 삭제(휴지통으로 이동)</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/help_dialog.py" line="1" />
            <source>Start page: rename the selected profile</source>
            <translation>시작 화면: 선택한 프로필 이름 바꾸기</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/help_dialog.py" line="1" />
            <source>Jiwon guide</source>
            <translation>Jiwon(지원) 사용 안내</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/help_dialog.py" line="1" />
            <source>Guide</source>
            <translation>사용 안내</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/help_dialog.py" line="1" />
            <source>Keyboard shortcuts</source>
            <translation>단축키</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/help_dialog.py" line="1" />
            <source>Action</source>
            <translation>기능</translation>
        </message>
        <message>
            <location filename="../../desktop/ui/help_dialog.py" line="1" />
            <source>Keys</source>
            <translation>단축키</translation>
        </message>
    </context>
</TS>