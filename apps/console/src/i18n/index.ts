import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { common } from './messages/common';
import { cockpit } from './messages/cockpit';
import { firm } from './messages/firm';
import { services } from './messages/services';
import { tenants } from './messages/tenants';
import { space } from './messages/space';
import { review } from './messages/review';
import { policies } from './messages/policies';
import { desk } from './messages/desk';
import { admin } from './messages/admin';
import { bills } from './messages/bills';
import { statistics } from './messages/statistics';

/**
 * Every string the console shows, in 简体中文 (the default) and English, one namespace per area
 * of the console. The language follows the signed-in user's `locale`; before sign-in, the choice
 * made on this browser.
 */
export const NAMESPACES = {
  common,
  cockpit,
  firm,
  services,
  tenants,
  space,
  review,
  policies,
  desk,
  admin,
  bills,
  statistics,
} as const;
export type Language = 'zh-CN' | 'en';
export const LANGUAGES: readonly Language[] = ['zh-CN', 'en'];

const LANGUAGE_KEY = 'jcv.language';

export function resources() {
  const out: Record<Language, Record<string, object>> = { 'zh-CN': {}, en: {} };
  for (const [ns, bundle] of Object.entries(NAMESPACES)) {
    for (const lang of LANGUAGES) out[lang][ns] = bundle[lang];
  }
  return out;
}

export function savedLanguage(): Language {
  try {
    return localStorage.getItem(LANGUAGE_KEY) === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

export function saveLanguage(lang: Language) {
  try {
    localStorage.setItem(LANGUAGE_KEY, lang);
  } catch {
    // not kept: the user's locale on the server still is
  }
}

/** The API's Locale enum to a language of the console, and back. */
export const languageOfLocale = (locale: string): Language => (locale === 'EN' ? 'en' : 'zh-CN');
export const localeOfLanguage = (lang: Language): 'EN' | 'ZH_CN' =>
  lang === 'en' ? 'EN' : 'ZH_CN';

export function initI18n() {
  const lng = savedLanguage();
  void i18next.use(initReactI18next).init({
    resources: resources(),
    lng,
    fallbackLng: 'zh-CN',
    defaultNS: 'common',
    ns: Object.keys(NAMESPACES),
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = lng;
  i18next.on('languageChanged', (l) => {
    document.documentElement.lang = l === 'en' ? 'en' : 'zh-CN';
  });
  return i18next;
}
