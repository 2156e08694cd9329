/** The sign-in chunk (`chunks/oauth.js`), fetched once, on first use; a failed fetch is tried again next time. */
export type OAuthFlow = typeof import('./index.js');

let flow: Promise<OAuthFlow> | undefined;

export function loadOAuth(): Promise<OAuthFlow> {
  return (flow ??= import('./index.js').catch((error: unknown) => {
    flow = undefined;
    throw error;
  }));
}
