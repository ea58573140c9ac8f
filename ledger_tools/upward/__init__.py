"""Upward: what the receiver of many units' ledgers does (merge into a 汇总, diff, 督办)."""
