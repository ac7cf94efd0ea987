import calendar
import datetime


def add_months(date: datetime.date, months: int) -> datetime.date:
    """The same day some months later, or the month's last day when it has no such day (31 Jan + 1 = 28/29 Feb)."""
    month_index = date.month - 1 + months
    year, month = date.year + month_index // 12, month_index % 12 + 1
    day = min(date.day, calendar.monthrange(year, month)[1])
    return date.replace(year=year, month=month, day=day)
