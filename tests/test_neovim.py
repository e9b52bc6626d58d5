"""A real editor: Neovim (its built-in LSP client, 0.7 or newer) run headless with the README's
own setup pasted as it is, on two Markdown buffers of one workspace: one `prdlint server` serves
both, and each gets its diagnostics. `.ci/run` installs Neovim (Debian's package `neovim`) when it
is missing; where it cannot, this test says so and skips."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.integration

README = Path(__file__).resolve().parent.parent / "README.md"
_LUA = re.compile(r"^Neovim \(.*?```lua\n(?P<setup>.*?)```", re.MULTILINE | re.DOTALL)

PROBE = """
vim.cmd('edit ' .. vim.env.PRD_ROOT .. '/one.md')
vim.cmd('edit ' .. vim.env.PRD_ROOT .. '/two.md')
local buffers = { vim.fn.bufnr('one.md'), vim.fn.bufnr('two.md') }
local got = vim.wait(60000, function()
  return #vim.diagnostic.get(buffers[1]) > 0 and #vim.diagnostic.get(buffers[2]) > 0
end, 100)
if not got then io.stdout:write('no diagnostics\\n') end
io.stdout:write(string.format('servers: %d\\n', #vim.lsp.get_active_clients()))
for index, buffer in ipairs(buffers) do
  for _, d in ipairs(vim.diagnostic.get(buffer)) do
    local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or ''
    io.stdout:write(string.format('%d %d:%d %s %s\\n', index, d.lnum + 1, d.col + 1, code, d.message))
  end
end
vim.cmd('qa!')
"""


def test_the_readmes_neovim_setup_serves_two_buffers_with_one_server(tmp_path: Path) -> None:
    nvim = shutil.which("nvim")
    if nvim is None:
        pytest.skip("Neovim is not installed (apt-get install neovim); .ci/run installs it")
    setup = _LUA.search(README.read_text(encoding="utf-8"))
    assert setup is not None, "the README has no Neovim setup"
    (tmp_path / ".prdlint.toml").write_text('select = ["PRD002"]\nseverity = { PRD002 = "warning" }\n')
    (tmp_path / "one.md").write_text("# Plan\n\nThe launch date is TBD.\n", encoding="utf-8")
    (tmp_path / "two.md").write_text("# Plan\n\nPricing: TODO.\n", encoding="utf-8")
    init = tmp_path / "init.lua"
    init.write_text("vim.cmd('filetype on')\n" + setup.group("setup") + PROBE, encoding="utf-8")
    # `prdlint` as the README's setup calls it: the one installed beside this interpreter.
    path = f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"
    done = subprocess.run(
        [nvim, "--headless", "-u", "NONE", "-i", "NONE", "-n", "-c", f"luafile {init}"],
        env={**os.environ, "PRD_ROOT": str(tmp_path), "PATH": path},
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )
    placeholder = "left in the text"
    assert done.stdout.splitlines() == [
        "servers: 1",
        f"1 3:20 PRD002 placeholder 'TBD' {placeholder}",
        f"2 3:10 PRD002 placeholder 'TODO' {placeholder}",
    ], done.stderr
