import type { DocumentLink } from '../domain';
import { clip, firstOf, safeUrl } from './text';

export interface DocumentView {
  readonly title: string;
  readonly url: string;
}

/**
 * Papers with a usable link, restricted ones left out unless the audience is the committee itself, and the number
 * of restricted ones left out (so a card can say so without naming them).
 */
export const documentViews = (
  documents: readonly DocumentLink[],
  options: { showRestricted: boolean; max: number; titleMax: number },
): { documents: DocumentView[]; restrictedCount: number } => {
  const visible = documents.filter((d) => options.showRestricted || !d.restricted);
  const linked = visible.flatMap((d) => {
    const url = safeUrl(d.url);
    return url ? [{ title: clip(d.title, options.titleMax), url }] : [];
  });
  return { documents: firstOf(linked, options.max).shown, restrictedCount: documents.length - visible.length };
};
