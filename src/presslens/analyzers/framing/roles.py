"""The role taxonomy of SemEval-2025 Task 10 subtask 1 (entity framing): three main roles,
each with its own fine roles."""

from __future__ import annotations

# The main roles, in the order the model scores them and every table shows them.
MAIN_ROLES = ("Protagonist", "Antagonist", "Innocent")

FINE_ROLES_OF = {
    "Protagonist": ("Guardian", "Martyr", "Peacemaker", "Rebel", "Underdog", "Virtuous"),
    "Antagonist": (
        "Instigator", "Conspirator", "Tyrant", "Foreign Adversary", "Traitor", "Spy", "Saboteur",
        "Corrupt", "Incompetent", "Terrorist", "Deceiver", "Bigot",
    ),
    "Innocent": ("Forgotten", "Exploited", "Victim", "Scapegoat"),
}
# One output of the fine-role head for each, in this order.
FINE_ROLES = tuple(role for main in MAIN_ROLES for role in FINE_ROLES_OF[main])
MAIN_OF_FINE = {fine: main for main, fines in FINE_ROLES_OF.items() for fine in fines}
