"""A demo planned downtime (``data/maintenance.json``): a few working days after the first seeding, so its banner
shows on every page until it is over. Made only while no downtime has ever been scheduled."""

import datetime

from django.utils import timezone

from portal.demo.data import load
from portal.demo.tables import Maintenance
from portal.workdays import add_working_days


def seed() -> str:
    if Maintenance.objects.exists():
        return "Lịch bảo trì: đã có, không tạo thêm."
    data = load("maintenance")
    day = add_working_days(timezone.localdate(), data["working_days_ahead"])
    start = timezone.make_aware(datetime.datetime.combine(day, datetime.time.fromisoformat(data["start"])))
    Maintenance.objects.create(
        starts_at=start, ends_at=start + datetime.timedelta(hours=data["hours"]), message=data["message"]
    )
    return f"Lịch bảo trì mẫu: {timezone.localtime(start):%d/%m/%Y %H:%M}."
