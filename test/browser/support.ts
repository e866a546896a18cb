import { expect, test as base, type APIRequestContext, type Page } from '@playwright/test';

export { expect };

/** The demo park's accounts (printed by `npm start`), one per role. */
export const ACCOUNTS = {
  ADMIN: 'admin@jcv.example',
  SPACE_MANAGER: 'space@jcv.example',
  POLICY_OFFICER: 'policy@jcv.example',
  SERVICE_DESK: 'desk@jcv.example',
  ANALYST: 'analyst@jcv.example',
  TENANT_ADMIN: 'firm-admin@jcv.example',
  TENANT_REPORTER: 'reporter@jcv.example',
  SERVICE_PROVIDER: 'provider@jcv.example',
} as const;

export function passwordOf(email: string): string {
  return email === ACCOUNTS.ADMIN ? 'demo-admin-password' : 'demo-password-2025';
}

/**
 * Every test fails on a page error or a console error (a broken render, a failed request the
 * page did not handle), unless it expects one.
 */
export const test = base.extend<{ pageErrors: string[] }>({
  pageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(`console: ${m.text()}`);
      });
      await use(errors);
      expect(errors, 'errors in the page').toEqual([]);
    },
    { auto: true },
  ],
});

/** Signs in through the login form and waits for the first page behind it. */
export async function signIn(page: Page, email: string, password = passwordOf(email)) {
  await page.goto('/login');
  await page.getByLabel(/邮箱|Email/).fill(email);
  await page.getByLabel(/密码|Password/).fill(password);
  await page.getByRole('button', { name: /登\s*录|Sign in/ }).click();
  await page.waitForURL((url) => url.pathname !== '/login');
}

interface GqlAnswer<T> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string; fields?: unknown[] } }[];
}

/**
 * The API itself, as the given account: what a test compares the page with. Signs in again
 * when its token is older than 20 s (they last 30 s on the test server).
 */
export function api(request: APIRequestContext, email: string) {
  let token: string | null = null;
  let at = 0;
  const post = async <T>(
    query: string,
    variables: Record<string, unknown>,
    auth: string | null,
  ) => {
    const res = await request.post('/graphql', {
      headers: {
        'content-type': 'application/json',
        ...(auth ? { authorization: `Bearer ${auth}` } : {}),
      },
      data: { query, variables },
    });
    return (await res.json()) as GqlAnswer<T>;
  };
  const ensureToken = async () => {
    if (token && Date.now() - at < 20_000) return token;
    const answer = await post<{ login: { accessToken: string } }>(
      'mutation($input: LoginInput!) { login(input: $input) { accessToken } }',
      { input: { email, password: passwordOf(email) } },
      null,
    );
    if (!answer.data)
      throw new Error(`sign-in of ${email} failed: ${JSON.stringify(answer.errors)}`);
    token = answer.data.login.accessToken;
    at = Date.now();
    return token;
  };
  return {
    /** The whole answer (data and errors). */
    async raw<T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}) {
      return post<T>(query, variables, await ensureToken());
    },
    /** The data, failing the test on any error. */
    async gql<T = Record<string, any>>(
      query: string,
      variables: Record<string, unknown> = {},
    ): Promise<T> {
      const answer = await post<T>(query, variables, await ensureToken());
      if (answer.errors?.length || !answer.data)
        throw new Error(`API error: ${JSON.stringify(answer.errors)}`);
      return answer.data;
    },
  };
}
