"""'Wat vraagt aandacht' in words (web.todos; issue 14 §4): one to-do per place to act, no codes, no repeats."""

from gezinsregie.web import todos


def test_indicators_about_the_same_place_become_one_todo_with_each_evidence_once() -> None:
    result = todos.todos(
        [
            ("C3.a.2", "2 problemen zonder doel."),
            ("C3.a.3", "Er is geen plan."),
            ("C4.a.1", "Geen regisseur."),
            ("C2.a.2", "Er is geen plan."),
        ]
    )
    assert [(t.text, t.url_name) for t in result] == [
        ("Werk het plan bij: een doel voor elk probleem, acties op tijd", "plans:detail"),
        ("Wijs iemand aan die de regie voert", "casework:coordinator"),
    ]
    assert result[0].evidence == ("2 problemen zonder doel.", "Er is geen plan.")


def test_no_todo_shows_a_framework_code() -> None:
    every = todos.todos((key, "") for key in todos.TODO_OF)
    assert every and all("C1" not in t.text and "." not in t.text.rstrip(".") for t in every)
    assert len({t.text for t in every}) == len(every)


def test_no_todo_has_the_name_of_a_button_of_the_family_page() -> None:
    buttons = ["prioriteren", "probleemanalyse", "gezinsplan", "toestemming", "regisseur", "betrokkenen"]
    buttons += ["contactmomenten", "sociaal netwerk", "zorgvragen", "opschalingen", "traject en nazorg"]
    every = todos.todos((key, "") for key in todos.TODO_OF)
    assert not [(t.text, b) for t in every for b in buttons if b in t.text.lower()]


def test_an_unknown_indicator_still_gets_a_place_to_act() -> None:
    [todo] = todos.todos([("C9.z.9", "Iets nieuws.")])
    assert todo.url_name == "casework:analysis" and todo.evidence == ("Iets nieuws.",)


def test_the_plan_status_in_words() -> None:
    assert todos.plan_status(exists=False) == "Er is nog geen gezinsplan."
    assert todos.plan_status(exists=True, version=2) == "Versie 2, nog niet met het gezin afgesproken."
    assert todos.plan_status(exists=True, version=3, approved_version=3) == "Versie 3, het gezin heeft ingestemd."
    changed = todos.plan_status(exists=True, version=4, approved_version=3)
    assert changed == "Versie 4; het gezin stemde in met versie 3, het plan is daarna gewijzigd."
