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


__version__ = _version()
