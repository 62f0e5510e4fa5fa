"""Campaigns and their themes, directing documents, and the emulation movement's records."""

from .campaigns import Campaign, Issuer, Theme
from .documents import Document
from .emulation import Award, Contest, Exemplar, GoodModel, Unit
from .proposals import AwardProposal, ProposalComment, ProposalNominee

__all__ = [
    "Award",
    "AwardProposal",
    "Campaign",
    "Contest",
    "Document",
    "Exemplar",
    "GoodModel",
    "Issuer",
    "ProposalComment",
    "ProposalNominee",
    "Theme",
    "Unit",
]
