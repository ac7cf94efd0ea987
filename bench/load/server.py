"""gunicorn for the benchmark: gunicorn.conf.py as deployed, on a free port of 127.0.0.1, stopped afterwards."""

import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
GUNICORN = Path(os.environ.get("VIRTUAL_ENV", ROOT / ".venv")) / "bin" / "gunicorn"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def command():
    return [str(GUNICORN), "--config", "gunicorn.conf.py"]


def start(env, port, log_path):
    """gunicorn in its own process group, its output in ``log_path``."""
    log = open(log_path, "ab")  # noqa: SIM115 - handed to the process, closed in stop()
    process = subprocess.Popen(  # noqa: S603 - our own gunicorn and configuration
        command(),
        cwd=ROOT,
        env={**os.environ, **env, "GUNICORN_BIND": f"127.0.0.1:{port}"},
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    process.log = log
    return process


def wait_healthy(base_url, process, timeout=90):
    """Waits for /healthz/ to answer 200; RuntimeError when gunicorn exits or the time is up."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {process.returncode}; see {process.log.name}")
        try:
            with urllib.request.urlopen(f"{base_url}/healthz/", timeout=5) as answer:  # noqa: S310 - 127.0.0.1
                if answer.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.5)
    raise RuntimeError(f"/healthz/ did not answer 200 within {timeout} s; see {process.log.name}")


def stop(process, timeout=30):
    """SIGTERM to gunicorn's master (a graceful stop of its workers), SIGKILL to its group if it hangs."""
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    process.log.close()
