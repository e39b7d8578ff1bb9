"""Entity framing: the role (protagonist, antagonist, innocent) each article casts its actors in.

The presslens_framing factory registers when component.py is imported (see analyzers/__init__.py)."""
