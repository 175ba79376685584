"""A JSON integer written ``42.0`` is an integer (RFC 8259, JSON Schema ``integer``): the rules
admin bodies take it like every other integer field of the API (``server.models.integral``);
42.5 and "42" stay refused. Found by schemathesis (ST202, ``PUT /v1/rules/program``)."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from server.rules_admin import CampaignCreate, ProgramRules

CAMPAIGN: dict[str, Any] = {
    "name": "Spring",
    "from": "2026-03-01T00:00:00Z",
    "to": "2026-03-31T00:00:00Z",
}


def test_whole_floats_are_integers() -> None:
    rules = ProgramRules.model_validate(
        {"points_per_unit": "1", "point_value": "0.01", "validity_days": 42.0}
    )
    assert rules.validity_days == 42 and isinstance(rules.validity_days, int)
    campaign = CampaignCreate.model_validate({**CAMPAIGN, "weekdays": [1.0, 7.0], "bonus": 50.0})
    assert campaign.weekdays == [1, 7] and campaign.bonus == 50


@pytest.mark.parametrize("bad", [42.5, "42", True])
def test_fractions_text_and_booleans_stay_refused(bad: object) -> None:
    with pytest.raises(ValidationError):
        ProgramRules.model_validate(
            {"points_per_unit": "1", "point_value": "0.01", "validity_days": bad}
        )
    with pytest.raises(ValidationError):
        CampaignCreate.model_validate({**CAMPAIGN, "bonus": bad})
