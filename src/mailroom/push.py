"""Push: an IDLE watcher per IMAP account, each waking the poll job."""

import logging
import threading

from ingest import Backoff, ImapSource, InboxWatcher, WatchEvents
from mailroom.app import App
from mailroom.run_requests import RunRequests
from mailroom.settings import ImapSourceSettings

log = logging.getLogger("mailroom.push")


def start_watchers(app: App, polls: RunRequests) -> None:
    """One IDLE thread per IMAP source that allows it, on its first folder."""
    idle = {s.name for s in app.settings.sources if isinstance(s, ImapSourceSettings) and s.idle}
    for source in app.sources:
        if not isinstance(source, ImapSource) or source.name not in idle:
            continue
        watcher = InboxWatcher(
            source.server,
            source.folders[0].name,
            _events(app, source.name, polls),
            app.stopping,
            renew_seconds=app.settings.service.idle_renew_seconds,
            backoff=Backoff(longest_seconds=app.settings.service.reconnect_max_seconds),
        )
        threading.Thread(target=watcher.run, name=f"idle-{source.name}", daemon=True).start()


def _events(app: App, name: str, polls: RunRequests) -> WatchEvents:
    def changed() -> None:
        log.debug("IDLE: %s has new mail", name)
        app.metrics.idle_wakeup(name)
        polls.request()

    def failed(_: Exception) -> None:
        app.metrics.idle_error(name)

    return WatchEvents(changed, failed)
