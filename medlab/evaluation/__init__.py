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

Where things live:
  checkpoint_eval   evaluate one checkpoint (harness + suites) into <stage dir>/eval/, reused
  harness           lm-evaluation-harness adapter (harness.json)
  suites, rules     the frozen policy / persona items, judge-free rule checks
  suite_runner      one suite: generate, rule-check, judge, aggregate, write the files
  generation        greedy chat replies in batches
  judge             Judge protocol and judge_item (cache, re-ask on a bad verdict);
                    judge_prompts, judge_verdict, judge_http, judge_local, judge_cache
  aggregate         verdicts -> suite metrics
  suite_tables      the suites' replies as W&B completions tables
  run_results       a finished run's stored results read back (no model loaded)
  report_tables     the report's tables (build_report); benchmark_tables, table_format
  card, plots       MODEL_CARD.md and its figures
  gate              the release gate (promote / hold) on headline metrics
"""
