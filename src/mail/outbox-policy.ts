// Rules of the outbox that need no database: statuses, backoff, Message-IDs and how to read a send failure.
import { createHash } from 'crypto';

/**
 * pending: waiting for (another) attempt; sending: claimed by a worker under a lease; sent: the SMTP server
 * accepted it; failed: rejected for good or out of attempts; unknown: a worker stopped between sending and
 * recording, so nobody knows whether it arrived. Failed and unknown messages wait for a person to retry them.
 * cancelled: never sent, because its study was closed while it waited (closing means no more mail).
 */
export const OUTBOX_STATUSES = ['pending', 'sending', 'sent', 'failed', 'unknown', 'cancelled'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

export const RETRYABLE_STATUSES: readonly OutboxStatus[] = ['failed', 'unknown'];

export const MAX_ATTEMPTS = 5;

/** Why the worker cancelled a message (the outbox page says it in the reader's language). */
export const CANCELLED_STUDY_CLOSED = 'Not sent: the study was closed before this message went out.';

/**
 * How long a claim holds. Longer than one SMTP conversation can take (the transport's timeouts add up to
 * under two minutes), so a lease only runs out when its worker died.
 */
export const LEASE_MS = 10 * 60_000;

/** Wait after failed attempt n (1-based): 1, 5, 25, 125 minutes. */
export function retryDelayMs(attempt: number): number {
  return 60_000 * 5 ** Math.max(0, attempt - 1);
}

/** What a failed send tells us about the message. */
export type SendFailure = 'transient' | 'permanent' | 'uncertain';

/**
 * An SMTP reply code is a definite answer: 4xx means try again later, 5xx means never. Without a reply, a
 * failure before the conversation started (connecting, DNS, local errors) sent nothing; any later silence
 * (a dropped connection after the data) may hide a delivered message, so it must not be resent blindly.
 */
export function classifySendError(err: { responseCode?: number; command?: string; code?: string }): SendFailure {
  if (typeof err.responseCode === 'number') return err.responseCode >= 500 ? 'permanent' : 'transient';
  if (err.command === 'CONN' || err.code === 'EDNS' || err.code === 'ECONNECTION') return 'transient';
  if (err.code === 'EENVELOPE' || err.code === 'EMESSAGE') return 'permanent';
  if (err.command === undefined) return 'transient';
  return 'uncertain';
}

export interface FailureOutcome {
  status: OutboxStatus;
  nextAttemptAt: Date | null;
}

/** Where a message goes after failed attempt number `attempts`. */
export function afterFailure(failure: SendFailure, attempts: number, now: Date): FailureOutcome {
  if (failure === 'uncertain') return { status: 'unknown', nextAttemptAt: null };
  if (failure === 'permanent' || attempts >= MAX_ATTEMPTS) return { status: 'failed', nextAttemptAt: null };
  return { status: 'pending', nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)) };
}

/**
 * The same idempotency key always gives the same Message-ID, so a message that is retried by hand carries
 * the identity of the first attempt and receiving systems can recognise it.
 */
export function messageIdFor(idempotencyKey: string, domain: string): string {
  const hash = createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 32);
  return `<${hash}@${domain}>`;
}

/** The domain of a From address ("kwadrant <x@example.org>" gives example.org), for Message-IDs. */
export function senderDomain(from: string): string {
  const match = /@([A-Za-z0-9.-]+)>?\s*$/.exec(from);
  return match ? match[1].toLowerCase() : 'kwadrant.invalid';
}

const ADDRESS = /^[^@\s<>,;]+@[^@\s<>,;]+\.[^@\s<>,;]+$/;
export function isMailAddress(value: string): boolean {
  return ADDRESS.test(value);
}
