"""Exporters: the paper forms as .xlsx and .pdf. Plain modules, no Qt, shared by CLI and GUI."""
