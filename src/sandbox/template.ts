// The source template model shared by the catalog, the database and the routes.
import type { JsonObject } from './json.js';

/** What the end user fills in: a JSON-Schema `connectionSpecification` plus, for OAuth connectors, `advanced_auth`. */
export interface UserConfigSpec {
  connectionSpecification: JsonObject;
  advanced_auth?: JsonObject;
  [key: string]: unknown;
}

export interface Template {
  id: string;
  /** null for the built-in catalog's templates, which every organisation sees. */
  organizationId: string | null;
  name: string;
  icon: string | null;
  tags: string[];
  sourceDefinitionId: string;
  partialDefaultConfig: JsonObject;
  userConfigSpec: UserConfigSpec;
  /** The connector's full connectionSpecification, which a merged config must satisfy. */
  connectorSpecification: JsonObject;
  mode: 'REPLICATION' | 'DIRECT';
  createdAt: string;
  updatedAt: string;
}

/** Sort key for template lists: by name, case-insensitively, then id. */
export const templateSortKey = (template: Template): string => `${template.name.toLowerCase()}\u0000${template.id}`;
