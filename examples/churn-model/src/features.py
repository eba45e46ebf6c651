"""Feature engineering for the churn model."""
import pandas as pd

TENURE_BUCKETS = [0, 6, 12, 24, 48, 120]


def build_features(customers: pd.DataFrame) -> pd.DataFrame:
    """Turns raw customer rows into model features."""
    features = pd.DataFrame(index=customers.index)
    features["tenure_bucket"] = pd.cut(customers["tenure_months"], TENURE_BUCKETS, labels=False)
    features["charges_per_month"] = customers["total_charges"] / customers["tenure_months"].clip(lower=1)
    features["tickets_last_90d"] = customers["tickets_last_90d"].fillna(0)
    features["is_monthly_contract"] = (customers["contract"] == "month-to-month").astype(int)
    return features
