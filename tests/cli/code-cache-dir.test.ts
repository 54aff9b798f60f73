/** Where the CLI keeps its V8 code cache: the user's cache folder of each platform, never the install folder. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';

type CacheDir = (env: NodeJS.ProcessEnv, platform: NodeJS.Platform) => string;
const LOADER = '../../scripts/load.mjs';

describe('code cache folder', () => {
  it('follows XDG_CACHE_HOME, ~/.cache, ~/Library/Caches and %LOCALAPPDATA%', async () => {
    const { cacheDir } = (await import(LOADER)) as { cacheDir: CacheDir };
    expect(cacheDir({ XDG_CACHE_HOME: '/x/cache' }, 'linux')).toBe(path.join('/x/cache', 'bulletin'));
    expect(cacheDir({}, 'linux')).toMatch(/[\\/]\.cache[\\/]bulletin$/);
    expect(cacheDir({}, 'darwin')).toMatch(/[\\/]Library[\\/]Caches[\\/]bulletin$/);
    expect(cacheDir({ LOCALAPPDATA: 'C:\\Users\\a\\AppData\\Local' }, 'win32')).toBe(path.join('C:\\Users\\a\\AppData\\Local', 'bulletin', 'Cache'));
  });
});
