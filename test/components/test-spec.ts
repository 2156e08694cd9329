/** A compact spec with one field of each kind the core form renders. */
export const testSpec = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  required: ['host', 'port', 'password', 'tunnel'],
  properties: {
    host: { type: 'string', title: 'Host', description: 'The <b>hostname</b> of your database.', order: 0 },
    port: { type: 'integer', title: 'Port', minimum: 1, maximum: 65535, default: 5432, order: 1 },
    password: { type: 'string', title: 'Password', airbyte_secret: true, order: 2 },
    ssl: { type: 'boolean', title: 'Use SSL', default: false, order: 3 },
    schemas: { type: 'array', title: 'Schemas', items: { type: 'string' }, order: 4 },
    mode: { type: 'string', title: 'Mode', enum: ['fast', 'safe'], order: 5 },
    tunnel: {
      type: 'object',
      title: 'SSH tunnel',
      order: 6,
      oneOf: [
        { title: 'No tunnel', required: ['method'], properties: { method: { type: 'string', const: 'NONE' } } },
        {
          title: 'Password tunnel',
          required: ['method', 'tunnel_host'],
          properties: {
            method: { type: 'string', const: 'PASSWORD' },
            tunnel_host: { type: 'string', title: 'Tunnel host' },
            tunnel_password: { type: 'string', title: 'Tunnel password', airbyte_secret: true },
          },
        },
      ],
    },
    advanced: {
      type: 'object',
      title: 'Advanced',
      order: 7,
      properties: { timeout: { type: 'integer', title: 'Timeout (seconds)', minimum: 0 } },
    },
  },
};
