"""Debian's nginx, run as this user from a temporary prefix, with deploy/nginx/portal.conf rendered for loopback."""

import gzip
import http.client
import os
import shutil
import signal
import ssl
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from deploy.render import render
from tests.conftest import BROWSER_USER_AGENT
from tests.redis_server import free_port
from tests.services import missing

NGINX = Path("/usr/sbin/nginx")
CONFIG = Path(__file__).resolve().parents[2] / "deploy" / "nginx" / "portal.conf"
HOST = "portal.test"
MAIN_CONF = """
{user}
daemon off;
worker_processes 1;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
events {{ worker_connections 256; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path {prefix}/body;
    proxy_temp_path {prefix}/proxy;
    fastcgi_temp_path {prefix}/fastcgi;
    uwsgi_temp_path {prefix}/uwsgi;
    scgi_temp_path {prefix}/scgi;
    include {prefix}/portal.conf;
}}
"""


@dataclass
class Answer:
    status: int
    headers: http.client.HTTPMessage
    body: bytes

    def header(self, name: str) -> str | None:
        return self.headers.get(name)


def _self_signed(prefix: Path) -> tuple[Path, Path]:
    certificate, key = prefix / "tls.crt", prefix / "tls.key"
    subprocess.run(  # noqa: S603
        [shutil.which("openssl") or "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
         "ec_paramgen_curve:prime256v1", "-nodes", "-days", "1", "-subj", f"/CN={HOST}",
         "-keyout", str(key), "-out", str(certificate)],
        check=True, capture_output=True,
    )  # fmt: skip
    return certificate, key


def _wait_for(port: int, process: subprocess.Popen, error_log: Path) -> None:
    for _ in range(100):
        if process.poll() is not None:
            pytest.fail(f"nginx stopped: {error_log.read_text() if error_log.exists() else ''}")
        try:
            http.client.HTTPConnection("127.0.0.1", port, timeout=1).connect()
            return
        except OSError:
            time.sleep(0.05)
    pytest.fail("nginx did not start listening")


class Nginx:
    """nginx in front of `upstream` (host:port), serving `static_root` and `media_root` as the deployment would."""

    def __init__(self, prefix: Path, *, upstream: str, static_root: Path, media_root: Path):
        if not NGINX.exists():
            missing("nginx is not installed (/usr/sbin/nginx; Debian: apt-get install nginx)")
        if not shutil.which("openssl"):
            missing("openssl is not installed: no certificate for the HTTPS server")
        self.http_port, self.https_port = free_port(), free_port()
        certificate, key = _self_signed(prefix)
        site = render(
            CONFIG.read_text(),
            {
                "HTTP_LISTEN": f"127.0.0.1:{self.http_port}",
                "HTTPS_LISTEN": f"127.0.0.1:{self.https_port}",
                "SERVER_NAME": HOST,
                "TLS_CERTIFICATE": str(certificate),
                "TLS_CERTIFICATE_KEY": str(key),
                "UPSTREAM": upstream,
                "CACHE_DIR": str(prefix / "cache"),
                "STATIC_ROOT": str(static_root),
                "MEDIA_ROOT": str(media_root),
            },
        )
        (prefix / "portal.conf").write_text(site)
        # As root (CI), the workers would become "nobody", who may not read pytest's private temporary folders.
        user = "user root;" if os.geteuid() == 0 else ""
        main = prefix / "nginx.conf"
        main.write_text(MAIN_CONF.format(prefix=prefix, user=user))
        command = [str(NGINX), "-p", str(prefix), "-c", str(main)]
        checked = subprocess.run([*command, "-t"], capture_output=True, text=True)  # noqa: S603
        assert checked.returncode == 0, checked.stderr
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)  # noqa: S603
        _wait_for(self.https_port, self.process, prefix / "error.log")

    def get(self, path: str, *, headers=None, source: str = "127.0.0.1", tls: bool = True) -> Answer:
        """One GET from `source` (a loopback address), as a browser sends it to HOST, the body decompressed."""
        if tls:
            context = ssl.create_default_context()
            context.check_hostname, context.verify_mode = False, ssl.CERT_NONE  # our own self-signed certificate
            connection = http.client.HTTPSConnection(
                "127.0.0.1", self.https_port, timeout=20, context=context, source_address=(source, 0)
            )
        else:
            connection = http.client.HTTPConnection("127.0.0.1", self.http_port, timeout=20, source_address=(source, 0))
        sent = {"Host": HOST, "User-Agent": BROWSER_USER_AGENT, "Accept-Encoding": "gzip", **(headers or {})}
        try:
            connection.request("GET", path, headers=sent)
            response = connection.getresponse()
            body = response.read()
        finally:
            connection.close()
        if response.getheader("Content-Encoding") == "gzip":
            body = gzip.decompress(body)
        return Answer(response.status, response.headers, body)

    def stop(self) -> None:
        """A graceful stop: requests in flight, and a cache refresh nginx makes after answering, reach Django first
        (one arriving after the test's database was emptied would leave a site visit to the next test)."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGQUIT)
            self.process.wait(20)
