"""CDS Hooks 2.0 service: the decision module inside the electronic health record (README "CDS Hooks").

`service` answers discovery, `patient-view`, `order-select` and feedback as plain functions over JSON; `channel`
serves them from the Rasa server at /webhooks/cds/ (same origin as the clinician page); `tokens` keeps the
short-lived case links a card opens; `auth` verifies the EHR's JWT when configured.
"""
