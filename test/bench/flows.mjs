// Requests sent per user flow, counted from the browser's side (every request the page sends to the API,
// through Playwright's `request` event) while the flows are driven by role and name like a user would:
// - open → connected: mount with a token, choose "Sentry", fill its three required fields, "Connect";
// - edit → saved: mount with a token, choose the source just made, change "Project", "Save changes".
//
// The minimum the contract allows (../shared/reference/airbyte-embedded-api.md), 4 calls per flow:
// open → connected
//   1. GET /source-templates: the choice of templates (§3 #1);
//   2. GET /sources: the start view lists the end user's sources beside them (PRODUCT.md: `airbyte-ready` once
//      both lists are shown), in parallel with 1;
//   3. GET /source-templates/{id}: the chosen template's user_config_spec, which the list item lacks (§4.1: the
//      list item is a subset, `{id, name, icon}`);
//   4. POST /sources: creates, and the server runs the check itself (§3 "side effects of create"; PRODUCT.md:
//      "Connect" creates the source, the server checks it), so no POST /sources/check is needed.
// edit → saved
//   1–2. the same two lists;
//   3. GET /sources/{id}: one call gives both the stored source_config and source_template.user_config_spec (§4.3);
//   4. PUT /sources/{id} with the new source_config (§3 #6).
// Neither flow needs GET /scoped-token/info (the workspace id is in the token: the JWT's workspace_scope claim and
// the widgetUrl's workspaceId, §2.3–2.4; checked below) nor any token call (the token is set on the element).
// Any further call, or any call made twice (same method, URL and body), fails the bench.

export const FLOW_MINIMUM = { openToConnected: 4, editToSaved: 4 };
const TEMPLATE = { name: 'Sentry', fields: { 'Authentication Tokens': 'bench-secret-token', Organization: 'bench-org', Project: 'bench-project' } };
const EDIT = { field: 'Project', value: 'bench-project-renamed' };
/** After a flow's last event, how long to keep listening for stray calls (a re-list, a late retry). */
const SETTLE_MS = 500;

function describe(request) {
  const url = new URL(request.url());
  return { method: request.method(), path: `${url.pathname}${url.search}`, body: request.postData() ?? null };
}

function summarise(name, minimum, requests) {
  const keys = requests.map((r) => `${r.method} ${r.path} ${r.body ?? ''}`);
  const duplicates = [...new Set(keys.filter((key, i) => keys.indexOf(key) !== i))];
  return {
    flow: name,
    requests: requests.length,
    minimum,
    ratio: Math.round((requests.length / minimum) * 100) / 100,
    duplicates: duplicates.length,
    atMinimum: requests.length <= minimum && duplicates.length === 0,
    calls: requests.map((r) => `${r.method} ${r.path.replace(/[?].*$/, '')}`),
    duplicateCalls: duplicates,
  };
}

/** Asserts what lets a widget skip GET /scoped-token/info: the token names its workspace. */
async function assertTokenNamesWorkspace(page) {
  const named = await page.evaluate(async () => {
    const token = await window.bench.widgetToken();
    const { token: jwt, widgetUrl } = JSON.parse(atob(token.replace(/-/g, '+').replace(/_/g, '/')));
    const claims = JSON.parse(atob(jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
    return Boolean(claims['io.airbyte.auth.workspace_scope']?.workspaceId && new URL(widgetUrl).searchParams.get('workspaceId'));
  });
  if (!named) throw new Error('the demo widget token does not name its workspace; the flow minimum would need GET /scoped-token/info');
}

export async function runFlowBench(page) {
  await assertTokenNamesWorkspace(page);
  let recording = null;
  page.on('request', (request) => {
    if (recording && new URL(request.url()).pathname.startsWith('/api/v1/')) recording.push(describe(request));
  });
  const record = async (work) => {
    recording = [];
    try {
      await work();
      await page.waitForTimeout(SETTLE_MS);
      return recording;
    } finally {
      recording = null;
      await page.evaluate(() => window.bench.closeFlow());
    }
  };
  process.stderr.write('bench: flows open → connected and edit → saved, counting requests\n');

  let source;
  const open = await record(async () => {
    await page.evaluate(() => window.bench.mountFlow());
    await page.getByRole('button', { name: TEMPLATE.name, exact: true }).click();
    for (const [label, value] of Object.entries(TEMPLATE.fields)) await page.getByLabel(label).fill(value);
    const created = page.evaluate(() => window.bench.nextFlowEvent('airbyte-source-created'));
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    source = (await created).source;
  });

  const edit = await record(async () => {
    await page.evaluate(() => window.bench.mountFlow());
    await page.getByRole('button', { name: source.name, exact: true }).click();
    await page.getByLabel(EDIT.field).fill(EDIT.value);
    const updated = page.evaluate(() => window.bench.nextFlowEvent('airbyte-source-updated'));
    await page.getByRole('button', { name: 'Save changes', exact: true }).click();
    const saved = (await updated).source;
    if (saved.source_config?.project !== EDIT.value) throw new Error(`the saved source has project ${JSON.stringify(saved.source_config?.project)}`);
  });

  return {
    openToConnected: summarise('open → connected', FLOW_MINIMUM.openToConnected, open),
    editToSaved: summarise('edit → saved', FLOW_MINIMUM.editToSaved, edit),
  };
}
