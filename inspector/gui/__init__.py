"""The Qt GUI: the only package (with inspector.app) that imports PySide6."""
