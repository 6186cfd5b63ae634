"""Finance's standing rules for reconciliation: "all credits (贷方) are not reception expenses",
"counterparty X is not", "memo containing Y is not".

A company bank statement carries salaries, customer receipts and taxes next to the odd
restaurant bill; without rules a 20,000-line statement became 20,044 review items. Rules are
stored in the database (every finance PC applies the same ones), applied to a batch when it is
imported and to every undecided line on demand. A rule never overrides a person: lines someone
already decided or held are left alone, and a rule's decisions stay when the rule is deleted
(their ``LineMatch.rule`` becomes empty) — undo them one by one like any decision.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import peewee as pw

from desktop import clock
from desktop.db import database
from desktop.i18n import translate
from desktop.models import ImportBatch, ImportedLine, LineMatch, MatchRule
from desktop.services import audit
from desktop.services import reconcile_data as data
from desktop.services.auth import Actor, require
from desktop.services.errors import NotFound, ValidationError

CREDIT, COUNTERPARTY, MEMO = "credit", "counterparty", "memo"
KINDS = (CREDIT, COUNTERPARTY, MEMO)


def kind_label(kind: str) -> str:
    return {
        CREDIT: translate("reconcile", "所有贷方（收入）"),
        COUNTERPARTY: translate("reconcile", "对方户名包含"),
        MEMO: translate("reconcile", "摘要包含"),
    }.get(kind, kind)


@dataclass(frozen=True)
class RuleInfo:
    id: int
    kind: str
    text: str
    note: str
    created_at: dt.datetime
    applied: int  # lines this rule decided

    @property
    def description(self) -> str:
        if self.kind == CREDIT:
            return kind_label(CREDIT) + translate("reconcile", " 不是接待费用")
        return translate("reconcile", "{what}“{text}” 不是接待费用").format(
            what=kind_label(self.kind), text=self.text
        )


def list_rules(actor: Actor) -> list[RuleInfo]:
    require(actor, "finance.import")
    counts: dict[int, int] = {}
    for rule_id, n in (
        LineMatch.select(LineMatch.rule, pw.fn.COUNT(LineMatch.id))
        .where(LineMatch.rule.is_null(False))
        .group_by(LineMatch.rule)
        .tuples()
    ):
        counts[rule_id] = n
    return [
        RuleInfo(r.id, r.kind, r.text, r.note, r.created_at, counts.get(r.id, 0))
        for r in MatchRule.select().where(MatchRule.active).order_by(MatchRule.id)
    ]


def save_rule(actor: Actor, kind: str, text: str = "", note: str = "", rule_id: int | None = None) -> int:
    """Add (or change) a rule; returns its id. It applies from the next import or 立即应用."""
    require(actor, "finance.import")
    text, note = (text or "").strip(), (note or "").strip()
    if kind not in KINDS:
        raise ValidationError({"kind": translate("reconcile", "请选择规则类型。")})
    if kind != CREDIT and len(text) < 2:
        raise ValidationError({"text": translate("reconcile", "请填写至少两个字，避免误把接待费用排除。")})
    if kind == CREDIT:
        text = ""
    with database.atomic():
        duplicate = MatchRule.select().where(
            MatchRule.active, MatchRule.kind == kind, MatchRule.text == text, MatchRule.id != (rule_id or 0)
        )
        if duplicate.exists():
            raise ValidationError({"text": translate("reconcile", "已有相同的规则。")})
        if rule_id is None:
            new_id = MatchRule.create(kind=kind, text=text, note=note, created_by=actor.user_id or None).id
            audit.record(
                actor,
                "create",
                "reconcile_rule",
                new_id,
                audit.diff({}, {"kind": kind, "text": text, "note": note}),
            )
            return new_id
        old = MatchRule.get_or_none(MatchRule.id == rule_id, MatchRule.active)
        changed = (
            MatchRule.update(kind=kind, text=text, note=note)
            .where(MatchRule.id == rule_id, MatchRule.active)
            .execute()
        )
        if not changed or old is None:
            raise NotFound(translate("reconcile", "规则不存在。"))
        audit.record(
            actor,
            "edit",
            "reconcile_rule",
            rule_id,
            audit.diff(old, {"kind": kind, "text": text, "note": note}),
        )
        return rule_id


def delete_rule(actor: Actor, rule_id: int) -> None:
    """Retire a rule. What it already decided stays decided (a person can undo each line)."""
    require(actor, "finance.import")
    with database.atomic():
        old = MatchRule.get_or_none(MatchRule.id == rule_id, MatchRule.active)
        if not MatchRule.update(active=False).where(MatchRule.id == rule_id, MatchRule.active).execute():
            raise NotFound(translate("reconcile", "规则不存在。"))
        audit.record(
            actor,
            "delete",
            "reconcile_rule",
            rule_id,
            {"kind": (old.kind, None), "text": (old.text, None), "active": (True, False)} if old else {},
        )


def _covered(rule: MatchRule, batch_id: int | None):
    """Undecided live lines this rule covers, as a query of ids."""
    query = (
        ImportedLine.select(ImportedLine.id)
        .join(ImportBatch)
        .where(ImportBatch.live() if batch_id is None else (ImportBatch.id == batch_id))
        .where(~ImportedLine.id.in_(LineMatch.select(LineMatch.imported)))
    )
    if rule.kind == CREDIT:
        # Money in on a statement (credit − debit > 0); an invoice is never a credit.
        return query.where(ImportedLine.kind != data.INVOICE, ImportedLine.kind != "e-invoice").where(
            ImportedLine.total > 0
        )
    if rule.kind == COUNTERPARTY:
        return query.where(ImportedLine.vendor.contains(rule.text))
    return query.where(ImportedLine.memo.contains(rule.text))


def apply_rules(actor: Actor, *, batch_id: int | None = None) -> int:
    """Mark the undecided lines the active rules cover as not reception expenses; returns how
    many. ``batch_id`` limits it to one import (called from imports.commit)."""
    require(actor, "finance.import")
    done = 0
    per_rule: dict[int, int] = {}
    now = clock.now()
    with database.atomic():
        # One INSERT … SELECT per rule, not a row per line: a rule covering half of a 100,000-line
        # statement wrote 50,000 rows through peewee's per-value nodes. The role is role_of(kind)
        # in SQL; numbers are literals (typed for PostgreSQL), the expense is left NULL.
        role = pw.Case(
            None, [(ImportedLine.kind.in_([data.INVOICE, "e-invoice"]), data.INVOICE)], data.PAYMENT
        )
        fields = [
            LineMatch.imported, LineMatch.kind, LineMatch.role, LineMatch.score, LineMatch.rule, LineMatch.at
        ]  # fmt: skip
        by = [LineMatch.by] if actor.user_id else []
        for rule in MatchRule.select().where(MatchRule.active).order_by(MatchRule.id):
            chosen = ImportedLine.select(
                ImportedLine.id,
                pw.Value("not_reception"),
                role,
                pw.SQL("0"),
                pw.SQL(str(int(rule.id))),
                pw.Value(now),
                *([pw.SQL(str(int(actor.user_id)))] if by else []),
            ).where(ImportedLine.id.in_(_covered(rule, batch_id)))
            count = LineMatch.insert_from(chosen, fields + by).as_rowcount().execute()
            done += count
            if count:
                per_rule[rule.id] = count
        # On demand always (finance pressed 立即应用, even if nothing was left to decide); on an
        # import only when a rule set lines aside — the import's own entry says the rest.
        if batch_id is None or done:
            audit.record(
                actor,
                "apply",
                "reconcile_rule",
                "" if batch_id is None else f"batch:{batch_id}",
                {"decided": (None, done)},
                "; ".join(
                    translate("reconcile", "规则 #{id}：{n} 条").format(id=rid, n=n)
                    for rid, n in per_rule.items()
                ),
            )
    return done
