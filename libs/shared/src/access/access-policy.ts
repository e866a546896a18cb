import { ALL_ROLES } from '../roles.js';
import { definePolicy, reaching } from './policy.js';
import { AS_PARENT } from './reach.js';

// The page info of every connection: each connection's own rule says who gets one.
definePolicy('PageInfo', {
  rows: reaching(ALL_ROLES, AS_PARENT),
  fields: [{ group: 'page', fields: ['endCursor', 'hasNextPage'], readers: ALL_ROLES }],
});
