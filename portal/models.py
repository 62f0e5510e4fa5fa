"""What the site shows around the news."""

# Site-wide visit counters live in their own module; importing them here registers the models with the portal app.
from .visits import OnlineVisitor, SiteVisitDay, SiteVisitMark  # noqa: F401
