"""The CDS Hooks 2.0 services as functions over JSON: discovery, patient-view, order-select and feedback.

HTTP-free so the contract tests can call them directly and the channel (bot.cds.channel) stays thin. Every answer
comes from the same decide() as the chat, on the case the FHIR mapping (bot.fhir) reads from the prefetched
record; nothing is fetched from the EHR's FHIR server, so a missing prefetch key is answered with 412 as the
specification asks ("Providing FHIR Resources"), never with a guess.
"""

from __future__ import annotations

import logging
import re
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy.exc import SQLAlchemyError

from bot import knowledge
from bot.cds.tokens import CaseTokens
from bot.decision import decide
from bot.fhir import BundleError, Import, import_bundle
from bot.fhir.bundle import parse_bundle
from bot.fhir.mapping import alk_tki
from bot.render import FIELD_LABELS, card_data, case_summary, preferred_sentence, render_text
from bot.storage.audit import REFUSED, AuditLog, Written, refused_note

MAX_BODY_BYTES = 2_000_000
LINK_UNAVAILABLE = (
    "_The link that opens this case in the assistant could not be made (its database is unavailable); open the "
    "card again in a minute for one._"
)
log = logging.getLogger(__name__)
SUMMARY_MAX = 139  # the specification: a "<140-character summary"
TOPICS = "https://alk-assistant.example.org/fhir/CodeSystem/card-topic"
OVERRIDES = "https://alk-assistant.example.org/fhir/CodeSystem/override-reason"
PREFETCH = {
    "patient": "Patient/{{context.patientId}}",
    "conditions": "Condition?patient={{context.patientId}}",
    "observations": "Observation?patient={{context.patientId}}&code=http://loinc.org|69548-6,http://loinc.org|89247-1,"
    "http://loinc.org|97509-4,http://loinc.org|82810-3",
    "medicationStatements": "MedicationStatement?patient={{context.patientId}}",
    "medicationRequests": "MedicationRequest?patient={{context.patientId}}",
    "specimens": "Specimen?patient={{context.patientId}}",
}
PATIENT_VIEW, ORDER_SELECT = "alk-next-line", "alk-tki-order-check"
SERVICES = {
    PATIENT_VIEW: {
        "hook": "patient-view",
        "id": PATIENT_VIEW,
        "title": "ALK-positive NSCLC: next line after a 2G ALK TKI",
        "description": "Reads the patient's ALK TKIs, progression, resistance testing, ECOG and histology "
        "from the record and shows the recommended next line with its caveats and evidence.",
        "prefetch": PREFETCH,
        "usageRequirements": "Decision support for oncologists; the prefetch is required (no FHIR access).",
    },
    ORDER_SELECT: {
        "hook": "order-select",
        "id": ORDER_SELECT,
        "title": "ALK TKI order check",
        "description": "Warns when a drafted ALK TKI order is a therapy the decision module lists under "
        "'avoid' for this patient (e.g. brigatinib with ALK G1202R) and suggests the "
        "preferred therapy instead.",
        "prefetch": PREFETCH,
    },
}
OVERRIDE_REASONS = [
    {"system": OVERRIDES, "code": "finding-disputed", "display": "The resistance finding is disputed or outdated"},
    {"system": OVERRIDES, "code": "tumour-board", "display": "Tumour board decision"},
    {"system": OVERRIDES, "code": "clinical-judgement", "display": "Clinical judgement for this patient"},
]


class CdsError(Exception):
    """A request the service cannot answer; `status` is the HTTP status, the message says why."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status


def _need(ok: object, message: str, status: int = 400) -> None:
    if not ok:
        raise CdsError(status, message)


def _uuid(value: Any) -> bool:
    try:
        uuid.UUID(str(value))
        return isinstance(value, str)
    except ValueError:
        return False


def check_request(service_id: str, body: Any) -> dict[str, Any]:
    """The request's JSON shape (CDS Hooks 2.0 "Calling a CDS Service"), or CdsError(400/404)."""
    _need(service_id in SERVICES, f"no CDS service {service_id!r}; GET …/cds-services lists them", 404)
    _need(isinstance(body, dict), "the request body must be a JSON object")
    hook = SERVICES[service_id]["hook"]
    _need(body.get("hook") == hook, f"this service answers the {hook!r} hook, not {body.get('hook')!r}")
    _need(_uuid(body.get("hookInstance")), "hookInstance must be a UUID")
    context = body.get("context")
    _need(
        isinstance(context, dict) and isinstance(context.get("patientId"), str) and bool(context["patientId"]),
        "context.patientId (a string) is required",
    )
    _need(
        "fhirAuthorization" not in body or isinstance(body.get("fhirServer"), str),
        "fhirServer is required when fhirAuthorization is given",
    )
    _need(isinstance(body.get("prefetch", {}), dict), "prefetch must be an object")
    if hook == "order-select":
        selections = context.get("selections")
        _need(
            isinstance(selections, list) and selections and all(isinstance(s, str) for s in selections),
            "context.selections (a list of 'Type/id') is required",
        )
        draft = context.get("draftOrders")
        _need(isinstance(draft, dict) and draft.get("resourceType") == "Bundle", "context.draftOrders must be a Bundle")
    return body


def record_from_prefetch(body: Mapping[str, Any]) -> Import:
    """The case the prefetched record supports; CdsError(412) naming the keys that were not provided."""
    prefetch = body.get("prefetch") or {}
    missing = [
        k
        for k in PREFETCH
        if not isinstance(prefetch.get(k), dict) or prefetch[k].get("resourceType") == "OperationOutcome"
    ]
    _need(
        not missing,
        f"prefetch missing or failed: {', '.join(missing)}. This service does not query the FHIR "
        "server: provide the prefetch templates the discovery document lists.",
        412,
    )
    resources: list[Any] = []
    for key in PREFETCH:
        value = prefetch[key]
        if value.get("resourceType") == "Bundle":
            resources += [e["resource"] for e in value.get("entry") or [] if isinstance(e, dict) and e.get("resource")]
        else:
            resources.append(value)
    patient = prefetch["patient"]
    _need(
        patient.get("resourceType") == "Patient" and patient.get("id") == body["context"]["patientId"],
        "prefetch.patient is not the Patient named in context.patientId",
    )
    try:
        return import_bundle(
            {"resourceType": "Bundle", "type": "collection", "entry": [{"resource": r} for r in resources]}
        )
    except BundleError as err:
        raise CdsError(400, f"prefetch: {err}") from None


def _md(text: Any) -> str:
    """Text from the record or the knowledge base, with Markdown's active characters escaped."""
    return re.sub(r"([\\`*_{}\[\]<>#|])", r"\\\1", str(text))


def _refused(written: Written, link: bool) -> str:
    """What a card says when the audit log refused its record: the chat's note, and what the card goes without."""
    without = "no id to send feedback on" + (" and no link that opens the case in the assistant" if link else "")
    return f"{_md(refused_note(written))}\n\n_Without an audit record, this card has {without}._"


def _summary(text: str) -> str:
    if len(text) <= SUMMARY_MAX:
        return text
    return text[: SUMMARY_MAX - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def _source(rec: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "label": f"ALK relapse assistant, knowledge base {rec['knowledge_version']}",
        "topic": {"system": TOPICS, "code": rec["status"], "display": rec["status"].replace("_", " ")},
    }


def _evidence_lines(rec: Mapping[str, Any], keys: list[str] | None = None, limit: int = 5) -> list[str]:
    items = [e for e in rec["evidence"] if keys is None or e["id"] in keys][:limit]
    return [
        f"- [{_md(e['id'])}] {_md(e['citation'])}"
        + (f" ({_md(e['level'])})" if e.get("level") else "")
        + (f" {e['url']}" if str(e.get("url", "")).startswith("https://") else "")
        for e in items
    ]


def _footer(rec: Mapping[str, Any]) -> list[str]:
    disclaimer = next((c["text"] for c in rec["caveats"] if c["id"] == "disclaimer"), "")
    return [
        "",
        f"Rule trace: {' → '.join(r['rule'] for r in rec['rationale'])}. Knowledge base "
        f"{_md(rec['knowledge_version'])}.",
        "",
        f"_{_md(disclaimer)}_",
    ]


def patient_view_detail(rec: Mapping[str, Any], imported: Import) -> str:
    """The card's Markdown: the answer, caveats, what was read and not read from the record, key evidence."""
    lines = [f"**{_md(o['label'])}**: {_md(o.get('why', ''))}" for o in rec["preferred"]]
    if rec["alternatives"]:
        lines += ["", "**Alternatives**"] + [
            f"- {_md(o['label'])}: {_md(o.get('why', ''))}" for o in rec["alternatives"]
        ]
    if rec["avoid"]:
        lines += ["", "**Avoid**"] + [
            f"- {_md(a.get('label', a['therapy']))}: {_md(a['reason'])}" for a in rec["avoid"]
        ]
    caveats = [c for c in rec["caveats"] if c["id"] != "disclaimer"]
    if caveats:
        lines += ["", "**Caveats**"] + [f"- {_md(c['text'])}" for c in caveats]
    if rec["missing"]:
        lines += [
            "",
            "**Would change or strengthen the answer**: "
            + "; ".join(_md(FIELD_LABELS.get(f, f)) for f in rec["missing"]),
        ]
    lines += ["", f"**Read from the record**: {_md(case_summary(imported.case))}"]
    lines += [f"- Conflict: {_md(c)}" for c in imported.conflicts]
    if imported.unmapped:
        lines += ["", f"**Not used from the record** ({len(imported.unmapped)})"]
        lines += [f"- {_md(u['resource'])}: {_md(u['reason'])}" for u in imported.unmapped[:8]]
    if rec["evidence"]:
        lines += ["", "**Key evidence**"] + _evidence_lines(rec)
    return "\n".join(lines + _footer(rec))


@dataclass
class CdsService:
    """The services, with the audit log the cards are recorded in and the store of case links."""

    audit: Callable[[], AuditLog]
    tokens: CaseTokens

    def discovery(self) -> dict[str, Any]:
        return {"services": list(SERVICES.values())}

    def call(self, service_id: str, body: Any, page_url: str) -> dict[str, Any]:
        """The response to one hook call; CdsError for a request the service cannot answer."""
        check_request(service_id, body)
        imported = record_from_prefetch(body)
        rec = decide(imported.case)
        if service_id == PATIENT_VIEW:
            # a chart with neither an ALK fusion nor an ALK TKI is not this service's patient: no card, no noise
            relevant = imported.case.get("alk_positive") or imported.case.get("prior_tkis")
            return {"cards": [self._patient_view(rec, imported, page_url)] if relevant else []}
        return {"cards": self._order_select(rec, imported, body)}

    def _audited(self, rec: Mapping[str, Any], case: Mapping[str, Any]) -> tuple[dict[str, str], Written]:
        """The card's audit record written, and the card's uuid (``{"uuid": …}``), by which the EHR's feedback finds
        that record. A record the audit log refused is in no table (set aside for the operator): the card then has
        no uuid (optional in CDS Hooks 2.0; feedback on it could only be refused) and its detail says so, with the
        reference. A spooled record keeps the uuid: it is written under it when the database answers."""
        card = str(uuid.uuid4())
        written = self.audit().record(f"cds:{card}", case, rec)
        if written.status == REFUSED:
            log.error("cds card %s sent without its audit record (refused, reference %s)", card, written.reference)
            return {}, written
        return {"uuid": card}, written

    def _patient_view(self, rec: dict[str, Any], imported: Import, page_url: str) -> dict[str, Any]:
        card, written = self._audited(rec, imported.case)
        detail = patient_view_detail(rec, imported)
        token: str | None = None
        if written.status == REFUSED:  # the page would rate a record that is not in the log
            detail += "\n\n" + _refused(written, link=True)
        else:
            try:
                token = self.tokens.issue(
                    {
                        **card_data(rec, imported.case),
                        "text": render_text(rec),
                        "readback": f"Case from the health record: {case_summary(imported.case)}.",
                        "record_id": written.key,
                        "provenance": imported.provenance,
                        "unmapped": imported.unmapped,
                    }
                )
            except (SQLAlchemyError, OSError):  # the card still answers; only the link to the page is missing
                log.warning("case link not stored (database unavailable): card %s goes without its link", card["uuid"])
                detail += "\n\n" + LINK_UNAVAILABLE
        answer: dict[str, Any] = {
            **card,
            "summary": _summary(preferred_sentence(rec)),
            "indicator": "info",
            "source": _source(rec),
            "detail": detail,
        }
        if token is not None:
            answer["links"] = [
                {
                    "label": "Open this case in the ALK relapse assistant",
                    "type": "absolute",
                    "url": f"{page_url}#case={token}",
                }
            ]
        return answer

    def _order_select(self, rec: dict[str, Any], imported: Import, body: Mapping[str, Any]) -> list[dict[str, Any]]:
        context, kb = body["context"], knowledge.default()
        try:
            drafts = parse_bundle(context["draftOrders"])
        except BundleError as err:
            raise CdsError(400, f"context.draftOrders: {err}") from None
        avoid = {a["therapy"]: a for a in rec["avoid"]}
        cards = []
        for selection in context["selections"]:
            order = drafts.get(selection)
            if order is None or order.resource_type != "MedicationRequest":
                continue
            drug, _ = alk_tki(order.medicationCodeableConcept, kb)
            if drug in avoid:
                cards.append(self._warning(rec, imported, avoid[drug], selection, context["patientId"]))
        return cards

    def _warning(
        self, rec: dict[str, Any], imported: Import, avoided: Mapping[str, Any], selection: str, patient_id: str
    ) -> dict[str, Any]:
        kb = knowledge.default()
        drug = kb.regimens[avoided["therapy"]].label if avoided["therapy"] in kb.regimens else avoided["therapy"]
        preferred = rec["preferred"][0] if rec["preferred"] else None
        lines = [f"**{_md(drug)}** is listed under *avoid* for this patient: {_md(avoided['reason'])}", ""]
        if preferred:
            lines.append(f"**Preferred instead**: {_md(preferred['label'])}: {_md(preferred.get('why', ''))}")
        lines += ["", f"Read from the record: {_md(case_summary(imported.case))}", "", "**Evidence**"]
        lines += _evidence_lines(rec, list(avoided.get("evidence", [])))
        audited, written = self._audited(rec, imported.case)
        if written.status == REFUSED:
            lines += ["", _refused(written, link=False)]
        card: dict[str, Any] = {
            **audited,
            "indicator": "warning",
            "source": _source(rec),
            "summary": _summary(f"Avoid {drug}: {avoided['reason']}"),
            "detail": "\n".join(lines + _footer(rec)),
            "overrideReasons": OVERRIDE_REASONS,
        }
        if preferred:
            actions: list[dict[str, Any]] = [
                {"type": "delete", "description": f"Remove the draft order ({drug})", "resourceId": selection}
            ]
            regimen = kb.regimens.get(preferred["therapy"])
            if regimen is not None and regimen.drug:
                actions.append(
                    {
                        "type": "create",
                        "description": f"Draft an order for {preferred['label']}",
                        "resource": {
                            "resourceType": "MedicationRequest",
                            "status": "draft",
                            "intent": "proposal",
                            "subject": {"reference": f"Patient/{patient_id}"},
                            "medicationCodeableConcept": {"text": preferred["label"]},
                        },
                    }
                )
            card["suggestions"] = [
                {
                    "label": f"Replace with {preferred['label']}",
                    "uuid": str(uuid.uuid4()),
                    "isRecommended": True,
                    "actions": actions,
                }
            ]
            card["selectionBehavior"] = "at-most-one"
        return card

    def feedback(self, service_id: str, body: Any) -> dict[str, Any]:
        """Record each card's outcome (accepted / overridden) in the audit log (CDS Hooks 2.0 "Feedback")."""
        _need(service_id in SERVICES, f"no CDS service {service_id!r}", 404)
        items = body.get("feedback") if isinstance(body, dict) else None
        if not isinstance(items, list) or not items:
            raise CdsError(400, 'the body must be {"feedback": [ … ]}')
        for item in items:
            _need(isinstance(item, dict) and isinstance(item.get("card"), str), "each feedback needs a card uuid")
            _need(item.get("outcome") in ("accepted", "overridden"), "outcome must be 'accepted' or 'overridden'")
            _need(isinstance(item.get("outcomeTimestamp"), str), "outcomeTimestamp is required")
            _need(
                item["outcome"] == "overridden" or isinstance(item.get("acceptedSuggestions"), list),
                "acceptedSuggestions is required for an accepted outcome",
            )
        log = self.audit()
        unknown = [i["card"] for i in items if log.card_record(i["card"]) is None]
        _need(not unknown, f"unknown card uuid(s): {', '.join(unknown)}")
        for item in items:
            log.card_feedback(item["card"], item["outcome"], _feedback_reason(item))
        return {"recorded": len(items)}


def _feedback_reason(item: Mapping[str, Any]) -> str | None:
    override: Mapping[str, Any] = item["overrideReason"] if isinstance(item.get("overrideReason"), dict) else {}
    reason: Mapping[str, Any] = override["reason"] if isinstance(override.get("reason"), dict) else {}
    parts = [reason.get("display") or reason.get("code"), override.get("userComment")]
    accepted = [s.get("id") for s in item.get("acceptedSuggestions") or [] if isinstance(s, dict)]
    if accepted:
        parts.append("accepted suggestion(s) " + ", ".join(str(a) for a in accepted))
    return "; ".join(str(p) for p in parts if p) or None
