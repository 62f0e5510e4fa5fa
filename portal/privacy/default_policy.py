"""Version 1 of the policy, published on first use when an administrator has not yet written one (a leaf)."""

DEFAULT_POLICY_TITLE = "Chính sách bảo vệ dữ liệu cá nhân"

DEFAULT_POLICY_BODY = """\
Chính sách này cho biết Cổng thông tin thu thập những dữ liệu cá nhân nào của bạn đọc, để làm gì, giữ trong bao lâu \
và bạn có những quyền gì, theo Nghị định 13/2023/NĐ-CP và Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15.

## Dữ liệu được thu thập
- Họ và tên, địa chỉ thư điện tử, số điện thoại (nếu bạn cung cấp) và nội dung bạn gửi qua các biểu mẫu: \
bình luận bài viết, hỏi đáp – góp ý, liên hệ, góp ý danh sách đề nghị khen thưởng.
- Tệp bạn đính kèm (nếu có) và địa chỉ mạng (IP) của thiết bị gửi, dùng để chống gửi tự động hàng loạt.

## Mục đích xử lý
- Duyệt và hiển thị bình luận (chỉ hiển thị họ tên, không hiển thị thư điện tử).
- Tiếp nhận, trả lời câu hỏi, góp ý và thông báo tình trạng xử lý.
- Tiếp nhận thư liên hệ và trả lời bạn.
- Tổng hợp ý kiến về danh sách đề nghị khen thưởng gửi Hội đồng Thi đua – Khen thưởng.

Mỗi mục đích có một ô đồng ý riêng trên biểu mẫu. Ô đồng ý không được đánh dấu sẵn; không có sự đồng ý của bạn, \
biểu mẫu không được gửi và không có dữ liệu nào được lưu.

## Thời gian lưu trữ
Dữ liệu được lưu trong thời gian cần thiết cho mục đích trên và theo quy định về lưu trữ hồ sơ của cơ quan. \
Câu hỏi đã được trả lời và công bố chỉ hiển thị nội dung câu hỏi và câu trả lời, không kèm thông tin cá nhân.

## Quyền của bạn
Bạn có quyền được biết, xem, chỉnh sửa, rút lại sự đồng ý và yêu cầu xóa dữ liệu của mình. Hãy gửi yêu cầu qua \
trang Liên hệ hoặc thư điện tử của cơ quan, ghi rõ địa chỉ thư điện tử đã dùng. Yêu cầu được xử lý trong vòng 72 giờ.

## Bảo vệ dữ liệu
Dữ liệu được lưu trên máy chủ đặt tại Việt Nam, chỉ cán bộ được phân công mới được truy cập. Khi xảy ra vi phạm \
dữ liệu cá nhân, cơ quan thông báo cho cơ quan chuyên trách trong vòng 72 giờ theo quy định.
"""
