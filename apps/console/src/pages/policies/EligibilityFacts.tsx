import { useTranslation } from 'react-i18next';
import type { PoliciesApplicationsQuery } from '../../gql/graphql';
import { checkRule, type RuleCheck, type RuleLike } from '../../lib/policies';

type Tenant = PoliciesApplicationsQuery['benefitApplications'][number]['tenant'];

/**
 * The firm's facts a policy's rule asks about (zone, kind, chain, entry date, certificates), and
 * each condition of the rule checked against them on `asOf`. The API keeps no record of the
 * facts at submission (it checks them then); these are the facts as they are now.
 */
export function EligibilityFacts({
  tenant,
  rule,
  asOf,
}: {
  tenant: Tenant;
  rule: RuleLike | null;
  asOf: string;
}) {
  const { t } = useTranslation('policies');
  const sep = t('rule.separator');
  const certificates = tenant.certifications.map((c) =>
    c.expiresOn
      ? t('facts.certificateUntil', { kind: t(`certification.${c.kind}`), to: c.expiresOn })
      : t('facts.certificateOpen', { kind: t(`certification.${c.kind}`) }),
  );
  const checks = rule ? checkRule(rule, tenant, asOf) : [];

  const describe = (c: RuleCheck): string => {
    switch (c.condition) {
      case 'resident':
        if (c.enteredOn > asOf) return t('facts.check.notYet', { from: c.enteredOn });
        return c.met
          ? t('facts.check.resident', { from: c.enteredOn })
          : t('facts.check.notResident', { from: c.enteredOn, to: c.exitedOn ?? '' });
      case 'zone':
        return t('facts.check.zone', {
          wanted: c.wanted.map((z) => t(`zoneKind.${z}`)).join(sep),
          fact: t(`zoneKind.${c.fact}`),
        });
      case 'chain':
        return t('facts.check.chain', {
          wanted: c.wanted.map((z) => t(`chain.${z}`)).join(sep),
          fact: t(`chain.${c.fact}`),
        });
      case 'certification': {
        const kind = t(`certification.${c.wanted}`);
        if (!c.valid) return t('facts.check.certificationMissing', { kind });
        return c.valid.expiresOn
          ? t('facts.check.certification', { kind, from: c.valid.issuedOn, to: c.valid.expiresOn })
          : t('facts.check.certificationOpen', { kind, from: c.valid.issuedOn });
      }
      case 'months':
        return t('facts.check.months', { wanted: c.wanted, months: c.months });
    }
  };

  return (
    <div className="pol-facts" data-eligibility="">
      <h4 className="pol-facts-title">{t('facts.heading', { date: asOf })}</h4>
      <ul>
        <li data-fact="kind" data-value={tenant.kind}>
          {t('facts.firmKind', { kind: t(`tenantKind.${tenant.kind}`) })}
        </li>
        <li data-fact="zone" data-value={tenant.zone.kind}>
          {t('facts.zone', { zone: tenant.zone.name, kind: t(`zoneKind.${tenant.zone.kind}`) })}
        </li>
        <li data-fact="industryChain" data-value={tenant.industryChain}>
          {t('facts.chain', { chain: t(`chain.${tenant.industryChain}`) })}
        </li>
        <li data-fact="enteredOn" data-value={tenant.enteredOn}>
          {t('facts.enteredOn', { date: tenant.enteredOn })}
        </li>
        <li data-fact="certifications">
          {certificates.length
            ? t('facts.certificates', { list: certificates.join(sep) })
            : t('facts.noCertificates')}
        </li>
      </ul>
      {rule && (
        <>
          <h5 className="pol-facts-title">{t('facts.ruleHeading')}</h5>
          <ul>
            {checks.map((c, i) => (
              <li
                key={`${c.condition}-${i}`}
                className={`pol-check ${c.met ? 'pol-check-met' : 'pol-check-unmet'}`}
                data-condition={c.condition}
                data-met={String(c.met)}
              >
                <span className="pol-check-mark">
                  <span aria-hidden="true">{c.met ? '✓' : '✗'}</span>{' '}
                  {c.met ? t('facts.met') : t('facts.unmet')}
                </span>
                <span>{describe(c)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
