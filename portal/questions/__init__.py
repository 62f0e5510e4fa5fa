"""Hỏi đáp – Góp ý: readers' questions with a tracking code, answered within 15 working days, some published."""
