import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useEffect, useSyncExternalStore, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from '@apollo/client/react';
import { graphql } from './gql';
import { session } from './auth/session';
import { useSession } from './auth/useSession';
import { languageOfLocale, localeOfLanguage, saveLanguage, type Language } from './i18n';

const SET_LOCALE = graphql(`
  mutation SetLocale($locale: Locale!) {
    setLocale(locale: $locale) {
      ...SessionUser
    }
  }
`);

const REDUCED_MOTION = '(prefers-reduced-motion: reduce)';

/** Whether the user asked the system for less motion; followed as it changes. */
function useReducedMotion(): boolean {
  return useSyncExternalStore(
    (cb) => {
      const query = window.matchMedia(REDUCED_MOTION);
      query.addEventListener('change', cb);
      return () => query.removeEventListener('change', cb);
    },
    () => window.matchMedia(REDUCED_MOTION).matches,
  );
}

/**
 * Ant Design, dayjs and `<html lang>` in the language shown; no animations for a user whose
 * system asks for reduced motion.
 */
export function LocaleProvider({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const state = useSession();
  const userLocale = state.status === 'signedIn' ? state.user.locale : null;
  const reducedMotion = useReducedMotion();

  // Signing in brings the user's own language.
  useEffect(() => {
    if (userLocale) {
      const lang = languageOfLocale(userLocale);
      if (i18n.language !== lang) void i18n.changeLanguage(lang);
      saveLanguage(lang);
    }
  }, [userLocale, i18n]);

  const lang = (i18n.language === 'en' ? 'en' : 'zh-CN') as Language;
  dayjs.locale(lang === 'en' ? 'en' : 'zh-cn');
  return (
    <ConfigProvider
      locale={lang === 'en' ? enUS : zhCN}
      theme={{
        // Ant Design's defaults, darkened where they fall below WCAG AA contrast (4.5:1) on
        // white: the primary and link blue (and their hover), the error red, and the tertiary text
        // of labels and hints.
        token: {
          colorPrimary: '#1d4ed8',
          colorPrimaryHover: '#1e40af',
          colorPrimaryActive: '#1e3a8a',
          colorLink: '#1d4ed8',
          colorLinkHover: '#1e40af',
          colorInfo: '#1d4ed8',
          colorError: '#c41d1d',
          colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
          colorTextDescription: 'rgba(0, 0, 0, 0.6)',
          borderRadius: 6,
          motion: !reducedMotion,
        },
        components: { Descriptions: { labelColor: 'rgba(0, 0, 0, 0.7)' } },
      }}
    >
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

/** Switches the language, and keeps the choice with the user (setLocale) when signed in. */
export function useLanguageToggle() {
  const { i18n } = useTranslation();
  const [setLocale] = useMutation(SET_LOCALE);
  const state = useSession();
  return async () => {
    const next: Language = i18n.language === 'en' ? 'zh-CN' : 'en';
    await i18n.changeLanguage(next);
    saveLanguage(next);
    if (state.status === 'signedIn') {
      try {
        const { data } = await setLocale({ variables: { locale: localeOfLanguage(next) } });
        if (data) session.updateUser(data.setLocale);
      } catch {
        // Shown in the new language anyway; kept on this browser until the next sign-in.
      }
    }
  };
}
