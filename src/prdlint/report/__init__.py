"""Output formats, one module each; all register through the `prdlint_output_formats` hook."""
