"""What other processes changed (issue 12, "Several PCs"): one row per kind of record a write
changed, so another PC's window can refresh the lists that show it.

``origin`` names the process that wrote the row (services.change_feed.ORIGIN), so a process
skips its own rows — it announced them in-process already. Rows older than a day are pruned:
they only matter to a process that is running now.
"""

from __future__ import annotations

import peewee as pw

from desktop import clock
from desktop.models.base import BaseModel


class ChangeEvent(BaseModel):
    kind = pw.CharField(max_length=40)
    at = pw.DateTimeField(default=clock.now, index=True)
    origin = pw.CharField(max_length=40)
