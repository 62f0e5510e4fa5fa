from django.contrib import admin
from django_tasks_db.models import DBTaskResult

# The task queue's own admin is in English and shows raw arguments; a failed e-mail is logged and marked on its
# notification ("gửi thư không được" in the inbox) instead.
if admin.site.is_registered(DBTaskResult):
    admin.site.unregister(DBTaskResult)
