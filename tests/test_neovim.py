"""A real editor: Neovim (its built-in LSP client, 0.7 or newer) run headless on a PRD, starting
`prdlint server` and printing the diagnostics it received. `.ci/run` installs Neovim (Debian's
package `neovim`) when it is missing; where it cannot, this test says so and skips."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.integration

PROBE = """
vim.cmd('edit ' .. vim.env.PRD_FILE)
local client = vim.lsp.start_client({
  name = 'prdlint',
  cmd = { vim.env.PRDLINT_PYTHON, '-m', 'prdlint', 'server' },
  root_dir = vim.env.PRD_ROOT,
})
vim.lsp.buf_attach_client(0, client)
local got = vim.wait(60000, function() return #vim.diagnostic.get(0) > 0 end, 100)
if not got then io.stdout:write('no diagnostics\\n') end
for _, d in ipairs(vim.diagnostic.get(0)) do
  local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or ''
  io.stdout:write(string.format('%d:%d %s %s\\n', d.lnum + 1, d.col + 1, code, d.message))
end
vim.cmd('qa!')
"""


def test_neovim_shows_prdlints_diagnostics(tmp_path: Path) -> None:
    nvim = shutil.which("nvim")
    if nvim is None:
        pytest.skip("Neovim is not installed (apt-get install neovim); .ci/run installs it")
    (tmp_path / ".prdlint.toml").write_text('select = ["PRD002"]\nseverity = { PRD002 = "warning" }\n')
    prd = tmp_path / "prd.md"
    prd.write_text("# Plan\n\nThe launch date is TBD.\n", encoding="utf-8")
    probe = tmp_path / "probe.lua"
    probe.write_text(PROBE, encoding="utf-8")
    environment = {"PRD_FILE": str(prd), "PRD_ROOT": str(tmp_path), "PRDLINT_PYTHON": sys.executable}
    done = subprocess.run(
        [nvim, "--headless", "-u", "NONE", "-i", "NONE", "-n", "-c", f"luafile {probe}"],
        env={**os.environ, **environment},
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert done.stdout.splitlines() == [
        "3:20 PRD002 placeholder 'TBD' left in the text: replace it with the decision, or record it as "
        "an open question with an owner"
    ], done.stderr
