/**
 * The English words of the rare field kinds (lists of objects, the JSON fallback): part of the English catalog
 * (`en.ts`), but shipped in their chunk, which adds them with `addEnglish` when it arrives; no form shows them before.
 */
export const enFields = {
  add: 'Add {name}',
  remove: 'Remove',
  jsonHint: 'Enter JSON.',
  // why a field is edited as JSON (after jsonHint)
  'json.notObject': 'Its schema is not an object.',
  'json.combination': 'It uses a schema combination ($ref, anyOf or allOf) that the form cannot show as fields.',
  'json.choices': 'Its choices are not plain values.',
  'json.type': 'Its type ({type}) has no form control.',
  'json.list': 'It is a list of {type} values, which has no form control.',
  'json.branch': 'One of its options is not a group of fields.',
  'json.noDiscriminator': 'Its options have no fixed field that tells them apart.',
  'v.invalidJson': 'This isn’t valid JSON. Check for missing quotes, commas or brackets.',
};
