"""FHIR R4 / mCODE import: a Bundle of a patient's record -> a case document (case.schema.json).

`import_bundle(data)` parses and checks the Bundle (bot.fhir.bundle), maps it (bot.fhir.mapping) and returns the
Import: the case, the provenance of each field, what could not be mapped, and conflicts between specimens.
"""

from __future__ import annotations

from typing import Any

from bot.fhir.bundle import BundleError, ParsedBundle, parse_bundle
from bot.fhir.mapping import Import, map_bundle

__all__ = ["BundleError", "Import", "ParsedBundle", "import_bundle", "map_bundle", "parse_bundle"]


def import_bundle(data: Any) -> Import:
    """The case a FHIR R4 Bundle supports; BundleError (one line) for a document that is not a valid Bundle."""
    return map_bundle(parse_bundle(data))
