"""An example prdlint plugin: Acme's house style for PRDs."""
