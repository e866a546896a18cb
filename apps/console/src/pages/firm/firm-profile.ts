/**
 * What the firm's profile shows beside its records: where each certificate stands on a day, and
 * a lease's state in words (ACTIVE covers a lease not begun yet).
 */

/** Days before expiry from which a certificate is "expiring soon": the API's notice period. */
export const EXPIRING_WITHIN_DAYS = 90;

export type CertificateState = 'NOT_YET_VALID' | 'VALID' | 'EXPIRING' | 'LAPSED';

export interface CertificateDates {
  issuedOn: string;
  expiresOn?: string | null;
}

/** Whole days from `from` to `to` (YYYY-MM-DD), counted on the calendar. */
export function daysBetween(from: string, to: string): number {
  const ms = (d: string) => {
    const [y, m, day] = d.split('-').map(Number);
    return Date.UTC(y, m - 1, day);
  };
  return Math.round((ms(to) - ms(from)) / 86_400_000);
}

/**
 * On `today`: not yet valid before its issue date, lapsed after its expiry date (the expiry day
 * itself is still valid), expiring within EXPIRING_WITHIN_DAYS of it, else valid.
 */
export function certificateState(c: CertificateDates, today: string): CertificateState {
  if (c.issuedOn > today) return 'NOT_YET_VALID';
  if (!c.expiresOn) return 'VALID';
  if (c.expiresOn < today) return 'LAPSED';
  return daysBetween(today, c.expiresOn) <= EXPIRING_WITHIN_DAYS ? 'EXPIRING' : 'VALID';
}

export type LeaseState = 'UPCOMING' | 'ACTIVE' | 'ENDED' | 'TERMINATED';

/** The API's LeaseStatus, with an ACTIVE lease that has not begun told apart. */
export function leaseState(
  lease: { status: 'ACTIVE' | 'ENDED' | 'TERMINATED'; startDate: string },
  today: string,
): LeaseState {
  if (lease.status === 'ACTIVE' && lease.startDate > today) return 'UPCOMING';
  return lease.status;
}
