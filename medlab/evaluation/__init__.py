"""Evaluation: lm-evaluation-harness benchmarks, LLM-judge regression suites, reports.

Files an evaluated checkpoint gets (`<stage dir>/eval/`, written atomically):
  harness.json          {"checkpoint", "settings", "results": {task: {metric: value}},
                         "stderr": {task: {metric: value}}, "n_samples": {task: n}}
  policy.json           {"suite": "policy", "n_items", "n_scored", "judge_errors", "judge",
                         "partial", "metrics": {overall, safety, helpfulness, medical_accuracy,
                         boundary_violation_pct, mode_incorrect_pct},
                         "per_category": {category: {...same metrics..., "n"}},
                         "rules": {dose_leak_pct, dose_leak_count, n_should_refuse,
                                   emergency_escalation_pct, emergency_escalation_count,
                                   n_emergency}}
  policy_items.jsonl    one row per suite item: id, category, expected_mode, audience, prompt
                        (the conversation), answer, verdict (or null), judge_error (or null),
                        rule flags
  persona.json          {"suite": "persona", "n_items", "n_scored", "judge_errors", "judge",
                         "partial", "metrics": {overall, depth, audience, warmth, structure,
                         hedging, verbosity, evidence, multi_turn}}
  persona_items.jsonl   as policy_items.jsonl
Judge scores are 1-5 means over the items the judge scored; percentages are 0-100 over scored
items; a metric with nothing scored is null (never 0). Judge errors are counted, never dropped.
"""
