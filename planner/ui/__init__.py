"""The editor's widgets: the only package that builds a QWidget."""
