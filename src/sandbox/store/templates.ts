// Operator-created source templates, kept per organisation.
import type { Queryable } from '../db/client.js';
import type { JsonObject } from '../json.js';
import type { Template, UserConfigSpec } from '../template.js';

interface TemplateRow {
  id: string;
  organization_id: string;
  name: string;
  icon: string | null;
  tags: string[];
  source_definition_id: string;
  partial_default_config: JsonObject;
  user_config_spec: UserConfigSpec;
  connector_specification: JsonObject;
  mode: Template['mode'];
  created_at: Date;
  updated_at: Date;
}

const toTemplate = (row: TemplateRow): Template => ({
  id: row.id,
  organizationId: row.organization_id,
  name: row.name,
  icon: row.icon,
  tags: row.tags,
  sourceDefinitionId: row.source_definition_id,
  partialDefaultConfig: row.partial_default_config,
  userConfigSpec: row.user_config_spec,
  connectorSpecification: row.connector_specification,
  mode: row.mode,
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
});

export async function listTemplates(db: Queryable, organizationId: string): Promise<Template[]> {
  const { rows } = await db.query<TemplateRow>('SELECT * FROM source_templates WHERE organization_id = $1', [organizationId]);
  return rows.map(toTemplate);
}

export async function findTemplate(db: Queryable, organizationId: string, id: string): Promise<Template | undefined> {
  const { rows } = await db.query<TemplateRow>('SELECT * FROM source_templates WHERE organization_id = $1 AND id = $2', [
    organizationId,
    id,
  ]);
  return rows[0] && toTemplate(rows[0]);
}

export async function insertTemplate(db: Queryable, template: Omit<Template, 'createdAt' | 'updatedAt'>): Promise<Template> {
  const { rows } = await db.query<TemplateRow>(
    `INSERT INTO source_templates (id, organization_id, name, icon, tags, source_definition_id,
       partial_default_config, user_config_spec, connector_specification, mode)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7::jsonb, $8::jsonb, $9::jsonb, $10)
     RETURNING *`,
    [
      template.id,
      template.organizationId,
      template.name,
      template.icon,
      JSON.stringify(template.tags),
      template.sourceDefinitionId,
      JSON.stringify(template.partialDefaultConfig),
      JSON.stringify(template.userConfigSpec),
      JSON.stringify(template.connectorSpecification),
      template.mode,
    ],
  );
  return toTemplate(rows[0]!);
}
