"""Benchmarks of the portal: scripts run on demand, not tests (results in docs/benchmarks.md).

``bench.harness`` is the shared harness (database, measurement, report); each benchmark is a
script of its own (``python -m bench.cms_api``, ``python -m bench.extranet_pages``).
"""
