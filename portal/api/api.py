"""The API object: its description for the OpenAPI document, its rate limit, and its errors in Vietnamese.

django-ninja (see README, "Choices"): the schemas in ``schemas.py`` both shape the answers and make the OpenAPI 3
document at /api/openapi.json. Every operation is GET: nothing can be written through the API.
"""

from django.http import Http404
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import Throttled, ValidationError
from ninja.renderers import JSONRenderer

from . import articles, movement
from .throttling import AddressThrottle


class VietnameseJSONRenderer(JSONRenderer):
    """UTF-8 JSON as it reads ("Đảng ủy"), not escaped."""

    json_dumps_params = {"ensure_ascii": False}


api = NinjaAPI(
    title="API dữ liệu mở của cổng thông tin",
    version="1.0",
    description=(
        "Dữ liệu công khai của cổng thông tin, chỉ đọc: bài viết đã đăng, chuyên mục, chương trình và chuyên đề, "
        "văn bản, mô hình hay, gương điển hình, khen thưởng còn hiệu lực. Danh sách có phân trang (page, page_size), "
        "lọc theo ngày (since, until) và chương trình (campaign). Mỗi câu trả lời có ETag: gửi lại bằng "
        "If-None-Match để nhận 304 khi dữ liệu không đổi. Giới hạn số yêu cầu theo địa chỉ mạng (429 khi vượt)."
    ),
    openapi_url="/openapi.json",
    docs_url=None,  # Swagger UI would need inline scripts the Content-Security-Policy forbids
    urls_namespace="api",
    renderer=VietnameseJSONRenderer(),
    throttle=[AddressThrottle()],
)


@api.exception_handler(Http404)
def not_found(request, exc):
    return api.create_response(request, {"detail": _("Không tìm thấy dữ liệu này.")}, status=404)


@api.exception_handler(ValidationError)
def invalid_parameters(request, exc):
    names = sorted({str(error["loc"][-1]) for error in exc.errors if error.get("loc")})
    detail = _("Tham số không hợp lệ: %(names)s.") % {"names": ", ".join(names)}
    return api.create_response(request, {"detail": detail}, status=400)


@api.exception_handler(Throttled)
def throttled(request, exc):
    seconds = int(exc.wait or 0) + 1
    detail = _("Bạn đã gửi quá nhiều yêu cầu từ địa chỉ mạng này. Vui lòng thử lại sau %(seconds)s giây.") % {
        "seconds": seconds
    }
    response = api.create_response(request, {"detail": detail}, status=429)
    response["Retry-After"] = str(seconds)
    return response


api.add_router("/", articles.router)
api.add_router("/", movement.router)
