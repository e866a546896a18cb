import { AUDIENCES, definePolicy, EVERY_ROW, reaching } from '@jcv/shared';

// The park and its zones are the map everyone works on; the answer of a sign-in may name the
// zone of the user's firm too.
definePolicy('Park', {
  rows: reaching(AUDIENCES, EVERY_ROW),
  fields: [{ group: 'park', fields: ['code', 'id', 'name', 'zones'], readers: AUDIENCES }],
});
definePolicy('Zone', {
  rows: reaching(AUDIENCES, EVERY_ROW),
  fields: [{ group: 'zone', fields: ['code', 'id', 'kind', 'name', 'park'], readers: AUDIENCES }],
});
