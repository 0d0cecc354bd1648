import io

from gezinsregie.reports.progress import progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_pipe_gets_no_progress_bar_and_every_item() -> None:
    pipe = io.StringIO()
    assert list(progress(range(5), label="Importeren", stream=pipe)) == [0, 1, 2, 3, 4]
    assert pipe.getvalue() == ""


def test_a_terminal_sees_the_bar_fill_up() -> None:
    terminal = Terminal()
    assert list(progress(["a", "b"], label="Importeren", stream=terminal)) == ["a", "b"]
    output = terminal.getvalue()
    assert "Importeren [###############...............] 1/2" in output
    assert output.rstrip().endswith("2/2 (0 s)")
