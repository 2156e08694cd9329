// The JSON shapes the API answers with (contract §4). Every config passes through the secret mask here.
import type { JsonObject } from './json.js';
import { keepSpecProperties, maskSecrets } from './secrets.js';
import type { Source } from './store/sources.js';
import type { Template } from './template.js';

export function templateView(template: Template) {
  return {
    id: template.id,
    name: template.name,
    icon: template.icon,
    tags: template.tags,
    source_definition_id: template.sourceDefinitionId,
    actor_definition_id: template.sourceDefinitionId,
    organization_id: template.organizationId,
    partial_default_config: maskSecrets(template.connectorSpecification, template.partialDefaultConfig),
    user_config_spec: template.userConfigSpec,
    mode: template.mode,
    created_at: template.createdAt,
    updated_at: template.updatedAt,
  };
}

export function templateListItem(template: Template) {
  return {
    id: template.id,
    name: template.name,
    icon: template.icon,
    tags: template.tags,
    source_definition_id: template.sourceDefinitionId,
  };
}

export function sourceView(source: Source, template: Template) {
  return {
    id: source.id,
    name: source.name,
    source_template: templateView(template),
    source_config: presentConfig(template, source.config),
    created_at: source.createdAt,
    updated_at: source.updatedAt,
  };
}

export function sourceListItem(source: Source, template: Template) {
  return {
    id: source.id,
    name: source.name,
    summarized_source_template: { id: template.id, name: template.name, icon: template.icon },
    created_at: source.createdAt,
    updated_at: source.updatedAt,
  };
}

/** The end user's config as shown back: only the fields of their form, secrets masked (by either spec). */
export function presentConfig(template: Template, config: JsonObject): JsonObject {
  const userSpec = template.userConfigSpec.connectionSpecification;
  const shown = maskSecrets(userSpec, keepSpecProperties(userSpec, config));
  return maskSecrets(template.connectorSpecification, shown) as JsonObject;
}
