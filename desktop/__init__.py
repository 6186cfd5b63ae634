"""接待管理 Reception Manager."""


def _version() -> str:
    """The installed distribution's version (pyproject.toml is the one place it is written);
    the fallback serves a source checkout that was never installed and a frozen build whose
    metadata was not bundled."""
    try:
        from importlib.metadata import PackageNotFoundError, version

        return version("reception-manager")
    except (ImportError, PackageNotFoundError):
        return "0.1.0"


def __getattr__(name: str) -> str:
    """``__version__`` is read on first use (``--version``, the About dialog), not at every
    start: importlib.metadata and the search of the installed distributions cost ~10 ms CPU of
    a start-up that issue 14 wants within 1.5× of a bare window."""
    if name == "__version__":
        value = _version()
        globals()["__version__"] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
