/** Fonts pinned for tests: the npm-shipped defaults only, never what the machine has installed. */
import { loadFontBook, resolveFonts } from '../../src/fonts/index.js';

export function pinnedFonts() {
  return loadFontBook(resolveFonts('/nonexistent-archive', { system: false, roles: {} }));
}
