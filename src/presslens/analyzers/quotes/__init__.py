"""The presslens_quotes component and the word lists it uses; the factory registers when
component.py is imported (see analyzers/__init__.py)."""
