"""Measurement: the benchmarks (`invoke bench`), the audit (`invoke audit`), the comparison of PDF readers and of
OCR steps, and the generators of the archives and media they measure. Nothing of the site's build or of the
operators' tools (tools/) imports from here."""
