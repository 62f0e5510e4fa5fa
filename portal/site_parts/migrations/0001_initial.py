import django.core.validators
import portal.site_parts.models
from django.db import migrations, models

from portal.model_moves import move_content_types


class Migration(migrations.Migration):
    """Slogans, banner links, web links and videos move from the portal app; their tables stay."""

    initial = True

    dependencies = [
        ("portal", "0008_site_visits"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='BannerLink',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('position', models.PositiveSmallIntegerField(default=0, verbose_name='thứ tự')),
                        ('is_active', models.BooleanField(default=True, verbose_name='hiển thị')),
                        ('title', models.CharField(help_text='Dùng làm chú thích ảnh cho người đọc màn hình.', max_length=200, verbose_name='tên')),
                        ('image', models.ImageField(upload_to='banners/', verbose_name='ảnh banner')),
                        ('url', models.URLField(max_length=500, verbose_name='địa chỉ liên kết')),
                    ],
                    options={
                        'verbose_name': 'liên kết banner',
                        'verbose_name_plural': 'liên kết banner',
                        'db_table': 'portal_bannerlink',
                        'ordering': ['position', 'id'],
                        'abstract': False,
                    },
                ),
                migrations.CreateModel(
                    name='Slogan',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('text', models.CharField(max_length=300, verbose_name='khẩu hiệu')),
                        ('position', models.PositiveSmallIntegerField(default=0, verbose_name='thứ tự')),
                        ('is_active', models.BooleanField(default=True, verbose_name='hiển thị')),
                    ],
                    options={
                        'verbose_name': 'khẩu hiệu',
                        'verbose_name_plural': 'khẩu hiệu',
                        'db_table': 'portal_slogan',
                        'ordering': ['position', 'id'],
                    },
                ),
                migrations.CreateModel(
                    name='Video',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('position', models.PositiveSmallIntegerField(default=0, verbose_name='thứ tự')),
                        ('is_active', models.BooleanField(default=True, verbose_name='hiển thị')),
                        ('title', models.CharField(max_length=200, verbose_name='tiêu đề')),
                        ('file', models.FileField(blank=True, help_text='MP4 hoặc WebM.', upload_to='videos/%Y/%m/', validators=[django.core.validators.FileExtensionValidator(['mp4', 'webm']), portal.site_parts.models.video_file_validator], verbose_name='tệp video')),
                        ('embed_url', models.URLField(blank=True, help_text='Ví dụ: https://www.youtube.com/watch?v=...', max_length=500, verbose_name='hoặc địa chỉ video trên YouTube')),
                        ('poster', models.ImageField(blank=True, upload_to='videos/posters/', verbose_name='ảnh đại diện')),
                    ],
                    options={
                        'verbose_name': 'video',
                        'verbose_name_plural': 'video',
                        'db_table': 'portal_video',
                        'ordering': ['position', 'id'],
                        'abstract': False,
                    },
                ),
                migrations.CreateModel(
                    name='WebLink',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('position', models.PositiveSmallIntegerField(default=0, verbose_name='thứ tự')),
                        ('is_active', models.BooleanField(default=True, verbose_name='hiển thị')),
                        ('name', models.CharField(max_length=200, verbose_name='tên cơ quan, trang web')),
                        ('url', models.URLField(max_length=500, verbose_name='địa chỉ')),
                    ],
                    options={
                        'verbose_name': 'liên kết web',
                        'verbose_name_plural': 'liên kết web',
                        'db_table': 'portal_weblink',
                        'ordering': ['position', 'id'],
                        'abstract': False,
                    },
                ),
            ],
            database_operations=[],
        ),
        # Permissions, the roles holding them and the admin log follow the models.
        move_content_types("portal", "site_parts", ["bannerlink", "slogan", "video", "weblink"]),
    ]
