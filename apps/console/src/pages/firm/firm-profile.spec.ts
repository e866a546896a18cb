import { describe, expect, it } from '@jest/globals';
import { certificateState, daysBetween, leaseState } from './firm-profile';

describe('certificateState', () => {
  const today = '2026-12-02';
  it('tells valid, expiring within 90 days, lapsed and not yet valid apart', () => {
    expect(certificateState({ issuedOn: '2024-01-01', expiresOn: '2027-12-31' }, today)).toBe(
      'VALID',
    );
    expect(certificateState({ issuedOn: '2024-01-01', expiresOn: null }, today)).toBe('VALID');
    expect(certificateState({ issuedOn: '2024-01-01', expiresOn: '2027-03-02' }, today)).toBe(
      'EXPIRING',
    );
    expect(certificateState({ issuedOn: '2024-01-01', expiresOn: '2027-03-03' }, today)).toBe(
      'VALID',
    );
    expect(certificateState({ issuedOn: '2024-01-01', expiresOn: today }, today)).toBe('EXPIRING');
    expect(certificateState({ issuedOn: '2024-01-01', expiresOn: '2026-12-01' }, today)).toBe(
      'LAPSED',
    );
    expect(certificateState({ issuedOn: '2026-12-03', expiresOn: '2029-12-02' }, today)).toBe(
      'NOT_YET_VALID',
    );
  });

  it('counts calendar days across months and leap years', () => {
    expect(daysBetween('2026-12-02', '2027-03-02')).toBe(90);
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
  });
});

describe('leaseState', () => {
  it('tells a lease not begun from one running', () => {
    expect(leaseState({ status: 'ACTIVE', startDate: '2027-01-01' }, '2026-12-02')).toBe(
      'UPCOMING',
    );
    expect(leaseState({ status: 'ACTIVE', startDate: '2026-12-02' }, '2026-12-02')).toBe('ACTIVE');
    expect(leaseState({ status: 'ENDED', startDate: '2025-01-01' }, '2026-12-02')).toBe('ENDED');
    expect(leaseState({ status: 'TERMINATED', startDate: '2027-01-01' }, '2026-12-02')).toBe(
      'TERMINATED',
    );
  });
});
