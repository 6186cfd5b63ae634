"""接待管理 Reception Manager."""

__version__ = "0.1.0"
