/** Calls the local host's API as a demo identity, for arranging a test's starting state. */
export async function apiAs<T>(
  baseUrl: string,
  openid: string,
  fn: string,
  action: string,
  data?: unknown,
): Promise<T> {
  const login = await fetch(`${baseUrl}/api/auth`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ action: 'devLogin', data: { openid } }),
  });
  const { data: session } = (await login.json()) as { data: { token: string } };
  const response = await fetch(`${baseUrl}/api/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${session.token}` },
    body: JSON.stringify({ action, data }),
  });
  const body = (await response.json()) as { ok: boolean; data: T; error?: { message: string } };
  if (!body.ok) throw new Error(`${fn}.${action}: ${body.error?.message}`);
  return body.data;
}
