"""The printable report (PDF, ReportLab) and the calendar file (iCalendar).

Entry points: `desktop.report.pdf.write_report` / `report_bytes` and
`desktop.report.ics.calendar_bytes`. Nothing here changes an assessment; it only words it.
"""
