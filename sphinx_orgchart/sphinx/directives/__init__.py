"""Directives of the ``org`` domain, one module per kind of object."""
