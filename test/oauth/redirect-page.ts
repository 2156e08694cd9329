// The script of redirect-page.html. The test (this window's opener) hands over what a widget would know; on the
// first load the page starts a same-tab sign-in, on the way back it takes and completes it, and reports.
import { ApiClient } from '../../src/api/client.js';
import { completeRedirect, startRedirect, takeRedirectReturn } from '../../src/oauth/redirect-return.js';
import { withoutSecrets } from '../../src/oauth/without-secrets.js';
import { authInputs } from '../../src/spec/auth.js';
import type { FormModel } from '../../src/spec/model.js';

export interface RedirectHarness {
  apiBaseUrl: string;
  jwt: string;
  templateId: string;
  model: FormModel;
  value: unknown;
  done(report: Record<string, unknown>): void;
}

const harness = (opener as { oauthHarness: RedirectHarness }).oauthHarness;
const api = new ApiClient({ baseUrl: harness.apiBaseUrl, token: async () => harness.jwt });
const back = takeRedirectReturn();
const report = (more: Record<string, unknown>) =>
  harness.done({ back, href: location.href, stored: sessionStorage.length, historyLength: history.length, ...more });
if (!back)
  startRedirect({ api, templateId: harness.templateId, sourceId: 'src-1', inputs: authInputs(harness.model, harness.value), values: withoutSecrets(harness.model, harness.value) }).catch(
    (e) => report({ error: e.reason }),
  );
else
  completeRedirect(api, back).then(
    (values) => report({ values }),
    (e) => report({ error: e.reason }),
  );
