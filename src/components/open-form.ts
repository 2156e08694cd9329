import type { Source, SourceTemplate } from '../api/schemas.js';
import type { FormState } from './form-state.js';

/** One open form: a new source from a template, or a saved source being edited. */
export interface OpenForm {
  readonly template: SourceTemplate;
  readonly source?: Source;
  readonly state: FormState;
}
