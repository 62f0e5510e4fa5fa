"""Django's formats for Vietnamese, as the portal writes dates (portal/formats.py): "17/12/2026 09:00".

Django's own Vietnamese formats write "09:00 Ngày 17 tháng 12 năm 2026" in every admin list column, and declare
no input formats, so the admin's date picker filled fields with ISO dates ("2026-12-17") and read "05/01" as
5 January only by the American rule. Here both ways use day/month/year; ISO is still read.
"""

DATE_FORMAT = "d/m/Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "d/m/Y H:i"
YEAR_MONTH_FORMAT = r"\t\h\á\n\g n/Y"
MONTH_DAY_FORMAT = "d/m"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
FIRST_DAY_OF_WEEK = 1  # Monday

# The first of each is what the admin's date and time pickers write.
DATE_INPUT_FORMATS = ["%d/%m/%Y", "%d-%m-%Y", "%Y-%m-%d"]
TIME_INPUT_FORMATS = ["%H:%M:%S", "%H:%M", "%H:%M:%S.%f"]
DATETIME_INPUT_FORMATS = [
    "%d/%m/%Y %H:%M:%S",
    "%d/%m/%Y %H:%M",
    "%d/%m/%Y",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d",
]
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "."
NUMBER_GROUPING = 3
