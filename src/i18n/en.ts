import type { enFields } from './en-fields.js';
import type { enSignIn } from './en-sign-in.js';

/**
 * Every string the widget shows, in English: the catalog every other locale translates key for key.
 *
 * `{name}` marks a value put in at run time (numbers are formatted for the locale). A key ending in `.one` or
 * `.other` is one form of a plural, picked with `Intl.PluralRules`; a language with fewer forms repeats the text.
 * The English catalog ships in the main bundle, except the words of the sign-in and of the rare field kinds, which
 * arrive with their chunks (`en-sign-in.ts`, `en-fields.ts`); the other languages are loaded whole when a page asks
 * for them.
 */
export const en = {
  loading: 'Loading…',
  search: 'Search',
  yourConnections: 'Your connections',
  addConnection: 'Connect a new source',
  noMatches: 'No connectors match your search.',
  noTemplates: 'No connectors are available yet.',
  alreadyConnected: 'Already connected',
  back: 'Back',
  close: 'Close',
  dialogLabel: 'Connect a data source',
  connect: 'Connect',
  testConnection: 'Test connection',
  saveChanges: 'Save changes',
  delete: 'Delete',
  confirmDelete: 'Yes, delete',
  cancel: 'Cancel',
  deleteQuestion: 'Delete “{name}”? Data syncs from this source will stop.',
  deleted: '“{name}” was deleted.',
  tryAgain: 'Try again',
  optional: 'Optional',
  optionalFields: 'Optional fields',
  show: 'Show',
  hide: 'Hide',
  removeValue: 'Remove {name}',
  listHint: 'Press Enter or comma to add.',
  secretSaved: 'Saved',
  replace: 'Replace {name}',
  pickDate: 'Pick from a calendar',
  testing: 'Testing the connection…',
  retrying: 'The connection is unreliable. Trying again…',
  connecting: 'Connecting…',
  saving: 'Saving…',
  deleting: 'Deleting…',
  checkSucceeded: 'Connection test succeeded.',
  checkFailed: 'Connection test failed.',
  'fixFields.one': 'One field needs attention.',
  'fixFields.other': '{count} fields need attention.',
  createdTitle: '{name} is connected',
  updatedTitle: '{name} is updated',
  done: 'Done',
  connectedAt: 'Your source is saved and ready.',
  connectedOn: 'Connected {date}',
  invalidToken: 'This connection widget could not start: its access token is not valid. Reload the page to try again.',
  expiredToken: 'Your session has expired. Reload the page to continue; nothing you typed here is lost until you do.',
  couldNotLoad: 'The list of connectors could not be loaded.',

  // API failures, by ApiError code
  'error.network_error': 'We couldn’t reach the server. Check your internet connection and try again.',
  'error.timeout': 'The server took too long to answer. Try again in a moment.',
  'error.bad_request': 'The request was not accepted.',
  'error.token_expired': 'Your session has expired. Reload the page to continue.',
  'error.forbidden': 'You don’t have access to this. Ask the page owner for access.',
  'error.not_found': 'This item no longer exists. Go back and pick another.',
  'error.conflict': 'This conflicts with something that already exists.',
  'error.validation_error': 'Some fields need attention.',
  'error.rate_limited': 'Too many requests right now. Wait a minute, then try again.',
  'error.server_error': 'The server had a problem. Your input is kept; try again in a moment.',
  'error.invalid_response': 'The server sent an answer we could not read. Try again in a moment.',

  // validation messages: plain words for the person filling in the form
  'v.required': 'Required',
  'v.chooseOption': 'Choose an option',
  'v.number': 'Enter a number',
  'v.wholeNumber': 'Enter a whole number',
  'v.text': 'Enter text',
  'v.boolean': 'Turn this on or off',
  'v.list': 'Enter a list of values',
  'v.invalid': 'This value isn’t valid',
  'v.fixed': 'This value can’t be changed',
  'v.min': 'Must be at least {n}',
  'v.max': 'Must be at most {n}',
  'v.greaterThan': 'Must be greater than {n}',
  'v.lessThan': 'Must be less than {n}',
  'v.format': 'Use the format {format}',
  'v.pattern': 'This doesn’t look right. Check the format (expected pattern: {pattern}).',
  'v.minLength.one': 'Enter at least {n} character',
  'v.minLength.other': 'Enter at least {n} characters',
  'v.maxLength.one': 'Use at most {n} character',
  'v.maxLength.other': 'Use at most {n} characters',
  'v.minItems.one': 'Add at least {n} value',
  'v.minItems.other': 'Add at least {n} values',
  'v.maxItems.one': 'Use at most {n} value',
  'v.maxItems.other': 'Use at most {n} values',
  'v.uniqueItems': 'Remove the duplicate values',
};

/** A key of the catalog. */
export type MessageKey = keyof typeof en | keyof typeof enSignIn | keyof typeof enFields;
/** A complete catalog: every key translated. */
export type Catalog = Record<MessageKey, string>;
