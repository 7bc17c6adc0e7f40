"""Server configuration: environment variables prefixed POS_SERVER_, or command-line flags."""

from __future__ import annotations

from pydantic_settings import BaseSettings, SettingsConfigDict


class ServerSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="POS_SERVER_", extra="ignore")

    # SQLAlchemy URL: an embedded SQLite file by default; postgresql+psycopg://… for a chain.
    database_url: str = "sqlite:///pos-server.sqlite"
    # Bearer token for the installer/HQ endpoints under /admin; empty disables them.
    admin_token: str = ""
    # How long an enrolment code can be used, in hours.
    enrolment_hours: int = 72
    # Largest request body accepted on /sync/push, in bytes.
    max_push_bytes: int = 8 * 1024 * 1024
    # Bearer token of the web shop and customer service for /channel (orders, stock to promise);
    # the admin token is accepted too. Empty: only the admin token.
    channel_token: str = ""
    # Where order notifications (ready, problem, collected…) are POSTed as JSON; empty: they
    # are kept in the notifications outbox (and in each order's status) until one is set.
    webhook_url: str = ""
    # VERI*FACTU (sync/server/aeat.py). The AEAT's service: its test environment is
    # https://prewww1.aeat.es/wlpl/TIKE-CONT/ws/SistemaFacturacion/VerifactuSOAP, production
    # https://www1.agenciatributaria.gob.es/wlpl/TIKE-CONT/ws/SistemaFacturacion/VerifactuSOAP.
    # Empty: records are kept and wait (verifactu-status shows them).
    aeat_url: str = ""
    # The company's certificate (PKCS#12: .p12/.pfx) and its password, for the AEAT's mutual TLS.
    aeat_pkcs12: str = ""
    aeat_pkcs12_password: str = ""
    # A record made longer ago than this when sent goes as sent late (Incidencia=S), in seconds.
    aeat_late_after: float = 240.0
    aeat_timeout: float = 30.0
    # The producer of this invoicing system, as its declaración responsable names it (RRSIF
    # art. 13): the SistemaInformatico of every record. Nothing is sent until the NIF is set.
    producer_name: str = ""
    producer_nif: str = ""
    # How long the change log keeps a change, in days (0: for ever). A till that stays away
    # longer than this loads a snapshot when it is back instead of the changes it missed (its
    # unsent sales are kept and sent); pruned once a day by `serve`, or by `prune-changes`.
    change_log_days: float = 30.0
