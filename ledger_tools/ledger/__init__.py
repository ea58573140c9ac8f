"""The ledger pipeline: read → normalise → validate → statistics, and the findings' renderers
(text/JSON, the marked copy), the standard workbook. Every command reads the ledger here."""
