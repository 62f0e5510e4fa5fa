import django.db.models.deletion
import news.comments.files
from django.conf import settings
from django.db import migrations, models

from portal.model_moves import move_content_types


class Migration(migrations.Migration):
    """Comments, formerly part of news: the same tables (news_comment ...), now in this app's state.

    The content types are renamed so that permissions, the roles holding them and the admin log follow the models.
    After portal's role migrations, so that every content type they made under "news" is renamed here.
    """

    initial = True

    dependencies = [
        ('news', '0008_view_counting'),
        ('portal', '0008_site_visits'),
        ('contenttypes', '0002_remove_content_type_name'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='BlockedWord',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('word', models.CharField(max_length=100, unique=True, verbose_name='từ hoặc cụm từ')),
                    ],
                    options={
                        'verbose_name': 'từ bị chặn',
                        'verbose_name_plural': 'từ bị chặn trong bình luận',
                        'db_table': 'news_blockedword',
                        'ordering': ['word'],
                    },
                ),
                migrations.CreateModel(
                    name='CommentSettings',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('comments_open', models.BooleanField(default=True, help_text='Bỏ chọn để đóng bình luận ở mọi bài viết.', verbose_name='cho phép bình luận trên toàn trang')),
                        ('max_length', models.PositiveIntegerField(default=3000, help_text='Từ 100 đến 20.000 ký tự.', verbose_name='độ dài tối đa của bình luận (ký tự)')),
                    ],
                    options={
                        'verbose_name': 'cấu hình bình luận',
                        'verbose_name_plural': 'cấu hình bình luận',
                        'db_table': 'news_commentsettings',
                        'constraints': [models.CheckConstraint(condition=models.Q(('max_length__gte', 100), ('max_length__lte', 20000)), name='comment_max_length_range')],
                    },
                ),
                migrations.CreateModel(
                    name='Comment',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name', models.CharField(max_length=80, verbose_name='họ và tên')),
                        ('email', models.EmailField(help_text='Không hiển thị cho bạn đọc.', max_length=254, verbose_name='thư điện tử')),
                        ('text', models.TextField(verbose_name='nội dung')),
                        ('attachment', models.FileField(blank=True, max_length=200, storage=news.comments.files.private_storage, upload_to=news.comments.files.attachment_path, verbose_name='tệp đính kèm')),
                        ('attachment_type', models.CharField(blank=True, editable=False, help_text='Xác định từ nội dung tệp.', max_length=10, verbose_name='loại tệp')),
                        ('attachment_name', models.CharField(blank=True, editable=False, max_length=200, verbose_name='tên tệp gốc')),
                        ('status', models.CharField(choices=[('pending', 'Chờ duyệt'), ('approved', 'Đã duyệt'), ('rejected', 'Từ chối')], default='pending', max_length=20, verbose_name='trạng thái')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='thời gian gửi')),
                        ('ip_address', models.GenericIPAddressField(blank=True, editable=False, null=True, verbose_name='địa chỉ IP')),
                        ('moderated_at', models.DateTimeField(blank=True, editable=False, null=True, verbose_name='thời gian duyệt')),
                        ('article', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='comments', to='news.article', verbose_name='bài viết')),
                        ('moderated_by', models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='người duyệt')),
                    ],
                    options={
                        'verbose_name': 'bình luận',
                        'verbose_name_plural': 'bình luận',
                        'db_table': 'news_comment',
                        'ordering': ['-created_at', '-id'],
                        'indexes': [models.Index(fields=['article', 'status', 'created_at'], name='comment_article_status_idx'), models.Index(fields=['status', '-created_at'], name='comment_queue_idx')],
                    },
                ),
            ],
            database_operations=[],
        ),
        move_content_types("news", "comments", ["comment", "blockedword", "commentsettings"]),
    ]
