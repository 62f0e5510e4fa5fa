"""The settings of MEDIA_STORAGE=s3, read from the environment; portal/settings.py imports them (kept apart for length).

Public media (covers, editor images, documents) in AWS_STORAGE_BUCKET_NAME, readable by anyone; readers' comment
attachments in AWS_PRIVATE_BUCKET_NAME, a bucket of their own that nobody may read directly (only the portal's
views send its files). django-storages reads the AWS_* settings; boto3 reads the keys (AWS_ACCESS_KEY_ID,
AWS_SECRET_ACCESS_KEY) from the environment or the machine's role. A leaf module: it imports nothing of the project.
"""

import os

from django.core.exceptions import ImproperlyConfigured

AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
AWS_PRIVATE_BUCKET_NAME = os.environ.get("AWS_PRIVATE_BUCKET_NAME", "")
if not AWS_STORAGE_BUCKET_NAME or AWS_PRIVATE_BUCKET_NAME in {"", AWS_STORAGE_BUCKET_NAME}:
    raise ImproperlyConfigured("MEDIA_STORAGE=s3 needs AWS_STORAGE_BUCKET_NAME and another AWS_PRIVATE_BUCKET_NAME")
AWS_S3_ENDPOINT_URL = os.environ.get("AWS_S3_ENDPOINT_URL") or None  # MinIO, Ceph, a Vietnamese cloud's S3
AWS_S3_REGION_NAME = os.environ.get("AWS_S3_REGION_NAME") or None
AWS_S3_CUSTOM_DOMAIN = os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None  # e.g. a CDN in front of the bucket
AWS_S3_ADDRESSING_STYLE = os.environ.get("AWS_S3_ADDRESSING_STYLE") or None  # "path" for most MinIO setups
AWS_QUERYSTRING_AUTH = False  # public media get plain, cacheable addresses
AWS_S3_FILE_OVERWRITE = False  # a new upload never replaces another's file of the same name
AWS_S3_OBJECT_PARAMETERS = {"CacheControl": "public, max-age=604800"}
CKEDITOR_5_FILE_STORAGE = "news.storage.EditorImageS3Storage"
_private = {"bucket_name": AWS_PRIVATE_BUCKET_NAME, "querystring_auth": True, "custom_domain": None}  # signed
S3_STORAGES = {
    "default": {"BACKEND": "portal.uploads.storage.WholeS3Storage"},
    "private": {"BACKEND": "portal.uploads.storage.WholeS3Storage", "OPTIONS": _private},
}
