import { graphql } from '../../gql';

/** The operations of the committee's policies page (prefixed Policies…, unique in the console). */

export const POLICY_FIELDS = graphql(`
  fragment PoliciesPolicyFields on Policy {
    id
    code
    title
    kind
    basis
    budget
    granted
    remaining
    maxAmountPerTenant
    validFrom
    validTo
    eligibility {
      zoneKinds
      requiredCertifications
      industryChains
      minMonthsResident
    }
    rentRelief {
      steps {
        fromMonth
        toMonth
        share
      }
      maxRatePerSqm
      maxArea
    }
  }
`);

export const POLICIES = graphql(`
  query PoliciesList {
    policies {
      ...PoliciesPolicyFields
    }
  }
`);

export const APPLICATIONS = graphql(`
  query PoliciesApplications {
    benefitApplications {
      id
      status
      requestedAmount
      grantedAmount
      relieved
      justification
      note
      submittedAt
      decidedAt
      disbursedAt
      withdrawnAt
      policy {
        id
        code
        title
      }
      tenant {
        id
        name
        kind
        enteredOn
        exitedOn
        industryChain
        zone {
          id
          name
          kind
        }
        certifications {
          id
          kind
          issuedOn
          expiresOn
        }
      }
    }
  }
`);

export const CREATE_POLICY = graphql(`
  mutation PoliciesCreate($input: CreatePolicyInput!) {
    createPolicy(input: $input) {
      ...PoliciesPolicyFields
    }
  }
`);

export const UPDATE_POLICY = graphql(`
  mutation PoliciesUpdate($input: UpdatePolicyInput!) {
    updatePolicy(input: $input) {
      ...PoliciesPolicyFields
    }
  }
`);

export const DECIDE = graphql(`
  mutation PoliciesDecide($input: DecideBenefitInput!) {
    decideBenefit(input: $input) {
      id
      status
      grantedAmount
      note
      decidedAt
      policy {
        id
        budget
        granted
        remaining
      }
    }
  }
`);

export const DISBURSE = graphql(`
  mutation PoliciesDisburse($id: ID!) {
    markBenefitDisbursed(id: $id) {
      id
      status
      disbursedAt
    }
  }
`);
