"""The technician's card test bench (issue 7): ``TechnicianWindow(ctx, parent)``."""

from till.techbench.window import TechnicianWindow

__all__ = ["TechnicianWindow"]
