"""The eight worked examples (tests/fixtures/examples.yaml) as clinicians type them: whole sentences, and the
shorthand of a ward note. Used by the REST tests and by bench/shorthand_turns.py (turns each example takes)."""
from __future__ import annotations

# Each example in full sentences.
TYPED = {
    "V01": "ALK+ adeno, alectinib 1L, now systemic progression in liver and bone, symptomatic. Liver core bx NGS: "
           "ALK G1202R, no bypass alterations. ECOG 1",
    "V05": "ALK-positive adenocarcinoma on Alecensa, multisite systemic PD. Tissue NGS negative for ALK resistance "
           "mutations, no MET amp or other bypass alteration, ALK fusion still present. PS 0",
    "V07": "EML4-ALK adenocarcinoma, alectinib, now progressing in lungs, liver and bones; no rebiopsy (patient "
           "declined). ECOG 1",
    "V11": "ALK+ adeno progressing on first-line lorlatinib, systemic, no rebiopsy, ECOG 1",
    "V15": "ALK+ adenocarcinoma, alectinib, systemic progression. Rebiopsy of a liver met shows small-cell "
           "transformation, no ALK mutation, no bypass. ECOG 1",
    "V17": "ALK+ adeno on alectinib: 2 new small asymptomatic brain mets amenable to SRS, no leptomeningeal disease, "
           "extracranial disease controlled. No rebiopsy. ECOG 0",
    "V20": "ALK-rearranged adenocarcinoma on brigatinib, single enlarging adrenal met, rest stable "
           "(oligoprogression), asymptomatic, no rebiopsy, ECOG 0",
    "V24": "ALK+ adeno, alectinib, systemic progression, ECOG 4, frail with severe COPD, wants comfort care only, "
           "no rebiopsy",
}
# The same examples in the shorthand of a ward note (abbreviations, slashes, no verbs).
SHORTHAND = {
    "V01": "ALK+ adeno, alec 1L, PD liver/bone, sx. liver core bx NGS: G1202R, no bypass. PS1",
    "V05": "ALK+ adeno on Alecensa, multisite PD. tissue NGS: no ALK mut, no MET amp/bypass, fusion still present. PS0",
    "V07": "EML4-ALK adeno, alectinib, PD lungs/liver/bones, no rebx (declined), ECOG1",
    "V11": "ALK+ adeno, 1L lorlatinib, systemic PD, no rebx, PS1",
    "V15": "ALK+ adeno, alec, systemic PD. rebx liver: SCLC transformation, no ALK mut, no bypass. PS1",
    "V17": "ALK+ adeno on alec: 2 new small asx brain mets, SRS-amenable, no LMD, extracranial dz controlled. no rebx. PS0",
    "V20": "ALK+ adeno on brig, single enlarging adrenal met, rest stable, asx, no rebx, PS0",
    "V24": "ALK+ adeno, alec, systemic PD, ECOG 4, frail, severe COPD, comfort care only, no rebx",
}
