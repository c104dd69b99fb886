"""misc18: pregnancy, comorbidities, region and ALK status as machine-translated letters and second-language English
write them (phrasing set 19's route) and as clinicians introduce themselves in the chat (set 18's), phrasings of our
own, each class with near-miss controls.

Pregnancy
1. Pregnant in another language (the adjective, or the noun with its weeks): "gestante de 20 semanas", "schwanger in
   der 14. SSW", "Gebelik: 30. hafta". Controls: denied in its language ("no embarazada", "nicht schwanger"), past
   ("era incinta"), the noun alone ("diagnosticado durante el embarazo").
2. Could conceive, in translation: contraception ("DIU", "spiraal", "implante hormonal", "pilule"), of childbearing
   age or premenopausal ("in età fertile", "prämenopausal"), a wish for a child ("Kinderwunsch", "want to have
   baby"), a form's menopause field answered no. Controls: "spiral CT", a breast implant, "Postmenopausal: yes".
3. Not applicable: postmenopausal in other languages, "pregnancy not question".
4. A question answered after an arrow, or asked in a statement's order ("Pregnant? -> no", "she is pregnant? -> no,
   ..."): the answer read, never the question's word; a word announcing a question whose last clause tells of her
   ("Small question: ..., she is pregnant 8 weeks") tells.
Comorbidities
5. Named in another language ("ipercolesterolemia", "diabète", "cardiopatia ischemica", "fibrosi polmonare",
   "insuficiência renal crónica", "suspendido por neumonitis"), lipids told controlled beside the statin, a lipid
   drug added after a raised level. Controls: a statin alone, denied with "sin ... ni", a relative in another
   language ("sua madre"), a clearance of 45 or more, a condition in another language ("Si la paciente tuviera ...").
Region
6. The clinician introducing themselves and where they work ("Hello, doctor from Jakarta here", "oncology fellow in
   Chennai", "I run a clinic in rural Montana", "I write from Milano", "request from a colleague in Italy"); treated
   there in another language ("tratada no Brasil", "in cura presso di noi a Torino"); a place in its own language
   ("Padova", "Maastricht", "México"); a summary's last item with its payer ("US (Medicare)"). Controls: a relative's
   or a patient's origin, a team written for, a clinician elsewhere.
ALK status
7. A stain marked "(+)" and a result in another language ("ALK-V(+)", "ALK IHQ positive", "ALK positif en IHC", "ALK IHC: positiv"). Controls: "(-)" left unread, another gene's "(+)".
"""
from __future__ import annotations

import pytest

from tests.nlu.reads import assert_reads

P, C, NA = "pregnant", "childbearing_potential", "not_applicable"


@pytest.mark.parametrize(
    "text,fields",
    [
        # 1. pregnant in another language
        ("Resumo: mulher 31 anos, gestante de 20 semanas, ALK+.", {"pregnancy_status": P}),
        ("Patientin, 33 J., schwanger in der 14. SSW.", {"pregnancy_status": P}),
        ("Hasta bilgisi: Gebelik: 30. hafta", {"pregnancy_status": P}),
        ("La paziente è incinta, circa 10 settimane.", {"pregnancy_status": P}),
        ("Femme de 34 ans, enceinte de 12 semaines.", {"pregnancy_status": P}),
        ("Embarazo de 16 semanas en curso.", {"pregnancy_status": P}),
        ("Paciente embarazada, 22 semanas.", {"pregnancy_status": P}),
        ("Pasien hamil 8 minggu.", {"pregnancy_status": P}),
        ("Zij is zwanger (12 weken).", {"pregnancy_status": P}),
        # controls
        ("Actualmente no embarazada.", {"pregnancy_status": None}),
        ("Nicht schwanger.", {"pregnancy_status": None}),
        ("Era incinta nel 2021, parto a termine.", {"pregnancy_status": None}),
        ("Diagnosticado durante el embarazo (2022), luego alectinib.", {"pregnancy_status": None}),
        ("ALK+ diagnosticato in gravidanza nel 2020.", {"pregnancy_status": None}),
        ("Sua figlia è incinta.", {"pregnancy_status": None}),
        # 2. could conceive, in translation
        ("Anticoncepción: DIU de cobre.", {"pregnancy_status": C}),
        ("Gebruikt een spiraal.", {"pregnancy_status": C}),
        ("Utiliza implante hormonal desde 2023.", {"pregnancy_status": C}),
        ("Contraception: pilule oestroprogestative.", {"pregnancy_status": C}),
        ("Toma anticonceptivos orales.", {"pregnancy_status": C}),
        ("Donna in età fertile, 38 anni.", {"pregnancy_status": C}),
        ("Patientin prämenopausal, 44 Jahre.", {"pregnancy_status": C}),
        ("Kinderwunsch besteht.", {"pregnancy_status": C}),
        ("She want to have baby next year.", {"pregnancy_status": C}),
        ("Postmenopausal: no (she is 39)", {"pregnancy_status": C}),
        ("She has hormonal implant.", {"pregnancy_status": C}),
        # controls
        ("Spiral CT of the chest: stable.", {"pregnancy_status": None}),
        ("Breast implant in situ since 2015.", {"pregnancy_status": None}),
        ("Postmenopausal: yes", {"pregnancy_status": NA}),
        # 3. not applicable
        ("Paciente postmenopáusica, 61 años.", {"pregnancy_status": NA}),
        ("Paziente in menopausa da 6 anni.", {"pregnancy_status": NA}),
        ("Patientin postmenopausale, 58 Jahre.", {"pregnancy_status": NA}),
        ("He is a man of 66, so pregnancy not question.", {"pregnancy_status": NA}),
        ("Non in menopausa.", {"pregnancy_status": None}),
        # 4. a question answered after an arrow, or in a statement's order
        ("Pregnant? -> no", {"pregnancy_status": None}),
        ("Pregnant? => yes, 9 weeks", {"pregnancy_status": P}),
        ("she is pregnant? -> no, urine hCG negative today, she has IUD.", {"pregnancy_status": C}),
        ("LMD? -> no", {"leptomeningeal": False}),
        ("Brain mets? -> yes, 3 new", {"brain_metastases": True}),
        ("she is symptomatic? no", {"symptomatic": False}),
        ("she is pregnant?", {"pregnancy_status": None}),
        ("She is pregnant? Yes, 10 weeks.", {"pregnancy_status": P}),
        ("She is on alectinib? -> no, on brigatinib", {"prior_tkis": ["brigatinib"]}),
        ("Small question: lady 31 years, on alectinib, she tell me she is pregnant 6 weeks.", {"pregnancy_status": P}),
        ("Quick q: she has G1202R after alectinib", {"alk_mutations": ["G1202R"], "prior_tkis": ["alectinib"]}),
        ("Quick q - lorla after alec for G1202R", {"prior_tkis": None, "alk_mutations": None}),
    ],
)
def test_pregnancy_in_translation(text, fields):
    assert_reads(text, fields)


@pytest.mark.parametrize(
    "text,fields",
    [
        # 5. comorbidities named in another language
        ("Comorbidità: ipercolesterolemia, ipertensione.", {"comorbidities": ["hyperlipidemia"]}),
        ("Antecedentes: dislipidemia en tratamiento.", {"comorbidities": ["hyperlipidemia"]}),
        ("Antécédents: hypercholestérolémie.", {"comorbidities": ["hyperlipidemia"]}),
        ("Nebendiagnosen: Hyperlipidämie.", {"comorbidities": ["hyperlipidemia"]}),
        ("Antécédents: diabète de type 2 sous metformine.", {"comorbidities": ["diabetes"]}),
        ("Paziente di 70 anni, diabetico.", {"comorbidities": ["diabetes"]}),
        ("Cardiopatia ischemica (PTCA 2015).", {"comorbidities": ["cardiovascular_disease"]}),
        ("Antécédents: infarctus du myocarde en 2019.", {"comorbidities": ["cardiovascular_disease"]}),
        ("Secondary diagnoses: coronary 3-vessel disease.", {"comorbidities": ["cardiovascular_disease"]}),
        ("Anamnesis: fibrillation atrial on apixaban.", {"comorbidities": ["cardiovascular_disease"]}),
        ("Nebendiagnosen: Vorhofflimmern.", {"comorbidities": ["cardiovascular_disease"]}),
        ("Insuficiencia cardíaca (FE 35%).", {"comorbidities": ["cardiovascular_disease"]}),
        ("Comorbidità: fibrosi polmonare idiopatica.", {"comorbidities": ["interstitial_lung_disease"]}),
        ("Antecedentes: enfermedad pulmonar intersticial.", {"comorbidities": ["interstitial_lung_disease"]}),
        ("crizotinib 2018: suspendido por neumonitis grado 3", {"comorbidities": ["interstitial_lung_disease"]}),
        ("brigatinib sospeso per polmonite G2.", {"comorbidities": ["interstitial_lung_disease"]}),
        ("Status post pneumonitis under brigatinib 2022.", {"comorbidities": ["interstitial_lung_disease"]}),
        ("Insuficiência renal crónica, clearance estimado 30 mL/min.", {"comorbidities": ["renal_impairment"]}),
        ("Insufficienza renale cronica.", {"comorbidities": ["renal_impairment"]}),
        ("Clearance calcolata 25 ml/min.", {"comorbidities": ["renal_impairment"]}),
        # lipids controlled beside the statin, a lipid drug added after a raised level
        ("Meds: atorvastatin 20 mg. Lipid profile under control.", {"comorbidities": ["hyperlipidemia"]}),
        ("Lipids controlled with rosuvastatin.", {"comorbidities": ["hyperlipidemia"]}),
        ("LDL 230 mg/dl on lorlatinib, ezetimibe added.", {"comorbidities": ["hyperlipidemia"]}),
        # controls
        ("Atorvastatin 40 mg at night.", {"comorbidities": None}),
        ("Sin diabetes ni cardiopatía isquémica.", {"comorbidities": None}),
        ("Sua madre ha una cardiopatia ischemica.", {"comorbidities": None}),
        ("Su hermano es diabético.", {"comorbidities": None}),
        ("Clearance 80 mL/min.", {"comorbidities": None}),
        ("Lorlatinib could cause hypercholesterolemia; monitor.", {"comorbidities": None}),
        ("Si la paciente tuviera fibrosis pulmonar, ¿se puede usar lorlatinib?", {"comorbidities": None}),
    ],
)
def test_comorbidities_in_translation(text, fields):
    assert_reads(text, fields)


@pytest.mark.parametrize(
    "text,fields",
    [
        # 6. the clinician introducing themselves and where they work
        ("Hello, doctor from Jakarta here. Female 44, ALK+ on alectinib.", {"region": "ID"}),
        ("Hello, I am oncologist from Tbilisi, the patient is treated in our hospital.", {"region": "GE"}),
        ("Hi! oncology fellow in Chennai. ALK+ lady 50 yrs.", {"region": "IN"}),
        ("This is the pharmacist at a cancer centre in Toronto. Question about lorlatinib dosing", {"region": "CA"}),
        ("Second opinion request from a colleague in Italy: ALK+ on alectinib.", {"region": "IT"}),
        ("I run the lung clinic in a small hospital in Norway.", {"region": "NO"}),
        ("I run a small oncology practice in rural Montana.", {"region": "US"}),
        ("Dear colleague, I write from Milano. Patient male 60 years.", {"region": "IT"}),
        ("Good morning, we are a thoracic team in Lyon.", {"region": "FR"}),
        # treated there, in another language; a place in its own language
        ("Tratada no Brasil, pelo SUS.", {"region": "BR"}),
        ("Paciente tratado en el Hospital Universitario, México.", {"region": "MX"}),
        ("In cura presso di noi a Torino dal 2020.", {"region": "IT"}),
        ("Behandelt in Wien seit 2021.", {"region": "AT"}),
        ("She is treated in Padova.", {"region": "IT"}),
        ("He is followed in Maastricht.", {"region": "NL"}),
        ("she's in Puerto Rico, if that matters for coverage.", {"region": "PR"}),
        ("ECOG 1\nUS (Medicare)", {"region": "US"}),
        # controls
        ("Palliative summary (translated for the referring team in Morocco)", {"region": None}),
        ("Patient asked us to summarise his therapy for the new team in Dublin.", {"region": None}),
        ("Her daughter is a doctor in Spain.", {"region": None}),
        ("Sua madre vive in Italia.", {"region": None}),
        ("ECOG 1, discussed with us (Medicare form pending)", {"region": None}),
        ("Spiral CT chest.", {"region": None}),
    ],
)
def test_region_in_translation_and_introductions(text, fields):
    assert_reads(text, fields)


@pytest.mark.parametrize(
    "text,fields",
    [
        # 7. a stain marked "(+)", a result in another language
        ("Immunohistochemistry: TTF-1(+), ALK-V(+), Ki-67 30%.", {"alk_positive": True}),
        ("ALK (D5F3) (+)", {"alk_positive": True}),
        ("ALK(+) adenocarcinoma, 2021.", {"alk_positive": True}),
        ("ALK IHQ positive.", {"alk_positive": True}),
        ("ALK positif en IHC (2020).", {"alk_positive": True}),
        ("ALK FISH positiv (2019).", {"alk_positive": True}),
        ("ALK IHC: positiv", {"alk_positive": True}),
        ("ALK FISH: negativ", {"alk_positive": False}),
        # controls
        ("ALK(-)", {"alk_positive": None}),
        ("TTF-1(+), EGFR(+)", {"alk_positive": None}),
    ],
)
def test_alk_status_in_translation(text, fields):
    assert_reads(text, fields)
