"""The presslens_techniques component, its features and the techniques' readable names; the
factory registers when component.py is imported (see analyzers/__init__.py)."""
