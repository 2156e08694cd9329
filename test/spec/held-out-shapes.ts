/**
 * Shapes the dialect notes report from held-out specs (spec-dialect §4.2, §5): a root oneOf next to
 * `type: object`, a `["null","object"]` branch, a required nullable date with a singular `example`, an array
 * without `items`, and a nested oneOf with an object default.
 */
export const heldOutShapes = {
  type: 'object',
  oneOf: [
    {
      title: 'Cloud',
      type: ['null', 'object'],
      required: ['type', 'start_date'],
      properties: {
        type: { const: 'cloud' },
        start_date: {
          type: ['string', 'null'],
          format: 'date-time',
          pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$',
          example: '2024-01-01T00:00:00Z',
        },
        tags: { type: 'array' },
        credentials: { type: 'object', default: {}, oneOf: [{ properties: { k: { const: 'a' } } }] },
      },
    },
    { title: 'Server', properties: { type: { const: 'server' }, host: { type: 'string' } }, required: ['host'] },
  ],
};
