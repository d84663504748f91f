"""The metrics endpoint: prometheus_client's HTTP server on a loopback address."""

from dataclasses import dataclass
from threading import Thread
from wsgiref.simple_server import WSGIServer

from prometheus_client import start_http_server

from mailroom.loopback import loopback_address
from mailroom.metrics import Metrics


@dataclass(frozen=True)
class MetricsServer:
    """A running endpoint; `port` is the one bound (the system's pick for port 0)."""

    server: WSGIServer
    thread: Thread

    @property
    def port(self) -> int:
        return int(self.server.server_address[1])

    def close(self) -> None:
        """Stop answering and free the port; waits for the serving thread."""
        self.server.shutdown()
        self.server.server_close()
        self.thread.join()


def serve(metrics: Metrics, address: str) -> MetricsServer:
    """Serve `metrics` at `address` (`host:port`, loopback only) from a daemon thread.

    Raises ValueError for an address off this host, OSError when the port is taken.
    """
    host, port = loopback_address(address)
    server, thread = start_http_server(port, host, registry=metrics.registry)
    return MetricsServer(server, thread)
