"""The till's Qt-free core: the sale, its transitions, the one submission path, the engine.

Why a package without Qt: the till's promise — never lose an earn or a redemption, never
charge twice, never take points for a sale paid another way — lives in these modules, so it
is tested directly (unit and stateful property tests) rather than through a window. The Qt
layer (``till.sale_flow``) only renders the state and forwards the cashier's input. The
layering test (``tests/unit/test_layering.py``) keeps Qt out of here.
"""
