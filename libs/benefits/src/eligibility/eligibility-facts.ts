import type { EntityManager } from 'typeorm';
import type { EligibilityFacts } from './eligibility.js';

type Queryable = Pick<EntityManager, 'query'>;

/**
 * What a rule may ask about a firm, in one statement: its zone's kind, its chain, its residence
 * and its certificates. Null for an unknown firm.
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
