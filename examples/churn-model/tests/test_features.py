import pandas as pd

from src.features import build_features


def test_charges_per_month_uses_at_least_one_month():
    customers = pd.DataFrame({
        "tenure_months": [0, 10],
        "total_charges": [50.0, 500.0],
        "tickets_last_90d": [None, 2],
        "contract": ["month-to-month", "two-year"],
    })
    features = build_features(customers)
    assert features["charges_per_month"].tolist() == [50.0, 50.0]
    assert features["is_monthly_contract"].tolist() == [1, 0]
    assert features["tickets_last_90d"].tolist() == [0, 2]
