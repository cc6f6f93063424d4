"""The widget kit: thin ipywidgets views over the engine, one module per widget family.

Import the widgets from :mod:`mi_widgets` (``from mi_widgets import Quiz``); the modules here are
private.
"""
