// The connector the OAuth tests sign in to, shared by the Node and the browser tests.

/** A connector with an OAuth branch and an API-key branch, and one input the provider needs first. */
export const OAUTH_SPEC = {
  type: 'object',
  required: ['subdomain', 'credentials'],
  properties: {
    subdomain: { type: 'string', title: 'Subdomain', pattern: '^[a-z0-9-]+$' },
    credentials: {
      type: 'object',
      title: 'Authentication',
      oneOf: [
        {
          title: 'OAuth',
          required: ['auth_type', 'client_id', 'client_secret', 'refresh_token'],
          properties: {
            auth_type: { type: 'string', const: 'oauth2.0' },
            client_id: { type: 'string', airbyte_secret: true },
            client_secret: { type: 'string', airbyte_secret: true },
            refresh_token: { type: 'string', airbyte_secret: true },
          },
        },
        {
          title: 'API key',
          required: ['auth_type', 'api_key'],
          properties: { auth_type: { type: 'string', const: 'api_key' }, api_key: { type: 'string', airbyte_secret: true } },
        },
      ],
    },
  },
};

export const OAUTH_ADVANCED_AUTH = {
  auth_flow_type: 'oauth2.0',
  predicate_key: ['credentials', 'auth_type'],
  predicate_value: 'oauth2.0',
  oauth_config_specification: {
    oauth_user_input_from_connector_config_specification: {
      type: 'object',
      properties: { subdomain: { type: 'string', path_in_connector_config: ['subdomain'] } },
    },
    complete_oauth_output_specification: {
      type: 'object',
      properties: { refresh_token: { type: 'string', path_in_connector_config: ['credentials', 'refresh_token'] } },
    },
    complete_oauth_server_input_specification: {
      type: 'object',
      properties: { client_id: { type: 'string' }, client_secret: { type: 'string' } },
    },
    complete_oauth_server_output_specification: {
      type: 'object',
      properties: {
        client_id: { type: 'string', path_in_connector_config: ['credentials', 'client_id'] },
        client_secret: { type: 'string', path_in_connector_config: ['credentials', 'client_secret'] },
      },
    },
  },
};
