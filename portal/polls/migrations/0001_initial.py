import django.db.models.deletion
import django.utils.timezone
from django.db import migrations, models

from portal.model_moves import move_content_types


class Migration(migrations.Migration):
    """Polls, their choices and votes move from the portal app; their tables stay."""

    initial = True

    dependencies = [
        ("portal", "0008_site_visits"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='Poll',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('question', models.CharField(max_length=300, verbose_name='câu hỏi')),
                        ('opens_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='bắt đầu')),
                        ('closes_at', models.DateTimeField(blank=True, help_text='Để trống nếu không hẹn ngày.', null=True, verbose_name='kết thúc')),
                        ('is_active', models.BooleanField(default=True, help_text='Cuộc thăm dò đang mở mới nhất được đặt ở cột bên của trang.', verbose_name='hiển thị')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='ngày tạo')),
                    ],
                    options={
                        'verbose_name': 'thăm dò ý kiến',
                        'verbose_name_plural': 'thăm dò ý kiến',
                        'db_table': 'portal_poll',
                        'ordering': ['-opens_at', '-id'],
                    },
                ),
                migrations.CreateModel(
                    name='PollChoice',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('text', models.CharField(max_length=200, verbose_name='phương án')),
                        ('position', models.PositiveSmallIntegerField(default=0, verbose_name='thứ tự')),
                        ('poll', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='choices', to='polls.poll', verbose_name='cuộc thăm dò')),
                    ],
                    options={
                        'verbose_name': 'phương án trả lời',
                        'verbose_name_plural': 'phương án trả lời',
                        'db_table': 'portal_pollchoice',
                        'ordering': ['position', 'id'],
                    },
                ),
                migrations.CreateModel(
                    name='PollVote',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('voter_key', models.CharField(max_length=64, verbose_name='mã người bình chọn')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='thời gian')),
                        ('choice', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='votes', to='polls.pollchoice', verbose_name='phương án')),
                        ('poll', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='votes', to='polls.poll', verbose_name='cuộc thăm dò')),
                    ],
                    options={
                        'verbose_name': 'lượt bình chọn',
                        'verbose_name_plural': 'lượt bình chọn',
                        'db_table': 'portal_pollvote',
                        'constraints': [models.UniqueConstraint(fields=('poll', 'voter_key'), name='poll_vote_once_per_voter')],
                    },
                ),
            ],
            database_operations=[],
        ),
        # Permissions, the roles holding them and the admin log follow the models.
        move_content_types("portal", "polls", ["poll", "pollchoice", "pollvote"]),
    ]
