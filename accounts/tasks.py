"""Celery tasks about accounts: they call a service."""

from __future__ import annotations

from celery import shared_task

from accounts.services import tokens_sweep_expired


@shared_task(acks_late=True, ignore_result=True)
def sweep_expired_tokens() -> int:
    """Expired tokens of users who never came back (logins sweep their own)."""
    return tokens_sweep_expired()
