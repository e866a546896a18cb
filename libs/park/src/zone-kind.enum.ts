import { registerEnumType } from '@nestjs/graphql';

export enum ZoneKind {
  STARTUP = 'STARTUP',
  EXPANSION = 'EXPANSION',
}

registerEnumType(ZoneKind, {
  name: 'ZoneKind',
  valuesMap: {
    STARTUP: { description: '起步区, the startup zone.' },
    EXPANSION: { description: '拓展区, the expansion zone.' },
  },
});
