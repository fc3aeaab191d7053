"""Real application servers for the production tests: gunicorn, production settings.

Each server is a separate process on its own loopback port, as behind a load balancer,
talking to the test database and to Redis (db 5, kept apart from other users), or to a
redis-server of its own (RedisServer) that a test or a bench may stop.
"""

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.error import HTTPError, URLError
from urllib.parse import urlencode
from urllib.request import HTTPRedirectHandler, Request, build_opener

import psycopg
import pytest
import redis

ROOT = Path(__file__).resolve().parent.parent
GUNICORN = Path(sys.executable).parent / "gunicorn"
# Kept apart from other users of the Redis server; TEST_REDIS_URL chooses another db.
TEST_REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/5")
SECRET_KEY = "servers-" + "0123456789abcdefghij" * 3  # noqa: S105 (test servers only)


def postgres_only(reason):
    """The marks of a test module whose other processes share the test database: run on
    PostgreSQL only (SQLite's test database lives in the pytest process's memory)."""
    return [
        pytest.mark.skipif(
            not os.environ.get("DATABASE_URL", "").startswith("postgres"),
            reason=f"needs DATABASE_URL=postgres://… ({reason})",
        ),
        pytest.mark.django_db,  # so that pytest-django creates the test database
    ]


def production_environment(database_url, static_root, redis_url=TEST_REDIS_URL):
    environment = {
        name: value for name, value in os.environ.items() if not name.startswith("PYTEST")
    }
    environment.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY=SECRET_KEY,
        ALLOWED_HOSTS="localhost,ruffecois.localhost,127.0.0.1",
        DATABASE_URL=database_url,
        REDIS_URL=redis_url,
        STATIC_ROOT=str(static_root),
        WEB_CONCURRENCY="1",
        # As behind the reverse proxy, which gives the client's address in this header.
        CLIENT_IP_HEADER="HTTP_X_FORWARDED_FOR",
    )
    return environment


def shared_test_files():
    """The test settings' file folders, for servers sharing the test database: its rows
    name files (the demo's logos and pictograms, uploads) that pages cannot show without."""
    from django.conf import settings

    return {"MEDIA_ROOT": str(settings.MEDIA_ROOT), "DOCUMENTS_ROOT": str(settings.DOCUMENTS_ROOT)}


def database_url(name):
    """The URL of database `name` on the PostgreSQL server the tests use."""
    from django.db import connection

    db = connection.settings_dict
    return f"postgres://{db['USER']}@{db['HOST']}:{db['PORT'] or 5432}/{name}"


def create_production_superuser(username, password):
    """An administrator the servers can log in: the test settings' fast hasher is unknown
    to the production settings, so the password is hashed as production does."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import PBKDF2PasswordHasher

    hasher = PBKDF2PasswordHasher()
    user = get_user_model().objects.create_superuser(username, f"{username}@example.org")
    user.password = hasher.encode(password, hasher.salt())
    user.save()
    return user


@contextmanager
def empty_postgres_database(name):
    """A new empty database on the tests' PostgreSQL server, dropped afterwards."""
    with psycopg.connect(database_url("postgres"), autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield database_url(name)
    finally:
        with psycopg.connect(database_url("postgres"), autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def collect_static(environment):
    subprocess.run(  # noqa: S603 (fixed command)
        [sys.executable, "manage.py", "collectstatic", "--no-input"],
        cwd=ROOT,
        env=environment,
        check=True,
        capture_output=True,
        timeout=120,
    )


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class _Process:
    """A child process whose output goes to a file (a full pipe nobody reads would block)."""

    def __init__(self, command, environment):
        self.log = tempfile.TemporaryFile()
        self.process = subprocess.Popen(  # noqa: S603 (fixed command)
            command, cwd=ROOT, env=environment, stdout=self.log, stderr=subprocess.STDOUT
        )

    def log_tail(self, size=3000):
        self.log.seek(0)
        return self.log.read().decode(errors="replace")[-size:]

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()


class _HttpProcess(_Process):
    """A process answering HTTP on `self.port`, the application's health probe included."""

    def wait_until_healthy(self, timeout=60):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(self.log_tail())
            try:
                if Browser(self).get("/healthz").status == 200:
                    return
            except (URLError, ConnectionError, TimeoutError):  # still starting
                pass
            time.sleep(0.2)
        raise TimeoutError(f"server on port {self.port} not healthy after {timeout} s")


class Server(_HttpProcess):
    """One gunicorn process started with config/gunicorn.py."""

    def __init__(self, environment):
        self.port = free_port()
        bind = f"127.0.0.1:{self.port}"
        super().__init__([str(GUNICORN), "-c", "config/gunicorn.py", "--bind", bind], environment)


class TaskWorker(_Process):
    """The Procfile's task worker, polling the queue every 0.2 s."""

    def __init__(self, environment):
        command = [sys.executable, "manage.py", "run_task_worker", "--interval", "0.2"]
        super().__init__([*command, "--no-startup-delay"], environment)


REDIS_SERVER = shutil.which("redis-server") or "/usr/bin/redis-server"


class RedisServer:
    """A throwaway redis-server, keeping nothing on disk."""

    def __init__(self, directory):
        self.port = free_port()
        self.directory = directory
        self.process = None

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        self.process = subprocess.Popen(  # noqa: S603 (fixed command)
            [REDIS_SERVER, "--port", str(self.port), "--bind", "127.0.0.1", "--save", ""]
            + ["--appendonly", "no", "--dir", str(self.directory)],
            stdout=subprocess.DEVNULL,
        )
        client = redis.Redis.from_url(self.url)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                client.ping()
                return
            except redis.ConnectionError:
                time.sleep(0.05)
        raise TimeoutError("redis-server did not start")

    def stop(self):
        self.process.terminate()
        self.process.wait(10)

    def freeze(self):
        self.process.send_signal(signal.SIGSTOP)

    def thaw(self):
        self.process.send_signal(signal.SIGCONT)


NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
# docs/exploitation.md's proxy, TLS left out: the documents' internal location and the
# application behind it.
NGINX_CONFIG = """
daemon off;
user root;
pid {directory}/nginx.pid;
error_log stderr;
events {{}}
http {{
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path {directory}/body;
    proxy_temp_path {directory}/proxy;
    server {{
        listen 127.0.0.1:{port};
        location {prefix} {{
            internal;
            alias {documents_root}/;
            add_header Content-Security-Policy "default-src 'none'" always;
            add_header X-Content-Type-Options nosniff always;
        }}
        location / {{
            proxy_pass http://127.0.0.1:{upstream};
            proxy_set_header Host $http_host;
            proxy_set_header X-Forwarded-Proto $http_x_forwarded_proto;
        }}
    }}
}}
"""


class Nginx(_HttpProcess):
    """nginx in front of a server, sending the documents the server names in an
    X-Accel-Redirect header from `documents_root`."""

    def __init__(self, server, directory, documents_root, prefix):
        if not Path(NGINX).exists():
            pytest.fail(f"nginx is required at {NGINX}: apt-get install -y nginx-light")
        self.port = free_port()
        config = Path(directory) / "nginx.conf"
        config.write_text(
            NGINX_CONFIG.format(
                directory=directory,
                port=self.port,
                prefix=prefix,
                documents_root=documents_root,
                upstream=server.port,
            )
        )
        super().__init__([NGINX, "-c", str(config), "-p", str(directory)], dict(os.environ))


class _NoRedirect(HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # the test looks at the 302 itself


class Response:
    def __init__(self, raw):
        self.status = raw.status
        self.headers = raw.headers
        self.body = raw.read()
        # Pages are UTF-8; a document (a PDF) is read as text too, its bytes replaced.
        self.text = self.body.decode(errors="replace")


class Browser:
    """A visitor's browser behind the TLS proxy: keeps its cookies, follows no redirect."""

    opener = build_opener(_NoRedirect)

    def __init__(self, server, hostname="ruffecois.localhost", behind_tls_proxy=True, headers=None):
        self.base = f"http://127.0.0.1:{server.port}"
        self.host = f"{hostname}:{server.port}"
        self.behind_tls_proxy = behind_tls_proxy
        self.extra_headers = headers or {}  # e.g. the proxy's X-Forwarded-For
        self.cookies = {}

    def request(self, path, data=None):
        headers = {"Host": self.host, "Referer": f"https://{self.host}{path}", **self.extra_headers}
        if self.behind_tls_proxy:
            headers["X-Forwarded-Proto"] = "https"
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = data.encode() if data is not None else None
        try:
            # Always http://127.0.0.1: no file: or other scheme can reach urlopen here.
            request = Request(self.base + path, data=body, headers=headers)  # noqa: S310
            raw = self.opener.open(request, timeout=20)
        except HTTPError as error:
            raw = error
        for header in raw.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        return Response(raw)

    def get(self, path):
        return self.request(path)

    @staticmethod
    def csrf_token(html):
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)

    def log_in(self, username, password):
        token = self.csrf_token(self.get("/admin/login/").text)
        credentials = {"csrfmiddlewaretoken": token, "username": username, "password": password}
        return self.request("/admin/login/", urlencode(credentials))
