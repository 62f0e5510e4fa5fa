from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from news.viewcounts.buffer import get_buffer
from news.viewcounts.counters import prune_view_marks
from portal.visitors.budget import prune_budgets
from portal.visitors.visits import flush_visits, prune_site_marks


class Command(BaseCommand):
    help = (
        "Write the views and site visits buffered in Redis to the database (safe to run while another run is "
        "going, and again after a failed one), then drop the view marks, site-visit marks and address budgets "
        "that can no longer refuse anything. Run it every minute (cron or a systemd timer, see README)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Only say how many views are pending.")
        parser.add_argument("--no-prune", action="store_true", help="Keep the expired marks.")

    def handle(self, *args, dry_run=False, no_prune=False, verbosity=1, **options):
        buffer = get_buffer()
        if dry_run:
            pending = buffer.pending_total() if buffer else 0
            self.stdout.write(f"{pending} views pending in Redis.")
            return
        written = buffer.flush() if buffer else 0
        visits = flush_visits()  # the site visits waiting in the cache's Redis
        pruned = 0
        if not no_prune:
            now = timezone.now()
            pruned = prune_view_marks(now=now, window=settings.VIEW_COUNT_WINDOW) + prune_site_marks(now=now)
            pruned += prune_budgets(longest_window=max(settings.VISITOR_NEW_WINDOW, settings.POLL_VOTE_WINDOW))
        if verbosity >= 1:
            where = "from Redis" if buffer else "(no Redis buffer: views go straight to the database)"
            self.stdout.write(f"{written} views written {where}, {visits} site visits; {pruned} expired marks removed.")
