"""Model merging through mergekit's Python API (arcee_fusion, linear, slerp)."""
