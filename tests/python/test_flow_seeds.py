"""Seeds keep ComfyUI's control_after_generate across calls of one Flow object; explicit values override."""
import random

import pytest

from loki_runtime import flow


def make_flow(tmp_path, control, value=42, **seed_args):
    FLOW = flow.Flow(tmp_path / f"seed_{control}.py", name=f"seed_{control}")

    @FLOW.entry
    def run(seed: int = flow.Seed(value, control=control, **seed_args), *, backend: str = "loki"):
        g = flow.Graph()
        number = g.node("PrimitiveInt", value=seed)
        g.output("seed", number.out(0))
        return FLOW.execute(g, backend=backend)

    return run


@pytest.mark.parametrize("control, expected", [
    ("fixed", [42, 42, 42]),
    ("increment", [42, 43, 44]),
    ("decrement", [42, 41, 40]),
])
def test_three_runs_follow_the_control(tmp_path, control, expected):
    run = make_flow(tmp_path, control)
    assert [run()["seed"] for _ in range(3)] == expected


def test_randomize_uses_the_value_first_then_new_random_seeds(tmp_path):
    run = make_flow(tmp_path, "randomize", rng=random.Random(7))
    seeds = [run()["seed"] for _ in range(3)]
    assert seeds[0] == 42
    assert len(set(seeds)) == 3
    assert all(0 <= s <= 2 ** 50 for s in seeds)


def test_an_explicit_seed_overrides_and_leaves_the_state_alone(tmp_path):
    run = make_flow(tmp_path, "increment")
    assert run()["seed"] == 42
    assert run(seed=7)["seed"] == 7
    assert run()["seed"] == 43


def test_increment_wraps_at_max(tmp_path):
    run = make_flow(tmp_path, "increment", value=9, max=10)
    assert [run()["seed"] for _ in range(3)] == [9, 10, 0]


def test_each_flow_object_has_its_own_state(tmp_path):
    first, second = make_flow(tmp_path, "increment"), make_flow(tmp_path, "increment")
    assert [first()["seed"], first()["seed"], second()["seed"]] == [42, 43, 42]


def test_the_seed_is_an_ordinary_int_port_with_its_control(tmp_path):
    run = make_flow(tmp_path, "decrement")
    port = run.interface.input("seed")
    assert port.type == "INT" and port.default == 42
    assert port.extra["control_after_generate"] == "decrement"
    assert "backend" not in run.interface.input_names


def test_bad_control_is_refused():
    with pytest.raises(ValueError):
        flow.Seed(1, control="sometimes")


def test_a_seed_outside_the_usual_range_widens_it(tmp_path):
    run = make_flow(tmp_path, "decrement", value=-3)
    assert [run()["seed"] for _ in range(3)] == [-3, -4, -5]
