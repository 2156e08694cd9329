/** The API's callback page, under its base URL (which may be relative to the page): the popup's redirect URL. */
export const callbackUrl = (apiBaseUrl: string): string =>
  new URL('sources/oauth/callback', new URL(apiBaseUrl.replace(/\/*$/, '/'), location.href)).href;
