"""The network map as plain geometry (casework/network_map.py): no database."""

import itertools
import math

from hypothesis import given
from hypothesis import strategies as st

from gezinsregie.casework.network_map import (
    MIN_GAP,
    NODE_RADIUS,
    MapMember,
    MapPerson,
    layout,
    ring_sizes,
)

INFLUENCES = st.sampled_from(["supportive", "mixed", "straining"])


def members(n: int) -> list[MapMember]:
    return [MapMember(key=i, label=f"Lid {i}") for i in range(1, n + 1)]


def persons(n: int, influence: str = "supportive", member_keys: tuple[int, ...] = ()) -> list[MapPerson]:
    return [MapPerson(100 + i, f"Persoon {i}", influence, member_keys) for i in range(n)]


@st.composite
def networks(draw: st.DrawFn) -> tuple[list[MapMember], list[MapPerson]]:
    family = members(draw(st.integers(min_value=0, max_value=15)))
    keys = [m.key for m in family]
    around = [
        MapPerson(
            key=1000 + i,
            label=draw(st.text(min_size=1, max_size=30)),
            influence=draw(INFLUENCES),
            member_keys=tuple(draw(st.lists(st.sampled_from(keys), max_size=3, unique=True))) if keys else (),
        )
        for i in range(draw(st.integers(min_value=0, max_value=90)))
    ]
    return family, around


@given(networks())
def test_every_person_gets_a_point_inside_the_canvas_and_no_two_points_coincide(network) -> None:
    family, around = network
    result = layout(family, around)
    assert [n.key for n in result.persons] == [p.key for p in around]  # everyone, once, in order
    assert [n.key for n in result.members] == [m.key for m in family]
    points = [(n.x, n.y) for n in (*result.members, *result.persons)]
    for x, y in points:
        assert NODE_RADIUS <= x <= result.width - NODE_RADIUS
        assert NODE_RADIUS <= y <= result.height - NODE_RADIUS
    for (x1, y1), (x2, y2) in itertools.combinations(points, 2):
        assert math.hypot(x1 - x2, y1 - y2) >= 2 * NODE_RADIUS  # not on top of each other, not even touching


@given(networks())
def test_every_person_has_a_line_to_each_member_or_to_the_family_circle(network) -> None:
    family, around = network
    result = layout(family, around)
    for person in around:
        lines = [line for line in result.lines if line.person == person.key]
        assert len(lines) == max(len(person.member_keys), 1)
        assert {line.influence for line in lines} == {person.influence}
    members_at = {(m.x, m.y) for m in result.members}
    for line in result.lines:
        at_family_edge = abs(math.hypot(line.x2 - result.cx, line.y2 - result.cy) - result.family_radius) < 0.2
        assert (line.x2, line.y2) in members_at or at_family_edge


def test_a_line_goes_to_the_member_the_person_relates_to() -> None:
    result = layout(members(3), persons(1, member_keys=(2,)))
    second = next(m for m in result.members if m.key == 2)
    (line,) = result.lines
    assert (line.x2, line.y2) == (second.x, second.y)


def test_a_person_stands_on_the_side_of_the_member_they_relate_to() -> None:
    # four members: top, right, bottom, left; the teacher of the third (bottom) stands below the family
    teacher = MapPerson(key=7, label="Juf Petra", influence="supportive", member_keys=(3,))
    result = layout(members(4), [*persons(2), teacher])
    placed = next(n for n in result.persons if n.key == 7)
    assert placed.y > result.cy and abs(placed.x - result.cx) < 1
    assert [n.key for n in result.persons] == [100, 101, 7]


def test_one_member_stands_in_the_centre_and_the_first_person_at_the_top() -> None:
    result = layout(members(1), persons(4))
    (member,) = result.members
    assert (member.x, member.y) == (result.cx, result.cy)
    top, bottom, right, left = result.persons  # each next one as far as it can from those placed
    assert top.x == result.cx and top.y < result.cy and top.anchor == "middle" and top.label_y < top.y
    assert bottom.x == result.cx and bottom.y > result.cy and bottom.label_y > bottom.y
    assert (right.anchor, left.anchor) == ("start", "end")  # names stand away from the family
    assert right.x > result.cx > left.x and right.label_x > right.x and left.label_x < left.x


def test_rings_fill_up_from_the_inside_and_the_canvas_grows_with_them() -> None:
    first = ring_sizes(1000, 160.0)
    full = first[:-1]  # the outer ring takes whoever is left
    assert first[0] == int(2 * math.pi * 160 // MIN_GAP) and full == sorted(full) and first[-1] <= full[-1] + 6
    assert sum(first) == 1000
    assert ring_sizes(0, 160.0) == []
    small, large = layout(members(2), persons(3)), layout(members(2), persons(60))
    assert large.width > small.width and large.height > small.height


def test_an_empty_network_is_just_the_family() -> None:
    result = layout(members(4), [])
    assert (result.persons, result.lines) == ((), ())
    assert len(result.members) == 4
