"""The operators' tools behind tasks.py: building in-process, checking a built site, new files, importing an existing
site, reading scans (OCR), the preview and the web editor's back end, the offline bundle, and the one static-file
server (serve.py). Measurement lives in measure/."""
