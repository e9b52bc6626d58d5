"""A long editing session against the real language server: `prdlint server` over stdio, one
document edited and saved again and again, each version full of words never seen before (as
every edit of a generated PRD brings new ones). Measured from outside the server: its resident
memory every tenth of the session (target: under 300 MB at every sample, and at the end), and
the time from each save to its diagnostics, whose median is set against the longest (a pipeline
replaced in the way of an edit shows as a pause of seconds).

    python benchmarks/server_session.py [--edits 20000]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import IO, Any

CEILING_MB = 300
URI = "file:///session/prd.md"


class Server:
    """`prdlint server` as a subprocess, spoken to in JSON-RPC over its standard streams."""

    def __init__(self) -> None:
        command = [sys.executable, "-m", "prdlint", "server"]
        self.process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self.next_id = 0

    def send(self, method: str, params: dict[str, Any], *, request: bool = False) -> None:
        message: dict[str, Any] = {"jsonrpc": "2.0", "method": method, "params": params}
        if request:
            self.next_id += 1
            message["id"] = self.next_id
        body = json.dumps(message).encode()
        stream = self.process.stdin
        assert stream is not None
        stream.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        stream.flush()

    def receive(self) -> dict[str, Any]:
        stream: IO[bytes] | None = self.process.stdout
        assert stream is not None
        length = 0
        while (line := stream.readline().strip()) != b"":
            name, _, value = line.partition(b":")
            if name.lower() == b"content-length":
                length = int(value)
        return json.loads(stream.read(length))

    def diagnostics_for(self, version: int) -> list[dict[str, Any]]:
        """Waits for the diagnostics of the document's `version`, passing over other messages."""
        while True:
            message = self.receive()
            params = message.get("params") or {}
            if (
                message.get("method") == "textDocument/publishDiagnostics"
                and params.get("version") == version
            ):
                return params["diagnostics"]

    def resident_mb(self) -> float:
        pages = int(Path(f"/proc/{self.process.pid}/statm").read_text().split()[1])
        return pages * 4096 / 2**20

    def stop(self) -> None:
        self.send("shutdown", {}, request=True)
        self.send("exit", {})
        self.process.wait(timeout=30)


def generated_prd(rng: random.Random) -> str:
    """A short PRD of made-up words: users, stories and requirements the server reads in full."""

    def word() -> str:
        return "".join(
            rng.choice("bcdfghjklmnprstvz") + rng.choice("aeiou") for _ in range(rng.randint(2, 4))
        )

    lines = [f"# {word().title()} for {word()}s", "", "## Users", ""]
    lines += [f"- **{word().title()}s** {word()} the {word()} and {word()} {word()}s." for _ in range(8)]
    lines += ["", f"The {word()} launch date is TBD.", "", "## Requirements", ""]  # one finding a version
    lines += [f"- As a {word()}, I want to {word()} {word()}s, so that {word()}." for _ in range(6)]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--edits", type=int, default=20_000)
    options = parser.parse_args()
    rng = random.Random(7)
    server = Server()
    server.send("initialize", {"processId": None, "rootUri": None, "capabilities": {}}, request=True)
    server.receive()
    server.send("initialized", {})
    server.send("workspace/didChangeConfiguration", {"settings": {"prdlint": {"lintOnSaveOnly": True}}})
    document = {"uri": URI, "languageId": "markdown", "version": 0, "text": generated_prd(rng)}
    server.send("textDocument/didOpen", {"textDocument": document})
    server.diagnostics_for(0)
    waits: list[float] = []
    samples: list[tuple[int, float]] = []
    findings = 0
    for version in range(1, options.edits + 1):
        identifier = {"uri": URI, "version": version}
        server.send(
            "textDocument/didChange",
            {"textDocument": identifier, "contentChanges": [{"text": generated_prd(rng)}]},
        )
        started = time.perf_counter()
        server.send("textDocument/didSave", {"textDocument": {"uri": URI}})
        diagnostics = server.diagnostics_for(version)
        waits.append(time.perf_counter() - started)
        findings += len(diagnostics)
        if version % max(1, options.edits // 10) == 0:
            samples.append((version, server.resident_mb()))
    server.stop()
    print(
        f"language server: {options.edits} edits of a PRD of new words, each saved and linted "
        f"({findings / options.edits:.1f} findings a version)"
    )
    for version, resident in samples:
        print(f"  {'resident memory after ' + str(version) + ' edits':<58} {resident:9.1f} MB")
    peak = max(resident for _, resident in samples)
    verdict = "ok" if peak < CEILING_MB else "OVER"
    print(f"  {'largest sample':<58} {peak:9.1f} MB  (target {CEILING_MB} MB: {verdict})")
    median, longest = statistics.median(waits), max(waits)
    print(f"  {'save to diagnostics, median':<58} {median * 1000:9.1f} ms")
    times = f"{longest * 1000:9.1f} ms  ({longest / median:.0f}x the median)"
    print(f"  {'save to diagnostics, longest':<58} {times}")


if __name__ == "__main__":
    main()
