"""Upward and over time: what the receiver of ledgers does — merge many units' ledgers into a
汇总, compare two versions of a ledger (diff), and 督办 for what is late."""
