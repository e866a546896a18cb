import type {
  NotificationKind,
  NotificationLocale,
  NotificationParams,
} from '../notification-kinds.js';
import { EN_TEMPLATES } from './en.js';
import type { NotificationTemplates, RenderedNotification } from './format.js';
import { ZH_CN_TEMPLATES } from './zh-CN.js';

export type { RenderedNotification } from './format.js';

const TEMPLATES: Record<NotificationLocale, NotificationTemplates> = {
  ZH_CN: ZH_CN_TEMPLATES,
  EN: EN_TEMPLATES,
};

/**
 * A notification's title and body in a locale (users.locale), from the parameters kept with it:
 * the words are chosen when the notification is read or mailed, so a user who changes language
 * reads every notification, old ones too, in the new one. An unknown locale reads as Chinese,
 * the platform's default.
 */
export function renderNotification<K extends NotificationKind>(
  kind: K,
  params: NotificationParams[K],
  locale: NotificationLocale,
): RenderedNotification {
  const templates = TEMPLATES[locale] ?? TEMPLATES.ZH_CN;
  return templates[kind]((params ?? {}) as NotificationParams[K]);
}
