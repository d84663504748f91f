"""A listening address on this host only: the metrics endpoint has no login,
so it must not be reachable from the network; a local Prometheus or agent
scrapes it (or a reverse proxy that adds authentication)."""

import ipaddress

LOCAL_NAMES = frozenset({"localhost"})
EXAMPLE = "127.0.0.1:9464"


def loopback_address(text: str) -> tuple[str, int]:
    """`host:port` (IPv6 as `[::1]:port`) as (host, port); ValueError, saying
    what to write instead, for any host outside 127.0.0.0/8, ::1 and localhost.
    Port 0 asks the system for a free port."""
    host, colon, port_text = text.rpartition(":")
    if not colon or not host or not port_text.isdigit() or int(port_text) > 65535:
        raise ValueError(f"{text!r} is not host:port; write it like {EXAMPLE!r}")
    host = host.removeprefix("[").removesuffix("]")
    if host.lower() not in LOCAL_NAMES and not _is_loopback_ip(host):
        raise ValueError(
            f"{host!r} is not a loopback address; the endpoint has no login, so use "
            f"127.0.0.1, [::1] or localhost (e.g. {EXAMPLE!r})"
        )
    return host, int(port_text)


def _is_loopback_ip(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
