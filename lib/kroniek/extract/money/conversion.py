"""Conversion to euro: ECB reference rates (CurrencyConverter) and the fixed rates of the
legacy euro-area currencies."""

from __future__ import annotations

import datetime as dt
import functools

from currency_converter import CurrencyConverter

# Fixed conversion rates of the legacy euro-area currencies (Council Regulation (EC)
# No 2866/98 and later accessions): units per euro.
LEGACY_EURO_RATES = {
    "NLG": 2.20371,
    "BEF": 40.3399,
    "LUF": 40.3399,
    "DEM": 1.95583,
    "FRF": 6.55957,
    "ITL": 1936.27,
    "ESP": 166.386,
    "ATS": 13.7603,
    "PTE": 200.482,
    "FIM": 5.94573,
    "IEP": 0.787564,
    "GRD": 340.750,
    "SIT": 239.640,
    "CYP": 0.585274,
    "MTL": 0.429300,
    "SKK": 30.1260,
    "EEK": 15.6466,
    "LVL": 0.702804,
    "LTL": 3.45280,
    "HRK": 7.53450,
}


@functools.lru_cache(maxsize=1)
def _converter():
    try:
        return CurrencyConverter(fallback_on_missing_rate=True, fallback_on_missing_rate_method="last_known")
    except TypeError:  # older CurrencyConverter without the method option
        return CurrencyConverter(fallback_on_missing_rate=True)


def to_eur(amount: float, currency: str, on: dt.date | None) -> float | None:
    """Convert at the ECB reference rate of ``on``; None when no rate exists."""
    if currency == "EUR":
        return amount
    if currency in LEGACY_EURO_RATES:
        return amount / LEGACY_EURO_RATES[currency]
    if on is None:
        return None
    conv = _converter()
    if currency not in conv.currencies:
        return None
    first, last = conv.bounds[currency]
    if not (first <= on <= last):
        return None
    try:
        return float(conv.convert(amount, currency, "EUR", date=on))
    except Exception:  # RateNotFoundError and friends: no rate, no figure
        return None


def rate_date(date_interval: tuple[dt.date, dt.date] | None) -> dt.date | None:
    if date_interval is None:
        return None
    begin, end = date_interval
    return begin + (end - begin) / 2
