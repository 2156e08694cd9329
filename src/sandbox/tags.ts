// Template tag filters: "any" keeps templates with at least one of the tags, "all" those with every tag.
export type TagMode = 'any' | 'all';

export interface TagFilter {
  tags: string[];
  mode: TagMode;
}

export const NO_FILTER: TagFilter = { tags: [], mode: 'any' };

/** An empty filter keeps everything. */
export function matchesTags(templateTags: readonly string[], filter: TagFilter): boolean {
  if (filter.tags.length === 0) return true;
  const have = new Set(templateTags);
  return filter.mode === 'all' ? filter.tags.every((tag) => have.has(tag)) : filter.tags.some((tag) => have.has(tag));
}
