"""Plain data and builders that several test modules share: fabricated articles and analyses,
a PTC folder writer, a `presslens serve` runner, the repository's paths.

Fixtures live in the conftest.py files; this package holds what a test calls or reads
directly (ids in assertions, builders with arguments). pytest puts tests/ on sys.path
(`pythonpath` in pyproject.toml), so a test imports it as `from support.web_corpus import ...`.
"""
