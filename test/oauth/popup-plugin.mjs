// A web-test-runner plugin that plays the person in the OAuth popup, which the test page cannot script (the
// consent page is the sandbox's origin, and the sandbox refuses a decision posted from any other page). The
// server command `oauth-popup` with `{decision: 'allow' | 'deny'}` waits for the test page's popup to show the
// consent page, then clicks that button with a real (CDP) mouse click.
export function oauthPopupPlugin() {
  return {
    name: 'airbyte-connect-oauth-popup',
    async executeCommand({ command, payload, session }) {
      if (command !== 'oauth-popup') return undefined;
      const page = session.browser.getPage(session.id);
      const target = await page
        .browser()
        .waitForTarget((t) => t.opener() === page.target() && t.url().includes('/sandbox/oauth/consent'), { timeout: 8000 });
      const popup = await target.page();
      const button = `button[name="decision"][value="${payload.decision === 'deny' ? 'deny' : 'allow'}"]`;
      await popup.waitForSelector(button, { timeout: 8000 });
      await popup.click(button);
      return true;
    },
  };
}
