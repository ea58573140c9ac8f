"""Documents: the template context (figures and wording from the ledger), title breaking,
the GB/T 9704 format, rendering (sandboxed, streamed into the .docx) and PDF conversion."""
