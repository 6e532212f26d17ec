"""Seloste's core: load, validate, model and page content of the privacy-notice archive.

Imports nothing from MkDocs; ``hooks/seloste_hooks.py`` adapts it to the MkDocs build.
"""
