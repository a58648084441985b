<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR" sourcelanguage="en_US">
    <context>
        <name>MainWindow</name>
        <message>
            <source>&amp;Update rules…</source>
            <translation>규칙 업데이트(&amp;U)…</translation>
        </message>
        <message>
            <source>Use the previous r&amp;ules</source>
            <translation>이전 규칙 사용(&amp;R)</translation>
        </message>
    </context>
    <context>
        <name>RuleUpdates</name>
        <message>
            <source>The file was not found.</source>
            <translation>파일을 찾을 수 없습니다.</translation>
        </message>
        <message>
            <source>The file is not a rule pack, or it is damaged or incomplete.</source>
            <translation>규칙 팩 파일이 아니거나, 손상되었거나, 끝까지 받지 못한 파일입니다.</translation>
        </message>
        <message>
            <source>The pack is not signed, so it cannot be shown to come from the rules maintainer.</source>
            <translation>서명이 없는 규칙 팩이라 규칙 관리자가 만든 것인지 확인할 수 없습니다.</translation>
        </message>
        <message>
            <source>The pack is signed with a key this version of Jiwon does not trust.</source>
            <translation>이 버전의 지원이 신뢰하지 않는 키로 서명된 규칙 팩입니다.</translation>
        </message>
        <message>
            <source>The pack was changed after it was signed.</source>
            <translation>서명한 뒤에 내용이 바뀐 규칙 팩입니다.</translation>
        </message>
        <message>
            <source>The pack is older than the rules in use.</source>
            <translation>지금 쓰는 규칙보다 오래된 규칙 팩입니다.</translation>
        </message>
        <message>
            <source>These rules are already in use.</source>
            <translation>이미 이 규칙을 쓰고 있습니다.</translation>
        </message>
        <message>
            <source>The pack needs a newer version of Jiwon. Update the program first.</source>
            <translation>더 새로운 버전의 지원이 필요한 규칙 팩입니다. 먼저 프로그램을 업데이트하세요.</translation>
        </message>
        <message>
            <source>The pack's rules do not pass Jiwon's checks.</source>
            <translation>규칙 팩의 규칙이 지원의 검사를 통과하지 못했습니다.</translation>
        </message>
        <message>
            <source>There are no previous rules to go back to.</source>
            <translation>되돌아갈 이전 규칙이 없습니다.</translation>
        </message>
        <message>
            <source>Update rules</source>
            <translation>규칙 업데이트</translation>
        </message>
        <message>
            <source>Rule packs (*.jiwonpack)</source>
            <translation>규칙 팩 (*.jiwonpack)</translation>
        </message>
        <message>
            <source>The rules were not updated; nothing was changed.</source>
            <translation>규칙을 업데이트하지 않았습니다. 바뀐 것은 없습니다.</translation>
        </message>
        <message>
            <source>The previous rules could not be used; nothing was changed.</source>
            <translation>이전 규칙으로 돌아가지 못했습니다. 바뀐 것은 없습니다.</translation>
        </message>
        <message>
            <source>Back to the rules that came with Jiwon.</source>
            <translation>지원에 들어 있던 규칙으로 돌아갔습니다.</translation>
        </message>
        <message>
            <source>Rules %1 are now in use.</source>
            <translation>이제 %1 규칙을 씁니다.</translation>
        </message>
        <message>
            <source>Saved profiles whose results changed: %1</source>
            <translation>결과가 달라진 저장 프로필: %1개</translation>
        </message>
        <message>
            <source>No saved profile's results changed.</source>
            <translation>결과가 달라진 저장 프로필은 없습니다.</translation>
        </message>
        <message>
            <source>What changed in the rules:</source>
            <translation>규칙에서 바뀐 점:</translation>
        </message>
    </context>
</TS>
