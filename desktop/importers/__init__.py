"""Importers: spreadsheets from other systems read into plain lines. No Qt, no database."""
