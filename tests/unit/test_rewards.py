"""Reward functions and answer parsing against tables of hand-checked cases.

Every `extract_choice` trap is a case whose naive reading (first letter, any capital letter,
last capital letter, text inside <think>) would give a different answer than the one expected.
"""

from __future__ import annotations

import functools

import pytest

from medlab.errors import ConfigError
from medlab.rewards import REWARD_FUNCTIONS, get_reward_function
from medlab.rewards.answer_parsing import extract_choice, final_part, think_reasoning
from medlab.rewards.format import think_format_reward
from medlab.rewards.length import short_rationale_reward
from medlab.rewards.mcq import mcq_correctness_reward, normalize_gold

# (completion, expected letter); default letters "ABCD".
EXTRACT_CASES = [
    # --- recognised forms
    ("Answer: C", "C"),
    ("Option A fits the anaemia, but B12 is normal. Answer: C", "C"),
    ("Final answer: (C) -- the smear rules out D", "C"),
    ("A low ferritin (not B12) means the answer is C", "C"),
    ("The correct answer is option C. Option D is a distractor.", "C"),
    ("Iron deficiency fits best, so I pick (C)", "C"),
    ("Microcytic anaemia with low ferritin.\nC.", "C"),
    ("Microcytic anaemia with low ferritin.\nC)", "C"),
    ("Microcytic anaemia with low ferritin.\n\n**C**", "C"),
    ("**Answer:** D", "D"),
    ("Answer: **B**", "B"),
    ("Answer: C. Vitamin D", "C"),
    ("Answer: C Vitamin D", "C"),
    ("Answer: (C) Vitamin D", "C"),
    ("Not A, since B12 is normal. The final answer is: (D).", "D"),
    ("The answer to this question is D.", "D"),
    ("The best choice is B; D comes second", "B"),
    ("Option C is correct. Vitamin D is unrelated.", "C"),
    ("C is the correct answer.", "C"),
    ("Scurvy, not vitamin D toxicity.\n\n\\boxed{C}", "C"),
    ("$\\boxed{\\text{B}}$", "B"),
    ("### Answer\nC\n\n### Why not D\nIt is unrelated.", "C"),
    ("The answer is C because collagen synthesis needs vitamin D.", "C"),
    ("The answer is C, a classic case of scurvy.", "C"),
    ("Answer: C! (D) was a trap.", "C"),
    ("answer: c", "C"),  # lowercase accepted in an explicit, end-of-line statement
    ("the answer is (b)", "B"),
    # --- multi-line: only the last answer counts
    ("Answer: B\nOn reflection, B ignores the ferritin.\nAnswer: C", "C"),
    ("The answer is either A or B. After more thought, the answer is B.", "B"),
    ("A. Iron\nB. Folate\nC. B12\nD. Zinc\nAnswer: A", "A"),
    ("Answer Choices:\nA. Iron\nB. Folate\nAnswer: D", "D"),
    # --- think blocks
    ("<think>Could be A. Ferritin low, so C.</think>\nAnswer: C", "C"),
    ("<think>The answer is A.</think>\nThe answer is B.", "B"),
    ("<think>Not B. Maybe D.</think>\nAnswer: A", "A"),
    ("Ferritin is low.</think>Answer: A", "A"),  # template pre-filled <think>
    ("<think>The answer is C", None),  # reasoning never finished
    ("<think>The answer is C</think>", None),  # answer only inside the think block
    ("<think>x</think>Answer: A<think>second thoughts", None),
    # --- several letters
    ("The answer is A or B.", None),
    ("Answer: A/B", None),
    ("Answer: A, C", None),
    ("Final answer: both A and C", None),
    ("Answer: C. Earlier I said the answer is A or B.", None),
    # --- negations
    ("The answer is not C", None),
    ("not C", None),
    ("The answer isn't C.", None),
    ("Answer: C. Option C is wrong, though.", None),
    ("I would pick not (C).", None),
    ("The answer is not C.\nC", None),
    ("The answer is not C. Answer: B", "B"),
    ("The answer is not C, it is B.", "B"),
    ("The answer is not C but rather B.", "B"),
    ("The answer is B, not C.", "B"),
    ("Answer: B. Option C is wrong because it ignores the ferritin.", "B"),
    ("The answer is not C.\nB", "B"),
    # --- letters inside words, stray lowercase letters, articles and pronouns
    ("Cardiology referral is needed.", None),
    ("Vitamin A deficiency causes night blindness.", None),
    ("Vitamin A is the correct answer.", None),
    ("the answer is a deficiency of iron", None),
    ("it is a b12 problem, see c", None),
    ("Answer: B cells", None),
    ("Answer: B12 deficiency", None),
    ("The answer is B-cell lymphoma.", None),
    ("Answer: C vitamin C", None),  # documented: capitalised letter + lowercase word is a word
    ("Order a CBC and a ferritin.", None),
    # --- missing / empty / outside the allowed set
    ("", None),
    ("   \n ", None),
    ("It depends on the ferritin level.", None),
    ("Answer: E", None),
    ("Answer: C\nActually, the answer is E.", None),
    ("A. Iron\nB. Folate\nC. B12\nD. Zinc", None),  # options echoed, no answer given
]


@pytest.mark.parametrize(("completion", "expected"), EXTRACT_CASES)
def test_extract_choice(completion, expected):
    assert extract_choice(completion) == expected


@pytest.mark.parametrize(
    ("completion", "expected"),
    [
        ("I think the answer is C.", "C"),  # the pronoun "I" is in the set, but no answer
        ("I am not sure.", None),
        ("Answer: I think it is C", None),  # "I think": a pronoun, and no statement follows
        ("Answer: I", "I"),
        ("Answer: J", "J"),
        ("Answer: K", None),
    ],
)
def test_extract_choice_ten_letters(completion, expected):
    """MMLU-Pro style A-J: "I" becomes a legal choice, so the pronoun trap matters."""
    assert extract_choice(completion, letters="ABCDEFGHIJ") == expected


def test_think_helpers():
    assert final_part("<think>r</think> Answer: A") == " Answer: A"
    assert final_part("no markup") == "no markup"
    assert final_part("<think>unfinished") is None
    assert think_reasoning("<think>two words</think>x").split() == ["two", "words"]
    assert think_reasoning("no think block") is None
    assert think_reasoning("<think>unfinished") is None


# ---------------------------------------------------------------- mcq_correctness_reward

GOOD = "<think>Low ferritin.</think>\nAnswer: C"


@pytest.mark.parametrize(
    ("gold", "expected"),
    [
        ("C", 1.0),
        (" c ", 1.0),
        ("(C)", 1.0),
        ("C.", 1.0),
        ("C)", 1.0),
        (2, 1.0),  # MedMCQA cop index 0-3 -> A-D
        (0, 0.0),  # A: a real wrong answer, not unscorable
        ("A", 0.0),
        ("B", 0.0),
        (None, None),
        ("", None),
        ("   ", None),
        (4, None),  # index out of range
        (-1, None),
        (True, None),  # a bool is not an index
        ("E", None),  # outside the allowed letters
        ("C. Vitamin C", None),  # option text is not guessed at
        ("2", None),  # a digit string is ambiguous (0- or 1-based)
    ],
)
def test_mcq_gold_formats(gold, expected):
    assert mcq_correctness_reward([GOOD], answer=[gold]) == [expected]


def test_mcq_batch_mixed_rows():
    """Row by row: right, wrong, no answer extracted, hedged, gold missing, unfinished think."""
    completions = [
        "Answer: C",
        "Answer: B",
        "I am not sure.",
        "The answer is A or C.",
        "Answer: C",
        "<think>The answer is C",
    ]
    gold = ["C", "C", "C", "C", None, "C"]
    assert mcq_correctness_reward(completions, answer=gold, question=["q"] * 6) == [
        1.0,
        0.0,
        0.0,
        0.0,
        None,
        0.0,
    ]


def test_mcq_without_answer_column_is_unscorable():
    assert mcq_correctness_reward(["Answer: C", "Answer: A"]) == [None, None]


def test_mcq_length_mismatch_raises():
    with pytest.raises(ValueError, match="2 completions but 1 'answer'"):
        mcq_correctness_reward(["Answer: C", "Answer: A"], answer=["C"])


def test_mcq_letters_via_partial():
    reward = functools.partial(mcq_correctness_reward, letters="ABCDEFGHIJ")
    assert reward(["Answer: F", "Answer: F"], answer=["F", 5]) == [1.0, 1.0]
    assert mcq_correctness_reward(["Answer: F"], answer=["F"]) == [None]


def test_normalize_gold_numpy_like_index():
    class Index:  # stands in for numpy.int64: supports __index__ but is not an int
        def __index__(self):
            return 3

    assert normalize_gold(Index()) == "D"


# ---------------------------------------------------------------- think_format_reward

FORMAT_CASES = [
    ("<think>Ferritin is low.</think>\nAnswer: C", 1.0),
    ("\n  <think>\nFerritin is low.\n</think>\n\nIron deficiency.\nAnswer: C\n", 1.0),
    ("<think>Ferritin is low.</think>\nIron deficiency.\nC", 1.0),  # bare last line parses
    ("<think>Ferritin is low.</think>\nAnswer: C.\n---", 1.0),  # punctuation-only tail
    ("<think>Ferritin is low.</think>\nAnswer: C\nHope this helps!", 0.5),  # prose after answer
    ("<think>Ferritin is low.</think>\nIron deficiency anaemia.", 0.5),  # no answer line
    ("<think>Ferritin is low.</think>\nAnswer: A or C", 0.5),  # hedged answer
    ("<think>Ferritin is low.</think>", 0.5),  # empty final part
    ("<think>Ferritin is low.</think>\nAnswer: E", 0.5),  # outside ABCD
    ("Answer: C", 0.0),  # no think block
    ("<think>   </think>\nAnswer: C", 0.0),  # empty reasoning
    ("<think>Ferritin is low.\nAnswer: C", 0.0),  # never closed
    ("Ferritin is low.</think>\nAnswer: C", 0.0),  # no opening tag
    ("Sure! <think>Ferritin is low.</think>\nAnswer: C", 0.0),  # text before <think>
    ("<think>a</think><think>b</think>\nAnswer: C", 0.0),  # two think blocks
    ("<think>a</think>\nAnswer: C\n</think>", 0.0),  # stray closing tag
    ("", 0.0),
]


@pytest.mark.parametrize(("completion", "expected"), FORMAT_CASES)
def test_think_format_reward(completion, expected):
    assert think_format_reward([completion]) == [expected]


def test_think_format_reward_batch_and_letters():
    completions = [FORMAT_CASES[0][0], "<think>x</think>\nAnswer: F", "no"]
    assert think_format_reward(completions, answer=["C", "F", "A"]) == [1.0, 0.5, 0.0]
    assert think_format_reward(completions, letters="ABCDEF") == [1.0, 1.0, 0.0]


# ---------------------------------------------------------------- short_rationale_reward


def think(n_words: int, final: str = "\nAnswer: C") -> str:
    return "<think>" + " ".join(["w"] * n_words) + "</think>" + final


@pytest.mark.parametrize(
    ("completion", "budget", "expected"),
    [
        (think(0), 4, 1.0),
        (think(3), 4, 1.0),
        (think(4), 4, 1.0),  # exactly at budget
        (think(5), 4, 0.75),  # 1 - (5 - 4) / 4
        (think(6), 4, 0.5),  # 1.5x budget
        (think(7), 4, 0.25),
        (think(8), 4, 0.0),  # 2x budget
        (think(40), 4, 0.0),  # clipped at 0, never negative
        (think(300), 256, 1.0 - 44 / 256),
        ("w w w</think>Answer: C", 4, 1.0),  # pre-filled <think>: text before </think>
        ("Answer: C", 4, 0.0),  # no think block
        ("<think>w w w", 4, 0.0),  # unclosed
        ("<think>w</think>x<think>w w", 4, 0.0),  # a second block left open
    ],
)
def test_short_rationale_reward(completion, budget, expected):
    [reward] = short_rationale_reward([completion], token_budget=budget)
    assert reward == pytest.approx(expected)


def test_short_rationale_answer_words_do_not_count():
    """Only reasoning counts: 4 reasoning words + a 50-word final part is within budget 4."""
    assert short_rationale_reward([think(4, " word" * 50)], token_budget=4) == [1.0]


def test_short_rationale_custom_count_tokens_and_partial():
    """Count characters instead of words: "abcdef" = 6 chars, budget 4 -> 1 - 2/4 = 0.5."""
    reward = functools.partial(short_rationale_reward, token_budget=4, count_tokens=len)
    assert reward(["<think>abcdef</think>A"], answer=["A"]) == [0.5]


def test_short_rationale_default_budget():
    """Default budget 256 words: 384 words = 1.5x -> 0.5."""
    assert short_rationale_reward([think(256), think(384), think(512)]) == [1.0, 0.5, 0.0]


@pytest.mark.parametrize("budget", [0, -5, 2.5, True])
def test_short_rationale_rejects_bad_budget(budget):
    with pytest.raises(ValueError, match="token_budget must be a positive int"):
        short_rationale_reward([think(1)], token_budget=budget)


# ---------------------------------------------------------------- registry


def test_registry_names_and_signature():
    """Every registered reward takes (completions, **columns) and ignores unknown columns."""
    assert set(REWARD_FUNCTIONS) == {
        "mcq_correctness",
        "think_format",
        "short_rationale",
        "emergency_escalation",
        "refusal_dose_leak",
        "education_proxy",
    }
    completions = [GOOD, "nothing"]
    for fn in REWARD_FUNCTIONS.values():
        rewards = fn(completions, answer=["C", "A"], subject=["x", "y"])
        assert len(rewards) == 2
        assert all(r is None or 0.0 <= r <= 1.0 for r in rewards)


def test_get_reward_function_binds_kwargs_and_names_unknown():
    fn = get_reward_function("short_rationale", token_budget=1)
    assert fn([think(2)]) == [0.0]
    assert get_reward_function("mcq_correctness") is REWARD_FUNCTIONS["mcq_correctness"]
    with pytest.raises(ConfigError, match="unknown reward function 'nope'.*mcq_correctness"):
        get_reward_function("nope")
