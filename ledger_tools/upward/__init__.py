"""Over time and upward: comparing two versions of a ledger, 督办 for what is late, 汇总台账."""
