"""The markers of prdlint's plugin hooks: `hookimpl` on a plugin's hook functions, `hookspec` on
their specifications (hookspecs.py). Apart from the specifications, so that a built-in module
that implements a hook (the output formats) and the specifications that name its types do not
import each other."""

import pluggy

PROJECT_NAME = "prdlint"

hookspec = pluggy.HookspecMarker(PROJECT_NAME)
hookimpl = pluggy.HookimplMarker(PROJECT_NAME)
