"""The README a newcomer follows: two set-up commands, and command lines that run as shown."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent
README = (PROJECT / "README.md").read_text(encoding="utf-8")


def section(title: str) -> str:
    """The text of one `## ` section of the README."""
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", README, re.M | re.S)
    assert match is not None, title
    return match.group(1)


def test_quick_start_has_exactly_two_set_up_commands() -> None:
    """Quick start gives one command to install and start, and one to install and test."""
    blocks = re.findall(r"^```\n(.*?)^```", section("Quick start"), re.M | re.S)
    assert [block.count("\n") for block in blocks] == [1, 1]
    assert blocks[0].strip().endswith(".venv/bin/streamlit run dashboard.py")
    assert blocks[1].strip().endswith(".venv/bin/python -m pytest")


CLI_LINES = [line.split("#")[0].strip() for line in section("The command line").splitlines()
             if line.startswith(".venv/bin/python -m figures ") and "article.txt" not in line]


@pytest.mark.parametrize("line", CLI_LINES)
def test_command_lines_run_as_written(line: str) -> None:
    """Each command line the README shows runs with the project's Python and succeeds."""
    command = shlex.split(line)
    assert command[0] == ".venv/bin/python"
    done = subprocess.run([sys.executable, *command[1:]], cwd=PROJECT, capture_output=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr.decode(errors="replace")


def test_the_readme_says_how_to_stop_and_where_else_to_start() -> None:
    """A newcomer reads how to start again, how to stop, and what to do if the port is taken."""
    running = section("Starting again, stopping, and another port")
    assert ".venv/bin/streamlit run dashboard.py --server.port 8502" in running
    assert "Ctrl+C" in running
