"""Trains the churn classifier and reports its accuracy on a held-out split."""
import argparse

import joblib
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import accuracy_score
from sklearn.model_selection import train_test_split

from features import build_features


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default="data/customers.csv")
    parser.add_argument("--out", default="models/churn.joblib")
    args = parser.parse_args()

    customers = pd.read_csv(args.data)
    X = build_features(customers)
    y = customers["churned"]

    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2)

    model = RandomForestClassifier(n_estimators=300, max_depth=8)
    model.fit(X_train, y_train)

    accuracy = accuracy_score(y_test, model.predict(X_test))
    print(f"accuracy: {accuracy:.3f}")
    joblib.dump(model, args.out)


if __name__ == "__main__":
    main()
