"""The archive's own tooling behind tasks.py: building in-process, checking a built site, new files, bundles."""
