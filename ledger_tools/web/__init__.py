"""``ledger-tools web``: the whole tool on a local web page, for clerks without a terminal or
Microsoft Excel (needs the ``web`` extra: ``pip install "ledger-tools[web]"``)."""
