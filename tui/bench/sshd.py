"""A private `sshd` on 127.0.0.1 for measuring and testing the reader over a real `ssh -tt`:
throwaway host and user keys in a folder of its own, a free port, no PAM, stopped by
`stop()`. `available()` says why it cannot be had, if it cannot."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path

SSHD_PLACES = ("/usr/sbin/sshd", "/usr/local/sbin/sshd", "/sbin/sshd")


def _find(name: str, places: tuple[str, ...] = ()) -> str | None:
    for place in places:
        if os.access(place, os.X_OK):
            return place
    return shutil.which(name)


def available() -> str | None:
    """None when an sshd can be started here, else the reason it cannot."""
    missing = [name for name, places in (("sshd", SSHD_PLACES), ("ssh", ()), ("ssh-keygen", ()))
               if _find(name, places) is None]
    if missing:
        return f"{', '.join(missing)} not installed (Debian: openssh-server, openssh-client)"
    if os.geteuid() != 0:
        return "sshd needs root to log a user in with a private configuration"
    return None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Sshd:
    """An sshd of our own in `folder`, accepting root with the user key `self.key`."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.key = folder / "user_key"
        self.port = 0
        self.process: subprocess.Popen | None = None
        self.log = folder / "sshd.log"

    def start(self, timeout: float = 15.0) -> Sshd:
        reason = available()
        if reason:
            raise RuntimeError(reason)
        self.folder.mkdir(parents=True, exist_ok=True)
        keygen = _find("ssh-keygen")
        host_key = self.folder / "host_key"
        for key in (host_key, self.key):
            if not key.exists():
                subprocess.run([keygen, "-q", "-t", "ed25519", "-N", "", "-f", str(key)],
                               check=True, capture_output=True, timeout=30)
        authorized = self.folder / "authorized_keys"
        authorized.write_text(self.key.with_suffix(".pub").read_text())
        Path("/run/sshd").mkdir(parents=True, exist_ok=True)  # its privilege-separation folder
        self.port = _free_port()
        config = self.folder / "sshd_config"
        config.write_text("\n".join([
            f"Port {self.port}", "ListenAddress 127.0.0.1", f"HostKey {host_key}",
            f"AuthorizedKeysFile {authorized}", f"PidFile {self.folder / 'sshd.pid'}",
            "UsePAM no", "StrictModes no", "PermitRootLogin prohibit-password",
            "PasswordAuthentication no", "KbdInteractiveAuthentication no",
            "PubkeyAuthentication yes", "PrintMotd no", "PrintLastLog no", "UseDNS no",
            "Subsystem sftp internal-sftp", "",
        ]))
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(
                [_find("sshd", SSHD_PLACES), "-f", str(config), "-D", "-e"],
                stdin=subprocess.DEVNULL, stdout=log, stderr=log, start_new_session=True)
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if self.process.poll() is not None:
                raise RuntimeError(f"sshd exited: {self.log.read_text(errors='replace').strip()}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    return self
            except OSError:
                time.sleep(0.05)
        self.stop()
        raise RuntimeError(f"sshd did not listen on port {self.port} within {timeout} s")

    def ssh_argv(self, log: Path | None = None) -> list[str]:
        """`ssh -tt` to root on this server, with no known-hosts file and no user config;
        with `log`, ssh's verbose log goes there (its last lines count the bytes moved)."""
        logging = ["-v", "-E", str(log)] if log else ["-o", "LogLevel=ERROR"]
        return [_find("ssh") or "ssh", "-tt", "-F", "/dev/null", "-i", str(self.key),
                "-p", str(self.port), "-o", "StrictHostKeyChecking=no",
                "-o", "UserKnownHostsFile=/dev/null", "-o", "BatchMode=yes",
                *logging, "root@127.0.0.1"]

    def stop(self) -> None:
        """End the server and the sessions it forked (its own process group)."""
        if self.process is None:
            return
        for sig, wait in ((signal.SIGTERM, 10), (signal.SIGKILL, 10)):
            try:
                os.killpg(self.process.pid, sig)
            except ProcessLookupError:
                break
            try:
                self.process.wait(timeout=wait)
                break
            except subprocess.TimeoutExpired:
                continue
        self.process = None
