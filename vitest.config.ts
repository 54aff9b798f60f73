import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Temp folders under one folder removed after the run; see the file.
    globalSetup: ['tests/helpers/global-setup.ts'],
    // No installed fonts unless a test names the folders: the machine's fonts never change a result.
    env: { BULLETIN_FONT_DIRS: '' },
    // Font parsing and PDF rendering take a moment on a 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
