import { clip, firstOf, plural, safeUrl } from '../../src/cards/text';

describe('text from documents and users', () => {
  it('clips by whole characters and marks the cut', () => {
    expect(clip('Gŵyr a’r Rhŷl', 20)).toBe('Gŵyr a’r Rhŷl');
    expect(clip('Gŵyr a’r Rhŷl', 6)).toBe('Gŵyr…');
    expect(clip('🟢🟠🔴✅', 3)).toBe('🟢🟠…');
    expect(clip('  line one\r\nline two  ', 100)).toBe('line one\nline two');
  });

  it('links only http(s) addresses of a sane length', () => {
    expect(safeUrl('https://democracy.melton.gov.uk/documents/s4421/CSP report.pdf')).toBe('https://democracy.melton.gov.uk/documents/s4421/CSP%20report.pdf');
    expect(safeUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeUrl('file:///etc/passwd')).toBeUndefined();
    expect(safeUrl('not a url')).toBeUndefined();
    expect(safeUrl(`https://x.example/${'a'.repeat(600)}`)).toBeUndefined();
    expect(safeUrl(undefined)).toBeUndefined();
  });

  it('keeps the first of a long list and counts the rest', () => {
    expect(firstOf([1, 2, 3], 2)).toEqual({ shown: [1, 2], moreCount: 1 });
    expect(plural(1, 'item')).toBe('1 item');
    expect(plural(2, 'more action')).toBe('2 more actions');
  });
});
