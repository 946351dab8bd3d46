#!/usr/bin/env python3
"""The official Omise Python client (PyPI `omise`) against the Transfers example server.

    python3 -m venv /tmp/omisevenv && /tmp/omisevenv/bin/pip install omise
    PORT=18081 cargo run -p transfers-server &
    /tmp/omisevenv/bin/python scripts/omise_python_check.py

The client reads `object`, `code` and `message` of error bodies (mapping codes to its own
exception classes) and parses transfer objects and lists; this prints what it understood.
"""
import os

import omise

omise.api_main = os.environ.get("OMISE_URL", "http://127.0.0.1:18081")
omise.api_secret = os.environ.get("OMISE_SECRET_KEY", "skey_test_apierror")
t = omise.Transfer.create(amount=100000)
print('created', t.id, t.amount, t.net, t.sent, t.paid)
t2 = omise.Transfer.retrieve(t.id)
print('retrieved', t2.id, t2.fee, t2.failure_code)
lst = omise.Transfer.retrieve()
print('list', type(lst).__name__, len(lst), lst.total if hasattr(lst,'total') else '')
try:
    omise.Transfer.create(amount=999999999999)
except omise.errors.BaseError as e:
    print('error', type(e).__name__, e.code if hasattr(e,'code') else '', str(e))
try:
    omise.Transfer.retrieve('trsf_test_missing')
except omise.errors.BaseError as e:
    print('error', type(e).__name__, str(e))
omise.api_secret = 'skey_test_wrong'
try:
    omise.Transfer.retrieve()
except omise.errors.BaseError as e:
    print('error', type(e).__name__, str(e))
omise.api_secret = 'skey_test_apierror'
t3 = omise.Transfer.create(amount=50000)
t3.destroy()
print('destroyed', t3.id, getattr(t3, 'destroyed', None), t3.deleted if hasattr(t3,'deleted') else '')
