from safeguard.resolve import comparisons


def _levels(name):
    comp = next(c for c in comparisons.comparisons() if c.create_output_column_name() == name)
    return comp.get_comparison("duckdb").as_dict()["comparison_levels"]


def test_values_hard_links_share_keep_their_prior_m():
    # hard links (the labels m is learnt from) share these values by construction:
    # training on them would make "different" impossible for one man's accounts
    for name in comparisons.FIXED_M:
        levels = [lv for lv in _levels(name) if not lv.get("is_null_level")]
        assert levels, name
        assert all(lv.get("fix_m_probability") for lv in levels), name
    assert not any(lv.get("fix_m_probability") for lv in _levels("name"))


def test_operator_and_time_zone_are_one_comparison():
    names = [c.create_output_column_name() for c in comparisons.comparisons()]
    assert "place" in names
    assert not {"network", "timezone"} & set(names)
    labels = [lv.get("label_for_charts") for lv in _levels("place")]
    assert labels[1] == "same home network operator and time zone"
