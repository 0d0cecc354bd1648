"""The map of the family's social network, as plain geometry: no database, no HTML (issue 10 §1).

The family members stand in the centre, inside the family circle; the people around the family stand on rings
around it, one ring after another, so nobody overlaps and the canvas grows with the network. A line joins a
person to each member they relate to, or to the family circle when they belong to the whole family. The
templates (casework/_network_map.html) draw it as SVG: line style and node shape by influence, so the map does
not rely on colour alone, and the same data stands beside it as a table.
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass

SUPPORTIVE, MIXED, STRAINING = "supportive", "mixed", "straining"  # NetworkInfluence values

MEMBER_GAP = 46  # the least distance along the members' ring between two members (one stands in the centre)
FAMILY_MARGIN = 40  # from the members' ring to the family circle around them
RING_OFFSET = 72  # from the family circle to the first ring of network persons
RING_GAP = 56  # between rings
MIN_GAP = 64  # the least distance along a ring between two persons
MARGIN_X, MARGIN_Y = 150, 44  # room for the names beside and below the outer nodes
NODE_RADIUS = 14


@dataclass(frozen=True)
class MapMember:
    key: int
    label: str


@dataclass(frozen=True)
class MapPerson:
    key: int
    label: str
    influence: str
    member_keys: tuple[int, ...] = ()  # empty: the whole family
    description: str = ""  # read out as the node's title: relation, influence, role


@dataclass(frozen=True)
class Node:
    key: int
    label: str
    x: float
    y: float
    influence: str = ""  # "" for a family member
    anchor: str = "middle"  # text-anchor of the name, away from the centre
    label_x: float = 0.0
    label_y: float = 0.0
    description: str = ""


@dataclass(frozen=True)
class Line:
    person: int
    x1: float
    y1: float
    x2: float
    y2: float
    influence: str


@dataclass(frozen=True)
class Layout:
    width: float
    height: float
    cx: float
    cy: float
    family_radius: float
    members: tuple[Node, ...]
    persons: tuple[Node, ...]
    lines: tuple[Line, ...]


def member_ring(count: int) -> float:
    """The radius of the members' ring: room for MEMBER_GAP between them, and at least 40."""
    return 0.0 if count <= 1 else max(40.0, count * MEMBER_GAP / (2 * math.pi))


def capacity(radius: float) -> int:
    """How many persons fit on a ring with MIN_GAP between them."""
    return max(int(2 * math.pi * radius // MIN_GAP), 1)


def ring_sizes(count: int, first_ring: float) -> list[int]:
    """How many persons stand on each ring: as many as fit, inner rings first."""
    sizes: list[int] = []
    radius = first_ring
    while count > 0:
        sizes.append(min(capacity(radius), count))
        count -= sizes[-1]
        radius += RING_GAP
    return sizes


def _angle(index: int, total: int, offset: float = 0.0) -> float:
    """Clockwise from the top: the angle of the index-th of `total` evenly spread points on a circle."""
    return -math.pi / 2 + offset + 2 * math.pi * index / total


def _around(index: int, total: int, radius: float) -> tuple[float, float]:
    angle = _angle(index, total)
    return radius * math.cos(angle), radius * math.sin(angle)


def _slots(sizes: list[int], first_ring: float) -> list[tuple[int, float]]:
    """(ring, angle) of the places on the rings: twice as many as persons where they fit, so a person can stand
    near the members they relate to; alternate rings stand between each other's places."""
    slots = []
    for ring, size in enumerate(sizes):
        count = min(capacity(first_ring + RING_GAP * ring), 2 * size)
        offset = math.pi / count if ring % 2 else 0.0
        slots += [(ring, _angle(index, count, offset)) for index in range(count)]
    return slots


def _towards(angles: list[float]) -> float | None:
    """The direction of the members a person relates to (None: the whole family, or no clear direction)."""
    x, y = sum(math.cos(a) for a in angles), sum(math.sin(a) for a in angles)
    return math.atan2(y, x) if math.hypot(x, y) > 1e-6 else None


def _apart(a: float, b: float) -> float:
    return abs((a - b + math.pi) % (2 * math.pi) - math.pi)


def _assign(
    persons: Sequence[MapPerson], slots: list[tuple[int, float]], sizes: list[int], member_angles: dict[int, float]
) -> list[int]:
    """A place for each person, inner rings first: who relates to some members takes the free place nearest to
    them, so their lines stay short; the others take the places farthest from those already taken on their ring."""
    free, quota = set(range(len(slots))), list(sizes)
    chosen: dict[int, int] = {}

    def places() -> tuple[int, list[int]]:
        ring = next(r for r, left in enumerate(quota) if left > 0)
        return ring, [s for s in sorted(free) if slots[s][0] == ring]

    def take(index: int, ring: int, slot: int) -> None:
        chosen[index] = slot
        free.discard(slot)
        quota[ring] -= 1

    for index, person in enumerate(persons):
        direction = _towards([member_angles[k] for k in person.member_keys if k in member_angles])
        if direction is not None:
            ring, candidates = places()
            take(index, ring, min(candidates, key=lambda s: _apart(slots[s][1], direction)))
    for index in range(len(persons)):
        if index not in chosen:
            ring, candidates = places()
            taken = [slots[s][1] for s in chosen.values() if slots[s][0] == ring]
            room = {s: min((_apart(slots[s][1], a) for a in taken), default=0.0) for s in candidates}
            take(index, ring, max(candidates, key=room.__getitem__))
    return [chosen[index] for index in range(len(persons))]


def _round(value: float) -> float:
    return round(value, 1)


def layout(members: Sequence[MapMember], persons: Sequence[MapPerson]) -> Layout:
    inner = member_ring(len(members))
    family_radius = inner + FAMILY_MARGIN
    first_ring = family_radius + RING_OFFSET
    sizes = ring_sizes(len(persons), first_ring)
    outer = first_ring + RING_GAP * (len(sizes) - 1) if sizes else family_radius
    cx, cy = outer + MARGIN_X, outer + MARGIN_Y
    width, height = 2 * cx, 2 * cy + 16  # the bottom names hang below their nodes

    member_nodes = []
    for index, member in enumerate(members):
        dx, dy = (0.0, 0.0) if len(members) == 1 else _around(index, len(members), inner)
        x, y = _round(cx + dx), _round(cy + dy)
        member_nodes.append(Node(member.key, member.label, x, y, label_x=x, label_y=_round(y + NODE_RADIUS + 12)))
    where = {m.key: (m.x, m.y) for m in member_nodes}

    member_angles = {m.key: _angle(i, len(members)) for i, m in enumerate(members)} if len(members) > 1 else {}
    slots = _slots(sizes, first_ring)
    person_nodes: list[Node] = []
    lines: list[Line] = []
    for person, slot in zip(persons, _assign(persons, slots, sizes, member_angles), strict=True):
        ring, angle = slots[slot]
        radius = first_ring + RING_GAP * ring
        node = _person_node(person, cx + radius * math.cos(angle), cy + radius * math.sin(angle), cx, cy)
        person_nodes.append(node)
        lines.extend(_lines(person, node, where, (cx, cy, family_radius)))
    return Layout(
        width=_round(width),
        height=_round(height),
        cx=_round(cx),
        cy=_round(cy),
        family_radius=_round(family_radius),
        members=tuple(member_nodes),
        persons=tuple(person_nodes),
        lines=tuple(lines),
    )


def _person_node(person: MapPerson, x: float, y: float, cx: float, cy: float) -> Node:
    """The name stands beside the node, away from the centre: right of it on the right, left on the left,
    above or below it at the top and the bottom."""
    label_x, label_y = x, y + 4
    if x > cx + 1:
        anchor, label_x = "start", x + NODE_RADIUS + 6
    elif x < cx - 1:
        anchor, label_x = "end", x - NODE_RADIUS - 6
    else:
        anchor = "middle"
        label_y = y - NODE_RADIUS - 8 if y < cy else y + NODE_RADIUS + 16
    return Node(
        person.key,
        person.label,
        _round(x),
        _round(y),
        influence=person.influence,
        anchor=anchor,
        label_x=_round(label_x),
        label_y=_round(label_y),
        description=person.description or person.label,
    )


def _lines(
    person: MapPerson, node: Node, where: dict[int, tuple[float, float]], family: tuple[float, float, float]
) -> list[Line]:
    cx, cy, radius = family
    targets = [where[k] for k in person.member_keys if k in where]
    if not targets:  # the whole family: to the edge of the family circle, towards the person
        distance = math.hypot(node.x - cx, node.y - cy) or 1.0
        edge = (cx + (node.x - cx) * radius / distance, cy + (node.y - cy) * radius / distance)
        targets = [edge]
    return [Line(person.key, node.x, node.y, _round(x), _round(y), person.influence) for x, y in targets]
