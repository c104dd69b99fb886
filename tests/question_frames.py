"""The names and the question frames the question property is written over (tests/test_questions_property.py puts
them through the dialogue, tests/nlu/test_hurried_question_frames.py through the extractor, every frame with every
name): the knowledge base's drug and brand names, ALK mutations, bypass alterations and strong CYP3A inducers, and
findings and therapies as clinicians name them."""
from __future__ import annotations

import string

from bot import knowledge

KB = knowledge.default()
DRUGS = sorted({name for generic, d in KB.drugs.items() for name in (generic, *d.brands)})
MUTATIONS = sorted(KB.mutations) + ["p.Gly1202Arg", "Leu1196Met", "G1202R/L1196M"]
BYPASS = sorted({name for b in KB.bypass.values() for name in b.names})
FINDINGS = ["ECOG 3", "PS 2", "plasma only", "tissue NGS", "small cell transformation", "brain mets",
            "leptomeningeal disease", "oligoprogression", "CNS-only progression", "comfort care", "squamous histology",
            "no rebiopsy", "systemic progression", "symptomatic brain mets", "a compound mutation", "PD-L1 80%"]
THERAPIES = ["chemo", "chemotherapy", "immunotherapy", "carboplatin pemetrexed", "a clinical trial", "SRS",
             "radiotherapy", "ABCP", "best supportive care"]
INDUCERS = ["rifampicin", "rifampin", "carbamazepine", "phenytoin", "St John's wort", "enzalutamide", "phenobarbital"]
NAMES = {"drug": DRUGS, "drug2": DRUGS, "mutation": MUTATIONS, "finding": FINDINGS, "therapy": THERAPIES,
         "bypass": BYPASS, "inducer": INDUCERS}

# Questions as clinicians type them in a hurry, in frames the first property did not hold: without "?", "any role
# for", "worth trying", "ok to", "is it reasonable to", "would u", the evidence, a comparison, a response, a choice
# between two steps, two questions in one message, a line before the question that states nothing, a question on a
# condition, a drug's side effects or interactions naming a finding, and a trainee's "why" and negative questions.
HURRIED_FRAMES = [
    # a request or a wondering, without "?"
    "thoughts re {drug} after {mutation}", "wondering if {drug} ok here", "pls advise on {therapy} for this pt",
    "wondering if {drug} ok after {drug2} with {finding}", "pls advise re {drug} for {mutation}",
    "thoughts re {therapy} with {finding}", "what do you think about {drug} for {mutation}",
    # "any role for", "any point", "worth trying"
    "any role for {drug} in {mutation}?", "any role for {therapy} with {finding}", "any role for {drug} with {bypass}",
    "is there a role for {therapy} in {finding}", "any point in {therapy} with {finding}",
    "any point trying {drug} after {drug2}", "worth trying {drug} after {drug2}?", "worth trying {drug} for {mutation}",
    "worth trying {therapy} with {finding}", "worth a try: {drug} for {mutation}", "is it worth switching to {drug} for {mutation}",
    # whether a step is acceptable
    "ok to start {drug} with {finding}", "ok to start {drug} with {finding}?", "ok to continue {drug} with {finding}",
    "ok to continue {drug} with {finding}?", "ok to give {therapy} with {finding}", "ok to switch to {drug} for {mutation}",
    "ok to switch to {drug} for {mutation}?", "ok 2 give {drug} post {drug2}", "ok to restart {drug} after {finding}",
    "ok to keep {drug} going with {finding}", "ok to go ahead with {drug} for {mutation}", "ok to use {drug} in {mutation}",
    "is it ok to start {drug} with {finding}", "r we ok to continue {drug} with {finding}",
    "fine to continue {drug} with {finding}", "safe to continue {drug} with {finding}?",
    "alright to switch to {drug} for {bypass}", "reasonable to try {drug} for {mutation}",
    "is it reasonable to give {drug} after {drug2}", "is it reasonable to use {drug} with {finding}?",
    "would it be reasonable to continue {drug} with {finding}",
    # "would u", "would you consider", "can she", "do we"
    "would u give {drug} for {mutation}", "would u use {therapy} with {finding}?", "would u switch to {drug} with {bypass}",
    "would you consider {drug} with {bypass}", "can she stay on {drug} with {finding}", "can i give {drug} with {finding}",
    "how would you approach {finding} on {drug}", "do we need to stop {drug} for {finding}",
    "should {drug} be stopped for {finding}", "do you continue {drug} in {finding}", "is {finding} a contraindication to {drug}",
    # another's experience, the evidence, a comparison, a response
    "anyone used {drug} for {mutation}", "has anyone tried {drug} with {bypass}", "experience with {drug} in {mutation}?",
    "any experience with {drug} after {drug2}", "what's the evidence for {therapy} in {finding}",
    "what's the evidence for {drug} with {bypass}?", "how does {drug} compare with {drug2} for {mutation}?",
    "how does {drug} compare with {drug2} in {finding}", "does {mutation} respond to {drug}", "does {bypass} respond to {drug}?",
    "does {finding} respond to {drug}?", "would switching to {drug} help for {mutation}",
    # a choice between two steps
    "can we continue {drug} or should we switch to {drug2}?", "can we keep {drug} with {finding} or should we stop",
    "can we give {therapy} or should we go to {drug} for {mutation}", "stay on {drug} or switch to {drug2} for {mutation}",
    "continue {drug} with {finding} or change", "keep {drug} and add {therapy} for {finding}, or switch",
    # two questions in one message
    "is {drug} ok after {drug2}? and what about {finding}?", "is {drug} ok after {drug2}? and what about {finding}",
    "{drug} for {mutation}? or {drug2}?", "{drug} for {mutation}? or {drug2}",
    "what about {drug} for {mutation}? would {finding} change it?", "should we give {drug}? what if {bypass}?",
    # a line before the question that states nothing
    "Quick one.\nwould you give {drug} for {mutation}?", "Quick q - {drug} after {drug2} with {mutation}?",
    "Quick q - {drug} after {drug2} with {mutation}", "Quick question:\nis {drug} ok with {finding}",
    "Sorry to bother.\n{drug} or {drug2} for {mutation}?", "Hi, a question.\nany role for {therapy} with {finding}?",
    "just checking - {drug} after {drug2} for {mutation} ok", "am I right that {drug} works for {mutation}",
    # a question on a condition
    "if she progresses on {drug}, what next", "if {mutation} shows up on {drug}, then what?",
    "if {finding}, would you still give {drug}", "if there's {bypass} on rebiopsy, what would you give",
    "if she progresses on {drug} with {mutation}, {drug2}?", "if {mutation} on {drug}, switch to {drug2}?",
    "if she had {finding} on {drug}, would u stop it",
    # a drug's side effects or interactions, naming a finding
    "does {drug} cause ILD?", "does {drug} cause {finding}?", "does {drug} cause {bypass}?", "can {drug} worsen {finding}?",
    "is {drug} safe with {finding}", "is {drug} hepatotoxic in a pt with {finding}", "does {drug} interact with {drug2}?",
    "does {drug} interact with {therapy}", "any interaction between {drug} and {therapy}?",
    "{drug} + {inducer} - any interactions?", "{drug} + {inducer} - any interactions", "{inducer} with {drug}, problem?",
    "any issue giving {drug} with {inducer}", "is {drug} safe with {inducer}", "does {drug} interact with {inducer}",
    "can she take {inducer} with {drug}?", "{drug} and {inducer} ok together?",
    # a trainee's "why" and negative questions
    "why not crizotinib after alectinib?", "why not {drug} after {drug2}", "why {drug} and not {drug2} for {mutation}?",
    "why is {drug} preferred after {drug2}?", "why switch from {drug} to {drug2} for {mutation}",
    "why would {drug} not work for {mutation}", "why not just continue {drug} with {finding}",
    "why do we stop {drug} at {finding}", "isn't {drug} better for {mutation}", "isn't {drug} better for {mutation}?",
    "wouldn't {drug} be better with {finding}", "shouldn't we use {drug} for {mutation}",
    "I thought {drug} was standard after {drug2}?",
]


def every_name(frame: str) -> list[str]:
    """``frame`` with every name of each list it holds, the lists walked side by side (a list shorter than the
    longest starts over; drug2 walks five names behind drug), twice, the second time with the other lists three names
    on: each name of every list appears, in more than one company."""
    fields = {f for _, f, _, _ in string.Formatter().parse(frame) if f}
    if not fields:
        return [frame]
    longest = max(len(NAMES[f]) for f in fields)
    out = set()
    for i in range(longest):
        for shift in (0, 3):
            names = {f: NAMES[f][(i + (5 if f == "drug2" else 0) + (0 if f == "drug" else shift)) % len(NAMES[f])]
                     for f in fields}
            out.add(frame.format(**names))
    return sorted(out)
