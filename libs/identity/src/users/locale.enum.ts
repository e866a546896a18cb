import { registerEnumType } from '@nestjs/graphql';

export enum Locale {
  ZH_CN = 'ZH_CN',
  EN = 'EN',
}

registerEnumType(Locale, {
  name: 'Locale',
  valuesMap: { ZH_CN: { description: '简体中文, the default.' } },
});
