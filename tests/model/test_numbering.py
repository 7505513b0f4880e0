"""Numbering schemes and the order booths are numbered in, against layouts worked out by hand."""

from __future__ import annotations

from planner.model.blocks import BlockParams, fill_rectangle
from planner.model.layout import Booth
from planner.model.numbering import Scheme, duplicate_numbers, number_new, renumber
from planner.ui.booth_numbers import next_in_zone
from tests.factories import small_layout


def grid(rows, cols, rotation=0.0, gap_after=None):
    """Booths 3 m wide in ``rows`` rows 10 m apart (first row at y=0), ids r{row}c{col}."""
    booths = []
    for r in range(rows):
        x = 0.0
        for c in range(cols):
            booths.append(Booth(id=f"r{r}c{c}", x=x, y=r * 10.0, rotation=rotation))
            x += 3.0 + (4.0 if gap_after is not None and c + 1 == gap_after else 0.0)
    return booths


def by_id(numbers, ids):
    return [numbers[i] for i in ids]


def test_scheme_reads_leniently_and_keeps_what_it_does_not_know():
    scheme = Scheme.from_dict({"prefix": "ANI-", "start": 1, "digits": 3, "colour": "red", "step": "x"})
    assert (scheme.prefix, scheme.start, scheme.step, scheme.digits) == ("ANI-", 1, 1, 3)
    assert scheme.to_dict() == {"colour": "red", "prefix": "ANI-", "start": 1, "digits": 3}
    full = Scheme(prefix="非遗-", start=5, step=2, digits=2, order="serpentine", sides="odd_even")
    assert Scheme.from_dict(full.to_dict()) == full
    assert full.format(7) == "非遗-07" and full.value("非遗-13") == 13 and full.value("ANI-1") is None


def test_rows_top_first_left_to_right():
    numbers = renumber(grid(2, 3), Scheme(prefix="A-", digits=2))
    # The northern row (y = 10) reads first.
    assert by_id(numbers, ["r1c0", "r1c1", "r1c2", "r0c0", "r0c1", "r0c2"]) == \
        ["A-01", "A-02", "A-03", "A-04", "A-05", "A-06"]


def test_serpentine_and_right_to_left_from_the_bottom():
    booths = grid(3, 2)
    serp = renumber(booths, Scheme(order="serpentine", digits=1))
    assert by_id(serp, ["r2c0", "r2c1", "r1c1", "r1c0", "r0c0", "r0c1"]) == ["1", "2", "3", "4", "5", "6"]
    back = renumber(booths, Scheme(direction="rtl", rows_from="bottom", start=10, step=10, digits=0))
    assert by_id(back, ["r0c1", "r0c0", "r1c1", "r1c0", "r2c1", "r2c0"]) == ["10", "20", "30", "40", "50", "60"]


def test_odd_and_even_on_the_two_sides_of_an_aisle():
    # Two single rows facing each other across an aisle: north row faces south, south row north.
    north = [Booth(id=f"n{i}", x=3.0 * i, y=8.5, rotation=0.0) for i in range(3)]
    south = [Booth(id=f"s{i}", x=3.0 * i, y=1.5, rotation=180.0) for i in range(3)]
    numbers = renumber(north + south, Scheme(sides="odd_even", digits=0))
    assert by_id(numbers, ["n0", "n1", "n2"]) == ["1", "3", "5"]
    assert by_id(numbers, ["s0", "s1", "s2"]) == ["2", "4", "6"]


def test_a_number_is_left_free_at_each_cross_aisle():
    numbers = renumber(grid(1, 6, gap_after=3), Scheme(skip_at_cross_aisles=True, digits=0))
    assert by_id(numbers, [f"r0c{c}" for c in range(6)]) == ["1", "2", "3", "5", "6", "7"]
    plain = renumber(grid(1, 6, gap_after=3), Scheme(digits=0))
    assert by_id(plain, [f"r0c{c}" for c in range(6)]) == ["1", "2", "3", "4", "5", "6"]


def test_a_turned_block_is_numbered_along_its_own_rows():
    block = fill_rectangle((0, 0), 9, 6, BlockParams(rotation=90.0, aisle=4))   # one pair of 3-booth rows
    for i, b in enumerate(block.booths):
        b.id = f"b{i}"
    numbers = renumber(block.booths, Scheme(digits=0))
    rows: dict[float, list[tuple[float, str]]] = {}
    for b in block.booths:
        rows.setdefault(round(b.x, 6), []).append((b.y, numbers[b.id]))
    # Rows run north along x = -1.5 and x = -4.5; in the turned frame "top" is the west row.
    assert [n for _y, n in sorted(rows[-4.5])] == ["1", "2", "3"]
    assert [n for _y, n in sorted(rows[-1.5])] == ["4", "5", "6"]


def test_new_booths_continue_their_zones_numbers():
    layout = small_layout()          # anime holds ANI-001 … ANI-003
    new = [Booth(id="n1", x=30, y=30), Booth(id="n2", x=33, y=30), Booth(id="n3", x=70, y=40)]
    numbers = number_new(layout, new)
    assert numbers == {"n1": "ANI-004", "n2": "ANI-005", "n3": "001"}


def test_next_in_zone_follows_the_scheme_step():
    layout = small_layout()
    anime = layout.get("anime")
    assert next_in_zone(layout, anime) == "ANI-004"
    anime.numbering = {"prefix": "ANI-", "start": 1, "digits": 3, "step": 2}
    assert next_in_zone(layout, anime) == "ANI-005"
    anime.numbering = {"prefix": "ANI-", "start": 100, "digits": 4}
    assert next_in_zone(layout, anime, taken={"ANI-0100"}) == "ANI-0101"


def test_duplicates_are_found():
    booths = [Booth(id="a", x=0, y=0, number="X1"), Booth(id="b", x=0, y=0, number="X1"),
              Booth(id="c", x=0, y=0, number="X2"), Booth(id="d", x=0, y=0), Booth(id="e", x=0, y=0)]
    assert duplicate_numbers(booths) == {"X1": ["a", "b"]}


def test_new_booths_in_two_zones_of_one_prefix_never_share_a_number():
    layout = small_layout()
    layout.get("food").numbering = {"prefix": "ANI-", "start": 1, "digits": 3}
    # A row across the border at x = 50: two booths in anime, two in food, one outside both zones.
    new = [Booth(id="a1", x=44, y=30), Booth(id="a2", x=47, y=30),
           Booth(id="f1", x=53, y=30), Booth(id="f2", x=56, y=30), Booth(id="o1", x=70, y=10)]
    numbers = number_new(layout, new)
    assert len(set(numbers.values())) == 5
    assert sorted(numbers[i] for i in ("a1", "a2", "f1", "f2")) == ["ANI-004", "ANI-005", "ANI-006", "ANI-007"]
    assert not set(numbers.values()) & {b.number for b in layout.booths}
