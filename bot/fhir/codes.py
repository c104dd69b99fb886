"""The codes the FHIR mapping recognises, each with where it was checked (README "FHIR R4 / mCODE import").

Only codes confirmed in a published source are listed; a code we could not confirm is not recognised by code at
all (the mapping may still recognise the concept by its name, and says so in the provenance). Sources:
- LOINC 89247-1 ECOG: mCODE ECOG Performance Status profile
  (hl7.org/fhir/us/mcode/StructureDefinition-mcode-ecog-performance-status)
- LOINC 69548-6, 48018-6, 48005-3, 81252-9, 82155-3, LA9633-4, LA26398-0: Genomics Reporting IG examples
  (hl7.org/fhir/uv/genomics-reporting/Observation-EGFR-L858R-var, Observation-ExampleSomaticCNV)
- LOINC LA9634-2 Absent: answer list beside LA9633-4 Present (used in several published FHIR mappings)
- LOINC 97509-4 Cancer Disease Progression, SNOMED 268910001: mCODE example cancer-disease-status-jenny-m;
  SNOMED 271299001 / 359746009 / 260415000: mCODE CancerDiseaseStatus value set (FSH source)
- SNOMED 35917007 and 1187332001 Adenocarcinoma, 254637007 NSCLC: mCODE example primary-cancer-condition-nsclc
- SNOMED 94225005 Secondary malignant neoplasm of brain: mCODE example secondary-cancer-condition-brain-mets
- SNOMED 119376003 Tissue specimen, 119361006 Plasma specimen: SNOMED CT specimen hierarchy (seen in HL7 IG sources)
- SNOMED 233703007 Interstitial lung disease, 73211009 Diabetes mellitus: SNOMED CT (several published code maps)
- LOINC 82810-3 Pregnancy status, SNOMED 77386006 Pregnant: IPS pregnancy-status examples
- HGNC:427 ALK, HGNC:7029 MET: mCODE example gx-genomic-variant-fusion-met-alk; HGNC:3236 EGFR: Genomics Reporting
- RxNorm 1727479 (alectinib 150 MG Oral Capsule), 1727485 (Alecensa 150 MG Oral Capsule): NDC 50242-130 crosswalk
  (ndclist.com). UNCONFIRMED, so not recognised by code: the ingredient RxCUIs of every ALK TKI and the clinical
  drug codes of crizotinib, ceritinib, brigatinib, ensartinib and lorlatinib (recognised by generic or brand name).
- UNCONFIRMED, recognised by name only: squamous cell carcinoma morphology, renal and hepatic impairment,
  hyperlipidaemia, small-cell transformation.
"""

from __future__ import annotations

LOINC = "http://loinc.org"
SNOMED = "http://snomed.info/sct"
RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm"
HGNC = "http://www.genenames.org/geneId"

ECOG = "89247-1"
VARIANT_ASSESSMENT = "69548-6"
GENE_STUDIED = "48018-6"
AMINO_ACID_CHANGE = "48005-3"
DISCRETE_VARIANT = "81252-9"
COPY_NUMBER = "82155-3"
PRESENT, ABSENT = "LA9633-4", "LA9634-2"
DISEASE_STATUS = "97509-4"
PREGNANCY_STATUS = "82810-3"

MCODE = "http://hl7.org/fhir/us/mcode/StructureDefinition/"
HISTOLOGY_EXTENSION = MCODE + "mcode-histology-morphology-behavior"
# No code system publishes the pattern of progression: the project's own, documented in the README.
PATTERN_SYSTEM = "https://alk-assistant.example.org/fhir/CodeSystem/progression-pattern"

DISEASE_STATUS_VALUES = {
    "271299001": "worsened",
    "268910001": "improved",
    "359746009": "stable",
    "260415000": "no_evidence_of_disease",
}
HISTOLOGY = {"35917007": "adenocarcinoma", "1187332001": "adenocarcinoma"}
SPECIMEN = {"119376003": "tissue", "119361006": "plasma"}
BRAIN_METASTASES = "94225005"
COMORBIDITY_CODES = {"233703007": "interstitial_lung_disease", "73211009": "diabetes"}
PREGNANT = "77386006"
GENES = {"HGNC:427": "ALK", "HGNC:7029": "MET", "HGNC:3236": "EGFR"}
RXNORM_TKIS = {"1727479": "alectinib", "1727485": "alectinib"}
