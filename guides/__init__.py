"""The collaboration handbook's decision guides.

Standard library plus Jinja2 (pure Python), so the same code runs in CPython (at build time, in tests and
from the command line) and in Pyodide (in the reader's browser).
"""

__version__ = "0.1.0"
