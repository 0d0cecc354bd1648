"""Seeds the demo world (Zeldenbroek): see world.demo_load."""

from gezinsregie.demo.seed.world import DemoWorld, demo_load

__all__ = ["DemoWorld", "demo_load"]
