"""Markdown docs of the curated tables, generated from the DataFrameModels (the one definition)."""

from __future__ import annotations

import inspect

from .tables import CURATED


def schema_markdown() -> str:
    out = []
    for name, model in CURATED.items():
        schema = model.to_schema()
        out.append(f"### `{name}`\n\n{inspect.cleandoc(model.__doc__ or '')}\n")
        out.append("| column | type | null | meaning |\n|---|---|---|---|")
        for col_name, col in schema.columns.items():
            allowed = ""
            for chk in col.checks:
                if chk.name == "isin":
                    allowed = " One of: " + ", ".join(map(str, chk.statistics["allowed_values"])) + "."
            dtype = "string" if str(col.dtype).startswith("str") else str(col.dtype)
            out.append(f"| {col_name} | {dtype} | {'yes' if col.nullable else 'no'} | {(col.description or '')}{allowed} |")
        checks = [c for c in schema.checks if c.description]
        if checks:
            out.append("\nChecks (error: the row is held back into `validation_failures`): " + "; ".join(c.description.rstrip(".") for c in checks) + ".")
        out.append("")
    return "\n".join(out)
