"""Personal data (NĐ 13/2023/NĐ-CP, Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15): the policy, consents, export, erasure.

Imports no app: apps that hold a reader's data use it (their forms ask for consent through ``consent.py``, and they
register how to export and erase their rows in ``registry.py``), never the reverse.
"""
