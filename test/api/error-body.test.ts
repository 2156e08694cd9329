import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readErrorBody } from '../../src/api/error-body.js';

describe('readErrorBody', () => {
  it('reads FastAPI {detail: string}', () => {
    assert.deepEqual(readErrorBody({ detail: 'Access denied to this resource' }), {
      detail: 'Access denied to this resource',
      fieldIssues: [],
    });
  });

  it('maps FastAPI 422 locations inside source_config onto field paths, and keeps other locations as text', () => {
    const body = {
      detail: [
        { loc: ['body', 'source_config', 'port'], msg: 'Must be at most 65536', type: 'value_error.maximum' },
        { loc: ['body', 'source_config', 'tunnel', 'hosts', 0], msg: 'Required', type: 'value_error.missing' },
        { loc: ['body', 'allowed_origin'], msg: 'field required', type: 'value_error.missing' },
      ],
    };
    assert.deepEqual(readErrorBody(body), {
      detail: 'field required',
      fieldIssues: [
        { path: ['port'], message: 'Must be at most 65536' },
        { path: ['tunnel', 'hosts', 0], message: 'Required' },
      ],
    });
  });

  it('reads the newer {message, errors: [{field, message}]} shape, with dotted fields', () => {
    const body = {
      message: 'Validation failed',
      errors: [
        { field: 'body.source_config.credentials.api_key', message: 'Required', error_code: 'value_error' },
        { field: 'body', message: 'Malformed', error_code: 'value_error' },
      ],
    };
    assert.deepEqual(readErrorBody(body), {
      detail: 'Validation failed',
      fieldIssues: [{ path: ['credentials', 'api_key'], message: 'Required' }],
    });
  });

  it('treats plain text and odd bodies as text, trimmed and bounded', () => {
    assert.deepEqual(readErrorBody('Bad gateway'), { detail: 'Bad gateway', fieldIssues: [] });
    assert.deepEqual(readErrorBody(null), { detail: undefined, fieldIssues: [] });
    assert.deepEqual(readErrorBody({ detail: 42 }), { detail: undefined, fieldIssues: [] });
    assert.equal(readErrorBody({ detail: 'x'.repeat(5000) }).detail!.length, 500);
  });
});
