import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

export const demoPassword = 'caunoi-demo-2023';

/**
 * A signed-in client for API tests: requests go through the real Fastify
 * server in process (inject), with the session cookie of a real login.
 */
export interface ApiClient {
  username: string;
  /** The Cookie header of this session. */
  cookie: string;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  send(
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    body?: unknown,
  ): Promise<LightMyRequestResponse>;
}

export async function loginAs(
  app: FastifyInstance,
  username: string,
  password = demoPassword,
): Promise<ApiClient> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password },
  });
  if (response.statusCode !== 200)
    throw new Error(`login ${username}: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'caunoi_session');
  if (!cookie) throw new Error('no session cookie');
  const headers = { cookie: `caunoi_session=${cookie.value}` };
  // The read replica's position cookie (http/read-routing.ts) is kept as a browser would; only set with a replica.
  let lsn: string | undefined;
  const send: ApiClient['send'] = async (method, url, body) => {
    const cookies = lsn === undefined ? headers.cookie : `${headers.cookie}; caunoi_lsn=${lsn}`;
    const answer = await app.inject({
      method,
      url,
      headers: { cookie: cookies },
      ...(body === undefined ? {} : { payload: body as object }),
    });
    const set = answer.cookies.find((c) => c.name === 'caunoi_lsn');
    if (set) lsn = set.value === '' ? undefined : set.value;
    return answer;
  };
  return {
    username,
    cookie: headers.cookie,
    send,
    get: (url) => send('GET', url),
    post: (url, body) => send('POST', url, body ?? {}),
    patch: (url, body) => send('PATCH', url, body ?? {}),
  };
}
