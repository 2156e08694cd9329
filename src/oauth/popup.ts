const WIDTH = 600;
const HEIGHT = 700;

/**
 * Opens the (blank) sign-in window, centred on this one. Call it synchronously in the click handler, before any
 * await: browsers allow a popup only during the user's gesture. It is navigated once the consent URL is known.
 * Null when the browser blocked it (some blockers hand back a window that is already closed).
 */
export function openPopup(): Window | null {
  const left = Math.round(screenX + (outerWidth - WIDTH) / 2);
  const top = Math.round(screenY + (outerHeight - HEIGHT) / 2);
  const popup = window.open('', 'airbyte-connect-oauth', `popup,width=${WIDTH},height=${HEIGHT},left=${left},top=${top}`);
  return popup && !popup.closed ? popup : null;
}
