<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>ClientImportDialog</name>
    <message>
        <location filename="../../desktop/ui/workspace/import_dialog.py" line="131"/>
        <source>Leave out</source>
        <translation>가져오지 않음</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/import_dialog.py" line="131"/>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/import_dialog.py" line="131"/>
        <source>Id (kept as is)</source>
        <translation>번호(그대로 보관)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/import_dialog.py" line="136"/>
        <source>Applicant type</source>
        <translation>신청자 유형</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/import_dialog.py" line="191"/>
        <source>Choose the columns above before importing.</source>
        <translation>가져오기 전에 위에서 열을 지정해 주세요.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/workspace/import_dialog.py" line="193"/>
        <source>%n client can be imported.</source>
        <translation>
            <numerusform>고객 %n명을 가져올 수 있습니다.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/workspace/import_dialog.py" line="194"/>
        <source>%n clients can be imported.</source>
        <translation>
            <numerusform>고객 %n명을 가져올 수 있습니다.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/workspace/import_dialog.py" line="196"/>
        <source>%n row with a bad cell will be left out whole; correct it in the file and import it again.</source>
        <translation>
            <numerusform>잘못된 칸이 있는 %n개 행은 통째로 제외됩니다. 파일에서 고친 뒤 다시 가져오세요.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/workspace/import_dialog.py" line="199"/>
        <source>%n rows with bad cells will be left out whole; correct them in the file and import it again.</source>
        <translation>
            <numerusform>잘못된 칸이 있는 %n개 행은 통째로 제외됩니다. 파일에서 고친 뒤 다시 가져오세요.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/workspace/import_dialog.py" line="202"/>
        <source>Bad cells (%n)</source>
        <translation>
            <numerusform>잘못된 칸 (%n개)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/import_dialog.py" line="204"/>
        <source>the first %1 are listed</source>
        <translation>처음 %1개만 표시</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/workspace/import_dialog.py" line="206"/>
        <source>&amp;Import %n client</source>
        <translation>
            <numerusform>고객 %n명 가져오기(&amp;I)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/workspace/import_dialog.py" line="207"/>
        <source>&amp;Import %n clients</source>
        <translation>
            <numerusform>고객 %n명 가져오기(&amp;I)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/import_dialog.py" line="213"/>
        <source>Import client list</source>
        <translation>고객 목록 가져오기</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/workspace/import_dialog.py" line="215"/>
        <source>File: %1 · %n row</source>
        <translation>
            <numerusform>파일: %1 · %n행</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/workspace/import_dialog.py" line="216"/>
        <source>File: %1 · %n rows</source>
        <translation>
            <numerusform>파일: %1 · %n행</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/import_dialog.py" line="218"/>
        <source>Which question each column answers</source>
        <translation>열마다 해당하는 질문</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/import_dialog.py" line="220"/>
        <location filename="../../desktop/ui/workspace/import_dialog.py" line="222"/>
        <source>Column</source>
        <translation>열</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/import_dialog.py" line="220"/>
        <source>First values</source>
        <translation>처음 몇 개 값</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/import_dialog.py" line="220"/>
        <source>Answers</source>
        <translation>해당 질문</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/import_dialog.py" line="221"/>
        <source>Bad cells</source>
        <translation>잘못된 칸</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/import_dialog.py" line="222"/>
        <source>Row</source>
        <translation>행</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/import_dialog.py" line="222"/>
        <source>Value</source>
        <translation>값</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/import_dialog.py" line="223"/>
        <source>Reason</source>
        <translation>사유</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/import_dialog.py" line="224"/>
        <source>Import &amp;nothing</source>
        <translation>가져오지 않음(&amp;N)</translation>
    </message>
</context>
<context>
    <name>ClientMatrix</name>
    <message>
        <location filename="../../desktop/ui/workspace/export.py" line="38"/>
        <source>Client</source>
        <translation>고객</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/export.py" line="39"/>
        <source>Applicant type</source>
        <translation>신청자 유형</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/export.py" line="40"/>
        <source>What changed</source>
        <translation>달라진 점</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/export.py" line="60"/>
        <source>Program</source>
        <translation>사업</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/export.py" line="61"/>
        <source>Program id</source>
        <translation>사업 ID</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/export.py" line="62"/>
        <source>Status</source>
        <translation>결과</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/export.py" line="63"/>
        <source>Deciding question or reason</source>
        <translation>결정할 질문 또는 사유</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/export.py" line="64"/>
        <source>Application window</source>
        <translation>접수 기간</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/export.py" line="65"/>
        <source>Matrix</source>
        <translation>고객표</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/export.py" line="66"/>
        <source>Details</source>
        <translation>상세</translation>
    </message>
</context>
<context>
    <name>ClientWorkspace</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/workspace/window.py" line="194"/>
        <source>%1 of %n client</source>
        <extracomment>open this client (profile id) show this client&apos;s explanation of this program (profile id, program id) clients were added (the start page&apos;s list is out of date) a store call failed</extracomment>
        <translation>
            <numerusform>고객 %n명 중 %1명</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/workspace/window.py" line="195"/>
        <source>%1 of %n clients</source>
        <translation>
            <numerusform>고객 %n명 중 %1명</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/workspace/window.py" line="204"/>
        <source>Re-checked %n client.</source>
        <translation>
            <numerusform>고객 %n명을 다시 확인했습니다.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/workspace/window.py" line="205"/>
        <source>Re-checked %n clients.</source>
        <translation>
            <numerusform>고객 %n명을 다시 확인했습니다.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/workspace/window.py" line="206"/>
        <source>An outcome or a deadline changed for %n of them: see &apos;What changed&apos;.</source>
        <translation>
            <numerusform>결과나 마감일이 달라진 고객: %n명(&apos;달라진 점&apos; 참고).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/window.py" line="208"/>
        <source>Nothing changed for any of them.</source>
        <translation>달라진 고객은 없습니다.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/workspace/window.py" line="210"/>
        <source>%n client is not re-checked yet.</source>
        <translation>
            <numerusform>아직 다시 확인하지 않은 고객: %n명.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/workspace/window.py" line="212"/>
        <source>%n clients are not re-checked yet.</source>
        <translation>
            <numerusform>아직 다시 확인하지 않은 고객: %n명.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/workspace/window.py" line="214"/>
        <source>%n client was last checked with other rules, or never: re-check all to see what changed.</source>
        <translation>
            <numerusform>다른 규칙으로 확인했거나 한 번도 확인하지 않은 고객: %n명. 모두 다시 확인하면 달라진 점을 볼 수 있습니다.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/workspace/window.py" line="217"/>
        <source>%n clients were last checked with other rules, or never: re-check all to see what changed.</source>
        <translation>
            <numerusform>다른 규칙으로 확인했거나 한 번도 확인하지 않은 고객: %n명. 모두 다시 확인하면 달라진 점을 볼 수 있습니다.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/window.py" line="257"/>
        <source>What changed:</source>
        <translation>달라진 점:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/window.py" line="267"/>
        <location filename="../../desktop/ui/workspace/window.py" line="278"/>
        <source>Import client list</source>
        <translation>고객 목록 가져오기</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/window.py" line="268"/>
        <source>Client lists (%1);;All files (*)</source>
        <translation>고객 목록 (%1);;모든 파일 (*)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/workspace/window.py" line="296"/>
        <source>Imported %n client.</source>
        <translation>
            <numerusform>고객 %n명을 가져왔습니다.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/workspace/window.py" line="297"/>
        <source>Imported %n clients.</source>
        <translation>
            <numerusform>고객 %n명을 가져왔습니다.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/window.py" line="304"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 통합 문서 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/window.py" line="304"/>
        <source>CSV file (*.csv)</source>
        <translation>CSV 파일 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/window.py" line="306"/>
        <location filename="../../desktop/ui/workspace/window.py" line="320"/>
        <source>Export the matrix</source>
        <translation>고객표 내보내기</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/workspace/window.py" line="323"/>
        <source>%n client written to %1</source>
        <translation>
            <numerusform>고객 %n명 저장: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/workspace/window.py" line="324"/>
        <source>%n clients written to %1</source>
        <translation>
            <numerusform>고객 %n명 저장: %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/window.py" line="337"/>
        <source>Re-check all</source>
        <translation>모두 다시 확인</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/window.py" line="338"/>
        <source>Checking every client against the current rules…</source>
        <translation>모든 고객을 현재 규칙으로 확인하는 중…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/window.py" line="339"/>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/window.py" line="376"/>
        <source>Clients – Jiwon</source>
        <translation>고객 – 지원</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/window.py" line="377"/>
        <source>Clients and the programs open to them</source>
        <translation>고객별 신청 가능한 사업</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/window.py" line="378"/>
        <source>&amp;Import client list…</source>
        <translation>고객 목록 가져오기(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/window.py" line="379"/>
        <source>E&amp;xport…</source>
        <translation>내보내기(&amp;X)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/window.py" line="380"/>
        <source>&amp;Re-check all</source>
        <translation>모두 다시 확인(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/window.py" line="381"/>
        <source>Search by name</source>
        <translation>이름으로 찾기</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/window.py" line="382"/>
        <source>C&amp;hanged only</source>
        <translation>달라진 고객만(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/window.py" line="383"/>
        <source>All applicants</source>
        <translation>모든 신청자</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/window.py" line="385"/>
        <source>Any status</source>
        <translation>모든 결과</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/window.py" line="387"/>
        <source>All programs</source>
        <translation>모든 사업</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/window.py" line="389"/>
        <source>Client</source>
        <translation>고객</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/window.py" line="389"/>
        <source>Type</source>
        <translation>유형</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/window.py" line="390"/>
        <source>What changed</source>
        <translation>달라진 점</translation>
    </message>
</context>
<context>
    <name>MatrixModel</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/workspace/model.py" line="161"/>
        <source>Changed (%n)</source>
        <translation>
            <numerusform>달라짐 (%n건)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/workspace/model.py" line="163"/>
        <source>Not re-checked</source>
        <translation>다시 확인 전</translation>
    </message>
</context>
</TS>
