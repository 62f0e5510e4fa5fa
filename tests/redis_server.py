"""A Redis server of a test's own, on a free loopback port, that the test may stall (SIGSTOP) or kill."""

import shutil
import signal
import socket
import subprocess
import threading
import time

import pytest
import redis

from portal.resilient_cache import reset_breakers
from tests.services import missing


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class OwnRedis:
    def __init__(self, tmp_path):
        binary = shutil.which("redis-server")
        if binary is None:
            missing("redis-server is not installed: a Redis outage cannot be staged")
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        command = [binary, "--port", str(self.port), "--bind", "127.0.0.1", "--dir", str(tmp_path)]
        self.process = subprocess.Popen(  # noqa: S603
            [*command, "--save", "", "--appendonly", "no"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        self.client = redis.Redis(port=self.port, socket_timeout=2)
        for _ in range(50):
            try:
                self.client.ping()
                return
            except redis.ConnectionError:
                time.sleep(0.1)
        self.stop()
        pytest.fail("could not start a Redis of our own")

    def stall(self) -> None:
        self.process.send_signal(signal.SIGSTOP)

    def resume(self) -> None:
        self.process.send_signal(signal.SIGCONT)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.resume()
            self.process.kill()
            self.process.wait(5)


@pytest.fixture
def own_redis(tmp_path):
    server = OwnRedis(tmp_path)
    reset_breakers()
    yield server
    server.stop()
    reset_breakers()


class ReplyLosingProxy:
    """A TCP relay in front of a Redis: commands go through, and while `lose_replies` is set the replies are dropped
    (Redis ran the command; the client never hears back, as when a reply comes too late)."""

    def __init__(self, upstream_port: int):
        self.upstream_port = upstream_port
        self.lose_replies = False
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self._sockets = [self._listener]
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            server = socket.create_connection(("127.0.0.1", self.upstream_port))
            self._sockets += [client, server]
            threading.Thread(target=self._pipe, args=(client, server, False), daemon=True).start()
            threading.Thread(target=self._pipe, args=(server, client, True), daemon=True).start()

    def _pipe(self, source, target, replies: bool):
        try:
            while data := source.recv(65536):
                if not (replies and self.lose_replies):
                    target.sendall(data)
        except OSError:
            pass

    def close(self):
        for sock in self._sockets:
            sock.close()
