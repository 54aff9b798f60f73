// Bundle the CLI into one ES module: faster start-up than loading hundreds of files.
// pdfkit and fontkit stay external (pdfkit loads its data files from its own folder).
import { build } from 'esbuild';

await build({
  entryPoints: ['src/cli/index.ts'],
  outfile: 'dist/bulletin.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['pdfkit', 'fontkit'],
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  minify: true,
  logLevel: 'warning',
});
