// Fault-injection settings (sandbox extension, operator token only): /api/v1/sandbox/faults.
import { Hono } from 'hono';
import { requireOperator } from '../auth/middleware.js';
import type { AppEnv, Deps } from '../context.js';
import { invalid, notFound } from '../errors.js';
import type { Fault, FaultInput } from '../faults.js';
import type { JsonObject } from '../json.js';
import { readBody } from '../request.js';

const faultSchema: JsonObject = {
  type: 'object',
  required: ['path'],
  additionalProperties: false, // a misspelt setting would otherwise silently do nothing
  properties: {
    path: { type: 'string', pattern: '^/' },
    method: { type: 'string', pattern: '^[A-Za-z]+$' },
    workspace_name: { type: 'string', minLength: 1 },
    status: { type: 'integer', minimum: 200, maximum: 599 },
    body: {},
    headers: { type: 'object', additionalProperties: { type: 'string' } },
    delay_ms: { type: 'integer', minimum: 0, maximum: 600_000 },
    drop: { type: 'boolean' },
    when: { enum: ['before', 'after'] },
    times: { type: 'integer', minimum: 1 },
  },
};

export function faultRoutes(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.post('/sandbox/faults', async (c) => {
    const auth = requireOperator(c);
    const body = await readBody<FaultInput>(c, faultSchema);
    if (body.status === undefined && !body.drop && !body.delay_ms) {
      throw invalid(['body'], 'Give at least one of status, drop or delay_ms', 'value_error.missing');
    }
    const fault = deps.faults.add(auth.organizationId, { ...body, method: body.method?.toUpperCase() });
    return c.json(faultView(fault), 201);
  });

  app.get('/sandbox/faults', (c) => {
    const auth = requireOperator(c);
    return c.json({ data: deps.faults.list(auth.organizationId).map(faultView) });
  });

  app.delete('/sandbox/faults', (c) => {
    const auth = requireOperator(c);
    deps.faults.remove(auth.organizationId);
    return c.body(null, 204);
  });

  app.delete('/sandbox/faults/:id', (c) => {
    const auth = requireOperator(c);
    if (deps.faults.remove(auth.organizationId, c.req.param('id')) === 0) throw notFound('Fault not found');
    return c.body(null, 204);
  });

  return app;
}

function faultView(fault: Fault) {
  const { organization_id: _organization, ...view } = fault;
  return view;
}
