"""The Qt GUI: the only package (with inspector.gui.startup) that imports PySide6."""
