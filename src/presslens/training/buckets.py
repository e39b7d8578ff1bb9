"""Fixed splits: an item's bucket from a hash of its key, the same on every machine and run."""

from __future__ import annotations

import hashlib


def hash_bucket(key: str, buckets: int = 100) -> int:
    """The bucket (0 to `buckets` - 1) of `key`: the first 8 hex digits of its SHA-1, mod `buckets`."""
    return int(hashlib.sha1(key.encode("utf-8")).hexdigest()[:8], 16) % buckets
