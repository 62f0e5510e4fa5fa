"""Campaigns and their themes, directing documents, and the emulation movement's records."""

from .campaigns import Campaign, Issuer, Theme
from .documents import Document
from .emulation import Award, Contest, Exemplar, GoodModel, Unit

__all__ = ["Award", "Campaign", "Contest", "Document", "Exemplar", "GoodModel", "Issuer", "Theme", "Unit"]
