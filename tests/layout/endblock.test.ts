import { describe, expect, it } from 'vitest';
import { endBlockPlacement } from '../../src/layout/index.js';

describe('end block placement', () => {
  it('sits at the foot of the last page when it fits below the text', () => {
    expect(endBlockPlacement(2, 10, 4, 22, true)).toEqual({ blankPages: 0, newPage: false });
    expect(endBlockPlacement(3, 17, 4, 22, false)).toEqual({ blankPages: 0, newPage: false });
  });

  it('fills the page down to the end block, its top rule separating it from the text, else takes a new page', () => {
    expect(endBlockPlacement(4, 18, 4, 22, true)).toEqual({ blankPages: 0, newPage: false });
    expect(endBlockPlacement(3, 19, 4, 22, false)).toEqual({ blankPages: 0, newPage: true });
  });

  it('moves to the next (even) page when the text ends on an odd page', () => {
    expect(endBlockPlacement(3, 5, 4, 22, true)).toEqual({ blankPages: 0, newPage: true });
    expect(endBlockPlacement(1, 5, 4, 22, true)).toEqual({ blankPages: 0, newPage: true });
  });

  it('leaves an unnumbered blank page when a full even page has no room', () => {
    expect(endBlockPlacement(4, 19, 4, 22, true)).toEqual({ blankPages: 1, newPage: true });
  });
});
