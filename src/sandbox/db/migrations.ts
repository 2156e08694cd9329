// The database schema, as numbered migrations. Never edit a released migration: add a new one.
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: Migration[] = [
  {
    version: 1,
    name: 'initial schema',
    sql: `
      -- One row: the organisation this sandbox serves, its operator, and the key that signs every token.
      CREATE TABLE sandbox_instance (
        id integer PRIMARY KEY CHECK (id = 1),
        organization_id uuid NOT NULL,
        operator_id uuid NOT NULL,
        signing_key text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE workspaces (
        id uuid PRIMARY KEY,
        organization_id uuid NOT NULL,
        name text NOT NULL,
        region_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organization_id, name)
      );

      -- Origins that widget tokens were minted for; browsers from these pass preflights.
      CREATE TABLE allowed_origins (
        organization_id uuid NOT NULL,
        origin text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (organization_id, origin)
      );

      -- Templates created through the operator API (the built-in catalog lives in files, not here).
      CREATE TABLE source_templates (
        id uuid PRIMARY KEY,
        organization_id uuid NOT NULL,
        name text NOT NULL,
        icon text,
        tags jsonb NOT NULL DEFAULT '[]',
        source_definition_id uuid NOT NULL,
        partial_default_config jsonb NOT NULL DEFAULT '{}',
        user_config_spec jsonb NOT NULL,
        connector_specification jsonb NOT NULL,
        mode text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organization_id, name)
      );

      -- config holds the end user's values (secrets unmasked); template defaults are merged in when used.
      CREATE TABLE sources (
        id uuid PRIMARY KEY,
        seq bigserial NOT NULL UNIQUE,
        workspace_id uuid NOT NULL REFERENCES workspaces (id),
        template_id uuid NOT NULL,
        name text NOT NULL,
        config jsonb NOT NULL,
        connection_template_tags jsonb NOT NULL DEFAULT '[]',
        connection_template_tags_mode text NOT NULL DEFAULT 'any',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (workspace_id, name)
      );
    `,
  },
];
