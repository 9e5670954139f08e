"""Real web servers for the tests and the benchmark: the built site under a sub-path, served by
Debian's nginx with the shipped config (deploy/nginx/haandbog.conf), as a child process with its
own config in a temporary folder (no daemon, nothing under /etc or /var touched)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PREFIX = "/haandbog/"
SHIPPED = ROOT / "deploy" / "nginx" / "haandbog.conf"
BROTLI = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def build(site: Path, url: str) -> None:
    """A strict build for the address `url` (HANDBOOK_SITE_URL), as a municipality would build it."""
    mkdocs = Path(sys.executable).with_name("mkdocs")
    env = {**os.environ, "HANDBOOK_SITE_URL": url}
    result = subprocess.run([str(mkdocs), "build", "--strict", "--site-dir", str(site)], cwd=ROOT, env=env,
                            capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"mkdocs build failed:\n{result.stdout[-2000:]}\n{result.stderr[-4000:]}")


def nginx_config(site: Path, port: int, folder: Path) -> Path:
    """The shipped server file, with only its EDIT lines set (port, folder); sub-path as shipped."""
    text = SHIPPED.read_text(encoding="utf-8")
    edited = text.replace("listen 80;", f"listen 127.0.0.1:{port};", 1).replace(
        "alias /var/www/haandbog/;", f"alias {site}/;", 1)
    assert edited.count(f"127.0.0.1:{port}") == 1 and f"alias {site}/;" in edited, "the shipped config's EDIT lines moved"
    (folder / "haandbog.conf").write_text(edited, encoding="utf-8")
    shutil.copy("/etc/nginx/mime.types", folder / "mime.types")
    for sub in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (folder / sub).mkdir(exist_ok=True)
    main = [
        f"load_module {BROTLI};" if BROTLI.is_file() else "# no brotli_static module: .gz files are sent",
        "user root;" if os.geteuid() == 0 else "",
        "worker_processes 1;",
        f"pid {folder}/nginx.pid;",
        f"error_log {folder}/error.log warn;",
        "events { worker_connections 512; }",
        "http {",
        "  log_format wire '$request_uri $bytes_sent';  # what each response cost on the wire (benchmark)",
        f"  access_log {folder}/access.log wire;",
        *(f"  {sub}_temp_path {folder}/{sub};" for sub in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")),
        "  sendfile on;",
        "  include haandbog.conf;",
        "}",
    ]
    conf = folder / "nginx.conf"
    conf.write_text("\n".join(main) + "\n", encoding="utf-8")
    if not BROTLI.is_file():  # a default nginx without the module: the shipped line must go
        (folder / "haandbog.conf").write_text(edited.replace("brotli_static on;", "# brotli_static on;"), encoding="utf-8")
    return conf


def nginx_binary() -> str:
    found = shutil.which("nginx") or ("/usr/sbin/nginx" if os.path.exists("/usr/sbin/nginx") else None)
    if not found:
        raise RuntimeError("no nginx: install Debian's 'nginx' (make servers)")
    return found


class Nginx:
    def __init__(self, site: Path, folder: Path, port: int | None = None):
        self.port = port or free_port()
        self.folder = folder
        self.conf = nginx_config(site, self.port, folder)
        binary = nginx_binary()
        test = subprocess.run([binary, "-t", "-p", str(folder), "-e", str(folder / "error.log"), "-c", str(self.conf)],
                              capture_output=True, text=True)
        if test.returncode != 0:
            raise RuntimeError(f"nginx -t failed:\n{test.stderr}")
        self.proc = subprocess.Popen([binary, "-p", str(folder), "-e", str(folder / "error.log"), "-c", str(self.conf),
                                      "-g", "daemon off;"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        for _ in range(100):
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                    break
            except OSError:
                if self.proc.poll() is not None:
                    raise RuntimeError(f"nginx exited: {self.proc.stderr.read().decode()}")
                time.sleep(0.1)
        self.url = f"http://127.0.0.1:{self.port}{PREFIX}"

    def log_mark(self) -> int:
        log = self.folder / "access.log"
        return log.stat().st_size if log.is_file() else 0

    def sent_since(self, mark: int) -> list[tuple[str, int]]:
        """(URI, bytes sent incl. headers) of every response since `mark` (page, workers, service worker)."""
        with open(self.folder / "access.log", "rb") as f:
            f.seek(mark)
            rows = [line.decode().split() for line in f.read().splitlines()]
        return [(r[0], int(r[1])) for r in rows if len(r) == 2]

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


_started: dict = {}


def serve_built_site(tmp_path_factory) -> tuple[str, Path]:
    """One build for the sub-path address and one nginx per test session (shared by the test
    modules that use it; stopped at exit)."""
    if "nginx" not in _started:
        import atexit

        port = free_port()
        site = tmp_path_factory.mktemp("site-haandbog")
        build(site, f"http://127.0.0.1:{port}{PREFIX}")
        server = Nginx(site, tmp_path_factory.mktemp("nginx"), port)
        atexit.register(server.stop)
        _started["nginx"] = (server.url, site)
    return _started["nginx"]
