import { registerConstraints } from '@jcv/database';

const SEEDED = {
  internal: 'the park and its zones are seeded at start-up; no operation writes them',
};

/** The constraints of the park and its zones: no caller writes these tables. */
registerConstraints({
  parks_code_key: SEEDED,
  parks_code_check: SEEDED,
  parks_name_check: SEEDED,
  zones_park_code_key: SEEDED,
  zones_code_check: SEEDED,
  zones_name_check: SEEDED,
  zones_kind_check: SEEDED,
  zones_park_id_fkey: SEEDED,
});
