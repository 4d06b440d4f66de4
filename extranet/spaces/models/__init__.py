"""Spaces of the extranet: one module per model family."""

from .invitation import Invitation
from .membership import Membership
from .object_permissions import SpaceGroupObjectPermission, SpaceUserObjectPermission
from .space import Space, SpaceKind

__all__ = [
    "Invitation",
    "Membership",
    "Space",
    "SpaceGroupObjectPermission",
    "SpaceKind",
    "SpaceUserObjectPermission",
]
