"""A TKI offered, turned down, or named as what a mutation is sensitive or resistant to is not a TKI received; a
colleague's patient is not this patient. Each of these read lorlatinib as received before (making the case one after
lorlatinib, out of scope) or read the other patient's mutation as this patient's."""
from __future__ import annotations

import itertools

import pytest

from tests.nlu.reads import assert_reads, assert_reads_excluding

OFFERED = ["Offered {t}.", "offered {t}, she declined", "Offered {t}; patient declined.", "{t} offered.",
           "We offered {t} at clinic today.", "Patient turned down {t}.", "pt turned down {t}",
           "Had alectinib; she refused {t}.", "offering {t} next week", "Offered {t} - pt wants time to think."]
PROPERTY = ["G1202R, a {t}-sensitive mutation.", "{t}-resistant compound mutation G1202R/L1196M detected.",
            "ALK I1171N ({t}-sensitive) on tissue NGS", "{T}-resistant compound mutation on plasma",
            "a {t}-insensitive variant, G1202R/G1269A"]


@pytest.mark.parametrize("text", [s.format(t=t, T=t.capitalize()) for s, t in
                                  itertools.product(OFFERED + PROPERTY, ["lorlatinib", "brigatinib", "Lorbrena"])])
def test_an_offered_tki_or_a_mutations_drug_is_not_received(text):
    assert_reads_excluding(text, "prior_tkis", ["lorlatinib", "brigatinib"])


@pytest.mark.parametrize("text", ["Alectinib-refractory disease, G1202R.", "alectinib-resistant disease; brain PD",
                                  "Progressed on alectinib; alectinib-resistant mutation I1171N.",
                                  "Alectinib 2 yrs. Offered brigatinib."])
def test_a_tki_received_beside_an_offer_or_a_property_is_still_read(text):
    assert_reads(text, {"prior_tkis": ["alectinib"]})


@pytest.mark.parametrize("text", ["Dr Smith's patient had G1202R; ours has L1196M after alectinib.",
                                  "My colleague's patient had G1202R. Ours: alectinib, L1196M.",
                                  "Another oncologist's case had G1202R; here alectinib then L1196M."])
def test_a_colleagues_patient_is_not_this_patient(text):
    assert_reads(text, {"alk_mutations": ["L1196M"], "prior_tkis": ["alectinib"]})
