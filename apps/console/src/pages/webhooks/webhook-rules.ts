/**
 * The webhook pages' rules, without React: the event types an endpoint may subscribe to
 * (domain.md, "Webhooks"; the API refuses any other), what the form checks before sending, and
 * what may be done with a delivery.
 */

/** Every event type, in the order the form offers them. */
export const WEBHOOK_EVENT_TYPES = [
  'report.submitted',
  'report.reviewed',
  'tenant.registered',
  'tenant.exited',
  'lease.created',
  'lease.ended',
  'benefit.decided',
  'service_request.updated',
  'milestone.alert',
  'bill.issued',
  'bill.paid',
  'annual_report.submitted',
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export const DELIVERY_STATUSES = ['PENDING', 'RETRYING', 'SUCCEEDED', 'FAILED'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export function isDeliveryStatus(value: string | null | undefined): value is DeliveryStatus {
  return (DELIVERY_STATUSES as readonly string[]).includes(value ?? '');
}

/**
 * What is wrong with a typed URL before it is sent, or null. Only the shape is checked here: an
 * http or https address with a host. Whether the API takes it (https, or http to a loopback host
 * where the platform allows that; no private address) is the API's to say, next to the field.
 */
export function urlProblem(text: string | undefined): 'required' | 'invalid' | null {
  const raw = (text ?? '').trim();
  if (!raw) return 'required';
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'invalid';
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || !url.hostname) return 'invalid';
  return null;
}

export interface EndpointFormValues {
  url?: string;
  events?: string[];
}

/** The `createWebhookEndpoint` input: the URL as typed (trimmed), the types in the list's order. */
export function endpointInputOf(values: EndpointFormValues): { url: string; events: string[] } {
  const chosen = new Set(values.events ?? []);
  return {
    url: (values.url ?? '').trim(),
    events: WEBHOOK_EVENT_TYPES.filter((e) => chosen.has(e)),
  };
}

/** Only a delivery whose every attempt failed may be sent again (the API refuses the others). */
export function canRedeliver(status: string): boolean {
  return status === 'FAILED';
}

/** The i18n key of an event type: its words live under `webhooks.eventTypes`. */
export function eventTypeKey(type: string): string | null {
  return (WEBHOOK_EVENT_TYPES as readonly string[]).includes(type)
    ? `webhooks.eventTypes.${type}`
    : null;
}

type Say = (m: RegExpExecArray) => string;

/** The API's messages of the webhook pages, in Chinese; any other is shown as the API wrote it. */
const ZH: [RegExp, Say][] = [
  [/^The URL is longer than (\d+) characters$/, (m) => `网址不能超过 ${m[1]} 个字符`],
  [/^Not a valid URL$/, () => '不是有效的网址'],
  [/^The URL must start with https:\/\/$/, () => '网址须以 https:// 开头'],
  [/^The URL must not hold a user name or password$/, () => '网址中不能包含用户名或密码'],
  [/^The URL has no host$/, () => '网址缺少主机名'],
  [/^The host (\S+) does not resolve$/, (m) => `无法解析主机名 ${m[1]}`],
  [
    /^The host (\S+) resolves to (\S+), which is not a public address/,
    (m) => `主机 ${m[1]} 解析为 ${m[2]}，不是公网地址：不能向内部或私有网络推送`,
  ],
  [/^(\S+) is not a public address/, (m) => `${m[1]} 不是公网地址：不能向内部或私有网络推送`],
  [/^(.+) (is not an event type|are not event types);/, (m) => `未知的事件类型：${m[1]}`],
  [
    /only a FAILED delivery can be redelivered$/,
    () => '只有已失败的推送可以重新推送；该推送的状态已变，请刷新后查看',
  ],
  [/^Webhook(Endpoint|Delivery) \S+ was not found$/, () => '找不到该记录，请刷新后再试'],
];

/** A field message of the API in the console's language (the field's own name dropped). */
export function localizeWebhookProblem(message: string, language: string, field?: string): string {
  let text = message.trim();
  if (field && text.startsWith(`${field} `)) text = text.slice(field.length + 1);
  if (language === 'en') return text;
  for (const [re, say] of ZH) {
    const m = re.exec(text);
    if (m) return say(m);
  }
  return text;
}
