import type { MigrationInterface, QueryRunner } from 'typeorm';

const CATEGORIES = `ARRAY['IP_PATENT', 'FINANCING', 'TECH_TRANSFER', 'LEGAL', 'HR_TALENT', 'FACILITY',
  'SCENARIO_ASSESSMENT', 'OTHER']`;
const STATUSES = `('OPEN', 'ASSIGNED', 'IN_PROGRESS', 'RESOLVED', 'CLOSED', 'CANCELLED')`;

/**
 * Service providers, the firms' service requests and the history of every change to them. The
 * users of a provider now point at it.
 */
export class ServiceDesk1764000600000 implements MigrationInterface {
  name = 'ServiceDesk1764000600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE service_providers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        categories text[] NOT NULL
          CHECK (cardinality(categories) >= 1 AND categories <@ ${CATEGORIES}),
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE UNIQUE INDEX service_providers_name_key ON service_providers (lower(name))`,
    );
    await q.query(`
      ALTER TABLE users ADD CONSTRAINT users_service_provider_id_fkey
        FOREIGN KEY (service_provider_id) REFERENCES service_providers(id)`);
    await q.query(`
      ALTER TABLE users ADD CONSTRAINT users_service_provider_role_check
        CHECK ((role = 'SERVICE_PROVIDER') = (service_provider_id IS NOT NULL))`);
    await q.query(`CREATE INDEX users_service_provider_idx ON users (service_provider_id)`);

    await q.query(`
      CREATE TABLE service_requests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants(id),
        category text NOT NULL CHECK (category = ANY (${CATEGORIES})),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        description text NOT NULL CHECK (length(description) BETWEEN 1 AND 5000),
        status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ${STATUSES}),
        assignee_id uuid REFERENCES service_providers(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        due_at timestamptz NOT NULL,
        resolved_at timestamptz,
        rating smallint CHECK (rating BETWEEN 1 AND 5),
        rating_comment text CHECK (length(rating_comment) <= 2000),
        rated_at timestamptz,
        opened_by uuid REFERENCES users(id),
        CONSTRAINT service_requests_due_check CHECK (due_at > created_at),
        -- Past OPEN a request has a provider; one cancelled while OPEN may have none.
        CONSTRAINT service_requests_assignee_check
          CHECK (status IN ('OPEN', 'CANCELLED') OR assignee_id IS NOT NULL),
        CONSTRAINT service_requests_resolved_check
          CHECK ((status IN ('RESOLVED', 'CLOSED')) = (resolved_at IS NOT NULL)),
        CONSTRAINT service_requests_rated_check
          CHECK ((rating IS NULL) = (rated_at IS NULL)
             AND (rating IS NULL OR status IN ('RESOLVED', 'CLOSED')))
      )`);
    await q.query(
      `CREATE INDEX service_requests_tenant_idx ON service_requests (tenant_id, created_at)`,
    );
    await q.query(
      `CREATE INDEX service_requests_assignee_idx ON service_requests (assignee_id, created_at)`,
    );
    await q.query(
      `CREATE INDEX service_requests_status_idx ON service_requests (status, created_at)`,
    );

    await q.query(`
      CREATE TABLE service_request_events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        request_id uuid NOT NULL REFERENCES service_requests(id),
        at timestamptz NOT NULL DEFAULT now(),
        kind text NOT NULL CHECK (kind IN ('OPENED', 'ASSIGNED', 'STATUS_CHANGED', 'RATED')),
        -- The request's status after the change.
        status text NOT NULL CHECK (status IN ${STATUSES}),
        note text CHECK (length(note) <= 2000),
        assignee_id uuid REFERENCES service_providers(id),
        rating smallint CHECK (rating BETWEEN 1 AND 5),
        actor_user_id uuid REFERENCES users(id),
        actor_role text,
        CONSTRAINT service_request_events_assigned_check
          CHECK ((kind = 'ASSIGNED') = (assignee_id IS NOT NULL)),
        CONSTRAINT service_request_events_rated_check CHECK ((kind = 'RATED') = (rating IS NOT NULL))
      )`);
    // The history of a request in order, and its status on a past day, read from this index.
    await q.query(`
      CREATE INDEX service_request_events_request_idx
        ON service_request_events (request_id, at, id) INCLUDE (status)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE service_request_events`);
    await q.query(`DROP TABLE service_requests`);
    await q.query(`DROP INDEX users_service_provider_idx`);
    await q.query(`ALTER TABLE users DROP CONSTRAINT users_service_provider_role_check`);
    await q.query(`ALTER TABLE users DROP CONSTRAINT users_service_provider_id_fkey`);
    await q.query(`DROP TABLE service_providers`);
  }
}
