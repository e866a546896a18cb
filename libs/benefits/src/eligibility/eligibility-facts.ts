import { ForeignReads, type Queryable } from '@jcv/shared';
import type { EligibilityFacts } from './eligibility.js';

/**
 * What loadEligibilityFacts reads of other libs' tables: lib tenants' tenants and
 * certifications, lib park's zones.
 */
export const ELIGIBILITY_FACTS_READS = new ForeignReads(import.meta.url, 'loadEligibilityFacts', {
  tenants: ['id', 'zone_id', 'industry_chain', 'entered_on', 'exited_on'],
  certifications: ['tenant_id', 'kind', 'issued_on', 'expires_on'],
  zones: ['id', 'kind'],
});

/**
 * What a rule may ask about a firm, in one statement: its zone's kind, its chain, its residence
 * and its certificates. Null for an unknown firm. Reads tenants, certifications and zones
 * (ELIGIBILITY_FACTS_READS).
 */
export async function loadEligibilityFacts(
  db: Queryable,
  tenantId: string,
): Promise<EligibilityFacts | null> {
  const [row] = await db.query(
    `SELECT z.kind AS "zoneKind", t.industry_chain AS "industryChain",
            t.entered_on::text AS "enteredOn", t.exited_on::text AS "exitedOn",
            coalesce((SELECT json_agg(json_build_object('kind', c.kind,
                        'issuedOn', c.issued_on::text, 'expiresOn', c.expires_on::text))
                        FROM certifications c WHERE c.tenant_id = t.id), '[]'::json) AS certifications
       FROM tenants t JOIN zones z ON z.id = t.zone_id
      WHERE t.id = $1`,
    [tenantId],
  );
  return row ?? null;
}
